import type { Chunk, ChunkPlan, LeafChunk } from './chunks';
import type { ParsedPostmortem } from './parse';
import type { Piece } from './piece';
import type { YMap, YNode, YPair } from './tree';

/**
 * The pieces of a clean full parse, taken from its tree instead of parsing each piece again: the
 * first parse of a large document is then one `yaml` run, not thousands. Pieces come out in the
 * order the assembly asks for them. Null when the tree does not line up with the plan.
 */
export function seedPieces(parsed: ParsedPostmortem, plan: ChunkPlan): Piece[] | null {
  const pieces: Piece[] = [];
  const root = parsed.root;
  if (root?.kind !== 'map' || !isRecord(parsed.value)) return null;

  const unbounded = (chunk: LeafChunk, pair: YPair | null, item: YNode | null, value: unknown): Piece => ({
    start: chunk.start,
    end: chunk.end,
    pair,
    item,
    value,
    containerStart: undefined,
    containerEnd: undefined,
  });

  const seedMap = (map: YMap, value: Record<string, unknown>, chunks: Chunk[]): boolean => {
    if (map.flow || map.pairs.length !== chunks.length) return false;
    for (let i = 0; i < chunks.length; i++) {
      const chunk = chunks[i];
      const pair = map.pairs[i];
      if (!chunk || !pair || pair.key.value !== chunk.key || chunk.key === undefined) return false;
      const sub = value[chunk.key];
      if (chunk.kind === 'leaf') {
        pieces.push(unbounded(chunk, pair, null, sub));
        continue;
      }
      // The header alone parses as the key with an empty value; only its key is ever read.
      pieces.push(unbounded(chunk.header, { key: pair.key, value: null, start: pair.key.start, end: pair.key.end }, null, null));
      const body = pair.value;
      if (chunk.body === 'seq') {
        if (body?.kind !== 'seq' || body.flow || body.items.length !== chunk.children.length || !Array.isArray(sub)) return false;
        for (let j = 0; j < chunk.children.length; j++) {
          const child = chunk.children[j];
          if (child?.kind !== 'leaf') return false;
          pieces.push(unbounded(child, null, body.items[j] ?? null, sub[j]));
        }
      } else if (body?.kind !== 'map' || !isRecord(sub) || !seedMap(body, sub, chunk.children)) {
        return false;
      }
    }
    return true;
  };

  return seedMap(root, parsed.value, plan.chunks) ? pieces : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import { planChunks, type Chunk, type ChunkPlan, type LeafChunk, type SplitPair } from './chunks';
import type { ConvertNotes } from './convert';
import { diffTexts, type TextChange } from './diff';
import { LineIndex } from './lineIndex';
import { parseWhole, type ParsedPostmortem, type ParseInput } from './parse';
import { containerOf, moved, NotChunkable, parsePiece, type Piece } from './piece';
import { seedPieces } from './seed';
import type { YMap, YNode, YPair, YSeq } from './tree';

/** What a pair contributes to its mapping; the range ends are asked for only at a mapping's ends. */
interface PairPart {
  pair: YPair;
  key: string;
  value: unknown;
  containerStart(): number;
  containerEnd(): number;
}

/**
 * Parses one document's successive versions, re-parsing only the pieces whose text changed (see
 * chunks.ts for where the text is cut). The result is the tree, value and problems a full parse
 * would give; a piece with any error, warning, anchor, alias or multi-line flow collection makes
 * the whole text go through `yaml` instead, since `yaml` may read it differently in context.
 *
 * Pieces are kept for the last version parsed in pieces (or cleanly in full), by position:
 * comparing that text with the new one tells which lie in the unchanged head (same place) or the
 * unchanged tail (moved by the length difference).
 */
export class IncrementalParser {
  /** In document order, which is also the order pieces are asked for, so one cursor finds them. */
  private pieces: Piece[] = [];
  private piecesText = '';
  /** For tests and the benchmark: how the last parse was done, and how many pieces it parsed. */
  lastMode: 'chunks' | 'full' = 'full';
  lastReparsed = 0;

  parse(input: ParseInput): ParsedPostmortem {
    const plan = planChunks(input.text);
    if (plan && this.pieces.length > 0) {
      const change = diffTexts(this.piecesText, input.text);
      // When most of the text is new, one full parse is cheaper than many small ones.
      if (input.text.length - change.prefix - change.suffix < input.text.length / 2) {
        try {
          return this.assemble(input, plan, change);
        } catch (error) {
          if (!(error instanceof NotChunkable)) throw error;
        }
      }
    }
    const notes: ConvertNotes = { anchorsOrAliases: false, multiLineFlow: false };
    const parsed = parseWhole(input, notes);
    this.lastMode = 'full';
    this.lastReparsed = 0;
    if (plan && parsed.syntaxProblems.length === 0 && !notes.anchorsOrAliases && !notes.multiLineFlow) {
      const seeded = seedPieces(parsed, plan);
      if (seeded) {
        this.pieces = seeded;
        this.piecesText = input.text;
      }
    }
    return parsed;
  }

  private assemble(input: ParseInput, plan: ChunkPlan, change: TextChange): ParsedPostmortem {
    const { text } = input;
    const previous = this.pieces;
    const next: Piece[] = [];
    const { prefix, suffix, delta } = change;
    const tail = text.length - suffix;
    let cursor = 0;
    let reparsed = 0;

    /** The previous piece at exactly [start, end) of the previous text, if there was one. */
    const previousAt = (start: number, end: number): Piece | undefined => {
      while (cursor < previous.length && (previous[cursor]?.start ?? Infinity) < start) cursor++;
      const candidate = previous[cursor];
      return candidate?.start === start && candidate.end === end ? candidate : undefined;
    };

    const piece = (chunk: LeafChunk): Piece => {
      let found: Piece | undefined;
      if (chunk.end <= prefix) found = previousAt(chunk.start, chunk.end);
      else if (chunk.start >= tail) {
        const old = previousAt(chunk.start - delta, chunk.end - delta);
        if (old) found = moved(old, delta);
      }
      if (!found) {
        found = parsePiece(text.slice(chunk.start, chunk.end), chunk);
        reparsed++;
      }
      next.push(found);
      return found;
    };

    const pairPart = (chunk: Chunk): PairPart => (chunk.kind === 'leaf' ? leafPair(chunk) : splitPair(chunk));

    const leafPair = (chunk: LeafChunk): PairPart => {
      const found = piece(chunk);
      const pair = found.pair;
      if (!pair) throw new NotChunkable();
      return {
        pair,
        key: String(pair.key.value),
        value: found.value,
        containerStart: () => containerOf(found, text, chunk).start,
        containerEnd: () => containerOf(found, text, chunk).end,
      };
    };

    const splitPair = (chunk: SplitPair): PairPart => {
      const header = piece(chunk.header);
      const headerValue = header.pair?.value;
      if (!header.pair || (headerValue && (headerValue.kind !== 'scalar' || headerValue.value !== null))) throw new NotChunkable();
      let body: YMap | YSeq;
      let value: unknown;
      if (chunk.body === 'seq') {
        const items: Piece[] = [];
        const nodes: YNode[] = [];
        const values: unknown[] = [];
        for (const child of chunk.children) {
          if (child.kind !== 'leaf') throw new NotChunkable();
          const found = piece(child);
          if (!found.item) throw new NotChunkable();
          items.push(found);
          nodes.push(found.item);
          values.push(found.value);
        }
        const first = chunk.children[0];
        const last = chunk.children.at(-1);
        const firstItem = items[0];
        const lastItem = items.at(-1);
        if (first?.kind !== 'leaf' || last?.kind !== 'leaf' || !firstItem || !lastItem) throw new NotChunkable();
        body = { kind: 'seq', flow: false, items: nodes, start: containerOf(firstItem, text, first).start, end: containerOf(lastItem, text, last).end };
        value = values;
      } else {
        const built = mapOf(chunk.children.map(pairPart));
        body = built.map;
        value = built.value;
      }
      const key = header.pair.key;
      const pair: YPair = { key, value: body, start: key.start, end: Math.max(key.end, body.end) };
      const end = body.end;
      return { pair, key: chunk.key, value, containerStart: () => containerOf(header, text, chunk.header).start, containerEnd: () => end };
    };

    const root = mapOf(plan.chunks.map(pairPart));
    this.pieces = next;
    this.piecesText = text;
    this.lastMode = 'chunks';
    this.lastReparsed = reparsed;
    return {
      uri: input.uri,
      version: input.version,
      text,
      root: root.map,
      value: root.value,
      syntaxProblems: [],
      lines: new LineIndex(text, plan.lineStarts),
    };
  }
}

/** A block mapping from its pairs, as `yaml` would build it; duplicate keys are `yaml`'s error to report. */
function mapOf(parts: PairPart[]): { map: YMap; value: Record<string, unknown> } {
  const value: Record<string, unknown> = {};
  const keys = new Set<string>();
  for (const part of parts) {
    if (keys.has(part.key)) throw new NotChunkable();
    keys.add(part.key);
    Object.defineProperty(value, part.key, { value: part.value, enumerable: true, writable: true, configurable: true });
  }
  const map: YMap = { kind: 'map', flow: false, pairs: parts.map((part) => part.pair), start: parts[0]?.containerStart() ?? 0, end: parts.at(-1)?.containerEnd() ?? 0 };
  return { map, value };
}

import { isMap, isSeq, parseDocument } from 'yaml';
import { planChunks, type ChunkPlan, type Chunk, type LeafChunk, type SplitPair } from './chunks';
import { diffTexts } from './diff';
import { convertDocument, type ConvertNotes } from './convert';
import { LineIndex } from './lineIndex';
import { parsePostmortem, toPlainValue, type ParsedPostmortem, type ParseInput } from './parse';
import { shifted, shiftedPair, shiftInPlace, shiftPairInPlace } from './shift';
import type { YMap, YNode, YPair, YSeq } from './tree';

/** One parsed piece at an absolute position. `value` is shared between positions: never mutated. */
interface Piece {
  start: number;
  end: number;
  /** A pair for `key: …` pieces, the item for `- …` pieces. */
  pair: YPair | null;
  item: YNode | null;
  value: unknown;
  /** The range of the one-entry mapping or sequence the piece parsed as; parents take theirs from it. */
  containerStart: number;
  containerEnd: number;
}

/** What a pair contributes to its mapping. */
interface PairPart {
  pair: YPair;
  key: string;
  value: unknown;
  containerStart: number;
  containerEnd: number;
}

/** Why this parse could not be assembled from pieces; the text is then parsed whole. */
class NotChunkable extends Error {}

/**
 * Parses one document's successive versions, re-parsing only the pieces whose text changed (see
 * chunks.ts for where the text is cut). The result is the tree, value and problems a full parse
 * would give; a piece with any error, warning, anchor, alias or multi-line flow collection makes
 * the whole text go through `parsePostmortem` instead, since `yaml` may read it differently in
 * context. Pieces are kept for the last version parsed in pieces, by position: comparing that text
 * with the new one tells which of them lie in the unchanged head (same place) or tail (moved).
 */
export class IncrementalParser {
  private pieces = new Map<number, Piece>();
  private piecesText = '';
  /** For tests and the benchmark: how the last parse was done. */
  lastMode: 'chunks' | 'full' = 'full';
  lastReparsed = 0;

  parse(input: ParseInput): ParsedPostmortem {
    const plan = planChunks(input.text);
    if (plan) {
      try {
        return this.assemble(input, plan);
      } catch (error) {
        if (!(error instanceof NotChunkable)) throw error;
      }
    }
    this.lastMode = 'full';
    return parsePostmortem(input);
  }

  private assemble(input: ParseInput, plan: ChunkPlan): ParsedPostmortem {
    const { text } = input;
    const next = new Map<number, Piece>();
    const { prefix, suffix, delta } = diffTexts(this.piecesText, text);
    const tail = text.length - suffix;
    let reparsed = 0;

    const piece = (chunk: LeafChunk): Piece => {
      let found: Piece | undefined;
      if (chunk.end <= prefix) {
        found = this.pieces.get(chunk.start);
        if (found?.end !== chunk.end) found = undefined;
      } else if (chunk.start >= tail) {
        found = this.pieces.get(chunk.start - delta);
        found = found?.end === chunk.end - delta ? moved(found, delta) : undefined;
      }
      if (!found) {
        found = parsePiece(text.slice(chunk.start, chunk.end), chunk);
        reparsed++;
      }
      next.set(chunk.start, found);
      return found;
    };

    const pairPart = (chunk: Chunk): PairPart => (chunk.kind === 'leaf' ? leafPair(chunk) : splitPair(chunk));

    const leafPair = (chunk: LeafChunk): PairPart => {
      const found = piece(chunk);
      if (!found.pair) throw new NotChunkable();
      return { pair: found.pair, key: String(found.pair.key.value), value: found.value, containerStart: found.containerStart, containerEnd: found.containerEnd };
    };

    const splitPair = (chunk: SplitPair): PairPart => {
      const header = piece(chunk.header);
      const headerValue = header.pair?.value;
      if (!header.pair || (headerValue && (headerValue.kind !== 'scalar' || headerValue.value !== null))) throw new NotChunkable();
      let body: YMap | YSeq;
      let value: unknown;
      if (chunk.body === 'seq') {
        const items = chunk.children.map((child) => {
          if (child.kind !== 'leaf') throw new NotChunkable();
          const found = piece(child);
          if (!found.item) throw new NotChunkable();
          return found;
        });
        body = { kind: 'seq', flow: false, items: items.map((found) => found.item as YNode), start: items[0]?.containerStart ?? 0, end: items.at(-1)?.containerEnd ?? 0 };
        value = items.map((found) => found.value);
      } else {
        const built = mapOf(chunk.children.map(pairPart));
        body = built.map;
        value = built.value;
      }
      const key = header.pair.key;
      const pair: YPair = { key, value: body, start: key.start, end: Math.max(key.end, body.end) };
      return { pair, key: chunk.key, value, containerStart: header.containerStart, containerEnd: body.end };
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
  const map: YMap = { kind: 'map', flow: false, pairs: parts.map((part) => part.pair), start: parts[0]?.containerStart ?? 0, end: parts.at(-1)?.containerEnd ?? 0 };
  return { map, value };
}

function moved(piece: Piece, delta: number): Piece {
  if (delta === 0) return piece;
  return {
    start: piece.start + delta,
    end: piece.end + delta,
    pair: piece.pair ? shiftedPair(piece.pair, delta) : null,
    item: piece.item ? shifted(piece.item, delta) : null,
    value: piece.value,
    containerStart: piece.containerStart + delta,
    containerEnd: piece.containerEnd + delta,
  };
}

function parsePiece(text: string, chunk: LeafChunk): Piece {
  const document = parseDocument(text, { prettyErrors: false, keepSourceTokens: false });
  if (document.errors.length > 0 || document.warnings.length > 0) throw new NotChunkable();
  const contents = document.contents;
  const notes: ConvertNotes = { anchorsOrAliases: false, multiLineFlow: false };
  const root = convertDocument(document, text, notes);
  if (notes.anchorsOrAliases || notes.multiLineFlow || !root) throw new NotChunkable();
  const [containerStart = 0, , containerEnd = 0] = (isMap(contents) || isSeq(contents) ? contents.range : undefined) ?? [];
  const delta = chunk.start;
  if (chunk.role === 'pair') {
    if (!isMap(contents) || contents.flow || contents.items.length !== 1 || root.kind !== 'map' || root.pairs.length !== 1) throw new NotChunkable();
    const pair = root.pairs[0];
    if (!pair || pair.key.value !== chunk.key) throw new NotChunkable();
    shiftPairInPlace(pair, delta);
    return { start: delta, end: chunk.end, pair, item: null, value: toPlainValue(pair.value), containerStart: containerStart + delta, containerEnd: containerEnd + delta };
  }
  if (!isSeq(contents) || contents.flow || contents.items.length !== 1 || root.kind !== 'seq' || root.items.length !== 1) throw new NotChunkable();
  const item = root.items[0] ?? null;
  shiftInPlace(item, delta);
  return { start: delta, end: chunk.end, pair: null, item, value: toPlainValue(item), containerStart: containerStart + delta, containerEnd: containerEnd + delta };
}

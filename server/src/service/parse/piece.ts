import { isMap, isSeq, parseDocument } from 'yaml';
import type { LeafChunk } from './chunks';
import { convertDocument, type ConvertNotes } from './convert';
import { toPlainValue } from './parse';
import { shifted, shiftedPair, shiftInPlace, shiftPairInPlace } from './shift';
import type { YNode, YPair } from './tree';

/** One parsed piece at an absolute position. `value` is shared between positions: never mutated. */
export interface Piece {
  start: number;
  end: number;
  /** A pair for `key: …` pieces, the item for `- …` pieces. */
  pair: YPair | null;
  item: YNode | null;
  value: unknown;
  /**
   * The range of the one-entry mapping or sequence the piece parses as alone; a parent takes its
   * start from its first piece and its end from its last. Unknown (undefined) for pieces taken
   * from a full parse until a parent needs them.
   */
  containerStart: number | undefined;
  containerEnd: number | undefined;
}

/** Why a text could not be assembled from pieces; it is then parsed whole. */
export class NotChunkable extends Error {}

/** Parses one piece alone, or throws NotChunkable when `yaml` might read it differently in context. */
export function parsePiece(text: string, chunk: LeafChunk): Piece {
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

/** The same piece `delta` characters later (or earlier), as a copy. */
export function moved(piece: Piece, delta: number): Piece {
  if (delta === 0) return piece;
  return {
    start: piece.start + delta,
    end: piece.end + delta,
    pair: piece.pair ? shiftedPair(piece.pair, delta) : null,
    item: piece.item ? shifted(piece.item, delta) : null,
    value: piece.value,
    containerStart: piece.containerStart === undefined ? undefined : piece.containerStart + delta,
    containerEnd: piece.containerEnd === undefined ? undefined : piece.containerEnd + delta,
  };
}

/** Fills in a piece's container range by parsing it alone, once, when a parent first needs it. */
export function containerOf(piece: Piece, text: string, chunk: LeafChunk): { start: number; end: number } {
  if (piece.containerStart === undefined || piece.containerEnd === undefined) {
    const alone = parsePiece(text.slice(chunk.start, chunk.end), chunk);
    piece.containerStart = alone.containerStart;
    piece.containerEnd = alone.containerEnd;
  }
  return { start: piece.containerStart ?? 0, end: piece.containerEnd ?? 0 };
}

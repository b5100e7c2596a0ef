import { isMap, isSeq, parseDocument } from 'yaml';
import { isStackOverflow } from './tooDeep';
import { convertDocument, type ConvertNotes } from './convert';
import { fastPieceRoot } from './fastPiece';
import { toPlainValue } from './parse';
import { shiftInPlace, shiftPairInPlace } from './shift';
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
   * start from its first piece and its end from its last.
   */
  containerStart: number;
  containerEnd: number;
}

/** Which text a piece covers and what it must parse as: a `key: …` pair, or one `- …` item. */
export interface PieceSpec {
  role: 'pair' | 'item';
  start: number;
  end: number;
  key?: string;
}

/** Why a text could not be assembled from pieces; it is then parsed whole. */
export class NotChunkable extends Error {}

/** Parses one piece alone, or throws NotChunkable when `yaml` might read it differently in context. */
export function parsePiece(slice: string, chunk: PieceSpec): Piece {
  // `yaml` keeps scalars as slices of its input, and a slice of the document would keep that whole
  // version of the document alive as long as the piece lives: parse a copy of just this piece.
  const text = (slice + ' ').slice(0, -1);
  // Most pieces are plain mappings and sequences of scalars: read from the CST, as `yaml` would.
  const fast = fastPieceRoot(text);
  if (fast) return pieceOf(fast, fast.start, fast.end, chunk);
  return slowPiece(text, chunk);
}

/** The piece through `yaml`'s whole parse, for what fastPieceRoot declines. */
function slowPiece(text: string, chunk: PieceSpec): Piece {
  let document;
  try {
    document = parseDocument(text, { prettyErrors: false, keepSourceTokens: false });
  } catch (error) {
    // Too deep for `yaml` alone: the whole parse reports it.
    if (isStackOverflow(error)) throw new NotChunkable();
    throw error;
  }
  if (document.errors.length > 0 || document.warnings.length > 0) throw new NotChunkable();
  const contents = document.contents;
  const notes: ConvertNotes = { anchorsOrAliases: false, multiLineFlow: false };
  const root = convertDocument(document, text, notes);
  if (notes.anchorsOrAliases || notes.multiLineFlow || !root) throw new NotChunkable();
  const [containerStart = 0, , containerEnd = 0] = (isMap(contents) || isSeq(contents) ? contents.range : undefined) ?? [];
  if ((isMap(contents) && contents.items.length !== 1) || (isSeq(contents) && contents.items.length !== 1)) throw new NotChunkable();
  return pieceOf(root, containerStart, containerEnd, chunk);
}

/** The piece from its tree, at offsets relative to its text; the root must be one block pair or item. */
function pieceOf(root: YNode, containerStart: number, containerEnd: number, chunk: PieceSpec): Piece {
  const delta = chunk.start;
  if (chunk.role === 'pair') {
    if (root.kind !== 'map' || root.flow || root.pairs.length !== 1) throw new NotChunkable();
    const pair = root.pairs[0];
    if (!pair || pair.key.value !== chunk.key) throw new NotChunkable();
    shiftPairInPlace(pair, delta);
    return { start: delta, end: chunk.end, pair, item: null, value: toPlainValue(pair.value), containerStart: containerStart + delta, containerEnd: containerEnd + delta };
  }
  if (root.kind !== 'seq' || root.flow || root.items.length !== 1) throw new NotChunkable();
  const item = root.items[0] ?? null;
  shiftInPlace(item, delta);
  return { start: delta, end: chunk.end, pair: null, item, value: toPlainValue(item), containerStart: containerStart + delta, containerEnd: containerEnd + delta };
}

/**
 * Moves a piece and its tree by `delta` characters, in place: copying the tree of every piece after
 * an edit would cost more than parsing them. Trees of earlier versions therefore change under
 * their holders, which is why a ParsedPostmortem is only valid until the next parse of its URI.
 */
export function shiftPiece(piece: Piece, delta: number): void {
  if (delta === 0) return;
  piece.start += delta;
  piece.end += delta;
  piece.containerStart += delta;
  piece.containerEnd += delta;
  if (piece.pair) shiftPairInPlace(piece.pair, delta);
  shiftInPlace(piece.item, delta);
}

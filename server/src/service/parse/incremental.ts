import { Snapshot } from './snapshot';
import { planChunks, type Chunk, type ChunkPlan, type LeafChunk, type SplitPair } from './chunks';
import { diffTexts, type TextChange } from './diff';
import { lineBreakOf, LineIndex, withLoneCrAsLf } from './lineIndex';
import { never, runToEnd, type Work } from '../util/work';
import { parsePostmortem, type ParsedPostmortem, type ParseInput } from './parse';
import { NotChunkable, parsePiece, shiftPiece, type Piece, type PieceSpec } from './piece';
import type { YMap, YNode, YPair, YSeq } from './tree';

/** What a pair contributes to its mapping. */
interface PairPart {
  pair: YPair;
  key: string;
  value: unknown;
  containerStart: number;
  containerEnd: number;
}

/**
 * Parses one document's successive versions, re-parsing only the pieces whose text changed (see
 * chunks.ts for where the text is cut). The result is the tree, value and problems a full parse
 * would give; a piece with any error, warning, anchor, alias or multi-line flow collection makes
 * the whole text go through `yaml` instead, since `yaml` may read it differently in context.
 *
 * Pieces are kept for the last version parsed in pieces, by position: comparing that text with
 * the new one tells which lie in the unchanged head (same place) or the unchanged tail (moved, in
 * place, by the length difference). A first parse parses every piece: about as fast as one full
 * parse, with a far smaller peak of memory.
 */
export class IncrementalParser {
  /** In document order, which is also the order pieces are asked for, so one cursor finds them. */
  private pieces: Piece[] = [];
  private piecesText = '';
  /** For tests and the benchmark: how the last parse was done, and how many pieces it parsed. */
  lastMode: 'chunks' | 'full' = 'full';
  lastReparsed = 0;

  parse(given: ParseInput): ParsedPostmortem {
    return runToEnd(this.parseSteps(given, never));
  }

  /**
   * The same parse as a Work: it pauses between pieces whenever `shouldYield` says so, for a caller
   * that must stay responsive. Abandoning it (`return()`) leaves the parser as it was before. A
   * text that is parsed whole (see the class comment) is one step.
   */
  *parseSteps(given: ParseInput, shouldYield: () => boolean): Work<ParsedPostmortem> {
    // Pieces are cut and compared on the text as `yaml` reads it (lone CRs as LF).
    const input = { ...given, text: withLoneCrAsLf(given.text) };
    const plan = planChunks(input.text);
    if (plan) {
      const change = diffTexts(this.piecesText, input.text);
      const moved: Piece[] = [];
      let finished = false;
      try {
        const parsed = yield* this.assemble(given, input, plan, change, moved, shouldYield);
        finished = true;
        return parsed;
      } catch (error) {
        if (!(error instanceof NotChunkable)) throw error;
      } finally {
        // Failed or abandoned: the kept pieces must still describe the kept text, for the next attempt.
        if (!finished) for (const piece of moved) shiftPiece(piece, -change.delta);
      }
    }
    this.lastMode = 'full';
    this.lastReparsed = 0;
    return parsePostmortem(given);
  }

  /** Builds the parse from pieces; `moved` collects the kept pieces it moved. */
  private *assemble(given: ParseInput, input: ParseInput, plan: ChunkPlan, change: TextChange, moved: Piece[], shouldYield: () => boolean): Work<ParsedPostmortem> {
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

    const piece = (role: PieceSpec['role'], start: number, end: number, key?: string): Piece => {
      let found: Piece | undefined;
      if (end <= prefix) found = previousAt(start, end);
      else if (start >= tail) {
        found = previousAt(start - delta, end - delta);
        if (found && delta !== 0) {
          shiftPiece(found, delta);
          moved.push(found);
        }
      }
      if (!found) {
        found = parsePiece(text.slice(start, end), key === undefined ? { role, start, end } : { role, start, end, key });
        reparsed++;
      }
      next.push(found);
      return found;
    };

    const pairPart = function* (chunk: Chunk): Work<PairPart> {
      if (chunk.kind === 'split') return yield* splitPair(chunk);
      const part = leafPair(chunk);
      if (shouldYield()) yield;
      return part;
    };

    const pairParts = function* (chunks: Chunk[]): Work<PairPart[]> {
      const parts: PairPart[] = [];
      for (const chunk of chunks) parts.push(yield* pairPart(chunk));
      return parts;
    };

    const leafPair = (chunk: LeafChunk): PairPart => {
      const found = piece(chunk.role, chunk.start, chunk.end, chunk.key);
      if (!found.pair) throw new NotChunkable();
      return { pair: found.pair, key: String(found.pair.key.value), value: found.value, containerStart: found.containerStart, containerEnd: found.containerEnd };
    };

    const splitPair = function* (chunk: SplitPair): Work<PairPart> {
      const { header } = chunk;
      const head = piece(header.role, header.start, header.end, header.key);
      const headValue = head.pair?.value;
      if (!head.pair || (headValue && (headValue.kind !== 'scalar' || headValue.value !== null))) throw new NotChunkable();
      const body = chunk.body === 'seq' ? yield* seqOf(chunk.itemBounds) : mapOf(yield* pairParts(chunk.children));
      const key = head.pair.key;
      const pair: YPair = { key, value: body.node, start: key.start, end: Math.max(key.end, body.node.end) };
      return { pair, key: chunk.key, value: body.value, containerStart: head.containerStart, containerEnd: body.node.end };
    };

    const seqOf = function* (bounds: Int32Array): Work<{ node: YSeq; value: unknown[] }> {
      const count = bounds.length - 1;
      const items = new Array<YNode>(count);
      const values = new Array<unknown>(count);
      let start = 0;
      let end = 0;
      for (let i = 0; i < count; i++) {
        const found = piece('item', bounds[i] ?? 0, bounds[i + 1] ?? 0);
        if (!found.item) throw new NotChunkable();
        items[i] = found.item;
        values[i] = found.value;
        if (i === 0) start = found.containerStart;
        end = found.containerEnd;
        // A first parse of a long timeline pauses here. Every 64 items: typing reuses all but one
        // piece, and asking the clock for each of 10,000 items cost ~0.4 ms per keystroke.
        if ((i & 63) === 63 && shouldYield()) yield;
      }
      return { node: { kind: 'seq', flow: false, items, start, end }, value: values };
    };

    const root = mapOf(yield* pairParts(plan.chunks));
    const source = given.text;
    this.pieces = next;
    this.piecesText = text;
    this.lastMode = 'chunks';
    this.lastReparsed = reparsed;
    return {
      uri: input.uri,
      version: input.version,
      text,
      source,
      eol: lineBreakOf(source),
      root: root.node,
      value: root.value,
      syntaxProblems: [],
      lines: new LineIndex(text, plan.lineStarts),
      snapshot: new Snapshot(),
    };
  }
}

/** A block mapping from its pairs, as `yaml` would build it; duplicate keys are `yaml`'s error to report. */
function mapOf(parts: PairPart[]): { node: YMap; value: Record<string, unknown> } {
  const value: Record<string, unknown> = {};
  const keys = new Set<string>();
  for (const part of parts) {
    if (keys.has(part.key)) throw new NotChunkable();
    keys.add(part.key);
    Object.defineProperty(value, part.key, { value: part.value, enumerable: true, writable: true, configurable: true });
  }
  const node: YMap = { kind: 'map', flow: false, pairs: parts.map((part) => part.pair), start: parts[0]?.containerStart ?? 0, end: parts.at(-1)?.containerEnd ?? 0 };
  return { node, value };
}

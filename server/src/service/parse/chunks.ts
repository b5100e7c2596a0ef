/**
 * Where a postmortem can be cut into pieces that `yaml` parses the same alone as in the whole text.
 *
 * A piece always runs from a line that starts a top-level key, a key of a split block mapping, or an
 * item of a split block sequence, up to the next such line; blank and comment lines stay with the
 * piece before them. A piece therefore sees exactly the text it sees inside the document, and ends
 * where the document's parser would close it anyway (the next line at its own indentation). Anything
 * this plan cannot prove clean returns `null` (parse everything) or keeps a section whole.
 */
import { readLine } from './scan/line';
import { isItemLine, LINE_BLANK, LINE_COMMENT, LINE_CONTENT, LINE_MARKER, lineText, offsetOf, scanLines, type Lines } from './scan/lines';

/** A piece parsed on its own: a pair (`key: …` at `indent`) or one item (`- …`) of a sequence. */
export interface LeafChunk {
  kind: 'leaf';
  role: 'pair' | 'item';
  start: number;
  end: number;
  /** For pairs: the key the piece must turn out to hold. */
  key?: string;
}

/** A pair whose value is a block collection, split into a header (`key:`) and one piece per entry. */
export interface SplitPair {
  kind: 'split';
  start: number;
  end: number;
  key: string;
  header: LeafChunk;
  body: 'map' | 'seq';
  /** For a mapping: one chunk per pair. */
  children: Chunk[];
  /**
   * For a sequence: where each item starts, then where the last one ends. Thousands of timeline
   * items are planned on every keystroke, so they are offsets rather than objects.
   */
  itemBounds: Int32Array;
}

export type Chunk = LeafChunk | SplitPair;

const EMPTY_BOUNDS = new Int32Array(0);

/** Pairs of the root and of its block mappings split; deeper values stay whole. */
const MAX_SPLIT_DEPTH = 2;

export interface ChunkPlan {
  chunks: Chunk[];
  /** Where each line starts, as LineIndex wants them: the scan has found them anyway. */
  lineStarts: Int32Array;
}

/** The pieces of the root mapping, or null when the text is not safe to cut at all. */
export function planChunks(text: string): ChunkPlan | null {
  if (!safeToCut(text)) return null;
  const lines = scanLines(text);
  // Directives and document markers change how everything after them is read.
  for (let index = 0; index < lines.count; index++) if (lines.kinds[index] === LINE_MARKER) return null;
  const keys = childStarts(lines, 0, lines.count, 0, 'map');
  if (!keys || keys.length === 0) return null;
  // Leading comments and blank lines belong to the first piece, as they do to the first pair.
  const starts = keys.map((keyLine, i) => (i === 0 ? 0 : headingCommentStart(lines, keys[i - 1] ?? 0, keyLine)));
  return { chunks: starts.map((from, i) => planPair(lines, from, starts[i + 1] ?? lines.count, 0)), lineStarts: lines.starts.slice(0, lines.count) };
}

/** Constructs that tie distant parts of the text together, or that the line scan cannot read. */
function safeToCut(text: string): boolean {
  if (text.includes('\t') || text.includes('\uFEFF')) return false;
  // The parser hands over lone CRs as LF (withLoneCrAsLf); one left here would not break a line.
  if (text.includes('\r') && /\r(?!\n)/.test(text)) return false;
  return true;
}

// Keys of this format are plain identifiers; the planner cuts only there and leaves quoted or
// fancier keys to `yaml` (the piece is then parsed with its neighbours).
const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function isName(key: string): boolean {
  return NAME.test(key);
}

/** A line that is `name: …` (no `- ` before it), the key a plain identifier. */
function isNameKeyLine(line: string): boolean {
  const shape = readLine(line);
  return shape.dashes.length === 0 && shape.key !== undefined && shape.key.start === shape.indent && isName(shape.key.name);
}

/**
 * The lines in [from, to) where the entries of a block collection at `indent` start, or null when
 * some content line does not fit (less indented, or at the entry indentation but not an entry).
 * In a mapping, `- ` lines at the same indentation continue the previous key's sequence.
 */
function childStarts(lines: Lines, from: number, to: number, indent: number, body: 'map' | 'seq'): number[] | null {
  const starts: number[] = [];
  for (let index = from; index < to; index++) {
    if (lines.kinds[index] !== LINE_CONTENT) continue;
    const lineIndent = lines.indents[index] ?? 0;
    if (lineIndent > indent) {
      if (starts.length === 0) return null;
      continue;
    }
    if (lineIndent < indent) return null;
    if (body === 'seq') {
      if (!isItemLine(lines, index)) return null;
      starts.push(index);
    } else if (isNameKeyLine(lineText(lines, index))) {
      starts.push(index);
    } else if (!isItemLine(lines, index) || starts.length === 0) {
      return null;
    }
  }
  return starts;
}

/**
 * Column-0 comments right before a top-level key (`# ---- timeline ----`) are not part of the
 * previous section's nodes in `yaml`'s reading, so they start the next piece; that keeps the
 * previous section's body free of comments left of its indentation, which would stop it from being
 * split. Blank lines before the first such comment stay behind (a `|+` scalar keeps them), and after
 * an indented comment `yaml` extends the section over what follows, so then nothing moves.
 */
function headingCommentStart(lines: Lines, previousKey: number, keyLine: number): number {
  let before = keyLine - 1;
  while (before > previousKey && (lines.kinds[before] === LINE_BLANK || (lines.kinds[before] === LINE_COMMENT && lines.indents[before] === 0))) before--;
  if (lines.kinds[before] === LINE_COMMENT) return keyLine;
  for (let index = before + 1; index < keyLine; index++) if (lines.kinds[index] === LINE_COMMENT) return index;
  return keyLine;
}

function boundsOf(lines: Lines, starts: number[], to: number): Int32Array {
  const bounds = new Int32Array(starts.length + 1);
  starts.forEach((line, i) => (bounds[i] = offsetOf(lines, line)));
  bounds[starts.length] = offsetOf(lines, to);
  return bounds;
}

/** A pair over lines [from, to): split when its value is a clean block collection, else one piece. */
function planPair(lines: Lines, from: number, to: number, depth: number): Chunk {
  let keyLine = from;
  while (lines.kinds[keyLine] !== LINE_CONTENT) keyLine++;
  const shape = readLine(lineText(lines, keyLine));
  const key = shape.key?.name ?? '';
  const leaf: LeafChunk = { kind: 'leaf', role: 'pair', start: offsetOf(lines, from), end: offsetOf(lines, to), key };
  // Only `name:` with nothing after it but a comment opens a block collection worth splitting.
  const header = shape.key && shape.dashes.length === 0 && isName(shape.key.name) && (shape.valueKind === 'empty' || shape.valueKind === 'comment');
  if (!header || depth >= MAX_SPLIT_DEPTH) return leaf;

  let first = keyLine + 1;
  while (first < to && lines.kinds[first] !== LINE_CONTENT) first++;
  if (first >= to) return leaf;
  const keyIndent = lines.indents[keyLine] ?? 0;
  const bodyIndent = lines.indents[first] ?? 0;
  const body = isItemLine(lines, first) ? 'seq' : 'map';
  // A mapping value must be indented deeper than its key; a sequence may sit at the key's column.
  if (bodyIndent < keyIndent || (body === 'map' && bodyIndent === keyIndent)) return leaf;
  const starts = childStarts(lines, first, to, bodyIndent, body);
  if (!starts || starts.length < 2) return leaf;
  // `yaml` gives a comment left of the entries to an enclosing collection and stretches that
  // collection's range over it; a piece parsed alone cannot know that.
  for (let index = first; index < to; index++) if (lines.kinds[index] === LINE_COMMENT && (lines.indents[index] ?? 0) < bodyIndent) return leaf;
  return {
    kind: 'split',
    start: leaf.start,
    end: leaf.end,
    key,
    header: { kind: 'leaf', role: 'pair', start: leaf.start, end: offsetOf(lines, first), key },
    body,
    children: body === 'map' ? starts.map((line, i) => planPair(lines, line, starts[i + 1] ?? to, depth + 1)) : [],
    itemBounds: body === 'seq' ? boundsOf(lines, starts, to) : EMPTY_BOUNDS,
  };
}

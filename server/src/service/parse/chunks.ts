/**
 * Where a postmortem can be cut into pieces that `yaml` parses the same alone as in the whole text.
 *
 * A piece always runs from a line that starts a top-level key, a key of a split block mapping, or an
 * item of a split block sequence, up to the next such line; blank and comment lines stay with the
 * piece before them. A piece therefore sees exactly the text it sees inside the document, and ends
 * where the document's parser would close it anyway (the next line at its own indentation). Anything
 * this plan cannot prove clean returns `null` (parse everything) or keeps a section whole.
 */

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

const LINE_BLANK = 0;
const LINE_COMMENT = 1;
const LINE_CONTENT = 2;

const EMPTY_BOUNDS = new Int32Array(0);

/** Pairs of the root and of its block mappings split; deeper values stay whole. */
const MAX_SPLIT_DEPTH = 2;

// Keys of this format are plain identifiers; anything fancier (quotes, `?`, flow) is left to `yaml`.
const KEY_LINE = /^ *[A-Za-z_][A-Za-z0-9_-]*:(?: |$)/;
const BARE_HEADER = /^ *([A-Za-z_][A-Za-z0-9_-]*):(?: +#.*)? *$/;

interface Lines {
  text: string;
  starts: Int32Array;
  indents: Int32Array;
  kinds: Uint8Array;
  count: number;
}

export interface ChunkPlan {
  chunks: Chunk[];
  /** Where each line starts, as LineIndex wants them: the scan has found them anyway. */
  lineStarts: Int32Array;
}

/** The pieces of the root mapping, or null when the text is not safe to cut at all. */
export function planChunks(text: string): ChunkPlan | null {
  if (!safeToCut(text)) return null;
  const lines = scanLines(text);
  if (!lines) return null;
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

const SPACE = 32;
const HASH = 35;
const CR = 13;
const DASH = 45;
const DOT = 46;
const PERCENT = 37;

// Scratch space reused by every scan (the service is synchronous): a megabyte document has some
// 40,000 lines, and fresh arrays for them on each keystroke are garbage the collector must chase.
let scratchStarts = new Int32Array(1024);
let scratchIndents = new Int32Array(1024);
let scratchKinds = new Uint8Array(1024);

/** Every line's start, indentation and kind; null on a directive or document marker. */
function scanLines(text: string): Lines | null {
  let count = 0;
  let start = 0;
  for (;;) {
    let newline = text.indexOf('\n', start);
    if (newline < 0) newline = text.length;
    let first = start;
    while (text.charCodeAt(first) === SPACE) first++;
    const code = first < newline ? text.charCodeAt(first) : -1;
    // Directives and document markers change how everything after them is read.
    if (first === start && (code === PERCENT || ((code === DASH || code === DOT) && text.startsWith(code === DASH ? '---' : '...', start)))) return null;
    if (count === scratchKinds.length) grow();
    scratchStarts[count] = start;
    scratchIndents[count] = first - start;
    scratchKinds[count] = code === -1 || code === CR ? LINE_BLANK : code === HASH ? LINE_COMMENT : LINE_CONTENT;
    count++;
    if (newline >= text.length) break;
    start = newline + 1;
  }
  return { text, starts: scratchStarts, indents: scratchIndents, kinds: scratchKinds, count };
}

function grow(): void {
  const starts = new Int32Array(scratchStarts.length * 2);
  starts.set(scratchStarts);
  scratchStarts = starts;
  const indents = new Int32Array(scratchIndents.length * 2);
  indents.set(scratchIndents);
  scratchIndents = indents;
  const kinds = new Uint8Array(scratchKinds.length * 2);
  kinds.set(scratchKinds);
  scratchKinds = kinds;
}

function lineText(lines: Lines, index: number): string {
  const end = index + 1 < lines.count ? (lines.starts[index + 1] ?? lines.text.length) - 1 : lines.text.length;
  const line = lines.text.slice(lines.starts[index] ?? 0, end);
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** `-` followed by a space or the end of the line: a block sequence entry, not a `-x` scalar. */
function isItemLine(lines: Lines, index: number): boolean {
  const at = (lines.starts[index] ?? 0) + (lines.indents[index] ?? 0);
  if (lines.text.charCodeAt(at) !== DASH) return false;
  const next = lines.text.charCodeAt(at + 1);
  return Number.isNaN(next) || next === SPACE || next === 10 || next === CR;
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
    } else if (KEY_LINE.test(lineText(lines, index))) {
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

function offsetOf(lines: Lines, index: number): number {
  return index < lines.count ? (lines.starts[index] ?? lines.text.length) : lines.text.length;
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
  const header = BARE_HEADER.exec(lineText(lines, keyLine));
  const key = header?.[1] ?? /^ *([^:]*):/.exec(lineText(lines, keyLine))?.[1] ?? '';
  const leaf: LeafChunk = { kind: 'leaf', role: 'pair', start: offsetOf(lines, from), end: offsetOf(lines, to), key };
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

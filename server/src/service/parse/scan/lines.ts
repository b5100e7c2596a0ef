/**
 * Every line of a text at once: where it starts, its indentation, and whether it is blank, a
 * comment, content, or a document marker or directive. This is the cheap pass the incremental
 * planner runs on every keystroke, so it reads characters, never slices; what a content line holds
 * (its key, its `- ` markers) is line.ts's `readLine`, asked only for the lines that matter.
 */

export const LINE_BLANK = 0;
export const LINE_COMMENT = 1;
export const LINE_CONTENT = 2;
/** `---` / `...` at column 0, or a `%` directive there: they change how what follows is read. */
export const LINE_MARKER = 3;

export interface Lines {
  text: string;
  starts: Int32Array;
  /** Leading spaces (a tab is never indentation). */
  indents: Int32Array;
  kinds: Uint8Array;
  count: number;
}

const SPACE = 32;
const HASH = 35;
const CR = 13;
const LF = 10;
const DASH = 45;
const DOT = 46;
const PERCENT = 37;

// Scratch space reused by every scan (the service is synchronous): a megabyte document has some
// 40,000 lines, and fresh arrays for them on each keystroke are garbage the collector must chase.
// The result is therefore valid only until the next scan: callers that keep it copy what they keep.
let scratchStarts = new Int32Array(1024);
let scratchIndents = new Int32Array(1024);
let scratchKinds = new Uint8Array(1024);

/** Every line's start, indentation and kind, in the shared scratch arrays (see above). */
export function scanLines(text: string): Lines {
  let count = 0;
  let start = 0;
  for (;;) {
    let newline = text.indexOf('\n', start);
    if (newline < 0) newline = text.length;
    let first = start;
    while (text.charCodeAt(first) === SPACE) first++;
    const code = first < newline ? text.charCodeAt(first) : -1;
    if (count === scratchKinds.length) grow();
    scratchStarts[count] = start;
    scratchIndents[count] = first - start;
    scratchKinds[count] = code === -1 || code === CR ? LINE_BLANK : code === HASH ? LINE_COMMENT : first === start && isMarker(text, start, code) ? LINE_MARKER : LINE_CONTENT;
    count++;
    if (newline >= text.length) break;
    start = newline + 1;
  }
  return { text, starts: scratchStarts, indents: scratchIndents, kinds: scratchKinds, count };
}

/** `---` or `...` followed by a blank or the line's end, or `%`, at the line's start. */
function isMarker(text: string, start: number, code: number): boolean {
  if (code === PERCENT) return true;
  if (code !== DASH && code !== DOT) return false;
  if (!text.startsWith(code === DASH ? '---' : '...', start)) return false;
  const after = text.charCodeAt(start + 3);
  return Number.isNaN(after) || after === SPACE || after === 9 || after === LF || after === CR;
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

/** The text of line `index` without its line break. */
export function lineText(lines: Lines, index: number): string {
  const end = index + 1 < lines.count ? (lines.starts[index + 1] ?? lines.text.length) - 1 : lines.text.length;
  const line = lines.text.slice(lines.starts[index] ?? 0, end);
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** `-` followed by a space or the end of the line: a block sequence entry, not a `-x` scalar. */
export function isItemLine(lines: Lines, index: number): boolean {
  const at = (lines.starts[index] ?? 0) + (lines.indents[index] ?? 0);
  if (lines.text.charCodeAt(at) !== DASH) return false;
  const next = lines.text.charCodeAt(at + 1);
  return Number.isNaN(next) || next === SPACE || next === LF || next === CR;
}

/** Where line `index` starts, or the text's end past the last line. */
export function offsetOf(lines: Lines, index: number): number {
  return index < lines.count ? (lines.starts[index] ?? lines.text.length) : lines.text.length;
}

import type { Position, Range } from 'vscode-languageserver-types';

/**
 * Offset <-> position over one text. Both sides count UTF-16 code units, as JavaScript strings and
 * LSP positions do, so Japanese text and emoji need no conversion.
 */
export class LineIndex {
  private readonly lineStarts: ArrayLike<number>;

  constructor(private readonly text: string, lineStarts?: ArrayLike<number>) {
    this.lineStarts = lineStarts ?? computeLineStarts(text);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    let clamped = Math.max(0, Math.min(offset, this.text.length));
    // Between the CR and the LF of one line break is no place in LSP: it means the line's end.
    if (this.text.charCodeAt(clamped) === 10 && this.text.charCodeAt(clamped - 1) === 13) clamped--;
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.lineStarts[middle] ?? 0) <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: clamped - (this.lineStarts[low] ?? 0) };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    const lineStart = this.lineStarts[Math.max(0, position.line)] ?? 0;
    const nextLineStart = this.lineStarts[position.line + 1] ?? this.text.length;
    return Math.min(lineStart + Math.max(0, position.character), nextLineStart);
  }

  /**
   * The nearest position inside the text: a line past the end means the end of the last line, a
   * character past its line's end that end; negative, fractional or non-numeric parts (a client's
   * bug, or hostile input) read as 0 / rounded down. Constant time whatever the numbers.
   */
  clamp(position: Position): Position {
    const whole = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0);
    const last = this.lineStarts.length - 1;
    const rawLine = whole(position?.line);
    const line = Math.min(rawLine, last);
    const length = this.lineText(line).length;
    return { line, character: rawLine > last ? length : Math.min(whole(position?.character), length) };
  }

  clampRange(range: Range): Range {
    const start = this.clamp(range?.start);
    const end = this.clamp(range?.end);
    const ordered = end.line > start.line || (end.line === start.line && end.character >= start.character);
    return ordered ? { start, end } : { start: end, end: start };
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))] ?? 0;
  }

  /** The text of one line without its line break. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    let end = this.lineStarts[line + 1] ?? this.text.length;
    // Character tests, not a regular expression: completion reads every line of large documents.
    if (end > start && this.text.charCodeAt(end - 1) === 10) {
      end--;
      if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    }
    return this.text.slice(start, end);
  }
}

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) starts.push(i + 1);
    else if (code === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

/**
 * The text as `yaml` must read it. YAML 1.2 (and LSP) count a lone CR as a line break, `yaml` does
 * not; replacing each lone CR by LF keeps the length, so every offset and position stays exact.
 * CRLF is left alone. Returns the same string when there is no lone CR (the usual case).
 */
export function withLoneCrAsLf(text: string): string {
  // A CRLF document (any Windows file) has CRs but no lone one: no copy of it on every keystroke.
  if (!text.includes('\r') || !/\r(?!\n)/.test(text)) return text;
  return text.replace(/\r(?!\n)/g, '\n');
}

/** The line break to use in inserted text: the document's first one, LF when it has none. */
export function lineBreakOf(source: string): string {
  const at = source.search(/[\r\n]/);
  if (at < 0 || source.charCodeAt(at) === 10) return '\n';
  return source.charCodeAt(at + 1) === 10 ? '\r\n' : '\r';
}

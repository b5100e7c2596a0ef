import { CST, Lexer } from 'yaml';
import type { SyntaxProblem } from './parse';

/** The `detail` of the one problem of a text `yaml` could not read without running out of stack. */
export const TOO_DEEP = 'TOO_DEEP';

// Lexer tokens that stand for a state change and take no room in the source (a BOM token is the
// byte-order mark itself, which does).
const MARKERS = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/**
 * Whether `error` is the engine running out of stack. `yaml`'s parser recurses once per open
 * collection, and one unclosed `[` before a long list nests every later line (`event: x: [` in the
 * middle of 2,000 events was enough), so the parse throws instead of reporting a syntax error.
 */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/**
 * The problem to report instead: on the outermost flow collection (`[` or `{`) that is never
 * closed, found with `yaml`'s own lexer (which keeps no stack), else on the first line.
 */
export function tooDeepProblem(text: string): SyntaxProblem {
  let offset = 0;
  const open: number[] = [];
  let unclosed: number | undefined;
  try {
    for (const token of new Lexer().lex(text)) {
      if (token === '[' || token === '{') open.push(offset);
      else if ((token === ']' || token === '}') && open.length > 0) open.pop();
      if (!MARKERS.has(token)) offset += token.length;
    }
    unclosed = open[0];
  } catch {
    unclosed = undefined;
  }
  const start = Math.min(unclosed ?? 0, text.length);
  const lineEnd = text.slice(start).search(/[\r\n]/);
  return { start, end: lineEnd < 0 ? text.length : start + Math.max(1, lineEnd), detail: TOO_DEEP, message: 'nesting too deep', severity: 'error' };
}

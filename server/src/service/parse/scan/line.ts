/**
 * One line of block YAML read on its own: its indentation, its `- ` item markers, the key it starts
 * (if any) and what kind of value follows. This is the only definition of a "key line" in the
 * service: the incremental planner cuts at such lines and completion walks them, and a property
 * test (test/unit/scanner.test.ts) holds it to `yaml`'s own lexer. What a line means in its context
 * (inside a block scalar, a quoted or flow value spanning lines) is roles.ts's business.
 *
 * Columns are UTF-16 offsets within the line, as LSP positions count them.
 */

/** What follows the key's `:` (or the item markers, on a line without a key). */
export type ValueKind = 'empty' | 'comment' | 'block-header' | 'flow' | 'quoted' | 'plain' | 'other';

export interface KeySpan {
  /** Where the key starts and ends (quotes included). */
  start: number;
  end: number;
  /** The key's text, without quotes or escapes. */
  name: string;
  /** The `:` after it. */
  colon: number;
}

export interface LineShape {
  /** Leading spaces: YAML's indentation. A tab is never indentation. */
  indent: number;
  /** Columns of the `- ` markers that open block sequence items. */
  dashes: number[];
  /** Where the line's node starts, after the markers (and spaces or tabs). */
  node: number;
  key: KeySpan | undefined;
  /** Where the value starts: after the key's `:` and blanks, else at `node`. */
  value: number;
  valueKind: ValueKind;
}

const SPACE = 32;
const TAB = 9;

/** Space or tab: what separates tokens on a line (indentation itself is spaces only). */
export function isBlank(code: number): boolean {
  return code === SPACE || code === TAB;
}

/** After spaces and tabs from `from`. */
export function skipBlanks(text: string, from: number): number {
  let pos = from;
  while (isBlank(text.charCodeAt(pos))) pos++;
  return pos;
}

/** A blank, or the end of the line: what must follow an indicator such as `-` or `:`. */
function endsToken(text: string, at: number): boolean {
  return at >= text.length || isBlank(text.charCodeAt(at));
}

/** A comment line: `#` after spaces or tabs only (other white space, such as U+3000, is content). */
export function isCommentLine(text: string): boolean {
  return text.charCodeAt(skipBlanks(text, 0)) === 35;
}

export function readLine(text: string): LineShape {
  let indent = 0;
  while (text.charCodeAt(indent) === SPACE) indent++;
  let pos = skipBlanks(text, indent);
  const dashes: number[] = [];
  while (text[pos] === '-' && endsToken(text, pos + 1)) {
    dashes.push(pos);
    pos = skipBlanks(text, pos + 1);
  }
  const key = readKey(text, pos);
  const value = key ? skipBlanks(text, key.colon + 1) : pos;
  return { indent, dashes, node: pos, key, value, valueKind: valueKindAt(text, value) };
}

function valueKindAt(text: string, at: number): ValueKind {
  const char = text[at];
  if (char === undefined) return 'empty';
  if (char === '#') return 'comment';
  if (char === '|' || char === '>') return 'block-header';
  if (char === '[' || char === '{') return 'flow';
  if (char === '"' || char === "'") return 'quoted';
  return startsPlain(text, at) ? 'plain' : 'other';
}

// What `yaml`'s lexer reads as something else than the start of a plain scalar (`-`, `?`, `:` start
// one when a non-blank follows). `,`, `%`, `@` and backquotes start one there too: the parser, not
// the lexer, rejects them.
const NOT_PLAIN_FIRST = new Set(['[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"']);

export function startsPlain(text: string, at: number): boolean {
  const char = text[at];
  if (char === undefined || NOT_PLAIN_FIRST.has(char) || isBlank(text.charCodeAt(at))) return false;
  if (char === '-' || char === '?' || char === ':') return !endsToken(text, at + 1);
  return true;
}

/** The closing quote of a quoted scalar opening at `at` on this line, or -1 (it goes on). */
export function closingQuote(text: string, at: number): number {
  const quote = text[at];
  let end = text.indexOf(quote ?? '"', at + 1);
  if (quote === "'") {
    while (end !== -1 && text[end + 1] === "'") end = text.indexOf("'", end + 2);
  } else {
    // A quote after an odd number of backslashes is escaped.
    while (end !== -1) {
      let slashes = 0;
      while (text[end - 1 - slashes] === '\\') slashes++;
      if (slashes % 2 === 0) break;
      end = text.indexOf('"', end + 1);
    }
  }
  return end;
}

/**
 * Where a plain scalar starting at `at` ends on this line: at a `:` followed by a blank or the line's
 * end (`stop` 'colon'), before ` #` ('comment'), or at the line's end ('end'). `last` is its last
 * non-blank character. In a flow collection `,[]{}` end it too.
 */
export function plainEnd(text: string, at: number, inFlow = false): { stop: 'colon' | 'comment' | 'end' | 'flow'; at: number; last: number } {
  // Character codes, not `text[i]`: a line of Japanese text would allocate a string per character,
  // and folding runs this over every line of the document.
  let last = at;
  for (let i = at; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === COLON) {
      if (endsToken(text, i + 1) || (inFlow && isFlowChar(text.charCodeAt(i + 1)))) return { stop: 'colon', at: i, last };
      last = i;
    } else if (isBlank(code)) {
      if (text.charCodeAt(i + 1) === HASH) return { stop: 'comment', at: i + 1, last };
    } else if (inFlow && isFlowChar(code)) {
      return { stop: 'flow', at: i, last };
    } else {
      last = i;
    }
  }
  return { stop: 'end', at: text.length, last };
}

const COLON = 58;
const HASH = 35;

/** `,` `[` `]` `{` `}`: what ends a plain scalar inside a flow collection. */
export function isFlowChar(code: number): boolean {
  return code === 44 || code === 91 || code === 93 || code === 123 || code === 125;
}


/** A key at `at`: a quoted or plain scalar on this line followed by `:` and a blank or the line's end. */
function readKey(text: string, at: number): KeySpan | undefined {
  const first = text[at];
  if (first === '"' || first === "'") {
    const close = closingQuote(text, at);
    if (close < 0) return undefined;
    const colon = skipBlanks(text, close + 1);
    if (text[colon] !== ':' || !endsToken(text, colon + 1)) return undefined;
    return { start: at, end: close + 1, name: unquote(text.slice(at, close + 1)), colon };
  }
  if (!startsPlain(text, at)) return undefined;
  const end = plainEnd(text, at);
  if (end.stop !== 'colon') return undefined;
  return { start: at, end: end.last + 1, name: text.slice(at, end.last + 1), colon: end.at };
}

/** A quoted scalar's text (escapes of a double-quoted one read as the character they escape). */
export function unquote(text: string): string {
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) return text.slice(1, -1).replace(/\\(.)/g, '$1');
  if (text.length >= 2 && text.startsWith("'") && text.endsWith("'")) return text.slice(1, -1).replace(/''/g, "'");
  return text;
}

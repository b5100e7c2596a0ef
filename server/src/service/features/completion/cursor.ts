import { flowCursor } from './flow';
import { blockListItems, blockPathAt, tokenizeLine, type LineToken } from './lines';

/** Where the cursor is, in terms of the format: a key of some mapping, or a value at some path. */
export type CursorSite = KeySite | ValueSite | { kind: 'none' };

export interface KeySite {
  kind: 'key';
  /** Path of the mapping (or, at an item column, the list) the new key goes into. */
  path: (string | number)[];
  /** Columns of the word to replace on the cursor's line (UTF-16, like LSP positions). */
  wordStart: number;
  wordEnd: number;
  /** Column where the key starts: continuation lines of a snippet are indented from it. */
  column: number;
  present: Set<string>;
  /** A `:` already follows the word (renaming a key): insert the bare name. */
  colonFollows: boolean;
  /** The word sits right after `- `: the first key of a new list item. */
  afterDash: boolean;
  /** The word was `-` itself: an item marker being typed. */
  dashTyped: boolean;
  /** Inside `{…}` on one line: only `key: ` fits, never a multi-line snippet. */
  inFlow: boolean;
}

export interface ValueSite {
  kind: 'value';
  /** Path of the value being typed (for list items, ends with an index). */
  path: (string | number)[];
  wordStart: number;
  wordEnd: number;
  /** Entries already in the same list, e.g. factor ids already addressed. */
  present: string[];
  /** The cursor is right after `key:`; a space must precede the value. */
  needsSpace: boolean;
}

const WORD_CHAR = /[^\s:#,[\]{}"']/;

export function cursorSite(lines: readonly string[], lineNo: number, character: number): CursorSite {
  const line = lines[lineNo] ?? '';
  const prefix = line.slice(0, character);
  if (/(^|\s)#/.test(prefix)) return { kind: 'none' };
  let tokens = tokenizeLine(prefix);
  let last = tokens.at(-1);
  let dashTyped = false;
  if (last?.kind === 'dash' && last.col === character - 1 && prefix.endsWith('-')) {
    // `-` with no space yet: the user is starting an item, which the list's owner decides about.
    tokens = tokens.slice(0, -1);
    dashTyped = true;
    last = tokens.at(-1);
  }
  const wordEnd = extendWord(line, character);
  // In the indentation of a line that has content: nothing can be inserted there.
  if (prefix.trim() === '' && !dashTyped && /^\s+\S/.test(line.slice(character))) return { kind: 'none' };
  const dashes = tokens.filter((token) => token.kind === 'dash');

  if (!last || last.kind === 'dash' || (last.kind === 'scalar' && /^[^\s:#{[]*$/.test(prefix.slice(last.col)))) {
    const column = dashTyped ? character - 1 : last?.kind === 'scalar' ? last.col : character;
    const block = blockPathAt(lines, lineNo, column, dashes);
    if (block.inBlockScalar) return { kind: 'none' };
    const before = last?.kind === 'scalar' ? tokens.at(-2) : last;
    return {
      kind: 'key',
      path: block.path,
      wordStart: column,
      wordEnd,
      column,
      present: block.siblingKeys,
      colonFollows: /^\s*:(\s|$)/.test(line.slice(wordEnd)),
      afterDash: before?.kind === 'dash' && !dashTyped,
      dashTyped,
      inFlow: false,
    };
  }

  if (last.kind === 'scalar') {
    // A flow collection that is itself the list item or mapping value: `- {at: …, kind: |}`.
    if (!/^[{[]/.test(prefix.slice(last.col))) return { kind: 'none' };
    const base = blockPathAt(lines, lineNo, last.col, dashes);
    return flowSite(line, last.col, character, base.path);
  }

  const key = last;
  const base = blockPathAt(lines, lineNo, key.col, dashes);
  if (base.inBlockScalar) return { kind: 'none' };
  const valuePath = [...base.path, key.name];
  const valueText = prefix.slice(key.valueCol);
  if (/^[{[]/.test(valueText)) return flowSite(line, key.valueCol, character, valuePath);
  if (!/^["']?[^\s#"']*$/.test(valueText)) return { kind: 'none' };
  const wordStart = /^["']/.test(valueText) ? key.valueCol + 1 : key.valueCol;
  return { kind: 'value', path: valuePath, wordStart, wordEnd, present: [], needsSpace: line[character - 1] === ':' && wordStart === character };
}

/** A list item of scalars (`- cache-config` under `addresses:`) is a value, not a key. */
export function asItemValue(lines: readonly string[], lineNo: number, site: KeySite): ValueSite {
  const dashCol = tokenizeLine((lines[lineNo] ?? '').slice(0, site.wordStart)).filter((token: LineToken) => token.kind === 'dash').at(-1)?.col ?? site.column;
  return { kind: 'value', path: site.path, wordStart: site.wordStart, wordEnd: site.wordEnd, present: blockListItems(lines, lineNo, dashCol), needsSpace: false };
}

function flowSite(line: string, from: number, character: number, base: (string | number)[]): CursorSite {
  const flow = flowCursor(line, from, character);
  if (!flow) return { kind: 'none' };
  const path = [...base, ...flow.segments];
  const wordEnd = extendWord(line, character);
  if (flow.kind === 'key') {
    return { kind: 'key', path, wordStart: flow.wordStart, wordEnd, column: flow.wordStart, present: new Set(flow.present), colonFollows: /^\s*:/.test(line.slice(wordEnd)), afterDash: false, dashTyped: false, inFlow: true };
  }
  return { kind: 'value', path, wordStart: flow.wordStart, wordEnd, present: flow.present, needsSpace: line[flow.wordStart - 1] === ':' };
}

/** The word under the cursor continues to the right until a space or YAML punctuation. */
function extendWord(line: string, from: number): number {
  let end = from;
  while (end < line.length && WORD_CHAR.test(line[end] ?? ' ')) end++;
  // A time or a zone (`12:00`, `+09:00`) has colons inside: keep them in the word.
  while (end < line.length && line[end] === ':' && /[0-9]/.test(line[end + 1] ?? '')) {
    end++;
    while (end < line.length && WORD_CHAR.test(line[end] ?? ' ')) end++;
  }
  return end;
}

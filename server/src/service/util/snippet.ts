/** Snippet syntax (`${1:default}`, `$0`) for text edits that leave places to fill in. */

/** How the client takes a snippet and what its insert command gets (contracts/snippets). */
export type { InsertSnippetArgs, SnippetSupport } from '../../contracts/snippets';

/** Literal text inside a snippet: `$`, `}` and `\` are escaped. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** A tab stop, with its default text when there is one. */
export function tabStop(index: number, value?: string): string {
  return value ? `\${${index}:${escapeSnippet(value)}}` : `\${${index}}`;
}

const STOP = /^\$(?:\d+|\{\d+(?::((?:\\.|[^\\}])*))?\})/;

/**
 * The plain text a snippet inserts when the client cannot run it: each placeholder's default, an
 * empty tab stop nothing (with the space before it at a line end, so `title: ${1}` is `title:`).
 */
export function snippetToText(snippet: string): string {
  let text = '';
  let index = 0;
  while (index < snippet.length) {
    const char = snippet.charAt(index);
    if (char === '\\' && index + 1 < snippet.length) {
      text += snippet.charAt(index + 1);
      index += 2;
      continue;
    }
    const stop = char === '$' ? STOP.exec(snippet.slice(index)) : null;
    if (!stop) {
      text += char;
      index++;
      continue;
    }
    index += stop[0].length;
    const value = (stop[1] ?? '').replace(/\\(.)/g, '$1');
    if (value === '' && /^(\r?\n|$)/.test(snippet.slice(index)) && text.endsWith(' ')) text = text.slice(0, -1);
    text += value;
  }
  return text;
}

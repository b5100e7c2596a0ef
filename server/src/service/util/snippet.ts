/** Snippet syntax (`${1:default}`, `$0`) for text edits that leave places to fill in. */

/**
 * How the client takes a snippet (protocol/snippets explains the three ways): LSP 3.18 snippet
 * edits, a client command given by its id, or none (plain text).
 */
export type SnippetSupport = 'lsp' | { command: string } | 'none';

/** The arguments of the client command that inserts a snippet. */
export interface InsertSnippetArgs {
  uri: string;
  /** The document version the snippet was computed for; a changed document is left alone. */
  version: number;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  snippet: string;
}

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

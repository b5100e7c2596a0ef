/**
 * Quick fixes that leave something for the user to fill in (the URL of a missing `contact`) are
 * snippets with tab stops. How they reach the editor depends on the client (the server decides at
 * initialization, see `SnippetSupport`):
 * - LSP 3.18's `workspace.workspaceEdit.snippetEditSupport`: the action's edit is a `SnippetTextEdit`;
 * - our VS Code client (vscode-languageclient 9 speaks LSP 3.17, without snippet edits) says
 *   `insertSnippetCommand: true` in its initialization options; the action then has no edit but
 *   this command, which the client runs with `TextEditor.insertSnippet`, VS Code's own snippet
 *   session (tab stops, the placeholder selected to type over);
 * - any other client gets the placeholders' default texts as plain text.
 */
export const INSERT_SNIPPET_COMMAND = 'postmortem.insertSnippet';

/**
 * How the client takes a snippet: LSP 3.18 snippet edits, a client command given by its id, or
 * none (plain text).
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

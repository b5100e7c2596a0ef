import * as vscode from 'vscode';
import { INSERT_SNIPPET_COMMAND, type InsertSnippetArgs } from '../../../server/src/contracts/snippets';

/**
 * Runs a quick fix that leaves places to fill in as a real snippet session: the server sends the
 * snippet with this command (see contracts/snippets) instead of a plain edit. A document that
 * changed since the fix was computed is left alone, as VS Code does with stale edits.
 */
export function registerInsertSnippet(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(INSERT_SNIPPET_COMMAND, async (args: InsertSnippetArgs): Promise<boolean> => {
      const uri = vscode.Uri.parse(args.uri);
      const document = await vscode.workspace.openTextDocument(uri);
      if (document.version !== args.version) return false;
      const visible = vscode.window.visibleTextEditors.find((editor) => editor.document === document);
      const editor = visible ?? (await vscode.window.showTextDocument(document));
      const { start, end } = args.range;
      return editor.insertSnippet(new vscode.SnippetString(args.snippet), new vscode.Range(start.line, start.character, end.line, end.character));
    }),
  );
}

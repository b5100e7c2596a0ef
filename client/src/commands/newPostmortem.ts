import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { NewDocumentRequest } from '../../../server/src/contracts/template';
import { localDate } from '../../../server/src/contracts/today';
import { COMMANDS, LANGUAGE_ID } from '../../../server/src/contracts/ids';

/**
 * Opens a new postmortem from the server's template, in the user's display language. In a workspace
 * it is an untitled document already bound to a free `new-incident*.postmortem.yaml` path, so a plain
 * Save creates the file under a name the extension recognises; without one it is a bare untitled
 * document.
 */
export function registerNewPostmortem(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.newPostmortem, async () => {
      const { text } = await client.sendRequest(NewDocumentRequest, { locale: vscode.env.language, today: localDate() });
      const target = await freeTarget();
      const document = target
        ? await vscode.workspace.openTextDocument(target.with({ scheme: 'untitled' }))
        : await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: text });
      if (target) {
        const edit = new vscode.WorkspaceEdit();
        edit.insert(document.uri, new vscode.Position(0, 0), text);
        await vscode.workspace.applyEdit(edit);
        if (document.languageId !== LANGUAGE_ID) await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
      }
      return vscode.window.showTextDocument(document);
    }),
  );
}

/** The first `new-incident[-N].postmortem.yaml` in the first workspace folder that is neither a file nor open. */
async function freeTarget(): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder || folder.uri.scheme !== 'file') return undefined;
  const open = new Set(vscode.workspace.textDocuments.map((document) => document.uri.path));
  for (let attempt = 1; attempt < 100; attempt++) {
    const candidate = vscode.Uri.joinPath(folder.uri, attempt === 1 ? 'new-incident.postmortem.yaml' : `new-incident-${attempt}.postmortem.yaml`);
    if (open.has(candidate.path)) continue;
    const exists = await vscode.workspace.fs.stat(candidate).then(() => true, () => false);
    if (!exists) return candidate;
  }
  return undefined;
}

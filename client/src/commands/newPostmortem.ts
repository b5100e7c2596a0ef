import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { NewDocumentRequest } from '../../../server/src/protocol/template';
import { LANGUAGE_ID } from '../languageClient';

/** Opens an untitled postmortem from the server's template, in the user's display language. */
export function registerNewPostmortem(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('postmortem.newPostmortem', async () => {
      const now = new Date();
      const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
      const { text } = await client.sendRequest(NewDocumentRequest, { locale: vscode.env.language, today });
      const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: text });
      return vscode.window.showTextDocument(document);
    }),
  );
}

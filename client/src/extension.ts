import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, type LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS } from '../../server/src/contracts/ids';
import { SETTINGS_SECTION } from '../../server/src/contracts/settings';
import { registerInsertSnippet } from './commands/insertSnippet';
import { registerNewPostmortem } from './commands/newPostmortem';
import { registerExport } from './export';
import { createLanguageClient } from './languageClient';
import { registerPreview } from './preview';
import { registerStatusItem } from './statusItem';

let client: LanguageClient | undefined;

/** The public API the extension returns; tests use it to reach the running client. */
export interface PostmortemExtensionApi {
  client: LanguageClient;
}

export async function activate(context: vscode.ExtensionContext): Promise<PostmortemExtensionApi> {
  const languageClient = createLanguageClient(context);
  client = languageClient;
  registerStatusItem(context, languageClient);
  registerNewPostmortem(context, languageClient);
  registerInsertSnippet(context);
  registerPreview(context, languageClient, (line) => languageClient.outputChannel.appendLine(line));
  registerExport(context, languageClient);
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.restartServer, () => languageClient.restart()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // The server pulls the new values itself; the notification only tells it to.
      if (event.affectsConfiguration(SETTINGS_SECTION) && languageClient.isRunning()) {
        void languageClient.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      }
    }),
  );
  await languageClient.start();
  return { client: languageClient };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

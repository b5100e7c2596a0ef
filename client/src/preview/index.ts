import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { WebviewState } from '../../shared/messages';
import { PREVIEW_VIEW_TYPE, PreviewPanel, webviewOptions } from './panel';
import { COMMANDS, LANGUAGE_ID } from '../../../server/src/contracts/ids';

/** False in the packaged build (scripts/build.mjs --production), which then holds no test hooks at all. */
declare const POSTMORTEM_TEST_HOOKS: boolean;

/**
 * "Postmortem: Open Timeline Preview to the Side": one preview that follows the active postmortem
 * editor, like Markdown's. Restored after a reload by the serializer. Two internal commands let the
 * end-to-end tests look into the webview, which they cannot reach otherwise; they exist only in a
 * development build that VS Code runs under test, never in the package.
 */
export function registerPreview(context: vscode.ExtensionContext, client: LanguageClient, log: (line: string) => void): void {
  let current: PreviewPanel | undefined;

  const adopt = (panel: vscode.WebviewPanel): PreviewPanel => {
    current?.dispose();
    const preview = new PreviewPanel(panel, context.extensionUri, client, log);
    current = preview;
    preview.onDidDispose(() => {
      if (current === preview) current = undefined;
    });
    return preview;
  };

  const activePostmortem = (): vscode.TextDocument | undefined => {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId === LANGUAGE_ID) return editor.document;
    return vscode.window.visibleTextEditors.find((visible) => visible.document.languageId === LANGUAGE_ID)?.document;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.openPreviewToSide, async (uri?: vscode.Uri) => {
      const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : activePostmortem();
      if (!document) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a postmortem file to see its timeline.'));
        return;
      }
      if (current) {
        current.panel.reveal(vscode.ViewColumn.Beside, true);
      } else {
        const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, vscode.l10n.t('Timeline Preview'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(context.extensionUri));
        adopt(panel);
      }
      current?.follow(document);
    }),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const preview = adopt(panel);
        const uri = isState(state) && state.uri ? vscode.Uri.parse(state.uri) : undefined;
        const document = uri ? await vscode.workspace.openTextDocument(uri).then(undefined, () => undefined) : activePostmortem();
        if (document) preview.follow(document);
      },
    }),
    { dispose: () => current?.dispose() },
  );
  if (!POSTMORTEM_TEST_HOOKS || context.extensionMode !== vscode.ExtensionMode.Test) return;
  context.subscriptions.push(
    vscode.commands.registerCommand('_postmortem.preview.probe', (action: 'snapshot' | 'click', id?: string) => {
      if (!current) throw new Error('no timeline preview is open');
      return action === 'click' ? current.probe('click', String(id)) : current.probe('snapshot');
    }),
    vscode.commands.registerCommand('_postmortem.preview.renders', () => ({ uri: current?.uri?.toString(), renders: current ? [...current.renders] : [], requests: current ? [...current.requests] : [] })),
  );
}

function isState(value: unknown): value is WebviewState {
  return typeof value === 'object' && value !== null && (typeof (value as WebviewState).uri === 'string' || (value as WebviewState).uri === undefined);
}

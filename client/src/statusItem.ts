import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, LANGUAGE_ID, STATUS_ITEM_ID } from '../../server/src/contracts/ids';

/** A language status item on postmortem files: whether the checker is running, and a restart. */
export function registerStatusItem(context: vscode.ExtensionContext, client: LanguageClient): void {
  const item = vscode.languages.createLanguageStatusItem(STATUS_ITEM_ID, { language: LANGUAGE_ID });
  item.name = vscode.l10n.t('Postmortem Language Server');
  item.command = { title: vscode.l10n.t('Restart'), command: COMMANDS.restartServer };
  const show = (state: State) => {
    switch (state) {
      case State.Running:
        item.text = vscode.l10n.t('$(check) Postmortem checker running');
        item.severity = vscode.LanguageStatusSeverity.Information;
        item.busy = false;
        break;
      case State.Starting:
        item.text = vscode.l10n.t('Postmortem checker starting');
        item.busy = true;
        break;
      case State.Stopped:
        item.text = vscode.l10n.t('$(error) Postmortem checker stopped');
        item.severity = vscode.LanguageStatusSeverity.Error;
        item.busy = false;
        break;
    }
  };
  show(client.state);
  context.subscriptions.push(item, client.onDidChangeState((event) => show(event.newState)));
}

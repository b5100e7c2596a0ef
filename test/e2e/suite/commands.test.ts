// The extension's commands, run the way the command palette runs them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  ClientState,
  LANGUAGE_ID,
  checkedDiagnostics,
  closeAllEditors,
  describeDiagnostics,
  extensionApi,
  getExtension,
  problemsOf,
  waitForEvent,
  waitUntil,
} from './helpers';

interface ContributedCommand {
  command: string;
  title: string;
  category?: string;
}

function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

describe('commands', function () {
  before(async () => {
    await extensionApi();
  });
  afterEach(closeAllEditors);

  it('every command in package.json is registered (none shows in the palette and then fails)', async () => {
    const contributed = (getExtension().packageJSON as { contributes: { commands: ContributedCommand[] } }).contributes.commands.map((c) => c.command);
    for (const command of ['postmortem.newPostmortem', 'postmortem.restartServer']) assert.ok(contributed.includes(command), `${command} is not contributed`);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((command) => !registered.has(command));
    assert.deepEqual(missing, [], 'contributed but not registered');
  });

  it('"Postmortem: New Postmortem" opens an untitled postmortem, bound to a free path, that the server finds valid', async () => {
    const { client } = await extensionApi();
    await waitUntil(() => client.state === ClientState.Running, 20_000, 'the language client to be running');

    // Record every diagnostics publication from before the command runs: the first one for the
    // new document may come before the command's promise resolves.
    const published = new Map<string, number>();
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      for (const uri of e.uris) published.set(uri.toString(), (published.get(uri.toString()) ?? 0) + 1);
    });
    try {
      await vscode.commands.executeCommand('postmortem.newPostmortem');
      const editor = await waitUntil(() => {
        const active = vscode.window.activeTextEditor;
        return active?.document.isUntitled ? active : undefined;
      }, 10_000, 'an untitled editor');
      const { document } = editor;
      assert.equal(document.languageId, LANGUAGE_ID);
      // Bound to a free path in the workspace, so a plain Save creates a file the extension recognises.
      assert.match(document.uri.path, /\/new-incident(-\d+)?\.postmortem\.yaml$/);
      const text = document.getText();
      assert.match(text, /^postmortem: 1\n/);
      assert.ok(text.includes(`start: ${localToday()}T09:00`), `the template does not start today:\n${text}`);

      // The first publication for the untitled URI: the server has checked the template.
      const key = document.uri.toString();
      if (!published.has(key)) {
        await waitForEvent(vscode.languages.onDidChangeDiagnostics, (e) => e.uris.some((u) => u.toString() === key), 15_000, `the first diagnostics of ${key}`);
      }
      const first = vscode.languages.getDiagnostics(document.uri);
      assert.deepEqual(problemsOf(first), [], `the new postmortem has errors or warnings:\n${describeDiagnostics(first)}`);

      // And positively: make the server speak about this document, then check again.
      const checked = await checkedDiagnostics(editor);
      assert.deepEqual(checked, [], `the new postmortem has diagnostics:\n${describeDiagnostics(checked)}`);
      assert.equal(document.getText(), text);
    } finally {
      sub.dispose();
    }
  });
});

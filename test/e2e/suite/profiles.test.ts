// "Export Notice" with a profile in a real VS Code: the command's arguments skip the quick pick and
// the save dialog (as a keybinding or a task would), the server renders the regulator's draft.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openSample, samplesFolder } from './helpers';

describe('export profiles', () => {
  const scratch: vscode.Uri[] = [];

  afterEach(async () => {
    await closeAllEditors();
    for (const uri of scratch.splice(0)) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('writes the APPI, telecom-jp and GDPR drafts given {format, profile, target}', async () => {
    const editor = await openSample('face2face-videos');
    const expected = { appi: /^# 個人データの漏えい等報告[\s\S]*## 9\. その他参考となる事項/, 'telecom-jp': /^# 電気通信事故の報告[\s\S]*## 2\. 発生日時\n\n2020年9月12日/, gdpr: /^# Notification of a personal data breach[\s\S]*## Art\. 33\(3\)\(d\)/ } as const;
    for (const profile of ['appi', 'telecom-jp', 'gdpr'] as const) {
      const target = vscode.Uri.joinPath(samplesFolder(), `exported.${profile}.md`);
      scratch.push(target);
      const written = await vscode.commands.executeCommand<vscode.Uri>('postmortem.exportNotice', editor.document.uri, { format: 'md', profile, target });
      assert.equal(written?.toString(), target.toString());
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.match(text, expected[profile]);
    }
  });

  it('takes {format, profile, target} as its only argument, as a keybinding passes it, for the active postmortem', async () => {
    await openSample('contact-form-logins.en');
    const target = vscode.Uri.joinPath(samplesFolder(), 'exported.gdpr.md');
    scratch.push(target);
    const written = await vscode.commands.executeCommand<vscode.Uri>('postmortem.exportNotice', { format: 'md', profile: 'gdpr', target });
    assert.equal(written?.toString(), target.toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(text, /^# Notification of a personal data breach[\s\S]*- Incident: Unauthorized logins on the contact form/);
  });

  it('writes a profile as the standalone HTML page too', async () => {
    const editor = await openSample('contact-form-logins');
    const target = vscode.Uri.joinPath(samplesFolder(), 'exported.appi.html');
    scratch.push(target);
    await vscode.commands.executeCommand('postmortem.exportNotice', editor.document.uri, { format: 'html', profile: 'appi', target });
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(text, /^<!DOCTYPE html>\n<html lang="ja">[\s\S]*<h2>2\. 漏えい等が発生し、又は発生したおそれがある個人データの項目<\/h2>\n<ul>\n<li>電話番号<\/li>/);
  });
});

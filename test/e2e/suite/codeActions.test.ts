// Quick fixes in a real VS Code: found by vscode.executeCodeActionProvider for a diagnostic,
// applied with workspace.applyEdit, re-checked by the server, and undone exactly.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readExpectations } from '../../common/markers';
import {
  closeAllEditors,
  codeActions,
  describeActions,
  describeDiagnostics,
  editInEditor,
  extensionApi,
  lineOf,
  openSample,
  rangeOf,
  undo,
  waitForDiagnostics,
  withCode,
} from './helpers';

const BROKEN = 'broken';
const SORT_TITLE = /^Sort timeline$|^時系列を並べ替える$/;


/** The timeline's event blocks, as sets of lines (sorting reorders whole items). */
function timelineLines(text: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('timeline:'));
  const end = lines.findIndex((l, i) => i > start && /^\S/.test(l));
  return lines.slice(start + 1, end);
}

describe('code actions', function () {
  before(async () => {
    await extensionApi();
  });
  afterEach(closeAllEditors);

  it('"Sort timeline" fixes a timeline-order warning, keeps every line, and undo restores the text exactly', async () => {
    const editor = await openSample(BROKEN);
    const { document } = editor;
    const original = document.getText();
    const expectedCount = readExpectations(original).length;
    const before = await waitForDiagnostics(document.uri, (ds) => ds.length === expectedCount && withCode(ds, 'timeline-order').length === 1);
    const warning = withCode(before, 'timeline-order')[0]!;

    // VS Code passes the diagnostics under the range as the context (the API command's result
    // drops `CodeAction.diagnostics`, so the action is recognised by its title and kind).
    const actions = await codeActions(document.uri, warning.range);
    const sort = actions.find((a) => SORT_TITLE.test(a.title));
    assert.ok(sort, `no "Sort timeline" for the timeline-order diagnostic among: ${describeActions(actions)}`);
    assert.ok(sort.kind && vscode.CodeActionKind.QuickFix.contains(sort.kind), `kind ${sort.kind?.value}`);
    assert.equal(sort.isPreferred, true, 'the sort is the preferred fix');
    assert.ok(sort.edit, 'the action carries its edit');

    // Away from the diagnostic the sort is only the file-wide source action, not a quick fix.
    const elsewhere = (await codeActions(document.uri, new vscode.Range(0, 0, 0, 0))).filter((a) => SORT_TITLE.test(a.title));
    assert.deepEqual(elsewhere.map((a) => a.kind?.value), ['source.sortTimeline'], `on line 1: ${describeActions(elsewhere)}`);

    assert.ok(await vscode.workspace.applyEdit(sort.edit), 'applyEdit');
    const sorted = document.getText();
    assert.notEqual(sorted, original);
    // Only the timeline moved, and every event line (comments included) is still there.
    assert.deepEqual([...timelineLines(sorted)].sort(), [...timelineLines(original)].sort());
    assert.equal(sorted.replace(timelineLines(sorted).join('\n'), ''), original.replace(timelineLines(original).join('\n'), ''));
    const moved = lineOf(document, 'at: 2021-06-29');
    assert.ok(moved < lineOf(document, 'at: 2021-06-30T12:00'), 'the 2021-06-29 event now comes first');

    // Re-checked: the warning is gone, everything else is still reported.
    const after = await waitForDiagnostics(document.uri, (ds) => withCode(ds, 'timeline-order').length === 0);
    assert.equal(after.length, expectedCount - 1, describeDiagnostics(after));
    assert.equal(withCode(after, 'ambiguous-time').length, 1, 'other diagnostics follow their moved lines');

    // No sort is offered for a sorted timeline.
    const again = await codeActions(document.uri, new vscode.Range(moved, 0, moved, 0));
    assert.ok(!again.some((a) => SORT_TITLE.test(a.title)), `still offers: ${describeActions(again)}`);

    await undo(editor);
    assert.equal(document.getText(), original, 'undo restores the original text exactly');
    await waitForDiagnostics(document.uri, (ds) => withCode(ds, 'timeline-order').length === 1 && ds.length === expectedCount);
  });

  it('"Sort timeline" is also a source action when no diagnostic is passed', async () => {
    const editor = await openSample('official-account-misdisplay.en');
    const { document } = editor;
    const line = lineOf(document, 'at: 2021-06-30T14:16');
    await editInEditor(editor, rangeOf(document, '14:16', line), '11:16');
    await waitForDiagnostics(document.uri, (ds) => withCode(ds, 'timeline-order', line).length === 1);
    const source = await codeActions(document.uri, new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.Source);
    const sort = source.find((a) => a.kind?.value === 'source.sortTimeline');
    assert.ok(sort?.edit, `no source.sortTimeline among: ${describeActions(source)}`);
    assert.ok(await vscode.workspace.applyEdit(sort.edit), 'applyEdit');
    await waitForDiagnostics(document.uri, (ds) => withCode(ds, 'timeline-order').length === 0);
    assert.ok(lineOf(document, 'at: 2021-06-30T11:16') < lineOf(document, 'at: 2021-06-30T12:12'));
  });

  it('"add the missing contact" runs as a snippet: the URL placeholder is selected to type over', async () => {
    const editor = await openSample('official-account-misdisplay.en');
    const { document } = editor;
    const contact = lineOf(document, /^contact:/);
    await editInEditor(editor, new vscode.Range(contact, 0, document.lineCount, 0), '');
    const [missing] = withCode(await waitForDiagnostics(document.uri, (ds) => withCode(ds, 'schema-required').length === 1), 'schema-required');
    const actions = await codeActions(document.uri, missing!.range);
    const fix = actions.find((a) => /`contact`/.test(a.title));
    assert.ok(fix?.command, `no snippet command for the contact among: ${describeActions(actions)}`);
    assert.equal(fix.edit, undefined, 'the snippet comes as a command, not as a plain edit');
    // What VS Code does when the action is chosen: run its command with its arguments.
    assert.equal(await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? [])), true);
    assert.match(document.getText(), /\ncontact:\n {2}url: https:\/\/example\.com\/contact\n$/);
    const active = vscode.window.activeTextEditor;
    assert.equal(active?.document, document);
    assert.equal(document.getText(active.selection), 'https://example.com/contact', 'the placeholder is selected');
    await waitForDiagnostics(document.uri, (ds) => withCode(ds, 'schema-required').length === 0);
  });

  it('an enum quick fix replaces `detect` with `detected`', async () => {
    const editor = await openSample(BROKEN);
    const { document } = editor;
    const line = lineOf(document, /^\s+kind: detect\b(?!ed)/);
    const [diagnostic] = withCode(await waitForDiagnostics(document.uri, (ds) => withCode(ds, 'schema-enum', line).length === 1), 'schema-enum', line);
    const actions = await codeActions(document.uri, diagnostic!.range);
    const fix = actions.find((a) => a.kind?.value === 'quickfix' && /detected/.test(a.title));
    assert.ok(fix?.edit, `no fix to detected among: ${describeActions(actions)}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit');
    assert.match(document.lineAt(line).text, /kind: detected\b/);
    // Only that line's: the sample has other schema-enum findings (`data_exposed`).
    await waitForDiagnostics(document.uri, (ds) => withCode(ds, 'schema-enum', line).length === 0);
  });
});

// The project configuration in a real VS Code: the workspace (a copy of samples/) has a
// postmortem.config.yaml at its root; it opens as its own language, is checked, and editing it
// (without saving) re-checks an open postmortem.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  checkedDiagnostics,
  closeAllEditors,
  codeOf,
  describeDiagnostics,
  editInEditor,
  extensionApi,
  hoverText,
  labelOf,
  lineOf,
  openSample,
  positionOf,
  problemsOf,
  undo,
  waitForDiagnostics,
  withCode,
} from './helpers';

const CONFIG = 'postmortem.config.yaml';
const EN_SAMPLE = 'official-account-misdisplay.en';

describe('project configuration (postmortem.config.yaml)', function () {
  before(async () => {
    await extensionApi();
  });
  afterEach(async () => {
    await closeAllEditors();
  });

  it('opens as the configuration language and is checked against its own schema', async () => {
    const editor = await openSample(CONFIG);
    assert.equal(editor.document.languageId, 'postmortem-config');
    assert.deepEqual(problemsOf(await checkedDiagnostics(editor)), []);
    const line = lineOf(editor.document, /^ {2}unaddressed-factor:/);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(line, 4));
    assert.match(hoverText(hovers), /no countermeasure addresses|どの再発防止策も/);
  });

  it('declares the severity scale: completion offers its levels, other values are errors until the file declares them', async () => {
    const editor = await openSample(EN_SAMPLE);
    const { document } = editor;
    const statusLine = lineOf(document, /^status:/);
    await editInEditor(editor, new vscode.Range(statusLine + 1, 0, statusLine + 1, 0), 'severity: SEV-9\n');
    const severityLine = statusLine + 1;
    const flagged = await waitForDiagnostics(document.uri, (ds) => withCode(ds, 'unknown-severity', severityLine).length === 1);
    assert.equal(withCode(flagged, 'unknown-severity', severityLine)[0]?.severity, vscode.DiagnosticSeverity.Error, describeDiagnostics(flagged));

    const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, positionOf(document, 'SEV-9', severityLine));
    const labels = completions.items.map(labelOf);
    for (const level of ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4']) assert.ok(labels.includes(level), labels.join(', '));

    // Edit the workspace's configuration beside it, without saving: the postmortem is checked again.
    const config = await openSample(CONFIG, { viewColumn: vscode.ViewColumn.Beside });
    const levelsEnd = lineOf(config.document, /^categories:/) - 1;
    await editInEditor(config, new vscode.Range(levelsEnd, 0, levelsEnd, 0), '  - id: SEV-9\n    description: Added in the e2e test.\n');
    const accepted = await waitForDiagnostics(document.uri, (ds) => withCode(ds, 'unknown-severity').length === 0);
    assert.deepEqual(problemsOf(accepted).map(codeOf), [], describeDiagnostics(accepted));

    await undo(config);
    await waitForDiagnostics(document.uri, (ds) => withCode(ds, 'unknown-severity', severityLine).length === 1);
    await undo(editor);
  });
});

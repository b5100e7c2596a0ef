// Diagnostics in a real VS Code: every sample is clean, the broken sample shows each expected code
// on its expected line, and edits update the diagnostics both ways.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { checkOf } from '../../../server/src/service/rules';
import { compareWithExpectations, readExpectations } from '../../common/markers';
import {
  LANGUAGE_ID,
  SAMPLE_SUFFIX,
  checkedDiagnostics,
  closeAllEditors,
  codeOf,
  describeDiagnostics,
  editInEditor,
  extensionApi,
  lineOf,
  openSample,
  problemsOf,
  rangeOf,
  samplesFolder,
  severityName,
  undo,
  waitForDiagnostics,
  withCode,
} from './helpers';

const BROKEN = 'broken';
const EN_SAMPLE = 'official-account-misdisplay.en';

/** The samples, read when the suite is defined so each gets its own test. */
function sampleNames(): string[] {
  try {
    return fs.readdirSync(samplesFolder().fsPath).filter((f) => f.endsWith(SAMPLE_SUFFIX)).sort();
  } catch {
    return [];
  }
}

/**
 * Each code's default severity, from the check registry (rules/index.ts) the server reports with: a
 * new check needs no line here. LSP counts severities from 1 (error), VS Code from 0.
 */
function defaultSeverity(code: string): vscode.DiagnosticSeverity | undefined {
  const check = checkOf(code);
  return check ? ((check.severity - 1) as vscode.DiagnosticSeverity) : undefined;
}

describe('diagnostics', function () {
  before(async () => {
    await extensionApi();
  });
  afterEach(closeAllEditors);

  describe('each sample opens as postmortem with no error or warning', () => {
    const names = sampleNames().filter((n) => !n.startsWith(BROKEN));
    it('the workspace has clean samples', () => {
      assert.ok(names.length >= 5, `expected the samples of samples/README.md, found: ${names.join(', ') || 'none'}`);
    });
    for (const name of names) {
      it(name, async () => {
        const editor = await openSample(name);
        assert.equal(editor.document.languageId, LANGUAGE_ID);
        const diagnostics = await checkedDiagnostics(editor);
        assert.deepEqual(problemsOf(diagnostics), [], `${name} has errors or warnings:\n${describeDiagnostics(diagnostics)}`);
        // Information the real notices earn: published late, or personal data of many (album-thumbnails).
        for (const d of diagnostics) {
          assert.ok(['disclosure-lag', 'regulatory-hint'].includes(String(codeOf(d))), `${name}: unexpected information diagnostic\n${describeDiagnostics([d])}`);
        }
      });
    }
  });

  it('the broken sample shows each expected code on its expected line, and nothing else', async () => {
    const editor = await openSample(BROKEN);
    assert.equal(editor.document.languageId, LANGUAGE_ID);
    const expectations = readExpectations(editor.document.getText());
    assert.ok(expectations.length >= 15, `only ${expectations.length} # expect: markers in the broken sample`);
    const compare = (ds: readonly vscode.Diagnostic[]) => compareWithExpectations(expectations, ds.map((d) => ({ line: d.range.start.line, code: codeOf(d) })));
    // Published diagnostics arrive all at once per version: wait until every marker is matched.
    const diagnostics = await waitForDiagnostics(editor.document.uri, (ds) => compare(ds).missing.length === 0);
    const { unexpected } = compare(diagnostics);
    assert.deepEqual(unexpected, [], `diagnostics without a marker:\n${describeDiagnostics(diagnostics.filter((d) => unexpected.some((u) => u.line === d.range.start.line && u.code === codeOf(d))))}`);
    for (const d of diagnostics) {
      const code = String(codeOf(d));
      const expected = defaultSeverity(code);
      assert.ok(expected !== undefined, `no severity known for ${code}`);
      assert.equal(severityName(d.severity), severityName(expected), `severity of ${code} on line ${d.range.start.line + 1}`);
      assert.ok(d.message.length > 0, `${code} has no message`);
    }
  });

  it('an out-of-order event brings a timeline-order warning, and undo takes it away', async () => {
    const editor = await openSample(EN_SAMPLE);
    const { document } = editor;
    const original = document.getText();
    assert.deepEqual(problemsOf(await checkedDiagnostics(editor)), []);

    // 14:16 → 11:16: now before the 12:12 event above it.
    const line = lineOf(document, 'at: 2021-06-30T14:16');
    await editInEditor(editor, rangeOf(document, '14:16', line), '11:16');
    const after = await waitForDiagnostics(document.uri, (ds) => withCode(ds, 'timeline-order', line).length === 1);
    assert.equal(withCode(after, 'timeline-order', line)[0]?.severity, vscode.DiagnosticSeverity.Warning);
    // It is a `detected` event: now also before the impact started (12:00).
    assert.deepEqual(problemsOf(after).map(codeOf).sort(), ['detected-before-impact', 'timeline-order'], describeDiagnostics(after));

    await undo(editor);
    assert.equal(document.getText(), original, 'undo restores the text');
    const back = await waitForDiagnostics(document.uri, (ds) => withCode(ds, 'timeline-order').length === 0);
    assert.deepEqual(problemsOf(back), [], describeDiagnostics(back));
  });

  it('editing a count in one language version raises the parity warning in the other open version, and undo clears it', async () => {
    const ja = await openSample('contact-form-logins');
    const en = await openSample('contact-form-logins.en', { viewColumn: vscode.ViewColumn.Beside });
    assert.deepEqual(withCode(await checkedDiagnostics(en), 'parity-mismatch'), []);
    const line = lineOf(ja.document, /^\s+value: 3035$/);
    await editInEditor(ja, rangeOf(ja.document, '3035', line), '3036');
    const enLine = lineOf(en.document, /^\s+value: 3035$/);
    const warned = await waitForDiagnostics(en.document.uri, (ds) => withCode(ds, 'parity-mismatch', enLine).length === 1);
    const finding = withCode(warned, 'parity-mismatch', enLine)[0]!;
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(finding.message, /contact-form-logins\.postmortem\.yaml.*3036/);
    assert.equal(finding.relatedInformation?.[0]?.location.uri.toString(), ja.document.uri.toString());
    assert.equal(finding.relatedInformation?.[0]?.location.range.start.line, line);
    await waitForDiagnostics(ja.document.uri, (ds) => withCode(ds, 'parity-mismatch', line).length === 1);

    await undo(ja);
    await waitForDiagnostics(en.document.uri, (ds) => withCode(ds, 'parity-mismatch').length === 0);
    await waitForDiagnostics(ja.document.uri, (ds) => withCode(ds, 'parity-mismatch').length === 0);
  });

  it('fixing an error through a WorkspaceEdit removes only that diagnostic, and undo brings it back', async () => {
    const editor = await openSample(BROKEN);
    const { document } = editor;
    const original = document.getText();
    const expectedCount = readExpectations(original).length;
    const before = await waitForDiagnostics(document.uri, (ds) => ds.length === expectedCount);
    const line = lineOf(document, /^\s+kind: detect\b(?!ed)/);
    assert.equal(withCode(before, 'schema-enum', line).length, 1, describeDiagnostics(before));

    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, rangeOf(document, 'detect', line), 'detected');
    assert.ok(await vscode.workspace.applyEdit(edit), 'applyEdit');
    const fixed = await waitForDiagnostics(document.uri, (ds) => withCode(ds, 'schema-enum', line).length === 0);
    assert.equal(fixed.length, expectedCount - 1, `only the schema-enum diagnostic goes:\n${describeDiagnostics(fixed)}`);

    await undo(editor);
    assert.equal(document.getText(), original, 'undo restores the text');
    const back = await waitForDiagnostics(document.uri, (ds) => withCode(ds, 'schema-enum', line).length === 1);
    assert.equal(back.length, expectedCount, describeDiagnostics(back));
  });
});

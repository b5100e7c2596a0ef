// Format 1.1 (issue 8) in a real VS Code: a 1.1 sample opens clean; the new checks appear on
// the offending line and their quick fixes clear them; completion and hover read the workspace's
// postmortem.config.yaml; `x-` keys are left alone; the export keeps internal values internal.
// Every edit is made in the editor of the workspace copy and reverted by closeAllEditors.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  checkedDiagnostics,
  closeAllEditors,
  codeActions,
  codeOf,
  describeActions,
  describeDiagnostics,
  editInEditor,
  extensionApi,
  hoverText,
  labelOf,
  lineOf,
  openSample,
  positionOf,
  problemsOf,
  rangeOf,
  samplesFolder,
  waitForDiagnostics,
  withCode,
} from './helpers';

const SAMPLE = 'edge-cache-rollout';

/** Finds the fix titled `title` for the one `code` diagnostic on `line`, applies it, and waits until the diagnostic is gone. */
async function applyFix(document: vscode.TextDocument, code: string, line: number, title: string): Promise<void> {
  const found = await waitForDiagnostics(document.uri, (ds) => withCode(ds, code, line).length === 1);
  const diagnostic = withCode(found, code, line)[0]!;
  const actions = await codeActions(document.uri, diagnostic.range);
  const fix = actions.find((a) => a.title === title);
  assert.ok(fix?.edit, `no "${title}" for ${code} among: ${describeActions(actions)}`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit');
  const after = await waitForDiagnostics(document.uri, (ds) => withCode(ds, code).length === 0);
  assert.deepEqual(problemsOf(after).map(codeOf), [], describeDiagnostics(after));
}

describe('format 1.1 in VS Code (issue 8)', function () {
  before(async () => {
    await extensionApi();
  });
  afterEach(closeAllEditors);

  it('a 1.1 sample opens clean with the workspace configuration', async () => {
    for (const name of [SAMPLE, 'search-replica-loss']) {
      const editor = await openSample(name);
      const problems = problemsOf(await checkedDiagnostics(editor));
      assert.deepEqual(problems.map(codeOf), [], `${name}:\n${describeDiagnostics(problems)}`);
    }
  });

  it('a due date before the real today, not done, is `overdue` on that line', async () => {
    const editor = await openSample(SAMPLE);
    const { document } = editor;
    await editInEditor(editor, rangeOf(document, 'due: 2028-02-25'), 'due: 2020-01-15');
    const line = lineOf(document, 'due: 2020-01-15');
    const found = await waitForDiagnostics(document.uri, (ds) => withCode(ds, 'overdue').length > 0);
    const overdue = withCode(found, 'overdue');
    assert.equal(overdue.length, 1, describeDiagnostics(found));
    assert.equal(overdue[0]!.severity, vscode.DiagnosticSeverity.Warning);
    // On the countermeasure's due date (or its item), never the whole document.
    assert.ok(overdue[0]!.range.start.line >= lineOf(document, 'id: cm-3') && overdue[0]!.range.start.line <= line, describeDiagnostics(overdue));
  });

  it('`timezone: BST` is `timezone-abbreviation`; the Europe/London fix applies and clears it', async () => {
    const editor = await openSample(SAMPLE);
    const { document } = editor;
    await editInEditor(editor, rangeOf(document, 'timezone: UTC'), 'timezone: BST');
    const line = lineOf(document, /^timezone:/);
    await applyFix(document, 'timezone-abbreviation', line, 'Set `timezone` to `Europe/London`');
    assert.equal(document.lineAt(line).text, 'timezone: Europe/London');
  });

  it('an `until` before its `at` is `until-order`; the swap fix puts them the right way round', async () => {
    const editor = await openSample(SAMPLE);
    const { document } = editor;
    const atLine = lineOf(document, 'at: 2025-05-12T15:20');
    await editInEditor(editor, rangeOf(document, 'until: 2025-05-12T16:41', atLine), 'until: 2025-05-12T15:15');
    await applyFix(document, 'until-order', atLine + 1, 'Swap `at` and `until`');
    assert.deepEqual([document.lineAt(atLine).text.trim(), document.lineAt(atLine + 1).text.trim()], ['- at: 2025-05-12T15:15', 'until: 2025-05-12T15:20']);
  });

  it('`affected_services` is an unknown key with the rename fix to `services`', async () => {
    const editor = await openSample(SAMPLE);
    const { document } = editor;
    const line = lineOf(document, /^services:/);
    await editInEditor(editor, rangeOf(document, 'services:', line), 'affected_services:');
    const found = await waitForDiagnostics(document.uri, (ds) => withCode(ds, 'schema-unknown-key', line).length === 1);
    assert.match(withCode(found, 'schema-unknown-key', line)[0]!.message, /`?services`?/);
    await applyFix(document, 'schema-unknown-key', line, 'Rename key `affected_services` to `services`');
    assert.equal(document.lineAt(line).text, 'services:');
  });

  it('completion offers `wont_do` as a status and the configured severity levels with their meaning; hover explains a level', async () => {
    const editor = await openSample(SAMPLE);
    const { document } = editor;
    const statusAt = positionOf(document, 'planned', lineOf(document, 'id: cm-4'));
    const statuses = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, statusAt);
    assert.ok(statuses.items.map(labelOf).includes('wont_do'), statuses.items.map(labelOf).join(', '));

    const severityAt = positionOf(document, 'SEV-2', lineOf(document, /^severity:/));
    const levels = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, severityAt, undefined, 20);
    const byLabel = new Map(levels.items.map((item) => [labelOf(item), item]));
    for (const level of ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4']) assert.ok(byLabel.has(level), [...byLabel.keys()].join(', '));
    const explained = (item: vscode.CompletionItem | undefined) => {
      const docs = item?.documentation;
      return `${item?.detail ?? ''} ${typeof docs === 'string' ? docs : docs?.value ?? ''}`;
    };
    assert.match(explained(byLabel.get('SEV-1')), /Critical\. A core service is down/);
    assert.match(explained(byLabel.get('SEV-4')), /Low\. No user-visible impact/);

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, severityAt.translate(0, 2));
    assert.match(hoverText(hovers), /Major\. A core feature is broken/);
  });

  it('`x-` keys anywhere produce no finding', async () => {
    const editor = await openSample(SAMPLE);
    const { document } = editor;
    const before = (await checkedDiagnostics(editor)).length;
    const cm = lineOf(document, 'id: cm-4');
    await editInEditor(editor, new vscode.Range(cm + 1, 0, cm + 1, 0), '    x-jira-epic: PRICE-100\n    x-cost:\n      hours: 40\n');
    const top = lineOf(document, /^services:/);
    await editInEditor(editor, new vscode.Range(top, 0, top, 0), 'x-review-meeting: 2025-05-15 with the edge team\n');
    // The server has checked this text (checkedDiagnostics probes it) and found nothing new.
    const after = await checkedDiagnostics(editor);
    assert.equal(after.length, before, describeDiagnostics(after));
    assert.ok(after.every((d) => !/x-/.test(d.message)), describeDiagnostics(after));
  });

  it('the export leaves an owner out of the public notice and keeps it in the internal version', async () => {
    const editor = await openSample(SAMPLE);
    const texts: Record<string, string> = {};
    for (const audience of ['public', 'internal'] as const) {
      const target = vscode.Uri.joinPath(samplesFolder(), `format11-e2e.${audience}.md`);
      try {
        const written = await vscode.commands.executeCommand<vscode.Uri>('postmortem.exportNotice', editor.document.uri, { format: 'md', target, audience });
        assert.equal(written?.toString(), target.toString());
        texts[audience] = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      } finally {
        await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
      }
    }
    for (const text of Object.values(texts)) assert.match(text, /^# Checkout errors and stale prices/);
    for (const internal of ['pricing-team', 'release-engineering', 'EDGE-2291']) {
      assert.ok(!texts.public?.includes(internal), `the public notice shows ${internal}`);
      assert.ok(texts.internal?.includes(internal), `the internal version lacks ${internal}`);
    }
  });
});

// Editor features through VS Code's own commands (the same path the UI takes): completion,
// hover, document symbols, definition and rename of a factor id.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  checkedDiagnostics,
  closeAllEditors,
  countOf,
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
  targetOf,
  waitForDiagnostics,
  withCode,
} from './helpers';

/** An English sample with a `timezone`, factors and countermeasures (official-account-misdisplay). */
const SAMPLE = 'official-account-misdisplay.en';
const KINDS = ['occurred', 'detected', 'responded', 'mitigated', 'resolved', 'notified', 'published', 'other'];

async function complete(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  assert.ok(list, 'no completion list');
  return list.items;
}

async function hover(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  assert.ok(hovers && hovers.length > 0, `no hover at ${position.line + 1}:${position.character + 1}`);
  return hoverText(hovers);
}

/** Inserts a new line holding only `indent` below `line`; returns the position at its end. */
async function insertEmptyLine(editor: vscode.TextEditor, line: number, indent: string): Promise<vscode.Position> {
  const end = editor.document.lineAt(line).range.end;
  await editInEditor(editor, new vscode.Range(end, end), `\n${indent}`);
  return new vscode.Position(line + 1, indent.length);
}

function rangeStart(item: vscode.CompletionItem): vscode.Position | undefined {
  const range = item.range;
  if (!range) return undefined;
  return 'inserting' in range ? range.inserting.start : range.start;
}

describe('language features', function () {
  before(async () => {
    await extensionApi();
  });
  afterEach(closeAllEditors);

  describe('completion', () => {
    it('offers the missing keys on a new empty line in a mapping, not the present ones', async () => {
      const editor = await openSample(SAMPLE);
      const { document } = editor;
      // In the last countermeasure (id, action, type, status, addresses present): only `date` is missing.
      const measure = lineOf(document, 'id: update-internal-guide');
      const inMeasure = await insertEmptyLine(editor, lineOf(document, 'status: planned', measure), '    ');
      const measureLabels = (await complete(document, inMeasure)).map(labelOf);
      assert.ok(measureLabels.includes('date'), `no date among ${measureLabels.join(', ')}`);
      for (const present of ['id', 'action', 'type', 'status', 'addresses']) assert.ok(!measureLabels.includes(present), `${present} is offered although present: ${measureLabels.join(', ')}`);

      // In a timeline event (at, event, kind present): `until`.
      const inEvent = await insertEmptyLine(editor, lineOf(document, 'kind: other', lineOf(document, 'timeline:')), '    ');
      const eventLabels = (await complete(document, inEvent)).map(labelOf);
      assert.ok(eventLabels.includes('until'), `no until among ${eventLabels.join(', ')}`);
      for (const present of ['at', 'event', 'kind']) assert.ok(!eventLabels.includes(present), `${present} is offered although present: ${eventLabels.join(', ')}`);
    });

    it('offers every kind for `kind:`, replacing the typed prefix', async () => {
      const editor = await openSample(SAMPLE);
      const { document } = editor;
      const line = lineOf(document, 'kind: mitigated');
      await editInEditor(editor, rangeOf(document, 'mitigated', line), 'mit');
      const position = new vscode.Position(line, document.lineAt(line).text.length);
      const items = await complete(document, position);
      const labels = items.map(labelOf);
      for (const kind of KINDS) assert.ok(labels.includes(kind), `no ${kind} among ${labels.join(', ')}`);
      const mitigated = items.find((item) => labelOf(item) === 'mitigated');
      assert.deepEqual(rangeStart(mitigated!), position.translate(0, -3), 'the item replaces `mit`');
    });

    it('offers the factor ids inside `addresses`, leaving out those already listed', async () => {
      const editor = await openSample(SAMPLE);
      const { document } = editor;
      const factors = ['cache-connection-setting', 'misdisplay-instead-of-error', 'guide-missing-case'];
      const all = (await complete(document, positionOf(document, 'addresses: [guide-missing-case]', 0, 'addresses: ['.length))).map(labelOf);
      for (const id of factors) assert.ok(all.includes(id), `no ${id} among ${all.join(', ')}`);

      const line = lineOf(document, 'addresses: [guide-missing-case]');
      await editInEditor(editor, rangeOf(document, 'guide-missing-case]', line), 'guide-missing-case, ]');
      const rest = (await complete(document, positionOf(document, ', ]', line, 2))).map(labelOf);
      assert.ok(rest.includes('cache-connection-setting') && rest.includes('misdisplay-instead-of-error'), rest.join(', '));
      assert.ok(!rest.includes('guide-missing-case'), `an id already listed is offered again: ${rest.join(', ')}`);
    });
  });

  describe('hover', () => {
    it('on a key: the field documentation from the schema', async () => {
      const { document } = await openSample(SAMPLE);
      const text = await hover(document, positionOf(document, 'status: published', 0, 2));
      assert.match(text, /\*\*status\*\*/);
      assert.match(text, /required/);
      for (const value of ['draft', 'review', 'published']) assert.ok(text.includes(`\`${value}\``), text);
    });

    it('on a time: the instant in the document zone and in UTC, and its offset from the impact start', async () => {
      const { document } = await openSample(SAMPLE);
      // timezone: Asia/Tokyo; impact starts 2021-06-30T12:00.
      const text = await hover(document, positionOf(document, 'at: 2021-06-30T12:05', 0, 8));
      assert.match(text, /2021-06-30 03:05 UTC/, text);
      assert.match(text, /Asia\/Tokyo/, text);
      assert.match(text, /\+09:00/, text);
      assert.match(text, /T\+00:05/, text);
    });

    it('on a factor id: its description and the countermeasures that address it', async () => {
      const { document } = await openSample(SAMPLE);
      const text = await hover(document, positionOf(document, 'addresses: [guide-missing-case]', 0, 'addresses: ['.length + 2));
      assert.match(text, /guide-missing-case/);
      assert.match(text, /internal guide/);
    });
  });

  it('document symbols: the sections, with events, factors and countermeasures underneath', async () => {
    const { document } = await openSample(SAMPLE);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    assert.ok(symbols && symbols.length > 0, 'no symbols');
    const names = symbols.map((s) => s.name);
    for (const section of ['postmortem', 'id', 'title', 'impact', 'cause', 'detection', 'timeline', 'countermeasures', 'contact']) {
      assert.ok(names.includes(section), `no ${section} in ${names.join(', ')}`);
    }
    const section = (name: string) => symbols.find((s) => s.name === name)!;
    const timeline = section('timeline');
    const events = document.getText().split('\n').filter((l) => /^ {2}- at: /.test(l)).length;
    assert.equal(timeline.children.length, events);
    assert.match(timeline.children[0]!.name, /^2021-06-29 /);
    assert.equal(timeline.children[0]!.detail, 'other');
    assert.deepEqual(section('countermeasures').children.map((c) => c.name).length, 3);
    const factors = section('cause').children.find((c) => c.name === 'factors');
    assert.deepEqual(factors?.children.map((c) => c.name), ['cache-connection-setting', 'misdisplay-instead-of-error', 'guide-missing-case']);
    // Every symbol's selection range lies inside its range, and on the right line.
    const walk = (list: vscode.DocumentSymbol[]): void => {
      for (const s of list) {
        assert.ok(s.range.contains(s.selectionRange), `${s.name}: selection outside its range`);
        walk(s.children);
      }
    };
    walk(symbols);
    assert.equal(timeline.range.start.line, lineOf(document, /^timeline:/));
  });

  describe('navigation', () => {
    it('go to definition of a factor id in `addresses` lands on its `id:` in cause.factors', async () => {
      const { document } = await openSample(SAMPLE);
      const use = positionOf(document, 'addresses: [guide-missing-case]', 0, 'addresses: ['.length + 3);
      const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, use);
      assert.equal(locations?.length, 1, 'one definition');
      const target = targetOf(locations[0]!);
      assert.equal(target.uri.toString(), document.uri.toString());
      assert.equal(target.range.start.line, lineOf(document, '- id: guide-missing-case'));
      assert.equal(document.getText(target.range), 'guide-missing-case');
    });

    it('rename of a factor id changes every occurrence, and the document stays valid', async () => {
      const editor = await openSample(SAMPLE);
      const { document } = editor;
      const oldId = 'cache-connection-setting';
      const newId = 'cache-config-change';
      const before = countOf(document.getText(), oldId);
      assert.ok(before >= 2, `${oldId} occurs ${before} time(s)`);
      const at = positionOf(document, `- id: ${oldId}`, 0, '- id: '.length + 1);
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, at, newId);
      assert.ok(edit, 'no rename edit');
      assert.equal(edit.get(document.uri).length, before, 'one text edit per occurrence');
      assert.ok(await vscode.workspace.applyEdit(edit), 'applyEdit');
      const text = document.getText();
      assert.equal(countOf(text, oldId), 0, `${oldId} is left in the text`);
      assert.equal(countOf(text, newId), before);
      // Not an unknown-factor / unaddressed-factor in sight once the server has checked the new text.
      const diagnostics = await checkedDiagnostics(editor);
      assert.deepEqual(problemsOf(diagnostics), [], describeDiagnostics(diagnostics));
    });

    it('rename to an invalid id is refused with the reason', async () => {
      const { document } = await openSample(SAMPLE);
      const at = positionOf(document, '- id: guide-missing-case', 0, '- id: '.length + 1);
      await assert.rejects(
        Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, at, 'Not A Slug')),
        (e: Error) => /slug|lower|a-z|not a valid/i.test(e.message) || assert.fail(`unexpected message: ${e.message}`),
      );
      assert.equal(document.isDirty, false, 'a refused rename changes nothing');
    });

    it('an unknown factor id in `addresses` is reported, and defining it clears the error', async () => {
      const editor = await openSample(SAMPLE);
      const { document } = editor;
      const line = lineOf(document, 'addresses: [guide-missing-case]');
      await editInEditor(editor, rangeOf(document, 'guide-missing-case]', line), 'guide-missing-case, no-such-factor]');
      await waitForDiagnostics(document.uri, (ds) => withCode(ds, 'unknown-factor', line).length === 1);
      // A new last factor, just above `trigger:` in the cause section.
      const trigger = new vscode.Position(lineOf(document, /^ {2}trigger:/, lineOf(document, /^cause:/)), 0);
      await editInEditor(editor, new vscode.Range(trigger, trigger), '    - id: no-such-factor\n      description: Now defined.\n');
      const after = await waitForDiagnostics(document.uri, (ds) => withCode(ds, 'unknown-factor').length === 0);
      assert.deepEqual(problemsOf(after), [], describeDiagnostics(after));
    });
  });
});

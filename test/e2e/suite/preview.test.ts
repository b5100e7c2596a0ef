// The timeline preview in a real VS Code: opens beside the editor, shows the events in order,
// follows edits, links both ways with the editor, keeps hostile text as text, and exports.
// The webview's DOM is out of the extension host's reach, so the tests read it through the
// preview's probe command (a snapshot the webview takes of itself) and click through it too.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PreviewSnapshot } from '../../../client/shared/messages';
import { FULL_11 } from '../../unit/format11Fixture';
import { bigDocument, hostileDocument, HOSTILE } from '../../unit/timelineFixtures';
import { closeAllEditors, editInEditor, extensionApi, lineOf, openSample, rangeOf, samplesFolder, waitUntil } from './helpers';

const SAMPLE = 'clova-bot-invites.en';

async function snapshot(): Promise<PreviewSnapshot | undefined> {
  try {
    return await vscode.commands.executeCommand<PreviewSnapshot>('_postmortem.preview.probe', 'snapshot');
  } catch {
    return undefined;
  }
}

/** Waits until the preview's own picture satisfies `predicate`; fails with the last snapshot seen. */
async function previewShows(predicate: (s: PreviewSnapshot) => boolean, what: string, timeoutMs = 20_000): Promise<PreviewSnapshot> {
  let last: PreviewSnapshot | undefined;
  try {
    return await waitUntil(async () => {
      last = await snapshot();
      return last && predicate(last) ? last : undefined;
    }, timeoutMs, what, 50);
  } catch (error) {
    throw new Error(`${(error as Error).message}; last snapshot: ${JSON.stringify(last && { ...last, tags: undefined })}`);
  }
}

async function openPreview(name: string): Promise<vscode.TextEditor> {
  const editor = await openSample(name);
  await vscode.commands.executeCommand('postmortem.openPreviewToSide');
  return editor;
}

/** Lines where the timeline's items start (`  - at: …`), in order. */
function eventLines(document: vscode.TextDocument): number[] {
  const lines: number[] = [];
  for (let line = lineOf(document, /^timeline:/); line < document.lineCount; line++) {
    const text = document.lineAt(line).text;
    if (/^\S/.test(text) && !text.startsWith('timeline:')) break;
    if (/^ {2}- at:/.test(text)) lines.push(line);
  }
  return lines;
}

function eventTexts(document: vscode.TextDocument): string[] {
  return eventLines(document).map((line) => {
    for (let next = line; next < document.lineCount; next++) {
      const match = /^ {4}event: (.*)$/.exec(document.lineAt(next).text);
      if (match?.[1]) return match[1];
    }
    return '';
  });
}

/** Scratch files this suite writes into the workspace; removed after each test, pass or fail. */
const scratch: vscode.Uri[] = [];
async function writeWorkspaceFile(name: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(samplesFolder(), name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  scratch.push(uri);
  return uri;
}

describe('timeline preview', function () {
  this.timeout(60_000);
  before(async () => {
    await extensionApi();
  });
  afterEach(async () => {
    await closeAllEditors();
    for (const uri of scratch.splice(0)) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('opens beside the editor and shows the sample events in document order', async () => {
    const editor = await openPreview(SAMPLE);
    const expected = eventTexts(editor.document);
    const shown = await previewShows((s) => s.eventCount === expected.length && s.eventTexts.length > 0, 'the preview to show the sample');
    assert.deepEqual(shown.eventTexts, expected.slice(0, shown.eventTexts.length));
    assert.match(shown.title, /CLOVA/);
    const tab = vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((t) => t.input instanceof vscode.TabInputWebview);
    assert.ok(tab, 'a webview tab is open');
    assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'the preview is beside the editor, not over it');
  });

  it('updates as the document is edited, without saving, and keeps the last picture while it does not parse', async () => {
    const editor = await openPreview(SAMPLE);
    const first = eventTexts(editor.document)[0] ?? '';
    await previewShows((s) => s.eventTexts[0] === first, 'the first event');
    await editInEditor(editor, rangeOf(editor.document, first), 'Edited live in the e2e test');
    await previewShows((s) => s.eventTexts[0] === 'Edited live in the e2e test', 'the edited event text');
    // Break the YAML: an unclosed flow sequence.
    await editInEditor(editor, rangeOf(editor.document, 'Edited live in the e2e test'), '[unclosed');
    const stale = await previewShows((s) => s.stale !== undefined, 'the preview to say the document does not parse');
    assert.equal(stale.eventTexts[0], 'Edited live in the e2e test', 'the last good picture is kept');
    await editInEditor(editor, rangeOf(editor.document, '[unclosed'), 'Fixed again');
    await previewShows((s) => s.stale === undefined && s.eventTexts[0] === 'Fixed again', 'the preview to recover');
  });

  it('shows the reporting regimes: each stage with its deadline and how it stands', async () => {
    const editor = await openSample('broken');
    await vscode.commands.executeCommand('postmortem.openPreviewToSide');
    const shown = await previewShows((s) => s.regimeTexts.length > 0, 'the regime table');
    // broken's telecom-jp final report is late (due 2021-07-30, made 2021-08-01).
    assert.ok(shown.regimeTexts.some((row) => /final report · due 2021-07-30 \(30 days\) · made 2021-08-01, 2 days late/.test(row)), shown.regimeTexts.join('\n'));
    assert.ok(editor.document.getText().includes('regime: telecom-jp'));
  });

  it('clicking an event selects its source lines in the editor', async () => {
    const editor = await openPreview(SAMPLE);
    const lines = eventLines(editor.document);
    await previewShows((s) => s.eventCount === lines.length, 'the preview');
    const clicked = await vscode.commands.executeCommand<boolean>('_postmortem.preview.probe', 'click', 'event:3');
    assert.equal(clicked, true, 'the event row exists');
    const target = lines[3] ?? -1;
    await waitUntil(() => vscode.window.visibleTextEditors.find((e) => e.document === editor.document && e.selection.start.line === target), 10_000, `the selection to move to line ${target + 1}`);
    const selected = vscode.window.visibleTextEditors.find((e) => e.document === editor.document);
    assert.ok(selected && selected.selection.end.line > target, 'the whole event is selected, not just a line');
  });

  it('moving the cursor in the editor highlights the matching item', async () => {
    const editor = await openPreview(SAMPLE);
    const lines = eventLines(editor.document);
    await previewShows((s) => s.eventCount === lines.length, 'the preview');
    const line = (lines[5] ?? 0) + 1;
    editor.selection = new vscode.Selection(line, 6, line, 6);
    await previewShows((s) => s.highlighted === 'event:5', 'event 5 to be highlighted');
    const factorLine = lineOf(editor.document, /^ {4}- id: reproduction-spread/);
    editor.selection = new vscode.Selection(factorLine, 8, factorLine, 8);
    await previewShows((s) => s.highlighted === 'factor:1', 'the factor to be highlighted');
  });

  it('runs no script and shows markup as text when every field holds some', async () => {
    const uri = await writeWorkspaceFile('hostile.postmortem.yaml', hostileDocument());
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await vscode.commands.executeCommand('postmortem.openPreviewToSide');
    const shown = await previewShows((s) => s.title === HOSTILE, 'the hostile title as text');
    assert.equal(shown.injected, false, 'no injected script ran');
    assert.deepEqual(shown.cspViolations, [], 'no Content Security Policy violation');
    assert.deepEqual(shown.eventTexts, [HOSTILE]);
    for (const tag of ['img', 'iframe', 'a', 'object', 'embed', 'svg', 'form']) assert.ok(!shown.tags.includes(tag), `no <${tag}> in the preview: ${shown.tags.join(' ')}`);
    assert.equal(shown.urls.length, 2, `only our script and stylesheet: ${shown.urls.join(' ')}`);
    assert.ok(shown.urls.every((url) => !/javascript:|evil\.example/.test(url)));
  });

  it('asks the restarted language server for its model again, without an edit', async () => {
    const editor = await openPreview(SAMPLE);
    await previewShows((s) => s.eventCount === eventLines(editor.document).length, 'the preview');
    const requests = async () => (await vscode.commands.executeCommand<{ requests: unknown[] }>('_postmortem.preview.renders')).requests.length;
    const before = await requests();
    await vscode.commands.executeCommand('postmortem.restartServer');
    await waitUntil(async () => (await requests()) > before, 30_000, 'a model request after the restart');
    const shown = await previewShows((s) => s.eventCount === eventLines(editor.document).length && s.stale === undefined, 'the preview after the restart');
    assert.equal(shown.version, editor.document.version);
  });

  it('exports the notice as Markdown and as HTML', async () => {
    const editor = await openSample(SAMPLE);
    for (const format of ['md', 'html'] as const) {
      const target = vscode.Uri.joinPath(samplesFolder(), `exported.notice.${format}`);
      scratch.push(target);
      const written = await vscode.commands.executeCommand<vscode.Uri>('postmortem.exportNotice', editor.document.uri, { format, target });
      assert.equal(written?.toString(), target.toString());
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.match(text, format === 'md' ? /^# Bots abusing/ : /^<!DOCTYPE html>[\s\S]*<h2>4\. Timeline \(Japan time\)<\/h2>/);
    }
  });

  it('shows a format 1.1 document: impact windows as bands on the axis and an overdue owner in red', async () => {
    // Due long before any day this test runs: the server's own today makes it overdue.
    const uri = await writeWorkspaceFile('format11.postmortem.yaml', FULL_11.replace('due: 2028-06-30', 'due: 2020-01-15'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await vscode.commands.executeCommand('postmortem.openPreviewToSide');
    const shown = await previewShows((s) => s.windowBands.length === 2 && s.overdue.length > 0, 'the window bands and the overdue owner');
    assert.deepEqual(shown.windowBands, ['Confirmations delayed in eu-west-1 (48m)', 'Confirmations delayed in us-east-1 (1h 09m)']);
    assert.deepEqual(shown.overdue, ['Owner: sre-team']);
    assert.equal(shown.title, 'Order confirmations delayed by a queue backlog');
  });

  it('exports the public notice without and the internal version with owners and tickets', async () => {
    const uri = await writeWorkspaceFile('format11.postmortem.yaml', FULL_11);
    const document = await vscode.workspace.openTextDocument(uri);
    const texts: Record<string, string> = {};
    for (const audience of ['public', 'internal'] as const) {
      const target = vscode.Uri.joinPath(samplesFolder(), `format11.${audience}.md`);
      scratch.push(target);
      await vscode.commands.executeCommand<vscode.Uri>('postmortem.exportNotice', document.uri, { format: 'md', target, audience });
      texts[audience] = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    }
    assert.match(texts.public ?? '', /^# Order confirmations delayed by a queue backlog \(Final report\)/);
    assert.doesNotMatch(texts.public ?? '', /@rina|OPS-1412|Thread counts/);
    assert.match(texts.internal ?? '', /Owner: @rina · Ticket: (OPS-1412|<https:[^>]*OPS-1412>)/);
  });

  // Speed is `npm run bench`'s to measure; here, deterministically: the picture is drawn in full once,
  // and an edit reaches it as a patch, not a second full render. Timings are printed as information.
  it('draws 10,000 events once and an edit as a patch (prints first paint and update time)', async function () {
    this.timeout(180_000);
    const uri = await writeWorkspaceFile('big.postmortem.yaml', bigDocument(10_000));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const opened = Date.now();
    await vscode.commands.executeCommand('postmortem.openPreviewToSide');
    await previewShows((s) => s.eventCount === 10_000, 'the big document in the preview', 120_000);
    const firstShown = Date.now() - opened;
    const edited = Date.now();
    await editInEditor(editor, rangeOf(editor.document, 'Event number 5000 '), 'Event number 5000 edited ');
    await previewShows((s) => (s.version ?? 0) >= editor.document.version, 'the edit in the preview', 60_000);
    const updateShown = Date.now() - edited;
    type Renders = { renders: { kind: string; ms: number; events: number }[]; requests: { ms: number; version: number }[] };
    const bigRenders = (r: Renders) => r.renders.filter((render) => render.events === 10_000);
    // The webview reports a render after drawing it, which can be after the snapshot shows the edit.
    const reported = await waitUntil(async () => {
      const r = await vscode.commands.executeCommand<Renders>('_postmortem.preview.renders');
      return bigRenders(r).length >= 2 ? r : undefined;
    }, 60_000, 'the webview to report the render of the edit');
    const { requests } = reported;
    const webview = bigRenders(reported);
    console.log(`      10,000 events: command to picture ${firstShown} ms, keystroke to picture ${updateShown} ms; model requests ${requests.map((r) => `v${r.version} ${r.ms} ms`).join(', ')}; webview renders ${webview.map((r) => `${r.kind} ${Math.round(r.ms)} ms`).join(', ')}`);
    assert.deepEqual(webview.filter((r) => r.kind === 'model').length, 1, 'one full render of the 10,000 events');
    assert.equal(webview.at(-1)?.kind, 'patch', 'the edit arrived as a patch');
  });
});

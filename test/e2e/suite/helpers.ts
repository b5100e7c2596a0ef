// Helpers for end-to-end tests running inside the VS Code extension host.
// Every wait is on an event or a condition with a timeout; never a fixed sleep.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'postmortem-tools.postmortem-language';
export { LANGUAGE_ID } from '../../../server/src/contracts/ids';
export const SAMPLE_SUFFIX = '.postmortem.yaml';

/**
 * The opened workspace folder: a temporary copy of the repo's `samples/` made by the runner
 * (code-server and test-electron alike), so tests may edit and save files freely.
 */
export function samplesFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open: the e2e runner opens a copy of samples/');
  return folder.uri;
}

/** `name` may omit the `.postmortem.yaml` suffix; subfolders use `/`. */
export function sampleUri(name: string): vscode.Uri {
  const file = name.endsWith('.yaml') || name.endsWith('.yml') ? name : `${name}${SAMPLE_SUFFIX}`;
  return vscode.Uri.joinPath(samplesFolder(), ...file.split('/'));
}

/** The sample files in the workspace (relative names, sorted). */
export async function listSamples(): Promise<string[]> {
  const uris = await vscode.workspace.findFiles(`**/*${SAMPLE_SUFFIX}`);
  const root = samplesFolder().fsPath;
  return uris.map((u) => path.relative(root, u.fsPath).split(path.sep).join('/')).sort();
}

/** Opens a sample in an editor (and makes it the active one). Returns the editor. */
export async function openSample(name: string, options?: vscode.TextDocumentShowOptions): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(sampleUri(name));
  return vscode.window.showTextDocument(document, { preview: false, ...options });
}

/** Rejects with a clear message when `promise` does not settle within `timeoutMs`. */
export function withTimeout<T>(promise: PromiseLike<T>, timeoutMs: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    Promise.resolve(promise).then(
      (v) => { clearTimeout(timer); resolve(v); },
      (e: unknown) => { clearTimeout(timer); reject(e instanceof Error ? e : new Error(String(e))); },
    );
  });
}

/**
 * Resolves with the diagnostics of `uri` as soon as `predicate` holds for them: checked now, then
 * on each `vscode.languages.onDidChangeDiagnostics` event for that URI. Rejects after
 * `timeoutMs`, with the last diagnostics seen in the message.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: readonly vscode.Diagnostic[]) => boolean = (d) => d.length > 0,
  timeoutMs = 15_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise<vscode.Diagnostic[]>((resolve, reject) => {
    const key = uri.toString();
    let settled = false;
    const done = (err?: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      sub.dispose();
      if (err) reject(err);
      else resolve(vscode.languages.getDiagnostics(uri));
    };
    const check = (): void => {
      try {
        if (predicate(vscode.languages.getDiagnostics(uri))) done();
      } catch (e) {
        done(e instanceof Error ? e : new Error(String(e)));
      }
    };
    const timer = setTimeout(() => {
      const seen = vscode.languages.getDiagnostics(uri)
        .map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} ${severityName(d.severity)} ${String(codeOf(d) ?? '')} ${d.message}`)
        .join('\n');
      done(new Error(`timed out after ${timeoutMs} ms waiting for diagnostics on ${path.basename(uri.path)}; last seen:\n${seen || '  (none)'}`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) check();
    });
    check();
  });
}

/** The diagnostic's code as a plain string or number (VS Code may wrap it with a target link). */
export function codeOf(d: vscode.Diagnostic): string | number | undefined {
  const c = d.code;
  return typeof c === 'object' && c !== null ? c.value : c;
}

export function severityName(s: vscode.DiagnosticSeverity): string {
  return ['error', 'warning', 'info', 'hint'][s] ?? String(s);
}

/** Resolves with the first event `event` fires that satisfies `predicate`, or rejects after `timeoutMs`. */
export function waitForEvent<T>(event: vscode.Event<T>, predicate: (e: T) => boolean = () => true, timeoutMs = 10_000, what = 'event'): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)); }, timeoutMs);
    const sub = event((e) => {
      if (!predicate(e)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(e);
    });
  });
}

/**
 * Waits until `condition()` is truthy, checking on a short interval (for state the API has no
 * event for, such as `Extension.isActive`). Rejects after `timeoutMs`.
 */
export async function waitUntil<T>(condition: () => T | Promise<T>, timeoutMs = 10_000, what = 'condition', intervalMs = 25): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await condition();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Our extension; throws when it is not installed in this VS Code. */
export function getExtension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return ext;
}

/** Activates our extension (a no-op when already active) and returns its exports. */
export async function activateExtension(timeoutMs = 20_000): Promise<unknown> {
  const ext = getExtension();
  return withTimeout(ext.activate(), timeoutMs, `activation of ${EXTENSION_ID}`);
}

/**
 * Closes all editors, reverting unsaved changes first (untitled documents are reverted and
 * closed one by one, so no "save?" dialog can block the run).
 */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty || doc.isClosed) continue;
    // A file a test deleted while it was open has nothing to revert to (showing it again would
    // only make VS Code try to save or reload it).
    if (doc.uri.scheme === 'file' && !fs.existsSync(doc.uri.fsPath)) continue;
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand(doc.isUntitled ? 'workbench.action.revertAndCloseActiveEditor' : 'workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** What the extension's activate() returns (type only: the test bundle does not include the client). */
export type ExtensionApi = import('../../../client/src/extension').PostmortemExtensionApi;
export type LanguageClient = ExtensionApi['client'];

/** vscode-languageclient's `State` (the enum itself is not bundled into the tests). */
export const ClientState = { Stopped: 1, Running: 2, Starting: 3 } as const;

/** Activates the extension and returns its API (the running LanguageClient). */
export async function extensionApi(timeoutMs = 20_000): Promise<ExtensionApi> {
  const api = (await activateExtension(timeoutMs)) as Partial<ExtensionApi> | undefined;
  if (!api?.client) throw new Error(`${EXTENSION_ID} activate() returned no { client }`);
  return api as ExtensionApi;
}

/**
 * Errors and warnings only (information such as `disclosure-lag` is allowed in clean samples).
 * `parity-mismatch` is left out too: editing one language version of a sample pair rightly raises
 * it against the other version on disk, which is not what tests of other checks are about (the
 * parity test in diagnostics.test.ts asserts it directly).
 */
export function problemsOf(diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return diagnostics.filter((d) => (d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning) && codeOf(d) !== 'parity-mismatch');
}

/** One line per diagnostic (1-based line:col severity code message), for assertion messages. */
export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  return diagnostics
    .map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} ${severityName(d.severity)} ${String(codeOf(d) ?? '')} ${d.message}`)
    .join('\n') || '  (none)';
}

/** Diagnostics with the given code (optionally only those starting on `line`, zero-based). */
export function withCode(diagnostics: readonly vscode.Diagnostic[], code: string, line?: number): vscode.Diagnostic[] {
  return diagnostics.filter((d) => codeOf(d) === code && (line === undefined || d.range.start.line === line));
}

/**
 * The zero-based line of the first line containing `needle` (a string or a pattern), at or
 * after line `from`. Throws when there is none, so tests fail with a clear message when a sample
 * changes.
 */
export function lineOf(document: vscode.TextDocument, needle: string | RegExp, from = 0): number {
  for (let line = from; line < document.lineCount; line++) {
    const text = document.lineAt(line).text;
    if (typeof needle === 'string' ? text.includes(needle) : needle.test(text)) return line;
  }
  throw new Error(`no line matching ${String(needle)} in ${path.basename(document.uri.path)} (from line ${from + 1})`);
}

/** The position of `needle` on the first line that contains it (at or after `from`), plus `delta` characters. */
export function positionOf(document: vscode.TextDocument, needle: string, from = 0, delta = 0): vscode.Position {
  const line = lineOf(document, needle, from);
  return new vscode.Position(line, document.lineAt(line).text.indexOf(needle) + delta);
}

/** The range of `needle` on the first line that contains it (at or after `from`). */
export function rangeOf(document: vscode.TextDocument, needle: string, from = 0): vscode.Range {
  const start = positionOf(document, needle, from);
  return new vscode.Range(start, start.translate(0, needle.length));
}

/** Applies one edit through the editor (one undo stop); fails when VS Code refuses it. */
export async function editInEditor(editor: vscode.TextEditor, range: vscode.Range, text: string): Promise<void> {
  const ok = await editor.edit((builder) => builder.replace(range, text));
  if (!ok) throw new Error(`the editor refused to replace ${JSON.stringify(editor.document.getText(range))} with ${JSON.stringify(text)}`);
}

/** Undoes the last edit of `editor` (`undo` acts on the active editor: make sure it is). */
export async function undo(editor: vscode.TextEditor): Promise<void> {
  if (vscode.window.activeTextEditor?.document !== editor.document) await vscode.window.showTextDocument(editor.document, editor.viewColumn);
  const version = editor.document.version;
  const changed = waitForEvent(vscode.workspace.onDidChangeTextDocument, (e) => e.document === editor.document, 5_000, `undo to change ${path.basename(editor.document.uri.path)}`);
  await vscode.commands.executeCommand('undo');
  if (editor.document.version === version) await changed;
  else changed.catch(() => { /* already changed */ });
}

/** A key the schema does not know: appending it is a sure way to make the server speak. */
const PROBE_KEY = 'e2e_probe_unknown_key';

/**
 * The diagnostics of the document in `editor` once the server has certainly checked its current
 * text. An empty list can mean "not checked yet", so: append an unknown top-level key, wait for
 * its `schema-unknown-key`, undo, and wait until it is gone. The result is the server's answer
 * for the original text (which is checked to be back exactly).
 */
export async function checkedDiagnostics(editor: vscode.TextEditor, timeoutMs = 15_000): Promise<vscode.Diagnostic[]> {
  const document = editor.document;
  const original = document.getText();
  const end = document.lineAt(document.lineCount - 1).range.end;
  const probe = `${original.endsWith('\n') || original === '' ? '' : '\n'}${PROBE_KEY}: 1\n`;
  const isProbe = (d: vscode.Diagnostic) => d.message.includes(PROBE_KEY) || (codeOf(d) === 'schema-unknown-key' && d.range.start.line >= end.line);
  await editInEditor(editor, new vscode.Range(end, end), probe);
  await waitForDiagnostics(document.uri, (ds) => ds.some(isProbe), timeoutMs);
  await undo(editor);
  if (document.getText() !== original) throw new Error(`undo did not restore ${path.basename(document.uri.path)} exactly`);
  return waitForDiagnostics(document.uri, (ds) => !ds.some(isProbe), timeoutMs);
}

/** A completion item's label as plain text. */
export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The text of all hovers (markdown or plain), joined. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n---\n');
}

/** Location | LocationLink → its uri and range. */
export function targetOf(location: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; range: vscode.Range } {
  return 'targetUri' in location ? { uri: location.targetUri, range: location.targetSelectionRange ?? location.targetRange } : { uri: location.uri, range: location.range };
}

/** How often `needle` occurs in `text`. */
export function countOf(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

/** The code actions VS Code gets for `range` (of `kind`, when given). */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind?.value);
  // Our server only returns CodeActions (never bare Commands).
  return (actions ?? []).filter((a): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string'));
}

/** Code actions as `kind "title"`, for assertion messages. */
export const describeActions = (actions: readonly vscode.CodeAction[]): string => actions.map((a) => `${a.kind?.value ?? '?'} "${a.title}"`).join(', ') || '(none)';

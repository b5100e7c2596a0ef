// Helpers for end-to-end tests running inside the VS Code extension host.
// Every wait is on an event or a condition with a timeout; never a fixed sleep.
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'postmortem-tools.postmortem-language';
export const LANGUAGE_ID = 'postmortem';
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

/** Closes all editors (reverting unsaved changes of those documents first). */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty || doc.isClosed) continue;
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

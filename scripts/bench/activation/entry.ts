// The benchmark's extension-host entry (`extensionTestsPath`, compiled by ../activation.mjs):
// activates the extension in a fresh extension host, opens one sample, and writes how long each
// step took to the file POSTMORTEM_BENCH_ACTIVATION names. VS Code's own "Show Running Extensions"
// numbers are out of an extension's reach, so these are the steps a person waits through, timed
// with `performance.now()` in the extension host itself.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { PostmortemExtensionApi } from '../../../client/src/extension';

const EXTENSION_ID = 'postmortem-tools.postmortem-language';
const TIME_LIMIT_MS = 20_000;

export interface ActivationSample {
  /** True when something activated the extension before this entry ran (the numbers then mean less). */
  wasActive: boolean;
  /** `activate()` called → resolved: loading client/out/extension.js, and our `activate`, which awaits the client's start (server spawned, initialized: state Running). */
  activateMs: number;
  clientRunning: boolean;
  /** `activate()` called → the sample is open in an editor. */
  openedMs: number;
  /** `activate()` called → the first diagnostics change for the sample (the server's first check). */
  firstDiagnosticsMs: number | null;
  diagnostics: number;
  sample: string;
  error?: string;
}

function timeLimit(ms: number): Promise<null> {
  return new Promise((resolve) => setTimeout(() => resolve(null), ms));
}

export async function run(): Promise<void> {
  const out = process.env.POSTMORTEM_BENCH_ACTIVATION;
  const sample = process.env.POSTMORTEM_BENCH_SAMPLE ?? '';
  const folder = vscode.workspace.workspaceFolders?.[0];
  const extension = vscode.extensions.getExtension<PostmortemExtensionApi>(EXTENSION_ID);
  if (!out || !folder || !extension) throw new Error(`bench entry: missing ${!out ? 'POSTMORTEM_BENCH_ACTIVATION' : !folder ? 'workspace folder' : EXTENSION_ID}`);
  const uri = vscode.Uri.joinPath(folder.uri, sample);
  const wasActive = extension.isActive;
  // Listening before activation starts: the first change may come at any point after it.
  let firstDiagnosticsAt: number | null = null;
  const diagnosed = new Promise<number>((resolve) => {
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      subscription.dispose();
      resolve((firstDiagnosticsAt = performance.now()));
    });
  });
  const started = performance.now();
  const result: ActivationSample = { wasActive, activateMs: NaN, clientRunning: false, openedMs: NaN, firstDiagnosticsMs: null, diagnostics: 0, sample };
  try {
    const api = await extension.activate();
    result.activateMs = performance.now() - started;
    result.clientRunning = api.client.isRunning();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    result.openedMs = performance.now() - started;
    await Promise.race([diagnosed, timeLimit(TIME_LIMIT_MS)]);
    result.firstDiagnosticsMs = firstDiagnosticsAt === null ? null : firstDiagnosticsAt - started;
    result.diagnostics = vscode.languages.getDiagnostics(uri).length;
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  }
  fs.writeFileSync(out, JSON.stringify(result));
}

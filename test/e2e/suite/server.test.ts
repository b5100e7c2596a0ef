// The language server process: restarted by the command, and brought back by the client when
// it dies; either way the diagnostics of an edited document come back.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readExpectations } from '../../common/markers';
import {
  ClientState,
  type LanguageClient,
  closeAllEditors,
  codeOf,
  editInEditor,
  extensionApi,
  getExtension,
  lineOf,
  openSample,
  rangeOf,
  waitForDiagnostics,
  waitUntil,
  withCode,
} from './helpers';

/**
 * The pids of our language server processes started by this extension host: node processes
 * whose command line runs `<extension>/server/out/server.js` and whose parent is this process
 * (vscode-languageclient forks the server; it does not expose the pid). Linux /proc only.
 */
function serverPids(): number[] {
  const script = path.join(getExtension().extensionPath, 'server', 'out', 'server.js');
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …  — comm may contain spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const argv = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (argv.some((arg) => arg === script || arg.endsWith(`${path.sep}server${path.sep}out${path.sep}server.js`))) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

async function oneServerPid(): Promise<number> {
  const pids = await waitUntil(() => {
    const found = serverPids();
    return found.length === 1 ? found : undefined;
  }, 10_000, `exactly one server process (child of ${process.pid}); found ${JSON.stringify(serverPids())}`);
  return pids[0]!;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Records the client's state changes from now on. */
function recordStates(client: LanguageClient): { states: number[]; dispose(): void } {
  const states: number[] = [];
  const sub = client.onDidChangeState((e) => states.push(e.newState));
  return { states, dispose: () => sub.dispose() };
}

/** Resolves when the client has left Running and come back to it. */
function waitForRestart(client: LanguageClient, states: number[], timeoutMs = 30_000): Promise<void> {
  return waitUntil(() => {
    const left = states.findIndex((s) => s !== ClientState.Running);
    return left >= 0 && states.slice(left + 1).includes(ClientState.Running) && client.state === ClientState.Running;
  }, timeoutMs, `the language client to restart (states so far: ${states.join(' → ') || 'none'})`).then(() => undefined);
}

const EN_SAMPLE = 'official-account-misdisplay.en';

/** Moves the 14:16 event before 12:12 and waits for the server to report it. */
async function introduceOutOfOrderEvent(editor: vscode.TextEditor): Promise<number> {
  const { document } = editor;
  const line = lineOf(document, 'at: 2021-06-30T14:16');
  await editInEditor(editor, rangeOf(document, '14:16', line), '11:16');
  await waitForDiagnostics(document.uri, (ds) => withCode(ds, 'timeline-order', line).length === 1, 20_000);
  return line;
}

describe('language server process', function () {
  this.timeout(60_000);
  let client: LanguageClient;

  before(async function () {
    if (process.platform !== 'linux') this.skip(); // /proc
    ({ client } = await extensionApi());
    await waitUntil(() => client.state === ClientState.Running, 20_000, 'the language client to be running');
  });
  afterEach(closeAllEditors);

  it('is one node process, a child of the extension host', async () => {
    const pid = await oneServerPid();
    assert.ok(isAlive(pid));
    assert.notEqual(pid, process.pid);
  });

  it('"Postmortem: Restart Language Server" starts a new server, which checks the open documents', async () => {
    const editor = await openSample('broken');
    const expected = readExpectations(editor.document.getText()).length;
    await waitForDiagnostics(editor.document.uri, (ds) => ds.length === expected);
    const before = await oneServerPid();

    const recorder = recordStates(client);
    try {
      await vscode.commands.executeCommand('postmortem.restartServer');
      await waitForRestart(client, recorder.states);
    } finally {
      recorder.dispose();
    }
    const after = await oneServerPid();
    assert.notEqual(after, before, 'a new server process');
    await waitUntil(() => !isAlive(before), 10_000, `the old server ${before} to exit`);

    // The new server checks edits: a fix makes its diagnostic go away.
    const line = lineOf(editor.document, /^\s+kind: detect\b(?!ed)/);
    await editInEditor(editor, rangeOf(editor.document, 'detect', line), 'detected');
    const fixed = await waitForDiagnostics(editor.document.uri, (ds) => withCode(ds, 'schema-enum', line).length === 0 && ds.length === expected - 1, 20_000);
    assert.ok(fixed.some((d) => codeOf(d) === 'timeline-order'), 'the other diagnostics are still there');
  });

  it('comes back after its process is killed, and diagnostics come back for an edited document', async () => {
    const editor = await openSample(EN_SAMPLE);
    const { document } = editor;
    // The server is checking this document before the kill.
    const line = await introduceOutOfOrderEvent(editor);
    const victim = await oneServerPid();

    const recorder = recordStates(client);
    try {
      process.kill(victim, 'SIGKILL');
      await waitUntil(() => !isAlive(victim), 10_000, `server ${victim} to die`);
      // vscode-languageclient's default error handler restarts a server that closed its
      // connection (up to 4 times in 3 minutes).
      await waitForRestart(client, recorder.states);
    } finally {
      recorder.dispose();
    }
    const revived = await oneServerPid();
    assert.notEqual(revived, victim);

    // The restarted server holds the edited text (the client reopens documents with their
    // current content): the warning is reported again…
    await waitForDiagnostics(document.uri, (ds) => withCode(ds, 'timeline-order', line).length === 1, 20_000);
    // …and it follows new edits: moving the event back clears it, a new mistake appears.
    await editInEditor(editor, rangeOf(document, '11:16', line), '14:16');
    await waitForDiagnostics(document.uri, (ds) => withCode(ds, 'timeline-order').length === 0, 20_000);
    const kindLine = lineOf(document, 'kind: mitigated');
    await editInEditor(editor, rangeOf(document, 'mitigated', kindLine), 'mitigate');
    const after = await waitForDiagnostics(document.uri, (ds) => withCode(ds, 'schema-enum', kindLine).length === 1, 20_000);
    assert.match(withCode(after, 'schema-enum', kindLine)[0]!.message, /mitigated/);
  });
});

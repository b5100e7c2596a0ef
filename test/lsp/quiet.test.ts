import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from './lspClient';

const root = join(__dirname, '..', '..');
const preload = join(root, 'test', 'common', 'noNetwork.cjs');
const samplesDir = join(root, 'samples');
const samples = readdirSync(samplesDir).filter((name) => name.endsWith('.postmortem.yaml'));

/**
 * The sockets a process holds besides its stdio (Linux /proc). Node's child stdio pipes are socket
 * pairs, so fds 0–2 are the LSP transport itself; any other socket is something the server opened.
 */
function socketsOf(pid: number): string[] {
  return readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
    if (Number(fd) <= 2) return [];
    try {
      const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      return target.startsWith('socket:') ? [`${fd} -> ${target}`] : [];
    } catch {
      return []; // closed between the listing and the read
    }
  });
}

describe('quiet and local: no network', function () {
  it('the guard works: a connection attempt under it is reported', () => {
    const result = spawnSync(process.execPath, ['-r', preload, '-e', "require('node:net').connect(9, '127.0.0.1')"], { encoding: 'utf8' });
    assert.match(result.stderr, /NETWORK-ATTEMPT net\.Socket#connect/);
  });

  it('the language server opens no socket and resolves no name during a whole session', async () => {
    const client = new TestClient({ pull: true, execArgv: ['-r', preload] });
    try {
      await client.initialize();
      for (const name of samples) {
        const uri = pathToFileURL(join(samplesDir, name)).href;
        client.open(uri, readFileSync(join(samplesDir, name), 'utf8'));
        await client.pull(uri);
        await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 1 } });
        await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 0 } });
        await client.request('textDocument/documentSymbol', { textDocument: { uri } });
        await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
        await client.request('postmortem/timeline', { uri });
        await client.request('postmortem/exportNotice', { uri, format: 'html' });
      }
      await client.request('postmortem/newDocument', { locale: 'ja', today: '2026-12-04' });
      if (existsSync('/proc/self/fd') && client.process.pid !== undefined) assert.deepEqual(socketsOf(client.process.pid), []);
    } finally {
      await client.shutdown();
    }
    assert.doesNotMatch(client.stderr, /NETWORK-ATTEMPT/);
  });

  it('the command line opens no socket while it checks every sample', () => {
    const result = spawnSync(process.execPath, ['-r', preload, join(root, 'bin', 'postmortem-lint.js'), samplesDir], { encoding: 'utf8' });
    assert.ok(result.stdout.includes('broken.postmortem.yaml'), result.stdout + result.stderr);
    assert.doesNotMatch(result.stderr, /NETWORK-ATTEMPT/);
  });
});

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TestClient } from './lspClient';

const samplesDir = join(__dirname, '..', '..', 'samples');
const POSTMORTEM = readFileSync(join(samplesDir, 'official-account-misdisplay.en.postmortem.yaml'), 'utf8').replace(/^status: published$/m, 'status: published\nseverity: SEV-5');
const has = (code: string) => (params: PublishDiagnosticsParams) => params.diagnostics.some((d) => d.code === code);
const hasNot = (code: string) => (params: PublishDiagnosticsParams) => !has(code)(params);

/** A workspace root in a temp folder, with or without a postmortem.config.yaml. */
function workspace(config?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'pm-lsp-config-'));
  if (config !== undefined) writeFileSync(join(dir, 'postmortem.config.yaml'), config);
  const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;
  return { dir, rootUri: pathToFileURL(dir).href, uriOf, configUri: uriOf('postmortem.config.yaml') };
}

describe('LSP server over stdio: postmortem.config.yaml', function () {
  const clients: TestClient[] = [];
  const start = async (rootUri: string, options: { pull?: boolean; workspaceFolders?: string[] } = {}) => {
    const client = new TestClient({ rootUri, watchFiles: true, ...options });
    clients.push(client);
    await client.initialize();
    return client;
  };
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.shutdown()));
  });

  it('reads the file at the workspace root before the first check, and watches it', async () => {
    const root = workspace('severity:\n  - id: SEV-1\n  - id: SEV-2\n');
    const client = await start(root.rootUri);
    const uri = root.uriOf('a.postmortem.yaml');
    client.open(uri, POSTMORTEM);
    const first = await client.waitForDiagnostics(uri);
    assert.ok(has('unknown-severity')(first), JSON.stringify(first.diagnostics.map((d) => d.code)));
    const watch = client.registrations.find((registration) => registration.method === 'workspace/didChangeWatchedFiles');
    assert.deepEqual((watch?.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern), ['**/postmortem.config.yaml', '**/postmortem.config.yml']);
  });

  it('re-checks open postmortems when the file is created, changed or deleted on disk', async () => {
    const root = workspace();
    const client = await start(root.rootUri);
    const uri = root.uriOf('a.postmortem.yaml');
    client.open(uri, POSTMORTEM);
    assert.ok(hasNot('unknown-severity')(await client.waitForDiagnostics(uri)));
    const notify = (type: number) => void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: root.configUri, type }] });

    writeFileSync(join(root.dir, 'postmortem.config.yaml'), 'severity:\n  - id: SEV-1\n');
    notify(1);
    await client.waitForDiagnostics(uri, has('unknown-severity'));

    writeFileSync(join(root.dir, 'postmortem.config.yaml'), 'severity:\n  - id: SEV-5\n');
    notify(2);
    await client.waitForDiagnostics(uri, (params) => hasNot('unknown-severity')(params) && client.publications(uri).indexOf(params) > 1);

    writeFileSync(join(root.dir, 'postmortem.config.yaml'), 'rules:\n  disclosure-lag: error\n');
    notify(2);
    const raised = await client.waitForDiagnostics(uri, (params) => params.diagnostics.some((d) => d.code === 'disclosure-lag' && d.severity === 1));
    assert.equal(raised.version, 1, 'the document did not change: the configuration did');

    unlinkSync(join(root.dir, 'postmortem.config.yaml'));
    notify(3);
    await client.waitForDiagnostics(uri, (params) => params.diagnostics.some((d) => d.code === 'disclosure-lag' && d.severity === 3));
  });

  it('follows the open buffer of the file as it is typed, and checks the file itself', async () => {
    const root = workspace('severity:\n  - id: SEV-5\n');
    const client = await start(root.rootUri);
    const uri = root.uriOf('a.postmortem.yaml');
    client.open(uri, POSTMORTEM);
    assert.ok(hasNot('unknown-severity')(await client.waitForDiagnostics(uri)));
    client.open(root.configUri, 'severity:\n  - id: SEV-5\n', 'postmortem-config');
    client.change(root.configUri, 2, [{ range: { start: { line: 1, character: 12 }, end: { line: 1, character: 13 } }, text: '1' }]);
    await client.waitForDiagnostics(uri, has('unknown-severity'));
    client.change(root.configUri, 3, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'rules:\n  unknown-severity: loud\n' }]);
    const configFindings = await client.waitForDiagnostics(root.configUri, (params) => params.version === 3);
    assert.deepEqual(configFindings.diagnostics.map((d) => [d.code, d.range.start.line]), [['schema-enum', 3]]);
    // Closing the unsaved buffer: the file on disk (SEV-5 declared) counts again.
    client.close(root.configUri);
    await client.waitForDiagnostics(uri, (params) => hasNot('unknown-severity')(params) && client.publications(uri).indexOf(params) > 1);
  });

  it('a pull client re-pulls after a change and sees the new findings; ticket keys are links', async () => {
    const root = workspace('ticket_url: https://tracker.example.com/browse/{key}\n');
    const client = await start(root.rootUri, { pull: true });
    const uri = root.uriOf('a.postmortem.yaml');
    const text = POSTMORTEM.replace(/^(\s+)status: done$/m, '$1status: done\n$1ticket: OPS-7');
    client.open(uri, text);
    assert.ok(!(await client.pull(uri)).items.some((d) => d.code === 'unknown-severity'));
    const links = await client.request<{ target: string }[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.deepEqual(links.map((link) => link.target), ['https://tracker.example.com/browse/OPS-7']);
    writeFileSync(join(root.dir, 'postmortem.config.yaml'), 'severity:\n  - id: SEV-1\n');
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: root.configUri, type: 2 }] });
    // Messages are handled in order: the pull after the notification sees the new configuration.
    assert.ok((await client.pull(uri)).items.some((d) => d.code === 'unknown-severity'));
  });

  it('completion and hover show the meaning of each configured severity level', async () => {
    const root = workspace(readFileSync(join(samplesDir, 'postmortem.config.yaml'), 'utf8'));
    const client = await start(root.rootUri);
    const uri = root.uriOf('a.postmortem.yaml');
    const text = POSTMORTEM.replace('severity: SEV-5', 'severity: SEV-2');
    client.open(uri, text);
    await client.waitForDiagnostics(uri);
    const line = text.split('\n').indexOf('severity: SEV-2');
    type Item = { label: string; detail?: string; documentation?: string | { value: string } };
    const result = await client.request<{ items: Item[] } | Item[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: 10 } });
    const items = Array.isArray(result) ? result : result.items;
    const sev1 = items.find((item) => item.label === 'SEV-1');
    const docs = sev1?.documentation;
    assert.match(`${sev1?.detail ?? ''} ${typeof docs === 'string' ? docs : docs?.value ?? ''}`, /Critical\. A core service is down/, items.map((item) => item.label).join(', '));
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: 12 } });
    assert.match(hover?.contents.value ?? '', /Major\. A core feature is broken/);
  });

  it('a postmortem.config.yaml below the root is only a file, not the project\'s configuration', async () => {
    const root = workspace();
    const client = await start(root.rootUri);
    const uri = root.uriOf('a.postmortem.yaml');
    client.open(uri, POSTMORTEM);
    await client.waitForDiagnostics(uri);
    client.open(root.uriOf('sub/postmortem.config.yaml'), 'severity:\n  - id: SEV-1\n', 'postmortem-config');
    await client.waitForDiagnostics(root.uriOf('sub/postmortem.config.yaml'));
    client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# touched\n' }]);
    assert.ok(hasNot('unknown-severity')(await client.waitForDiagnostics(uri, (params) => params.version === 2)));
  });

  it('multi-root: each root has its own file, and roots added or removed later count', async () => {
    const a = workspace('severity:\n  - id: SEV-1\n');
    const b = workspace();
    const c = workspace('severity:\n  - id: SEV-2\n');
    const client = await start(a.rootUri, { workspaceFolders: [a.rootUri, b.rootUri] });
    assert.deepEqual((client.capabilities.workspace as { workspaceFolders?: unknown } | undefined)?.workspaceFolders, { supported: true, changeNotifications: true });
    client.open(a.uriOf('x.postmortem.yaml'), POSTMORTEM);
    client.open(b.uriOf('x.postmortem.yaml'), POSTMORTEM);
    client.open(c.uriOf('x.postmortem.yaml'), POSTMORTEM);
    assert.ok(has('unknown-severity')(await client.waitForDiagnostics(a.uriOf('x.postmortem.yaml'))));
    assert.ok(hasNot('unknown-severity')(await client.waitForDiagnostics(b.uriOf('x.postmortem.yaml'))));
    assert.ok(hasNot('unknown-severity')(await client.waitForDiagnostics(c.uriOf('x.postmortem.yaml'))), 'not a root yet');
    const rootC = { uri: c.rootUri, name: 'c' };
    // Not awaited, like the watched-file event above: the diagnostics it causes are what we wait for.
    void client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [rootC], removed: [{ uri: a.rootUri, name: 'root0' }] } });
    await client.waitForDiagnostics(c.uriOf('x.postmortem.yaml'), has('unknown-severity'));
    await client.waitForDiagnostics(a.uriOf('x.postmortem.yaml'), hasNot('unknown-severity'));
  });
});

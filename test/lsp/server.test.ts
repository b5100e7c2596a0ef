import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compareWithExpectations, readExpectations } from '../common/markers';
import { FULL_11 } from '../unit/format11Fixture';
import { TestClient } from './lspClient';

const samplesDir = join(__dirname, '..', '..', 'samples');
const sampleNames = readdirSync(samplesDir).filter((name) => name.endsWith('.postmortem.yaml'));
const uriOf = (name: string) => pathToFileURL(join(samplesDir, name)).href;
const read = (name: string) => readFileSync(join(samplesDir, name), 'utf8');
const summary = (diagnostics: { range: { start: { line: number } }; code?: unknown }[]) => diagnostics.map((d) => ({ line: d.range.start.line, code: d.code }));

describe('LSP server over stdio: push mode', function () {
  let client: TestClient;
  before(async () => {
    // samples/ as the workspace root: its postmortem.config.yaml applies, as in the editor.
    client = new TestClient({ rootUri: pathToFileURL(samplesDir).href });
    await client.initialize();
  });
  after(() => client.shutdown());

  it('advertises the features and no pull diagnostics to a client without pull support', () => {
    for (const capability of ['completionProvider', 'hoverProvider', 'documentSymbolProvider', 'foldingRangeProvider', 'definitionProvider', 'referencesProvider', 'renameProvider', 'codeActionProvider']) {
      assert.ok(client.capabilities[capability], capability);
    }
    assert.equal(client.capabilities.diagnosticProvider, undefined);
  });

  it('publishes diagnostics for every sample; only broken has errors or warnings', async () => {
    for (const name of sampleNames) client.open(uriOf(name), read(name));
    for (const name of sampleNames) {
      const published = await client.waitForDiagnostics(uriOf(name));
      assert.equal(published.version, 1);
      const serious = published.diagnostics.filter((d) => d.severity === 1 || d.severity === 2);
      if (name === 'broken.postmortem.yaml') {
        const { missing, unexpected } = compareWithExpectations(readExpectations(read(name)), summary(published.diagnostics));
        assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] });
      } else {
        assert.deepEqual(summary(serious), [], name);
      }
      assert.ok(published.diagnostics.every((d) => d.source === 'postmortem'));
    }
  });

  it('follows incremental edits both ways and tags each publication with its version', async () => {
    const uri = 'file:///lsp/edit.postmortem.yaml';
    const text = read('official-account-misdisplay.en.postmortem.yaml');
    client.open(uri, text);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const lines = text.split('\n');
    const line = lines.findIndex((l, index) => index > lines.findIndex((x) => x.startsWith('timeline:')) + 3 && /^\s+- at: /.test(l));
    const atColumn = (lines[line] ?? '').indexOf('at: ') + 4;
    const original = (lines[line] ?? '').slice(atColumn);
    const range = { start: { line, character: atColumn }, end: { line, character: atColumn + original.length } };
    client.change(uri, 2, [{ range, text: '2001-01-01' }]);
    const broken = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.ok(broken.diagnostics.some((d) => d.code === 'timeline-order' && d.range.start.line === line));
    client.change(uri, 3, [{ range: { start: range.start, end: { line, character: atColumn + 10 } }, text: original }]);
    const repaired = await client.waitForDiagnostics(uri, (p) => p.version === 3);
    assert.ok(!repaired.diagnostics.some((d) => d.code === 'timeline-order'));
  });

  it('never publishes for a version older than one already published, under rapid typing', async () => {
    const uri = 'file:///lsp/rapid.postmortem.yaml';
    const text = read('clova-bot-invites.postmortem.yaml');
    client.open(uri, text);
    for (let version = 2; version <= 40; version++) {
      client.change(uri, version, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '#' }]);
    }
    await client.waitForDiagnostics(uri, (p) => p.version === 40);
    const versions = client.publications(uri).map((p) => p.version ?? 0);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
  });

  it('checks a document opened as `yaml`, as other editors send it', async () => {
    const uri = 'file:///lsp/other-editor.yaml';
    client.open(uri, 'postmortem: 1\nstatus: drafty\n', 'yaml');
    const published = await client.waitForDiagnostics(uri);
    assert.ok(published.diagnostics.some((d) => d.code === 'schema-enum'));
  });

  it('survives hostile and half-typed input and keeps answering', async () => {
    const inputs = ['', '# only a comment\n', 'postmortem: 1\ntimeline:\n  - at: [', '\t\t: : :\n---\n...\n%YAML 9\n', 'a: &x [*x]\n'];
    inputs.forEach((text, index) => client.open(`file:///lsp/bad-${index}.postmortem.yaml`, text));
    for (let index = 0; index < inputs.length; index++) {
      const published = await client.waitForDiagnostics(`file:///lsp/bad-${index}.postmortem.yaml`);
      assert.ok(published.diagnostics.length > 0, `input ${index} got no diagnostic`);
    }
    const hover = await client.request('textDocument/hover', { textDocument: { uri: 'file:///lsp/bad-2.postmortem.yaml' }, position: { line: 2, character: 9 } });
    assert.ok(hover === null || typeof hover === 'object');
    assert.equal(client.process.exitCode, null, 'the server is still running');
  });

  it('answers requests for unknown documents with empty results', async () => {
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: 'file:///nowhere.postmortem.yaml' } });
    assert.deepEqual(symbols, []);
  });

  it('clears diagnostics when a document is closed', async () => {
    const uri = 'file:///lsp/closing.postmortem.yaml';
    client.open(uri, 'postmortem: 2\n');
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    client.close(uri);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
  });

  it('exports the public notice unless the request asks for the internal version', async () => {
    const uri = 'file:///lsp/format11.postmortem.yaml';
    client.open(uri, FULL_11);
    await client.waitForDiagnostics(uri);
    const plain = await client.request<{ text: string } | null>('postmortem/exportNotice', { uri, format: 'md' });
    const publicNotice = await client.request<{ text: string } | null>('postmortem/exportNotice', { uri, format: 'md', audience: 'public' });
    const internal = await client.request<{ text: string } | null>('postmortem/exportNotice', { uri, format: 'html', audience: 'internal' });
    assert.equal(plain?.text, publicNotice?.text);
    assert.doesNotMatch(publicNotice?.text ?? '', /@rina|sre-team|Thread counts/);
    assert.match(internal?.text ?? '', /Owner: @rina/);
  });

  it('serves the timeline model and a new-document template through the shared protocol', async () => {
    const uri = uriOf('face2face-videos.postmortem.yaml');
    const answer = await client.request<{ kind: string; model?: { uri: string } } | null>('postmortem/timeline', { uri });
    assert.equal(answer?.kind, 'model');
    assert.equal(answer.model?.uri, uri);
    const template = await client.request<{ text: string }>('postmortem/newDocument', { locale: 'ja', today: '2026-11-21' });
    assert.match(template.text, /^postmortem: 1\n/);
    assert.match(template.text, /timezone: Asia\/Tokyo/);
    const templateUri = 'file:///lsp/template.postmortem.yaml';
    client.open(templateUri, template.text);
    const published = await client.waitForDiagnostics(templateUri);
    assert.deepEqual(published.diagnostics, []);
  });
});

describe('LSP server over stdio: pull mode and settings', function () {
  let client: TestClient;
  before(async () => {
    client = new TestClient({ pull: true, configuration: { disclosureDeadlineDays: 300 }, locale: 'ja' });
    await client.initialize();
  });
  after(() => client.shutdown());

  it('advertises pull diagnostics and gives the same findings as push mode', async () => {
    assert.ok(client.capabilities.diagnosticProvider);
    const push = new TestClient();
    await push.initialize();
    try {
      const name = 'broken.postmortem.yaml';
      client.open(uriOf(name), read(name));
      push.open(uriOf(name), read(name));
      const pushed = await push.waitForDiagnostics(uriOf(name));
      const pulled = await client.pull(uriOf(name));
      assert.equal(pulled.kind, 'full');
      // The pull client set a 300-day deadline, so only disclosure-lag may differ.
      const withoutLag = (list: { code?: unknown; range: { start: { line: number } } }[]) => summary(list).filter((d) => d.code !== 'disclosure-lag');
      assert.deepEqual(withoutLag(pulled.items), withoutLag(pushed.diagnostics));
      assert.equal(client.publications(uriOf(name)).length, 0, 'a pull client is not pushed to');
    } finally {
      await push.shutdown();
    }
  });

  it('reads settings from the client: a 300-day deadline silences disclosure-lag', async () => {
    const name = 'face2face-videos.postmortem.yaml';
    client.open(uriOf(name), read(name));
    const pulled = await client.pull(uriOf(name));
    assert.deepEqual(pulled.items.filter((d) => d.code === 'disclosure-lag'), []);
  });

  it('speaks the client locale', async () => {
    const uri = 'file:///lsp/ja.postmortem.yaml';
    client.open(uri, 'postmortem: 1\nstatus: drafty\n');
    const pulled = await client.pull(uri);
    assert.ok(pulled.items.some((d) => /必須のキー/.test(d.message)));
  });
});

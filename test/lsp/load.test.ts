import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CancellationTokenSource, type ResponseError } from 'vscode-jsonrpc/node';
import { TestClient } from './lspClient';

const valid = readFileSync(join(__dirname, '..', '..', 'samples', 'clova-bot-invites.en.postmortem.yaml'), 'utf8');

/** A valid postmortem with `events` more timeline events: long enough that its parse takes many slices. */
function longDocument(events: number): string {
  const extra: string[] = [];
  for (let i = 0; i < events; i++) extra.push(`  - at: 2030-01-01T00:00\n    event: Event ${i} of a long incident\n    kind: other\n`);
  return valid.replace(/^timeline:\n/m, `timeline:\n${extra.join('')}`);
}

const BIG = longDocument(20_000);
const codeOf = (error: unknown) => (error as ResponseError<unknown>).code;

describe('LSP server under load: slices, cancellation, limits', function () {
  let client: TestClient;
  beforeEach(async () => {
    client = new TestClient({ pull: true });
    await client.initialize();
  });
  afterEach(() => client.shutdown());

  it('answers a request about a small document while a long one is being parsed and checked', async () => {
    const order: string[] = [];
    client.open('file:///big.postmortem.yaml', BIG);
    client.open('file:///small.postmortem.yaml', valid);
    const big = client.pull('file:///big.postmortem.yaml').then(() => order.push('big'));
    const small = client.request('textDocument/hover', { textDocument: { uri: 'file:///small.postmortem.yaml' }, position: { line: 0, character: 2 } }).then(() => order.push('small'));
    await Promise.all([big, small]);
    assert.deepEqual(order, ['small', 'big']);
  });

  it('honours $/cancelRequest: a cancelled request answers RequestCancelled', async () => {
    client.open('file:///big.postmortem.yaml', BIG);
    const source = new CancellationTokenSource();
    const symbols = client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///big.postmortem.yaml' } }, source.token);
    const pull = client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: 'file:///big.postmortem.yaml' } }, source.token);
    source.cancel();
    await assert.rejects(symbols, (error) => codeOf(error) === -32800);
    await assert.rejects(pull, (error) => codeOf(error) === -32800);
    // The server goes on serving: the next pull has the findings.
    const report = await client.pull('file:///big.postmortem.yaml');
    assert.equal(report.kind, 'full');
  });

  it('answers a pull for a replaced version with ServerCancelled, and the next pull with the new findings', async () => {
    const uri = 'file:///big.postmortem.yaml';
    client.open(uri, BIG);
    const stale = client.pull(uri);
    client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'bogus_key: 1\n' }]);
    await assert.rejects(stale, (error) => codeOf(error) === -32802 && (error as ResponseError<{ retriggerRequest: boolean }>).data?.retriggerRequest === true);
    const fresh = await client.pull(uri);
    assert.ok(fresh.items.some((diagnostic) => diagnostic.code === 'schema-unknown-key' && diagnostic.range.start.line === 0));
  });

  it('answers params that are null or lack a document with InvalidParams', async () => {
    client.open('file:///small.postmortem.yaml', valid);
    for (const [method, params] of [
      ['postmortem/timeline', null],
      ['postmortem/exportNotice', null],
      ['postmortem/newDocument', null],
      ['textDocument/hover', null],
      ['textDocument/documentSymbol', {}],
      ['textDocument/diagnostic', { textDocument: null }],
      ['postmortem/exportNotice', { uri: 'file:///small.postmortem.yaml', format: 'pdf' }],
      ['postmortem/newDocument', { locale: 'en', today: 'tomorrow' }],
    ] as const) {
      await assert.rejects(client.request(method, params), (error) => codeOf(error) === -32602, `${method} ${JSON.stringify(params)}`);
    }
    assert.ok(await client.request('textDocument/hover', { textDocument: { uri: 'file:///small.postmortem.yaml' }, position: { line: 1e9, character: -4 } }) !== undefined);
  });
});

describe('LSP server: the size limit', function () {
  it('a document above postmortem.maxDocumentBytes gets one information diagnostic and empty features', async () => {
    const client = new TestClient({ pull: true, configuration: { maxDocumentBytes: 2000 } });
    try {
      await client.initialize();
      const uri = 'file:///limited.postmortem.yaml';
      client.open(uri, valid);
      const report = await client.pull(uri);
      assert.equal(report.items.length, 1);
      assert.equal(report.items[0]?.code, 'document-too-large');
      assert.equal(report.items[0]?.severity, 3);
      assert.match(report.items[0]?.message ?? '', /postmortem\.maxDocumentBytes/);
      assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
      client.open('file:///tiny.postmortem.yaml', 'postmortem: 1\n');
      assert.ok((await client.pull('file:///tiny.postmortem.yaml')).items.every((diagnostic) => diagnostic.code !== 'document-too-large'));
    } finally {
      await client.shutdown();
    }
  });
});

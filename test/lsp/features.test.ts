import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestClient } from './lspClient';

const samplesDir = join(__dirname, '..', '..', 'samples');
const text = readFileSync(join(samplesDir, 'official-account-misdisplay.en.postmortem.yaml'), 'utf8');
const lines = text.split('\n');
const uri = 'file:///lsp/features.postmortem.yaml';

/** The position of the first occurrence of `needle` on a line matching `linePattern`. */
function positionOf(linePattern: RegExp, needle: string): { line: number; character: number } {
  const line = lines.findIndex((candidate) => linePattern.test(candidate) && candidate.includes(needle));
  assert.ok(line >= 0, `no line matches ${linePattern}`);
  return { line, character: (lines[line] ?? '').indexOf(needle) + 1 };
}

describe('LSP server over stdio: editor features', function () {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
    client.open(uri, text);
    await client.waitForDiagnostics(uri);
  });
  after(() => client.shutdown());

  it('outline: sections with events, factors and countermeasures as children', async () => {
    const symbols = await client.request<{ name: string; children?: { name: string }[] }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const names = symbols.map((symbol) => symbol.name);
    for (const section of ['timeline', 'cause', 'countermeasures', 'impact']) assert.ok(names.includes(section), `no ${section} in ${names.join(', ')}`);
    const timeline = symbols.find((symbol) => symbol.name === 'timeline');
    assert.ok((timeline?.children?.length ?? 0) >= 5);
  });

  it('folding ranges for the sections', async () => {
    const ranges = await client.request<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', { textDocument: { uri } });
    const timelineLine = lines.findIndex((line) => line.startsWith('timeline:'));
    assert.ok(ranges.some((range) => range.startLine === timelineLine && range.endLine > timelineLine));
  });

  it('definition, references and rename of a factor id; a bad new name is refused with a message', async () => {
    const factorLine = lines.findIndex((line) => /^\s+- id: /.test(line) && lines.slice(0, lines.indexOf(line)).some((earlier) => earlier.startsWith('cause:')));
    const factorId = /- id: (\S+)/.exec(lines[factorLine] ?? '')?.[1] ?? '';
    const use = positionOf(/addresses|^\s+- /, factorId);
    const usageLine = lines.findIndex((line, index) => index > factorLine && line.includes(factorId) && !line.includes('- id:'));
    const usage = { line: usageLine, character: (lines[usageLine] ?? '').indexOf(factorId) + 1 };
    assert.ok(use);
    const definition = await client.request<{ range: { start: { line: number } } }[]>('textDocument/definition', { textDocument: { uri }, position: usage });
    assert.equal(definition[0]?.range.start.line, factorLine);
    const references = await client.request<unknown[]>('textDocument/references', { textDocument: { uri }, position: usage, context: { includeDeclaration: true } });
    assert.ok(references.length >= 2);
    const edit = await client.request<{ changes: Record<string, unknown[]> }>('textDocument/rename', { textDocument: { uri }, position: usage, newName: 'renamed-factor' });
    assert.equal(edit.changes[uri]?.length, references.length);
    await assert.rejects(client.request('textDocument/rename', { textDocument: { uri }, position: usage, newName: 'Not A Slug' }), /not a valid|slug|lower/i);
  });

  it('quick fixes come for a diagnostic, and `only` filters by kind', async () => {
    const broken = 'file:///lsp/broken-kind.postmortem.yaml';
    const source = text.replace(/kind: detected/, 'kind: detect');
    client.open(broken, source);
    const published = await client.waitForDiagnostics(broken, (p) => p.diagnostics.some((d) => d.code === 'schema-enum'));
    const diagnostic = published.diagnostics.find((d) => d.code === 'schema-enum')!;
    const actions = await client.request<{ title: string; kind: string; edit?: unknown }[]>('textDocument/codeAction', { textDocument: { uri: broken }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    assert.ok(actions.some((action) => action.kind === 'quickfix' && /detected/.test(action.title) && action.edit));
    const onlySource = await client.request<{ kind: string }[]>('textDocument/codeAction', { textDocument: { uri: broken }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['source'] } });
    assert.ok(onlySource.every((action) => action.kind.startsWith('source')));
  });
});

describe('LSP server over stdio: completion and hover', function () {
  let client: TestClient;
  before(async () => {
    client = new TestClient({ locale: 'ja' });
    await client.initialize();
  });
  after(() => client.shutdown());

  it('completes kind values inside a timeline event, replacing the typed word', async () => {
    const source = 'postmortem: 1\ntimezone: Asia/Tokyo\ntimeline:\n  - at: 2021-06-30T12:00\n    event: 障害🔥が発生\n    kind: det\n';
    const docUri = 'file:///lsp/complete.postmortem.yaml';
    client.open(docUri, source);
    const result = await client.request<{ items: { label: string; textEdit?: { range: { start: { character: number }; end: { character: number } } } }[] } | { label: string }[]>('textDocument/completion', { textDocument: { uri: docUri }, position: { line: 5, character: 13 } });
    const items = Array.isArray(result) ? result : result.items;
    const detected = items.find((item) => item.label === 'detected') as { textEdit?: { range: { start: { character: number }; end: { character: number } } } } | undefined;
    assert.ok(detected, items.map((item) => item.label).join(', '));
    assert.deepEqual([detected.textEdit?.range.start.character, detected.textEdit?.range.end.character], [10, 13]);
  });

  it('hovers a time with its instant in UTC and the zone, in the client language', async () => {
    const docUri = 'file:///lsp/hover.postmortem.yaml';
    client.open(docUri, 'postmortem: 1\ntimezone: Asia/Tokyo\nimpact:\n  period:\n    start: 2020-11-02T10:38\n');
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: docUri }, position: { line: 4, character: 14 } });
    assert.ok(hover);
    assert.match(hover.contents.value, /01:38 UTC/);
    assert.match(hover.contents.value, /Asia\/Tokyo/);
  });
});

import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Diagnostic, DocumentSymbol, Range } from 'vscode-languageserver-protocol';
import { anyDocument, lspLines, outsideReason } from '../common/documents';
import { TestClient } from './lspClient';

/**
 * The built server over stdio on generated documents (fewer than the unit property test: each is
 * a round trip). Every document is a full-text change of one open document, followed by a pull and
 * requests at a random position; no request may fail and every range must lie inside the text.
 */
const RUNS = Number(process.env.PROPERTY_LSP_RUNS ?? 300);
const BUDGET_MS = Number(process.env.PROPERTY_BUDGET_MS ?? 90_000);

function symbolRanges(symbols: DocumentSymbol[]): Range[] {
  return symbols.flatMap((symbol) => [symbol.range, symbol.selectionRange, ...symbolRanges(symbol.children ?? [])]);
}

describe('property: the server over stdio on generated documents', function () {
  this.timeout(BUDGET_MS + 60_000);

  it(`${RUNS} documents: every request answers, every range inside the text`, async () => {
    const client = new TestClient({ pull: true });
    const uri = 'file:///property.postmortem.yaml';
    const inputs = fc.sample(fc.tuple(anyDocument, fc.nat(), fc.nat()), { numRuns: RUNS, seed: Number(process.env.PROPERTY_SEED ?? 20261204) });
    const started = Date.now();
    let checked = 0;
    try {
      await client.initialize();
      client.open(uri, '');
      for (const [version, [text, lineSeed, characterSeed]] of inputs.entries()) {
        if (Date.now() - started > BUDGET_MS) break;
        client.change(uri, version + 2, [{ text }]);
        const lines = lspLines(text);
        const line = lineSeed % (lines.length + 2);
        const position = { line, character: characterSeed % ((lines[line] ?? '').length + 2) };
        const at = { textDocument: { uri }, position };
        const [report, hover, completion, symbols] = await Promise.all([
          client.pull(uri),
          client.request<{ range?: Range } | null>('textDocument/hover', at),
          client.request<{ items: { textEdit?: { range: Range } }[] } | null>('textDocument/completion', at),
          client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }),
          client.request('textDocument/foldingRange', { textDocument: { uri } }),
          client.request('postmortem/timeline', { uri }),
        ]);
        const diagnostics: Diagnostic[] = report.items;
        const actions = await client.request<{ edit?: { changes?: Record<string, { range: Range }[]> } }[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics } });
        const ranges: [string, Range][] = [
          ...diagnostics.map((diagnostic): [string, Range] => [`diagnostic ${String(diagnostic.code)}`, diagnostic.range]),
          ...(hover?.range ? [['hover', hover.range] as [string, Range]] : []),
          ...(completion?.items ?? []).flatMap((item): [string, Range][] => (item.textEdit ? [['completion', item.textEdit.range]] : [])),
          ...symbolRanges(symbols).map((range): [string, Range] => ['symbol', range]),
          ...actions.flatMap((action) => Object.values(action.edit?.changes ?? {}).flat().map((edit): [string, Range] => ['code action', edit.range])),
        ];
        for (const [what, range] of ranges) assert.equal(outsideReason(text, range), undefined, `${what} ${JSON.stringify(range)} in ${JSON.stringify(text)}`);
        checked++;
      }
    } finally {
      await client.shutdown();
    }
    assert.ok(checked >= Math.min(RUNS, 100), `only ${checked} documents within ${BUDGET_MS} ms`);
    assert.doesNotMatch(client.stderr, /failed for/, 'no feature failed inside the server');
  });
});

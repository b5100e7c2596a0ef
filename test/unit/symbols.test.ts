import assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol, type Position, type Range } from 'vscode-languageserver-types';
import { doc, service, VALID } from './helpers';

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const contains = (outer: Range, inner: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);

/** What VS Code insists on: a name, selection inside range, children inside their parent. */
function checkShape(symbols: DocumentSymbol[], parent?: Range): void {
  for (const symbol of symbols) {
    assert.ok(symbol.name.trim().length > 0, 'a symbol needs a name');
    assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(symbol.name), 'no half surrogate pair');
    assert.ok(before(symbol.range.start, symbol.range.end));
    assert.ok(contains(symbol.range, symbol.selectionRange), `${symbol.name}: selection inside range`);
    if (parent) assert.ok(contains(parent, symbol.range), `${symbol.name}: inside its parent`);
    checkShape(symbol.children ?? [], symbol.range);
  }
}

const find = (symbols: DocumentSymbol[] | undefined, name: string) => symbols?.find((symbol) => symbol.name === name);

describe('outline (document symbols)', () => {
  const symbols = service().documentSymbols(doc(VALID));

  it('lists the top-level sections in order with fitting kinds', () => {
    assert.deepEqual(
      symbols.map((symbol) => symbol.name),
      ['postmortem', 'id', 'title', 'status', 'language', 'timezone', 'published', 'overview', 'impact', 'cause', 'timeline', 'countermeasures', 'contact'],
    );
    assert.equal(find(symbols, 'timeline')?.kind, SymbolKind.Array);
    assert.equal(find(symbols, 'impact')?.kind, SymbolKind.Module);
    assert.equal(find(symbols, 'title')?.detail, 'Messages shown in the wrong chat');
    assert.equal(find(symbols, 'contact')?.detail, 'https://example.com/contact');
    checkShape(symbols);
  });

  it('spans a section from its key to its last line with content', () => {
    const impact = find(symbols, 'impact');
    assert.deepEqual(impact?.range, { start: { line: 8, character: 0 }, end: { line: 19, character: 16 } });
    assert.deepEqual(impact?.selectionRange, { start: { line: 8, character: 0 }, end: { line: 8, character: 6 } });
  });

  it('shows events as time and text, with the kind as detail', () => {
    const events = find(symbols, 'timeline')?.children ?? [];
    assert.equal(events.length, 5);
    assert.equal(events[1]?.name, '2021-06-30T12:05 Reports of send errors reach the team.');
    assert.equal(events[1]?.detail, 'detected');
    assert.equal(events[1]?.kind, SymbolKind.Event);
    assert.deepEqual(events[1]?.range, { start: { line: 29, character: 2 }, end: { line: 31, character: 18 } });
    assert.deepEqual(events[1]?.selectionRange, { start: { line: 29, character: 8 }, end: { line: 29, character: 24 } });
  });

  it('shows factors, countermeasures and counts', () => {
    const cause = find(symbols, 'cause');
    const factor = find(find(cause?.children, 'factors')?.children, 'cache-config');
    assert.equal(factor?.detail, 'The new connection setting mixed up keys.');
    const countermeasure = find(symbols, 'countermeasures')?.children?.[0];
    assert.equal(countermeasure?.name, 'Revert the connection setting.');
    assert.equal(countermeasure?.detail, 'done · technical · 2021-07-02');
    const count = find(find(symbols, 'impact')?.children, 'counts')?.children?.[0];
    assert.equal(count?.name, 'Users who saw a misplaced message: 1,053');
    assert.equal(count?.kind, SymbolKind.Number);
    assert.equal(find(find(symbols, 'impact')?.children, 'period')?.detail, '2021-06-30T12:00 – 2021-06-30T12:12');
  });

  it('truncates long Japanese text with emoji at whole code points', () => {
    const text = VALID.replace('event: Reports of send errors reach the team.', `event: ${'送信エラーの報告 📨🔥'.repeat(10)}`);
    const name = service().documentSymbols(doc(text)).find((symbol) => symbol.name === 'timeline')?.children?.[1]?.name ?? '';
    assert.ok(name.endsWith('…'));
    assert.ok(Array.from(name).length <= 60 + '2021-06-30T12:05 '.length);
    checkShape(service().documentSymbols(doc(text)));
  });

  it('stays well-formed for every prefix of a document being typed, and for odd input', () => {
    const pm = service();
    for (let end = 0; end <= VALID.length; end += 3) checkShape(pm.documentSymbols(doc(VALID.slice(0, end))));
    for (const odd of ['', '# only a comment\n', '- a\n- b\n', 'just text', 'timeline:\n  -\n  - at:\n  - {}\n', 'a: &x {b: 1}\nc: *x\n', ': :\n']) {
      checkShape(pm.documentSymbols(doc(odd)));
    }
  });
});

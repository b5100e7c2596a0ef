import assert from 'node:assert/strict';
import type { FoldingRange } from 'vscode-languageserver-types';
import { doc, service, VALID } from './helpers';

const folds = (text: string) => service().foldingRanges(doc(text));
const shown = (ranges: FoldingRange[]) => ranges.map((range) => `${range.startLine}-${range.endLine}${range.kind ? ` ${range.kind}` : ''}`);

describe('folding', () => {
  it('folds every multi-line mapping and sequence from its key or dash to its last line', () => {
    assert.deepEqual(shown(folds(VALID)), [
      '8-19', // impact
      '9-11', // period
      '12-19', // counts
      '13-19', // the count
      '15-19', // breakdown
      '20-24', // cause
      '22-24', // factors
      '23-24', // the factor
      '25-40', // timeline
      '26-28',
      '29-31',
      '32-34',
      '35-37',
      '38-40',
      '41-46', // countermeasures
      '42-46',
      '47-48', // contact
    ]);
  });

  it('folds block scalars and ends before trailing blank lines and comments', () => {
    const text = 'overview: |\n  line one\n  # not a comment\n  line three\n\n# about the impact\n# second line\nimpact:\n  period:\n    start: 2021-01\n\n  # trailing\n';
    assert.deepEqual(shown(folds(text)), ['0-3', '5-6 comment', '7-9', '8-9']);
  });

  it('folds runs of two or more comment lines only, in CRLF text too', () => {
    const text = '# one\npostmortem: 1\n# a\n# b\n  # c\nid: x\n';
    assert.deepEqual(shown(folds(text)), ['2-4 comment']);
    assert.deepEqual(shown(folds(text.replace(/\n/g, '\r\n'))), ['2-4 comment']);
  });

  it('folds a multi-line flow collection and keeps one fold per start line', () => {
    const text = 'timeline: [\n  {at: 2021-01, event: a},\n  {at: 2021-02,\n   event: b}\n]\ncountermeasures:\n  - action: |\n      x\n      y\n    status: done\n';
    assert.deepEqual(shown(folds(text)), ['0-4', '2-3', '5-9', '6-9']);
  });

  it('never throws and gives valid ranges for half-typed input', () => {
    const pm = service();
    for (let end = 0; end <= VALID.length; end += 5) {
      const text = VALID.slice(0, end);
      const lineCount = text.split('\n').length;
      for (const range of pm.foldingRanges(doc(text))) {
        assert.ok(range.startLine < range.endLine && range.endLine < lineCount, JSON.stringify(range));
      }
    }
    for (const odd of ['', '#', '- [\n', 'a: "unterminated\n  b\n', 'a: |\n', '- - - x\n    - y\n']) pm.foldingRanges(doc(odd));
  });
});

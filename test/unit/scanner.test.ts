// The line scanner (server/src/service/parse/scan) against `yaml`'s own lexer: on every sample and
// on random edits of them, each line's role (its own tokens, or inside a scalar or flow collection
// that began above), its `- ` markers, its key and whether a block scalar or flow collection opens
// at its value are what the lexer's tokens say.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isCommentLine, readLine } from '../../server/src/service/parse/scan/line';
import { lineRoles, ROLE_FLOW, ROLE_PLAIN, ROLE_START, ROLE_TEXT } from '../../server/src/service/parse/scan/roles';
import { readSample, sampleFiles } from './helpers';
import { lexLines, type LineRole } from './lexerLines';

/** What the scanner says of the same lines, compared field by field with the lexer's answer. */
function compare(text: string): void {
  const expected = lexLines(text);
  const roles = lineRoles(text);
  const all = text.split('\n');
  all.forEach((raw, index) => {
    const lexed = expected[index];
    if (!lexed) return;
    const line = raw.replace(/\r$/, '');
    const where = `line ${index + 1} after ${JSON.stringify(all.slice(Math.max(0, index - 6), index + 1).join('\n'))}`;
    const role = roles[index];
    const scanned: LineRole = role === ROLE_TEXT || role === ROLE_PLAIN ? 'inside' : role === ROLE_FLOW ? 'flow' : 'start';
    assert.equal(scanned, lexed.role, `role, ${where}`);
    if (role !== ROLE_START) return;
    const shape = readLine(line);
    assert.deepEqual(shape.dashes, lexed.dashes, `dashes, ${where}`);
    assert.deepEqual(shape.key ? [shape.key.start, shape.key.end] : undefined, lexed.key, `key, ${where}`);
    assert.equal(shape.valueKind === 'block-header', lexed.headers.includes(shape.value), `block scalar header, ${where}`);
    assert.equal(shape.valueKind === 'flow', lexed.flows.includes(shape.value), `flow collection start, ${where}`);
  });
}

const SAMPLES = sampleFiles().map((name) => ({ name, text: readSample(name) }));

// What writers type and what breaks structure: markers, keys, quotes, brackets, block scalar
// headers, comments, line breaks and indentation, Japanese text, tabs where YAML allows them. Tabs
// in indentation are left out: they are invalid, the lexer's recovery from them is its own affair,
// and the planner parses a text with a tab whole.
const FRAGMENTS = ['a', 'あ', ' ', '  ', '\n', '\n  ', '\n    ', ':', ': ', '- ', '-', '#', ' # c', '"', "'", '[', ']', '{', '}', ',', '|', '>-', '|+', '|2', 'key: ', 'x: 1\n', '  - at: 12:00\n', '"a\\"b": ', "'it''s'", '\r\n', '&a ', '*a', '!t ', '? ', '---\n', '...\n', '-\t', 'x:\t1'];

const edited = fc
  .tuple(fc.constantFrom(...SAMPLES.map((sample) => sample.text)), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...FRAGMENTS), fc.nat({ max: 4 })), { minLength: 1, maxLength: 6 }))
  .map(([text, edits]) =>
    edits.reduce((current, [seed, fragment, cut]) => {
      const at = seed % (current.length + 1);
      return current.slice(0, at) + fragment + current.slice(Math.min(current.length, at + cut));
    }, text),
  );

describe('line scanner agrees with yaml\'s lexer', () => {
  for (const sample of SAMPLES) {
    it(`on ${sample.name}`, () => compare(sample.text));
  }

  it('on hand-picked lines: block scalars, quoted and flow values over several lines, plain continuations', () => {
    const cases = ['a: |\n  # text\n  more\nb: 1', '- "q\n  r": 1\n- x', 'f: [a,\n  b: c,\n  ]\ng: 1', 'k: plain\n  continued: still\nn: 1', 'x: >2\n    indented\n  back\ny: 1', 'a#b: 1\n"p q" : 2\n- - k: v', "s: 'it''s\n  more'\nt: 1"];
    for (const text of cases) compare(text);
  });

  it('on random edits of the samples', function () {
    this.timeout(60_000);
    fc.assert(fc.property(edited, (text) => compare(text)), { numRuns: Number(process.env.SCANNER_RUNS ?? 300), reporter: (details) => { if (details.failed) throw new Error(`${String(details.errorInstance)}`); } });
  });
});

describe('line scanner: one line on its own', () => {
  it('reads keys as yaml does: quoted with escapes, `#` inside a plain key, a space before the colon', () => {
    assert.deepEqual(readLine('  - "a\\"b" : 1').key, { start: 4, end: 10, name: 'a"b', colon: 11 });
    assert.equal(readLine('a#b: 1').key?.name, 'a#b');
    assert.equal(readLine('a #b: 1').key, undefined);
    assert.equal(readLine('url: http://x').key?.name, 'url');
    assert.equal(readLine('http://x: 1').key?.name, 'http://x');
  });

  it('counts only spaces as indentation; a tab separates a marker from its node', () => {
    assert.deepEqual(readLine('  -\tkey: v'), { indent: 2, dashes: [2], node: 4, key: { start: 4, end: 7, name: 'key', colon: 7 }, value: 9, valueKind: 'plain' });
    assert.equal(readLine('\tkey: v').indent, 0);
  });

  it('tells comment lines by `#` after spaces or tabs only', () => {
    assert.equal(isCommentLine('  # c'), true);
    assert.equal(isCommentLine('\t# c'), true);
    assert.equal(isCommentLine('\u3000# c'), false);
    assert.equal(isCommentLine('a # c'), false);
  });
});

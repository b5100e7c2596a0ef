import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { doc, service, VALID } from './helpers';
import { parsePostmortem } from '../../server/src/service/parse/parse';

const BAD_INPUTS: Record<string, string> = {
  empty: '',
  'only comments': '# a postmortem will go here\n# soon\n',
  'only whitespace': '\n\n   \n',
  'half-typed key': 'postmortem: 1\nid: x\nti',
  'half-typed list item': 'postmortem: 1\ntimeline:\n  - at: 2021-01-01\n  - ',
  'unclosed flow list': 'postmortem: 1\ncountermeasures: [a, b\ncontact: {url: x',
  'unclosed quote': 'postmortem: 1\ntitle: "no end\n',
  'a list at the top': '- a\n- b\n',
  'a scalar at the top': 'just words',
  'tabs for indentation': 'postmortem: 1\nimpact:\n\tperiod: x\n',
  'two documents': 'postmortem: 1\n---\npostmortem: 1\n',
  'anchors and aliases': 'postmortem: 1\ncause: &c {summary: x}\nimpact: *c\ntimeline: [*c, *nowhere]\n',
  'wrong types everywhere': [
    'postmortem: "1"',
    'id: 42',
    'title: [a]',
    'status: {}',
    'language: 7',
    'timezone: true',
    'published: 2021',
    'revisions: note',
    'overview: null',
    'impact: []',
    'cause: text',
    'detection: 3',
    'timeline: {at: 1}',
    'countermeasures: 5',
    'contact: []',
  ].join('\n'),
  'wrong types nested': [
    'postmortem: 1',
    'impact:',
    '  period: {start: 5, end: [1]}',
    '  counts: [{label: 1, value: -3, breakdown: {JP: x}}, 7]',
    'cause: {summary: x, factors: [{id: 1}, x, {id: [a]}]}',
    'timeline: [{at: [], event: {}}, x, {kind: 3}]',
    'countermeasures: [{action: x, status: done, addresses: x}, {addresses: [1, {a: b}]}]',
  ].join('\n'),
  'japanese and emoji': 'postmortem: 1\ntitle: 障害🔥のお知らせ\nstatus: 公開\n',
  'deep nesting': 'postmortem: 1\nimpact:\n' + Array.from({ length: 200 }, (_, depth) => '  '.repeat(depth + 1) + `k${depth}:`).join('\n') + ' end\n',
  'crlf line endings': VALID.replace(/\n/g, '\r\n'),
  'proto keys': 'postmortem: 1\n__proto__: {polluted: true}\nconstructor: x\n',
};

describe('bad input never crashes a feature', () => {
  for (const [name, text] of Object.entries(BAD_INPUTS)) {
    it(`${name}: diagnostics, and every feature answers at every position`, () => {
      const pm = service();
      const document = doc(text);
      const diagnostics = pm.validate(document);
      if (name !== 'crlf line endings') assert.ok(diagnostics.length > 0, 'expected at least one diagnostic');
      const lines = text.split(/\r?\n/);
      for (const diagnostic of diagnostics) {
        assert.ok(diagnostic.range.start.line < Math.max(1, lines.length), 'range inside the document');
        assert.ok(diagnostic.message.length > 0);
      }
      // Every feature at a sample of positions: line starts, middles and ends.
      for (let line = 0; line < Math.min(lines.length, 40); line++) {
        const length = lines[line]?.length ?? 0;
        for (const character of new Set([0, Math.floor(length / 2), length])) {
          const position = { line, character };
          pm.complete(document, position);
          pm.hover(document, position);
          pm.definition(document, position);
          pm.references(document, position, true);
          pm.prepareRename(document, position);
          pm.codeActions(document, { start: position, end: position }, diagnostics);
        }
      }
      pm.documentSymbols(document);
      pm.foldingRanges(document);
      pm.timelineModel(document);
      pm.exportNotice(document, 'md');
      pm.exportNotice(document, 'html');
    });
  }

  it('an empty file gets one clear error on its first line', () => {
    const [diagnostic, ...rest] = service().validate(doc(''));
    assert.equal(rest.length, 0);
    assert.equal(diagnostic?.severity, DiagnosticSeverity.Error);
    assert.equal(diagnostic?.range.start.line, 0);
    assert.match(diagnostic!.message, /empty/);
  });

  it('a nested problem is never reported on line 0', () => {
    const diagnostics = service().validate(doc(BAD_INPUTS['wrong types nested']!));
    assert.ok(diagnostics.length >= 8);
    assert.ok(diagnostics.every((diagnostic) => diagnostic.range.start.line > 0 || diagnostic.message.includes('top level')));
  });

  it('keys like __proto__ do not pollute objects', () => {
    service().validate(doc(BAD_INPUTS['proto keys']!));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('positions are UTF-16 code units after Japanese text and emoji', () => {
    const text = 'postmortem: 1\ntitle: 障害🔥のお知らせ\nstatus: 公開\n';
    const diagnostic = service().validate(doc(text)).find((d) => d.code === 'schema-enum');
    assert.ok(diagnostic);
    assert.deepEqual(diagnostic.range, { start: { line: 2, character: 8 }, end: { line: 2, character: 10 } });
    const withEmoji = VALID.replace('title: Messages shown in the wrong chat', 'title: 🔥🔥 障害').replace('    kind: detected', '    kind: 🔥detected');
    const enumFinding = service().validate(doc(withEmoji)).find((d) => d.code === 'schema-enum');
    assert.equal(enumFinding?.range.end.character, enumFinding!.range.start.character + '🔥detected'.length);
  });

  it('the same document version is parsed once and every feature shares it', () => {
    const pm = service();
    const document = doc(VALID);
    const first = pm.parse(document);
    pm.validate(document);
    pm.documentSymbols(document);
    assert.equal(pm.parse(document), first);
    assert.notEqual(pm.parse(doc(VALID, document.uri, 2)), first);
  });
});

describe('the plain value the schema sees', () => {
  const valueOf = (text: string) => parsePostmortem({ uri: 'file:///plain.postmortem.yaml', version: 1, text }).value as Record<string, unknown>;

  it('is the same data with and without aliases', () => {
    const without = valueOf('a: {b: [1, x, null]}\nc: [{d: e}]\n');
    assert.deepEqual(without, { a: { b: [1, 'x', null] }, c: [{ d: 'e' }] });
    // An alias anywhere, even last, takes the other walk; the rest of the value is unchanged.
    const withAlias = valueOf('a: &anchor {b: [1, x, null]}\nc: [{d: e}]\nf: *anchor\n');
    assert.deepEqual(withAlias, { a: { b: [1, 'x', null] }, c: [{ d: 'e' }], f: { b: [1, 'x', null] } });
  });

  it('gives an alias the very value of its anchor, so nested aliases cost memory linear in the text', () => {
    const lines = ['a0: &a0 [x, x]'];
    for (let i = 1; i <= 30; i++) lines.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}]`);
    const value = valueOf(lines.join('\n') + '\n');
    const last = value.a30 as unknown[];
    assert.equal(last[0], last[1]);
    assert.equal(last[0], value.a29);
  });

  it('makes __proto__ an own key, not the prototype, on both walks', () => {
    for (const text of ['__proto__: {polluted: true}\n', 'x: &x 1\n__proto__: {polluted: *x}\n']) {
      const value = valueOf(text);
      assert.equal(Object.getPrototypeOf(value), Object.prototype);
      assert.ok(Object.hasOwn(value, '__proto__'));
      assert.equal((value as { polluted?: unknown }).polluted, undefined);
    }
  });
});

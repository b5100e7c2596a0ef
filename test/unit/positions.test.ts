import assert from 'node:assert/strict';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import { doc, service, VALID } from './helpers';

const LINES = VALID.split('\n');
const LAST_LINE = LINES.length - 1;

/** Positions a client should never send, and the position inside the document each one means. */
const BOGUS: { position: Position; means: Position }[] = [
  { position: { line: 1e9, character: 5 }, means: { line: LAST_LINE, character: (LINES[LAST_LINE] ?? '').length } },
  { position: { line: Number.MAX_SAFE_INTEGER, character: Number.MAX_SAFE_INTEGER }, means: { line: LAST_LINE, character: (LINES[LAST_LINE] ?? '').length } },
  { position: { line: 2, character: 1e9 }, means: { line: 2, character: (LINES[2] ?? '').length } },
  { position: { line: -3, character: -7 }, means: { line: 0, character: 0 } },
  { position: { line: 2.7, character: 3.9 }, means: { line: 2, character: 3 } },
  { position: { line: Number.NaN, character: Number.POSITIVE_INFINITY }, means: { line: 0, character: 0 } },
];

describe('positions are clamped to the document', () => {
  for (const { position, means } of BOGUS) {
    it(`${JSON.stringify(position)} answers as ${JSON.stringify(means)}`, () => {
      const pm = service();
      const document = doc(VALID);
      assert.deepEqual(pm.complete(document, position), pm.complete(document, means));
      assert.deepEqual(pm.hover(document, position), pm.hover(document, means));
      assert.deepEqual(pm.definition(document, position), pm.definition(document, means));
      assert.deepEqual(pm.references(document, position, true), pm.references(document, means, true));
      assert.deepEqual(pm.prepareRename(document, position), pm.prepareRename(document, means));
      assert.deepEqual(pm.renameProblem(document, position, 'x'), pm.renameProblem(document, means, 'x'));
      assert.deepEqual(pm.rename(document, position, 'new-id'), pm.rename(document, means, 'new-id'));
      assert.deepEqual(pm.codeActions(document, { start: position, end: position }, []), pm.codeActions(document, { start: means, end: means }, []));
    });
  }

  it('completion on line 1e9 of a long document reads only the lines that exist', () => {
    const text = VALID + Array.from({ length: 2000 }, (_, index) => `# note ${index}`).join('\n');
    const lines = text.split('\n');
    const end = { line: lines.length - 1, character: (lines.at(-1) ?? '').length };
    assert.deepEqual(service().complete(doc(text), { line: 1e9, character: 0 }), service().complete(doc(text), end));
  });

  it('code actions ignore entries that are not diagnostics and ranges outside the text', () => {
    const pm = service();
    const document = doc(VALID.replace('kind: detected', 'kind: detect'));
    const real = pm.validate(document).find((diagnostic) => diagnostic.code === 'schema-enum');
    assert.ok(real);
    const junk = [null, 'x', 3, {}, { range: null }, { range: { start: {}, end: {} } }, real] as unknown as Diagnostic[];
    const actions = pm.codeActions(document, { start: { line: -1, character: 1e9 }, end: { line: 1e9, character: -1 } }, junk);
    assert.ok(actions.some((action) => /detected/.test(action.title)), 'the real diagnostic still gets its fix');
    assert.deepEqual(pm.codeActions(document, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, null as unknown as Diagnostic[]), []);
  });
});

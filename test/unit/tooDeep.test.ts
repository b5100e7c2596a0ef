import assert from 'node:assert/strict';
import { doc, service, VALID } from './helpers';

/** VALID with `extra` more events; the event text at `broken` ends with `: [`, which is never closed. */
function withUnclosedFlow(extra: number, broken: number): { text: string; bracket: number } {
  const events: string[] = [];
  for (let i = 0; i < extra; i++) events.push(`  - at: 2021-07-16T00:00\n    event: Event ${i}${i === broken ? ': [' : ''}\n    kind: other\n`);
  const text = VALID.replace(/^timeline:\n/m, `timeline:\n${events.join('')}`);
  return { text, bracket: text.indexOf(': [') + 2 };
}

describe('a document too deeply nested for the YAML parser', () => {
  // One `[` left open before 2,000 events nests every later line: `yaml` then runs out of stack.
  const { text, bracket } = withUnclosedFlow(2000, 10);
  const pm = service();
  const document = doc(text);

  it('gets one syntax error on the bracket that is never closed, not a crash or silence', () => {
    const diagnostics = pm.validate(document);
    assert.equal(diagnostics.length, 1);
    const [finding] = diagnostics;
    assert.equal(finding?.code, 'yaml-syntax');
    assert.deepEqual(finding?.range.start, pm.parse(document).lines.positionAt(bracket));
    assert.match(finding?.message ?? '', /never closed/);
  });

  it('puts the error on the bracket in a file that starts with a byte-order mark too', () => {
    const withBom = doc(`\uFEFF${text}`);
    const [finding] = pm.validate(withBom);
    assert.deepEqual(finding?.range.start, pm.parse(withBom).lines.positionAt(bracket + 1));
  });

  it('every other feature answers as for a document without a tree', () => {
    const end = pm.parse(document).lines.positionAt(text.length);
    assert.doesNotThrow(() => pm.complete(document, end));
    assert.doesNotThrow(() => pm.hover(document, { line: 3, character: 2 }));
    assert.doesNotThrow(() => pm.timelineModel(document));
    assert.doesNotThrow(() => pm.codeActions(document, { start: end, end }, pm.validate(document)));
  });

  it('reads the document again once the bracket is taken out', () => {
    const fixed = doc(text.replace(': [', ''));
    assert.equal(pm.validate(fixed).filter((diagnostic) => diagnostic.code === 'yaml-syntax').length, 0);
  });
});

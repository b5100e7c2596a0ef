import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { runToEnd } from '../../server/src/service';
import fc from 'fast-check';
import { DocumentSizes } from '../../server/src/service/limits';
import { doc, readSample, sampleFiles, service, VALID } from './helpers';

/** VALID with `extra` more timeline events, some of them with a wrong `kind`. */
function longTimeline(extra: number, wrongAt: number[]): string {
  const events: string[] = [];
  for (let i = 0; i < extra; i++) events.push(`  - at: 2021-07-16T00:00\n    event: Event ${i}\n    kind: ${wrongAt.includes(i) ? 'detect' : 'other'}\n`);
  return VALID.replace(/^timeline:\n/m, `timeline:\n${events.join('')}`);
}

describe('the size limit (maxDocumentBytes)', () => {
  it('counts UTF-8 bytes: ASCII 1, kana 3, emoji 4, a lone surrogate 3', () => {
    const sizes = new DocumentSizes();
    const bytes = (text: string) => sizes.bytes(doc(text));
    assert.equal(bytes('a'.repeat(10)), 10);
    assert.equal(bytes('あ'.repeat(4)), 12);
    assert.equal(bytes('🔥🔥a'), 9);
    assert.equal(bytes('\uD800\uD800\uD800'), 9);
  });

  it('keeps the size of each version right from the change alone, surrogate pairs included', () => {
    const encoder = new TextEncoder();
    const piece = fc.constantFrom('a', 'あ', '🔥', '\uD83D', '\uDD25', '\n', 'é');
    const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 6 }), insert: text });
    fc.assert(
      fc.property(text, fc.array(edit, { maxLength: 8 }), (start, edits) => {
        const sizes = new DocumentSizes();
        let current = start;
        let version = 1;
        assert.equal(sizes.bytes(doc(current, 'file:///a', version)), encoder.encode(current).length);
        for (const { at, remove, insert } of edits) {
          const from = at % (current.length + 1);
          current = current.slice(0, from) + insert + current.slice(from + remove);
          assert.equal(sizes.bytes(doc(current, 'file:///a', ++version)), encoder.encode(current).length);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('above the limit: one information finding on the first line, and every feature answers empty', () => {
    const pm = service({ settings: { maxDocumentBytes: 1000 } });
    const document = doc(VALID);
    const diagnostics = pm.validate(document);
    assert.equal(diagnostics.length, 1);
    const [finding] = diagnostics;
    assert.equal(finding?.code, 'document-too-large');
    assert.equal(finding?.severity, DiagnosticSeverity.Information);
    assert.deepEqual(finding?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 'postmortem: 1'.length } });
    assert.match(finding?.message ?? '', /postmortem\.maxDocumentBytes/);
    assert.match(finding?.message ?? '', /max_document_bytes/);
    const position = { line: 3, character: 2 };
    assert.deepEqual(pm.complete(document, position).items, []);
    assert.equal(pm.hover(document, position), null);
    assert.deepEqual(pm.documentSymbols(document), []);
    assert.deepEqual(pm.foldingRanges(document), []);
    assert.deepEqual(pm.definition(document, position), []);
    assert.deepEqual(pm.codeActions(document, { start: position, end: position }, diagnostics), []);
    assert.deepEqual(pm.timelineModel(document).events, []);
    // Raised again, the document is checked as usual.
    pm.configure({ maxDocumentBytes: 2_000_000 });
    assert.ok(!pm.validate(document).some((diagnostic) => diagnostic.code === 'document-too-large'));
  });

  it('says so in Japanese for a Japanese UI', () => {
    const [finding] = service({ locale: 'ja', settings: { maxDocumentBytes: 100 } }).validate(doc(VALID));
    assert.match(finding?.message ?? '', /上限/);
  });
});

describe('work in slices gives what work in one go gives', () => {
  for (const name of sampleFiles()) {
    it(`${name}: validation paused at every chance equals validation in one go`, () => {
      const text = readSample(name);
      const sliced = service({ settings: { today: '2026-12-04' } });
      const steps = sliced.validateSteps(doc(text, 'file:///sliced.postmortem.yaml'), () => true);
      let pauses = 0;
      let step = steps.next();
      while (!step.done) {
        pauses++;
        step = steps.next();
      }
      assert.ok(pauses > 0, 'the work paused');
      assert.deepEqual(step.value, service({ settings: { today: '2026-12-04' } }).validate(doc(text)));
    });
  }

  it('a timeline longer than one validation run: findings in every run, the document-wide ones once', () => {
    const wrongAt = [10, 2500, 4400];
    const text = longTimeline(4500, wrongAt).replace(/^title: .*\n/m, '');
    const pm = service({ settings: { today: '2026-12-04' } });
    const sliced = runToEnd(pm.validateSteps(doc(text), () => true)) ?? [];
    const whole = service({ settings: { today: '2026-12-04' } }).validate(doc(text));
    assert.deepEqual(sliced, whole);
    const lines = text.split('\n');
    const enumLines = whole.filter((diagnostic) => diagnostic.code === 'schema-enum').map((diagnostic) => lines[diagnostic.range.start.line]);
    assert.deepEqual(enumLines, wrongAt.map(() => '    kind: detect'));
    assert.equal(whole.filter((diagnostic) => diagnostic.code === 'schema-required').length, 1, 'title is missing once, not once per run');
  });

  it('a parse abandoned halfway leaves the parser as it was: the next version parses right', () => {
    const pm = service();
    const uri = 'file:///abandoned.postmortem.yaml';
    const first = longTimeline(300, []);
    pm.validate(doc(first, uri, 1));
    const second = first.replace('Event 150', 'Event 150 edited');
    const paused = pm.parseSteps(doc(second, uri, 2), () => true);
    paused.next();
    paused.next();
    paused.return(undefined);
    const third = second.replace('Event 20\n', 'Event 20 again\n');
    assert.deepEqual(pm.validate(doc(third, uri, 3)), service().validate(doc(third)));
    assert.deepEqual(pm.parse(doc(third, uri, 3)).value, service().parse(doc(third)).value);
  });
});

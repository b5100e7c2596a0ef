import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { createPostmortemService } from '../../server/src/service';
import { IncrementalParser } from '../../server/src/service/parse/incremental';
import { parsePostmortem } from '../../server/src/service/parse/parse';
import { applyEdits, doc, readSample, repoRoot, sampleFiles, service, VALID } from './helpers';

const TODAY = { today: '2026-12-04' };

/** The text with every line break written as `style` says; `mixed` cycles LF, CRLF, CR. */
export function withLineEnds(text: string, style: 'lf' | 'crlf' | 'cr' | 'mixed'): string {
  let turn = 0;
  const breaks = { lf: ['\n'], crlf: ['\r\n'], cr: ['\r'], mixed: ['\n', '\r\n', '\r'] }[style];
  return text.replace(/\r\n|\r|\n/g, () => breaks[turn++ % breaks.length] ?? '\n');
}

/** Lines as LSP counts them: CRLF, CR and LF each end one. */
function lspLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function assertInside(text: string, range: Range, what: string): void {
  const lines = lspLines(text);
  for (const end of [range.start, range.end]) {
    assert.ok(end.line < lines.length, `${what}: line ${end.line} of ${lines.length}`);
    assert.ok(end.character <= (lines[end.line] ?? '').length, `${what}: character ${end.character} past the end of line ${end.line}`);
  }
}

const STYLES = ['crlf', 'cr', 'mixed'] as const;

describe('line ends: LF, CRLF, lone CR and mixtures read the same', () => {
  for (const name of sampleFiles()) {
    it(`${name}: the same findings, symbols and folds in every style, inside their lines`, () => {
      const lf = withLineEnds(readSample(name), 'lf');
      const expected = service({ settings: TODAY }).validate(doc(lf));
      const expectedSymbols = service().documentSymbols(doc(lf));
      const expectedFolds = service().foldingRanges(doc(lf));
      for (const style of STYLES) {
        const text = withLineEnds(lf, style);
        const pm = service({ settings: TODAY });
        const document = doc(text);
        const diagnostics = pm.validate(document);
        assert.deepEqual(diagnostics, expected, `${style}: diagnostics`);
        for (const diagnostic of diagnostics) assertInside(text, diagnostic.range, `${style} ${String(diagnostic.code)}`);
        assert.deepEqual(pm.documentSymbols(document), expectedSymbols, `${style}: symbols`);
        assert.deepEqual(pm.foldingRanges(document), expectedFolds, `${style}: folds`);
      }
    });
  }

  it('hover and completion answer the same at every line of a lone-CR document', () => {
    const lf = VALID;
    const cr = withLineEnds(lf, 'cr');
    const fromLf = service();
    const fromCr = service();
    const lines = lspLines(lf);
    for (let line = 0; line < lines.length; line++) {
      const position = { line, character: Math.min(4, (lines[line] ?? '').length) };
      assert.deepEqual(fromCr.hover(doc(cr, 'file:///cr.postmortem.yaml'), position), fromLf.hover(doc(lf, 'file:///lf.postmortem.yaml'), position), `hover on line ${line}`);
      assert.deepEqual(fromCr.complete(doc(cr, 'file:///cr.postmortem.yaml'), position), fromLf.complete(doc(lf, 'file:///lf.postmortem.yaml'), position), `completion on line ${line}`);
    }
  });

  it('the incremental parser reads a lone-CR document in pieces, as a full parse does', () => {
    const text = withLineEnds(readSample(sampleFiles().find((name) => !name.includes('broken')) ?? ''), 'mixed');
    const parser = new IncrementalParser();
    const incremental = parser.parse({ uri: 'file:///p', version: 1, text });
    assert.equal(parser.lastMode, 'chunks');
    const full = parsePostmortem({ uri: 'file:///p', version: 1, text });
    assert.deepEqual(incremental.root, full.root);
    assert.deepEqual(incremental.value, full.value);
    assert.equal(incremental.source, text, 'the source is kept exactly');
    assert.equal(incremental.text.length, text.length, 'offsets are kept');
  });

  it('edits that split or join a CRLF (incremental sync) give what a fresh service gives', () => {
    const uri = 'file:///split.postmortem.yaml';
    const document = TextDocument.create(uri, 'postmortem', 1, withLineEnds(VALID, 'crlf'));
    const pm = service({ settings: TODAY });
    pm.validate(document);
    const line = 3;
    const lineEnd = { line, character: document.getText().split('\r\n')[line]?.length ?? 0 };
    const steps: { range: Range; text: string }[] = [
      // Delete the CR of a CRLF: the line now ends in LF alone.
      { range: { start: lineEnd, end: { line, character: lineEnd.character + 1 } }, text: '' },
      // Insert a CR where the LF was kept: a CRLF again, made across the edit boundary.
      { range: { start: lineEnd, end: lineEnd }, text: '\r' },
      // Replace the break by a lone CR, then type after it: CR now ends the line on its own.
      { range: { start: lineEnd, end: { line: line + 1, character: 0 } }, text: '\r' },
      { range: { start: { line: line + 1, character: 0 }, end: { line: line + 1, character: 0 } }, text: 'x: 1\r' },
      // An LF after the lone CR joins them into one CRLF break.
      { range: { start: { line: line + 1, character: 0 }, end: { line: line + 1, character: 0 } }, text: '\n' },
    ];
    let version = 1;
    for (const step of steps) {
      TextDocument.update(document, [step], ++version);
      const fresh = createPostmortemService({ settings: TODAY });
      const copy = doc(document.getText(), `file:///fresh-${version}.postmortem.yaml`);
      assert.deepEqual(pm.validate(document), fresh.validate(copy), `diagnostics after edit ${version}`);
      assert.deepEqual(pm.documentSymbols(document), fresh.documentSymbols(copy), `symbols after edit ${version}`);
      for (const diagnostic of pm.validate(document)) assertInside(document.getText(), diagnostic.range, `edit ${version}`);
    }
  });

  it('a quick fix in a lone-CR document writes lone CRs, and its result reads as intended', () => {
    const text = withLineEnds(VALID.replace(/^timezone: .*\n/m, ''), 'cr');
    const pm = service({ settings: TODAY });
    const document = doc(text);
    const diagnostics = pm.validate(document).filter((diagnostic: Diagnostic) => diagnostic.code === 'ambiguous-time');
    assert.ok(diagnostics.length > 0);
    const action = pm.codeActions(document, diagnostics[0]!.range, diagnostics).find((candidate) => /UTC/.test(candidate.title));
    const edits = action?.edit?.changes?.[document.uri] ?? [];
    assert.equal(edits.length, 1);
    assert.ok(!/\n/.test(edits[0]!.newText), 'no LF inserted into a CR document');
    const fixed = applyEdits(text, edits);
    assert.ok(!service({ settings: TODAY }).validate(doc(fixed)).some((diagnostic) => diagnostic.code === 'ambiguous-time'));
  });

  it('sorting a lone-CR timeline moves lines with their own line breaks', () => {
    const unsorted = VALID.replace(/timeline:\n((?: {2}.*\n)+)/, (_whole, body: string) => {
      const items = body.split(/(?= {2}- at:)/).filter(Boolean);
      return `timeline:\n${[...items].reverse().join('')}`;
    });
    const text = withLineEnds(unsorted, 'cr');
    const pm = service();
    const document = doc(text);
    const sort = pm.codeActions(document, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, []).find((action) => action.kind === 'source.sortTimeline');
    assert.ok(sort, 'a sort is offered');
    const sorted = applyEdits(text, sort.edit?.changes?.[document.uri] ?? []);
    assert.ok(!sorted.includes('\n'), 'still only lone CRs');
    assert.equal(sorted.length, text.length);
  });

  it('the command line reports the same lines and columns in every style', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-line-ends-'));
    const lf = withLineEnds(readSample('broken.postmortem.yaml'), 'lf');
    const run = (style: 'lf' | 'crlf' | 'cr' | 'mixed') => {
      const file = join(dir, `${style}.postmortem.yaml`);
      writeFileSync(file, withLineEnds(lf, style));
      const result = spawnSync(process.execPath, [join(repoRoot, 'bin', 'postmortem-lint.js'), file], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
      return result.stdout.split('\n').filter(Boolean).map((line) => line.slice(file.length));
    };
    const expected = run('lf');
    assert.ok(expected.length > 10 && expected.some((line) => !line.startsWith(':1:1 ')), expected.join('\n'));
    for (const style of STYLES) assert.deepEqual(run(style), expected, style);
  });
});

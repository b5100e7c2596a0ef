import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import type { DocumentSymbol, Range, TextEdit } from 'vscode-languageserver-types';
import { createPostmortemService } from '../../server/src/service';
import { anyDocument, lspLines, outsideReason } from '../common/documents';

/**
 * Never crash, never hang, never point outside the text: every feature on generated documents.
 * A count and a time budget: the run stops early when the budget is spent, but must still have
 * checked MIN_RUNS inputs. PROPERTY_RUNS / PROPERTY_BUDGET_MS raise them for a long local run.
 * 10,000 inputs take about 40 s of CPU (3.5 minutes on the 2-core machine shared by a dozen
 * processes); the budget leaves room for that, and only a hang or a far slower service exceeds it.
 */
const MIN_RUNS = 10_000;
const RUNS = Number(process.env.PROPERTY_RUNS ?? 10_000);
const BUDGET_MS = Number(process.env.PROPERTY_BUDGET_MS ?? 360_000);

function symbolRanges(symbols: DocumentSymbol[]): Range[] {
  return symbols.flatMap((symbol) => [symbol.range, symbol.selectionRange, ...symbolRanges(symbol.children ?? [])]);
}

const editRanges = (changes: Record<string, TextEdit[]> | undefined) => Object.values(changes ?? {}).flatMap((edits) => edits.map((edit) => edit.range));

describe('property: every feature answers on generated documents, inside the text', function () {
  this.timeout(BUDGET_MS + 60_000);

  it(`at least ${MIN_RUNS} documents: no exception, every range inside the document`, () => {
    const service = createPostmortemService({ settings: { today: '2026-12-04' } });
    let checked = 0;
    let version = 0;
    fc.assert(
      fc.property(anyDocument, fc.nat(), fc.nat(), (text, lineSeed, characterSeed) => {
        // One URI for all: the incremental parser sees every document as an edit of the one before.
        const document = { uri: 'file:///property.postmortem.yaml', version: ++version, getText: () => text };
        const lines = lspLines(text);
        const line = lineSeed % (lines.length + 2);
        const position = { line, character: characterSeed % ((lines[line] ?? '').length + 2) };
        const ranges: Range[] = [];
        const from: string[] = [];
        const note = (what: string) => { while (from.length < ranges.length) from.push(what); };
        const diagnostics = service.validate(document);
        ranges.push(...diagnostics.map((diagnostic) => diagnostic.range));
        note('diagnostics');
        for (const item of service.complete(document, position).items) if (item.textEdit && 'range' in item.textEdit) ranges.push(item.textEdit.range);
        note('completion');
        const hover = service.hover(document, position);
        if (hover?.range) ranges.push(hover.range);
        note('hover');
        ranges.push(...symbolRanges(service.documentSymbols(document)));
        note('symbols');
        for (const fold of service.foldingRanges(document)) assert.ok(fold.startLine <= fold.endLine && fold.endLine < lines.length, `fold ${fold.startLine}-${fold.endLine}`);
        ranges.push(...service.definition(document, position).map((location) => location.range));
        ranges.push(...service.references(document, position, true).map((location) => location.range));
        note('definition and references');
        const rename = service.prepareRename(document, position);
        if (rename) ranges.push(rename.range, ...editRanges(service.rename(document, position, 'renamed-id')?.changes));
        note('rename');
        for (const action of service.codeActions(document, { start: position, end: position }, diagnostics)) ranges.push(...editRanges(action.edit?.changes));
        note('code actions');
        service.timelineModel(document);
        service.exportNotice(document, 'html');
        ranges.forEach((range, index) => {
          const reason = outsideReason(text, range);
          // PROPERTY_DUMP=file keeps a failing text, to replay it outside the generator.
          if (reason && process.env.PROPERTY_DUMP) writeFileSync(process.env.PROPERTY_DUMP, text);
          assert.equal(reason, undefined, `${from[index] ?? ''}: ${reason ?? ''}: ${JSON.stringify(range)}`);
        });
        checked++;
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: BUDGET_MS, markInterruptAsFailure: false, seed: Number(process.env.PROPERTY_SEED ?? 20261204) },
    );
    assert.ok(checked >= MIN_RUNS, `only ${checked} documents checked within ${BUDGET_MS} ms`);
  });
});

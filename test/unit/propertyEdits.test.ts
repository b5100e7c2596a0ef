import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import type { CodeAction } from 'vscode-languageserver-types';
import { createPostmortemService } from '../../server/src/service';
import { parsePostmortem } from '../../server/src/service/parse/parse';
import { mutatedSample, SAMPLES } from '../common/documents';
import { applyEdits } from './helpers';

/**
 * Edits lose nothing: every quick fix, applied to random documents with fixable problems, gives
 * text that parses, keeps every comment and every event, count, factor and countermeasure, and is
 * one edit of one document (one undo step). A document with a syntax error gets no fix that
 * inserts lines.
 */
const RUNS = Number(process.env.PROPERTY_EDIT_RUNS ?? 400);
const BUDGET_MS = Number(process.env.PROPERTY_BUDGET_MS ?? 90_000);

type Change = (text: string, pick: number) => string;

/** Breaks a valid sample in ways the quick fixes are there to repair. */
const FIXABLE: Change[] = [
  (text, pick) => removeLine(text, pick, /^(title|status|timezone|language|overview|contact|detection|published): /),
  (text, pick) => nth(text, /kind: (\w+)/g, pick, (match) => match.replace(/kind: (\w+)/, (_all, kind: string) => `kind: ${kind.slice(0, -1)}`)),
  (text) => text.replace('https://', 'http://'),
  (text, pick) => removeLine(text, pick, /^ +date: /),
  (text, pick) => removeLine(text, pick, /^ +event: /),
  (text, pick) => nth(text, /^(\s+)status: /gm, pick, (match) => match.replace('status', 'stauts')),
  (text, pick) => swapTimelineItems(text, pick),
  (text, pick) => nth(text, /^ +value: \d+/gm, pick, (match) => match.replace(/\d+$/, (digits) => String(Number(digits) + 1))),
];

function removeLine(text: string, pick: number, pattern: RegExp): string {
  const lines = text.split('\n');
  const matching = lines.map((line, index) => (pattern.test(line) ? index : -1)).filter((index) => index >= 0);
  if (matching.length === 0) return text;
  lines.splice(matching[pick % matching.length] ?? 0, 1);
  return lines.join('\n');
}

function nth(text: string, pattern: RegExp, pick: number, change: (match: string) => string): string {
  const matches = [...text.matchAll(pattern)];
  const match = matches[pick % Math.max(1, matches.length)];
  if (!match || match.index === undefined) return text;
  return text.slice(0, match.index) + change(match[0]) + text.slice(match.index + match[0].length);
}

function swapTimelineItems(text: string, pick: number): string {
  const items = [...text.matchAll(/^ {2}- at: .*\n(?: {4}.*\n)*/gm)];
  if (items.length < 2) return text;
  const first = items[pick % (items.length - 1)];
  const second = items[(pick % (items.length - 1)) + 1];
  if (!first || !second || first.index === undefined || second.index !== first.index + first[0].length) return text;
  return text.slice(0, first.index) + second[0] + first[0] + text.slice(second.index + second[0].length);
}

const fixableDocument = fc.tuple(fc.constantFrom(...SAMPLES.filter((text) => !text.includes('# expect:'))), fc.array(fc.tuple(fc.constantFrom(...FIXABLE), fc.nat()), { minLength: 1, maxLength: 4 })).map(([text, changes]) => changes.reduce((current, [change, pick]) => change(current, pick), text));

/** Comments as written (`# …` to the end of the line), as a sorted list: a multiset. */
function comments(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .flatMap((line) => /(?:^|\s)(#.*)$/.exec(line)?.[1] ?? [])
    .sort();
}

/** What a fix must never drop: how many of each, and the texts of the events and actions. */
function inventory(text: string) {
  const value = (parsePostmortem({ uri: 'file:///inventory', version: 1, text }).value ?? {}) as Record<string, unknown>;
  const list = (item: unknown) => (Array.isArray(item) ? (item as Record<string, unknown>[]) : []);
  const impact = (value.impact ?? {}) as Record<string, unknown>;
  const cause = (value.cause ?? {}) as Record<string, unknown>;
  // Entries by what identifies them, with how many there are: an entry without it (`event:`
  // misspelt) may get it from a fix, but no entry and no text may go.
  const texts = (items: Record<string, unknown>[], key: string) => [`${items.length} entries`, ...items.flatMap((item) => (typeof item?.[key] === 'string' ? [String(item[key])] : []))];
  return {
    events: texts(list(value.timeline), 'event'),
    counts: texts(list(impact.counts), 'label'),
    factors: texts(list(cause.factors), 'id'),
    countermeasures: texts(list(value.countermeasures), 'action'),
  };
}

/** The entries of `wanted` (a multiset) that `have` lacks; a fix may add items (a skeleton), never drop one. */
function missingFrom(have: string[], wanted: string[]): string[] {
  const left = [...have];
  return wanted.filter((item) => {
    const at = left.indexOf(item);
    if (at < 0) return true;
    left.splice(at, 1);
    return false;
  });
}

const hasSyntaxError = (text: string) => parsePostmortem({ uri: 'file:///syntax', version: 1, text }).syntaxProblems.some((problem) => problem.severity === 'error');

/** Every action the service offers for the document: per diagnostic, and the file-wide source actions. */
function allActions(text: string): { uri: string; actions: CodeAction[] } {
  const service = createPostmortemService({ settings: { today: '2026-12-04' } });
  const document = { uri: 'file:///edits.postmortem.yaml', version: 1, getText: () => text };
  const diagnostics = service.validate(document);
  const actions = diagnostics.flatMap((diagnostic) => service.codeActions(document, diagnostic.range, [diagnostic]));
  actions.push(...service.codeActions(document, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, []));
  return { uri: document.uri, actions };
}

function checkActions(text: string): number {
  try {
    return checkEach(text);
  } catch (error) {
    // PROPERTY_DUMP=file keeps a failing text, to replay it outside the generator.
    if (process.env.PROPERTY_DUMP) writeFileSync(process.env.PROPERTY_DUMP, text);
    throw error;
  }
}

function checkEach(text: string): number {
  const { uri, actions } = allActions(text);
  const broken = hasSyntaxError(text);
  for (const action of actions) {
    const changes = action.edit?.changes ?? {};
    assert.deepEqual(Object.keys(changes), [uri], `${action.title}: one edit of this document`);
    assert.equal(action.edit?.documentChanges, undefined);
    const edits = changes[uri] ?? [];
    if (broken) {
      const fixed = applyEdits(text, edits);
      if (/^Sort/.test(action.title)) {
        // The sort checks its own block for errors; elsewhere the text may stay broken. It only moves lines.
        assert.deepEqual(fixed.split(/\r\n|\r|\n/).sort(), text.split(/\r\n|\r|\n/).sort(), `${action.title}: the same lines, reordered`);
      } else {
        assert.ok(edits.every((edit) => !/[\r\n]/.test(edit.newText)), `${action.title}: no lines inserted into a document with a syntax error`);
      }
      assert.deepEqual(comments(fixed), comments(text), `${action.title}: comments kept`);
      continue;
    }
    const fixed = applyEdits(text, edits);
    assert.ok(!hasSyntaxError(fixed), `${action.title}: the result parses\n${fixed}`);
    assert.deepEqual(comments(fixed), comments(text), `${action.title}: comments kept`);
    const before = inventory(text);
    const after = inventory(fixed);
    for (const key of Object.keys(before) as (keyof typeof before)[]) {
      const [countBefore = '', ...textsBefore] = before[key];
      const [countAfter = '', ...textsAfter] = after[key];
      assert.ok(parseInt(countAfter, 10) >= parseInt(countBefore, 10), `${action.title}: ${key}: ${countBefore} before, ${countAfter} after`);
      assert.deepEqual(missingFrom(textsAfter, textsBefore), [], `${action.title}: every one of the ${key} kept`);
    }
  }
  return actions.length;
}

describe('property: quick fixes lose nothing', function () {
  this.timeout(BUDGET_MS + 60_000);

  it(`${RUNS} documents with fixable problems: every fix parses and keeps comments and items`, () => {
    let applied = 0;
    let documents = 0;
    fc.assert(
      fc.property(fixableDocument, (text) => {
        applied += checkActions(text);
        documents++;
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: BUDGET_MS, markInterruptAsFailure: false, seed: Number(process.env.PROPERTY_SEED ?? 20261204) },
    );
    assert.ok(documents >= RUNS / 4, `only ${documents} documents within ${BUDGET_MS} ms`);
    assert.ok(applied >= documents, `only ${applied} fixes offered on ${documents} documents: the generator breaks too little`);
  });

  it(`${RUNS} mutated samples (often unparseable): fixes are one edit, and never insert lines into a broken document`, () => {
    let documents = 0;
    fc.assert(
      fc.property(mutatedSample, (text) => {
        checkActions(text);
        documents++;
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: BUDGET_MS, markInterruptAsFailure: false, seed: Number(process.env.PROPERTY_SEED ?? 20261204) },
    );
    assert.ok(documents >= RUNS / 4, `only ${documents} documents within ${BUDGET_MS} ms`);
  });
});

import type { Diagnostic } from 'vscode-languageserver-types';
import { startOffset, type Fix, type FixContext } from '../features/codeActions/fix';
import { dateOf } from '../features/codeActions/insertions';
import { pairAfter } from '../features/codeActions/valueFixes';
import { factsOf } from '../model/facts';
import { asMap, childOf, pairOf } from '../parse/tree';
import { defineCheck, DiagnosticSeverity } from './rule';

/** A countermeasure with `status: done` and no `date`. */
export const doneWithoutDate = defineCheck({
  code: 'done-without-date',
  severity: DiagnosticSeverity.Warning,
  doc: {
    when: 'a countermeasure with `status: done` and no `date`',
  },
  check({ facts, report }) {
    for (const countermeasure of facts.countermeasures) {
      if (countermeasure.status === 'done' && countermeasure.statusNode && countermeasure.date === undefined) {
        report(countermeasure.statusNode, 'rule.doneWithoutDate', [countermeasure.action]);
      }
    }
  },
  fixes: doneDateFix,
});

/**
 * The service has no clock, so the date offered is the latest one in the
 * timeline (usually the day the fix went out or the notice was published). Not preferred: a guess.
 */
function doneDateFix(fix: FixContext, diagnostic: Diagnostic): Fix[] {
  const { parsed, service } = fix;
  const facts = factsOf(parsed);
  const start = startOffset(parsed, diagnostic);
  const countermeasure = facts.countermeasures.find((candidate) => candidate.statusNode?.start === start);
  const map = asMap(countermeasure?.node);
  const statusPair = map ? pairOf(map, 'status') : undefined;
  const date = dateOf(facts.events) ?? facts.published?.text;
  if (!map || !statusPair || !date || childOf(map, 'date') !== null) return [];
  const edit = pairAfter(fix, map, statusPair, `date: ${date}`);
  return edit ? [{ title: service.l10n.t('action.addDate', date), edits: [edit] }] : [];
}

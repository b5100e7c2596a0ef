import { asScalar, childOf } from '../parse/tree';
import { isDate } from '../time';
import { DiagnosticSeverity, type Rule } from './rule';

/** `status: done` with a `date` after today: either not done yet, or the date is a typo. Silent without a known today. */
export const doneInFuture: Rule = {
  code: 'done-in-future',
  severity: DiagnosticSeverity.Warning,
  check({ facts, settings, report }) {
    const today = settings.today;
    if (!today || !isDate(today)) return;
    for (const countermeasure of facts.countermeasures) {
      if (countermeasure.status !== 'done' || !countermeasure.date || !isDate(countermeasure.date) || countermeasure.date <= today) continue;
      const node = asScalar(childOf(countermeasure.node, 'date'));
      if (node) report(node, 'check.doneInFuture', [countermeasure.date, today]);
    }
  },
};

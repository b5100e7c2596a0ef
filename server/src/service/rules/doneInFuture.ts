import { isDate } from '../time';
import { defineCheck, DiagnosticSeverity } from './rule';

/** `status: done` with a `date` after today: either not done yet, or the date is a typo. Silent without a known today. */
export const doneInFuture = defineCheck({
  code: 'done-in-future',
  severity: DiagnosticSeverity.Warning,
  doc: {
    since: '1.1',
    when: 'a `done` countermeasure whose `date` is after today',
    brief: 'a `done` countermeasure dated after today',
  },
  check({ facts, settings, report }) {
    const today = settings.today;
    if (!today || !isDate(today)) return;
    for (const countermeasure of facts.countermeasures) {
      const { date, dateNode } = countermeasure;
      if (countermeasure.status === 'done' && date && dateNode && isDate(date) && date > today) report(dateNode, 'check.doneInFuture', [date, today]);
    }
  },
});

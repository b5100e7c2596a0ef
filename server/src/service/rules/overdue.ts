import { isDate } from '../time';
import { defineCheck, DiagnosticSeverity } from './rule';

/** Statuses that close an action item: nothing is overdue once it is done or decided against. */
const CLOSED = new Set(['done', 'wont_do']);

/** A countermeasure whose `due` date has passed while it is still open. Silent without a known today. */
export const overdue = defineCheck({
  code: 'overdue',
  severity: DiagnosticSeverity.Warning,
  doc: {
    since: '1.1',
    when: 'a countermeasure not `done` or `wont_do` whose `due` date has passed',
    brief: 'an open countermeasure whose `due` date has passed',
  },
  check({ facts, settings, report }) {
    const today = settings.today;
    if (!today || !isDate(today)) return;
    for (const countermeasure of facts.countermeasures) {
      if (countermeasure.status !== undefined && CLOSED.has(countermeasure.status)) continue;
      const due = countermeasure.due;
      if (due && isDate(due.text) && due.text < today) report(due.node, 'check.overdue', [due.text, countermeasure.action, today]);
    }
  },
});

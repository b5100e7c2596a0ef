import { asScalar, childOf } from '../parse/tree';
import { isDate } from '../time';
import { DiagnosticSeverity, type Rule } from './rule';

/** Statuses that close an action item: nothing is overdue once it is done or decided against. */
const CLOSED = new Set(['done', 'wont_do']);

/** A countermeasure whose `due` date has passed while it is still open. Silent without a known today. */
export const overdue: Rule = {
  code: 'overdue',
  severity: DiagnosticSeverity.Warning,
  check({ facts, settings, report }) {
    const today = settings.today;
    if (!today || !isDate(today)) return;
    for (const countermeasure of facts.countermeasures) {
      if (countermeasure.status !== undefined && CLOSED.has(countermeasure.status)) continue;
      const node = asScalar(childOf(countermeasure.node, 'due'));
      const due = typeof node?.value === 'string' ? node.value : undefined;
      if (node && due && isDate(due) && due < today) report(node, 'check.overdue', [due, countermeasure.action, today]);
    }
  },
};

import { certainlyPrecedes } from '../time';
import { defineCheck, DiagnosticSeverity } from './rule';

export const periodOrder = defineCheck({
  code: 'period-order',
  severity: DiagnosticSeverity.Error,
  doc: {
    when: '`impact.period.end` certainly precedes its start',
    brief: '`impact.period.end` certainly precedes its start (a time without a zone is compared over every offset it could have)',
  },
  check({ facts, report }) {
    const start = facts.period?.start;
    const end = facts.period?.end;
    if (start?.time && end?.time && certainlyPrecedes(end.time, start.time)) {
      report(end.node, 'rule.periodOrder', [end.text, start.text]);
    }
  },
});

import { DiagnosticSeverity, type Rule } from './rule';

export const periodOrder: Rule = {
  code: 'period-order',
  severity: DiagnosticSeverity.Error,
  check({ facts, report }) {
    const start = facts.period?.start;
    const end = facts.period?.end;
    if (start?.time && end?.time && end.time.end <= start.time.start) {
      report(end.node, 'rule.periodOrder', [end.text, start.text]);
    }
  },
};

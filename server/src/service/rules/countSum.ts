import { DiagnosticSeverity, type Rule } from './rule';

/** Only exact counts are summed: `approximately` and `at_most` figures are not expected to add up. */
export const countSum: Rule = {
  code: 'count-sum',
  severity: DiagnosticSeverity.Warning,
  check({ facts, report }) {
    for (const count of facts.counts) {
      if (count.qualifier !== 'exact' || count.value === undefined || !count.valueNode || count.breakdown.length === 0) continue;
      if (count.breakdown.some((part) => part.value === undefined)) continue;
      const sum = count.breakdown.reduce((total, part) => total + (part.value ?? 0), 0);
      if (sum !== count.value) {
        report(count.valueNode, 'rule.countSum', [count.value, sum, count.label], { replacement: sum });
      }
    }
  },
};

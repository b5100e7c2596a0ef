import { defineCheck, DiagnosticSeverity } from './rule';

/** Two factors, or two countermeasures, share an id (the project configuration's scales report theirs too). */
export const duplicateId = defineCheck({
  code: 'duplicate-id',
  severity: DiagnosticSeverity.Error,
  doc: {
    when: 'two factors, or two countermeasures, share an id',
  },
  check({ facts, report }) {
    for (const [list, kind] of [
      [facts.factors, 'factor'],
      [facts.countermeasures, 'countermeasure'],
    ] as const) {
      const seen = new Set<string>();
      for (const item of list) {
        if (!item.id) continue;
        if (seen.has(item.id.id)) report(item.id.node, kind === 'factor' ? 'rule.duplicateFactorId' : 'rule.duplicateCountermeasureId', [item.id.id]);
        seen.add(item.id.id);
      }
    }
  },
});

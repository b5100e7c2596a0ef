import { defineCheck, DiagnosticSeverity } from './rule';

export const unknownFactor = defineCheck({
  code: 'unknown-factor',
  severity: DiagnosticSeverity.Error,
  check({ facts, report }) {
    const defined = new Set(facts.factors.flatMap((factor) => (factor.id ? [factor.id.id] : [])));
    const known = [...defined].join(', ');
    for (const countermeasure of facts.countermeasures) {
      for (const reference of countermeasure.addresses) {
        if (!defined.has(reference.id)) {
          report(reference.node, known ? 'rule.unknownFactor' : 'rule.unknownFactorNone', [reference.id, known]);
        }
      }
    }
  },
});

export const unaddressedFactor = defineCheck({
  code: 'unaddressed-factor',
  severity: DiagnosticSeverity.Warning,
  check({ facts, report }) {
    const addressed = new Set(facts.countermeasures.flatMap((countermeasure) => countermeasure.addresses.map((reference) => reference.id)));
    for (const factor of facts.factors) {
      // `accepted: <why>` is the team's decision to live with the risk: nothing to address.
      if (factor.accepted?.text.trim()) continue;
      if (factor.id && !addressed.has(factor.id.id)) report(factor.id.node, 'rule.unaddressedFactor', [factor.id.id]);
    }
  },
});

export const duplicateId = defineCheck({
  code: 'duplicate-id',
  severity: DiagnosticSeverity.Error,
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

import { defineCheck, DiagnosticSeverity } from './rule';

/** `addresses` names a factor id that `cause.factors` does not define. */
export const unknownFactor = defineCheck({
  code: 'unknown-factor',
  severity: DiagnosticSeverity.Error,
  doc: {
    when: '`addresses` names a factor id that `cause.factors` does not define',
  },
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

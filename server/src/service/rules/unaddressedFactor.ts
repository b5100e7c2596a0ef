import { defineCheck, DiagnosticSeverity } from './rule';

/** A cause factor that no countermeasure addresses and that is not `accepted`. */
export const unaddressedFactor = defineCheck({
  code: 'unaddressed-factor',
  severity: DiagnosticSeverity.Warning,
  doc: {
    when: 'a cause factor that no countermeasure addresses, unless it is `accepted` (**1.1**)',
    brief: 'a cause factor that no countermeasure addresses and that is not `accepted`',
  },
  check({ facts, report }) {
    const addressed = new Set(facts.countermeasures.flatMap((countermeasure) => countermeasure.addresses.map((reference) => reference.id)));
    for (const factor of facts.factors) {
      // `accepted: <why>` is the team's decision to live with the risk: nothing to address.
      if (factor.accepted?.text.trim()) continue;
      if (factor.id && !addressed.has(factor.id.id)) report(factor.id.node, 'rule.unaddressedFactor', [factor.id.id]);
    }
  },
});

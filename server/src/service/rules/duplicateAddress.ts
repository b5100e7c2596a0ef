import { DiagnosticSeverity, type Rule } from './rule';

/** The same factor twice in one `addresses` list says nothing more and hides a typo for another factor. */
export const duplicateAddress: Rule = {
  code: 'duplicate-address',
  severity: DiagnosticSeverity.Warning,
  check({ facts, report }) {
    for (const countermeasure of facts.countermeasures) {
      const seen = new Set<string>();
      for (const reference of countermeasure.addresses) {
        if (seen.has(reference.id)) report(reference.node, 'check.duplicateAddress', [reference.id]);
        seen.add(reference.id);
      }
    }
  },
};

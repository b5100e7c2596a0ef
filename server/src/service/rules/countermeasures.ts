import { asScalar, childOf } from '../parse/tree';
import { DiagnosticSeverity, type Rule } from './rule';

export const doneWithoutDate: Rule = {
  code: 'done-without-date',
  severity: DiagnosticSeverity.Warning,
  check({ facts, report }) {
    for (const countermeasure of facts.countermeasures) {
      if (countermeasure.status === 'done' && countermeasure.statusNode && countermeasure.date === undefined) {
        report(countermeasure.statusNode, 'rule.doneWithoutDate', [countermeasure.action]);
      }
    }
  },
};

export const insecureContact: Rule = {
  code: 'insecure-contact',
  severity: DiagnosticSeverity.Warning,
  check({ facts, report }) {
    const url = asScalar(childOf(childOf(facts.root, 'contact'), 'url'));
    // Only plain http is insecure: `mailto:` and `tel:` are good contacts, other schemes are the schema's business.
    if (url && typeof url.value === 'string' && /^http:/i.test(url.value)) {
      report(url, 'rule.insecureContact', [url.value]);
    }
  },
};

import { certainlyPrecedes } from '../time';
import { DiagnosticSeverity, type Rule } from './rule';

/** An event that ends (`until`) before it starts (`at`): usually the two were swapped. */
export const untilOrder: Rule = {
  code: 'until-order',
  severity: DiagnosticSeverity.Error,
  check({ facts, report }) {
    for (const event of facts.events) {
      const at = event.at;
      const until = event.until;
      if (at?.time && until?.time && certainlyPrecedes(until.time, at.time)) report(until.node, 'check.untilOrder', [until.text, at.text]);
    }
  },
};

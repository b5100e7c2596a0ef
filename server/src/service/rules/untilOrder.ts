import { certainlyPrecedes } from '../time';
import { timeOf } from './timelineOrder';
import { DiagnosticSeverity, type Rule } from './rule';

/** An event that ends (`until`) before it starts (`at`): usually the two were swapped. */
export const untilOrder: Rule = {
  code: 'until-order',
  severity: DiagnosticSeverity.Error,
  check({ facts, report }) {
    for (const event of facts.events) {
      const at = event.at;
      const until = event.until;
      if (at?.time && until?.time && certainlyPrecedes(timeOf(event, 'until'), timeOf(event))) report(until.node, 'check.untilOrder', [until.text, at.text]);
    }
  },
};

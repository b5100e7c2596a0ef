import { zoneFixes } from '../features/codeActions/mechanicalFixes';
import { asScalar, childOf } from '../parse/tree';
import { abbreviationZones } from '../util/zones';
import { defineCheck, DiagnosticSeverity } from './rule';

/**
 * `timezone: BST` and the like. The document is then read as having no zone (see facts), so no time
 * is silently shifted; the quick fixes offer the zones the abbreviation can mean.
 */
export const timezoneAbbreviation = defineCheck({
  code: 'timezone-abbreviation',
  severity: DiagnosticSeverity.Error,
  doc: {
    since: '1.1',
    when: '`timezone` is an abbreviation (`PST`, `CST`, `IST`, `BST`, `JST`, `CET`…); the document is then read as having no zone, never as the zone a library guesses (`BST` is Asia/Dhaka to ICU)',
    brief: '`timezone: BST` and the like: quick fixes offer the IANA zones it can mean',
  },
  fixes: zoneFixes,
  check({ facts, report }) {
    const node = asScalar(childOf(facts.root, 'timezone'));
    const zones = typeof node?.value === 'string' ? abbreviationZones(node.value) : undefined;
    if (node && zones?.[0]) report(node, 'check.timezoneAbbreviation', [String(node.value), zones.join(', '), zones[0]]);
  },
});

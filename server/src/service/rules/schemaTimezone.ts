import { isValidTimeZone } from '../time';
import { childOf, asScalar } from '../parse/tree';
import { abbreviationZones, closestZone } from '../util/zones';
import { zoneFixes } from '../features/codeActions/mechanicalFixes';
import { defineCheck, DiagnosticSeverity } from './rule';
import { SCHEMA_DOC } from './schema';

/** A `timezone` that is not an IANA zone name (abbreviations have their own check). */
export const schemaTimezone = defineCheck({
  code: 'schema-timezone',
  severity: DiagnosticSeverity.Error,
  doc: SCHEMA_DOC,
  data: ['replacement'],
  fixes: zoneFixes,
  check({ facts, report }) {
    const node = asScalar(childOf(facts.root, 'timezone'));
    if (!node || typeof node.value !== 'string' || node.value === '' || isValidTimeZone(node.value) || abbreviationZones(node.value)) return;
    const suggestion = closestZone(node.value);
    if (suggestion) report(node, 'check.unknownTimeZoneSuggest', [node.value, suggestion], { replacement: suggestion });
    else report(node, 'rule.unknownTimeZone', [node.value]);
  },
});

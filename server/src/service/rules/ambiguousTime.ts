import { formatOffset, zoneOffsetAtWallTime } from '../time';
import { childOf, stringValue } from '../parse/tree';
import { zoneOfLanguage } from '../util/zones';
import { timezoneFixes } from '../features/codeActions/missingFixes';
import { defineCheck, DiagnosticSeverity } from './rule';

/** A time with a clock part, no offset and no document `timezone`: its instant is unknown. */
export const ambiguousTime = defineCheck({
  code: 'ambiguous-time',
  severity: DiagnosticSeverity.Warning,
  doc: {
    when: 'a time with a clock part, no offset, and no document `timezone`',
    brief: 'a time with a clock part, no offset and no document `timezone` (dates need no zone)',
  },
  // One zone for the document answers every one of its findings.
  fixAll: (fix, diagnostics) => timezoneFixes(fix).map((each) => ({ fix: each, diagnostics })),
  check({ facts, report }) {
    // A `timezone` that is there but wrong has its own finding; one per time on top would bury it.
    if (facts.zone || stringValue(childOf(facts.root, 'timezone'))) return;
    // The example zone follows the document's language (`ja`: Asia/Tokyo), else UTC: no guessing.
    const zone = zoneOfLanguage(facts.language) ?? 'UTC';
    for (const fact of facts.times) {
      if (!fact.time || !fact.time.hasClock || fact.time.writtenOffset !== undefined) continue;
      const offset = formatOffset(zoneOffsetAtWallTime(zone, fact.time.start));
      report(fact.node, 'rule.ambiguousTime', [fact.text, zone, offset]);
    }
  },
});

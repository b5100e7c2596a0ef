import { formatOffset, instantOf, isValidTimeZone, parseTime, TIME_UNITS, zoneOffsetAtWallTime } from '../time';
import { earliestOfKind } from '../model/facts';
import { childOf, asScalar, stringValue } from '../parse/tree';
import { abbreviationZones, closestZone, zoneOfLanguage } from '../util/zones';
import { zoneFixes } from '../features/codeActions/mechanicalFixes';
import { timezoneFixes } from '../features/codeActions/missingFixes';
import { enumFix } from '../features/codeActions/valueFixes';
import { defineCheck, DiagnosticSeverity } from './rule';

export const ambiguousTime = defineCheck({
  code: 'ambiguous-time',
  severity: DiagnosticSeverity.Warning,
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

/**
 * A date, time, URL, e-mail address or id in the wrong format: the schema's finding, where a
 * repaired time (`2021-06-30 12:00` → `…T12:00`) travels in `replacement` as an enum's closest
 * value does. The schema's pattern lets `2021-02-30` through; the calendar does not: that is
 * this check's own detection.
 */
export const schemaFormat = defineCheck({
  code: 'schema-format',
  severity: DiagnosticSeverity.Error,
  data: ['replacement'],
  fixes: enumFix,
  check({ facts, report }) {
    const shape = /^\d{4}-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?$/;
    for (const fact of facts.times) {
      if (!fact.time && shape.test(fact.text)) report(fact.node, 'rule.invalidTime', [fact.text]);
    }
  },
});

/** A `timezone` that is not an IANA zone name (abbreviations have their own check). */
export const schemaTimezone = defineCheck({
  code: 'schema-timezone',
  severity: DiagnosticSeverity.Error,
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

export const disclosureLag = defineCheck({
  code: 'disclosure-lag',
  severity: DiagnosticSeverity.Information,
  check({ facts, settings, report }) {
    const detected = earliestOfKind(facts.events, 'detected');
    const published = facts.published && parseTime(facts.published.text, facts.zone);
    if (!detected?.at?.time || !published || !facts.published) return;
    const lagDays = (instantOf(published) - instantOf(detected.at.time)) / TIME_UNITS.DAY;
    if (lagDays > settings.disclosureDeadlineDays) {
      report(facts.published.node, 'rule.disclosureLag', [Math.floor(lagDays), settings.disclosureDeadlineDays, detected.at.text]);
    }
  },
});

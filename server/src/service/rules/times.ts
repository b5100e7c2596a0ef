import { formatOffset, instantOf, isValidTimeZone, parseTime, TIME_UNITS, zoneOffsetAtWallTime } from '../time';
import { earliestOfKind } from '../model/facts';
import { childOf, asScalar, stringValue } from '../parse/tree';
import { abbreviationZones, closestZone, zoneOfLanguage } from '../util/zones';
import { DiagnosticSeverity, type Rule } from './rule';

export const ambiguousTime: Rule = {
  code: 'ambiguous-time',
  severity: DiagnosticSeverity.Warning,
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
};

/** The schema's pattern lets `2021-02-30` through; the calendar does not. */
export const impossibleTime: Rule = {
  code: 'schema-format',
  severity: DiagnosticSeverity.Error,
  check({ facts, report }) {
    const shape = /^\d{4}-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?$/;
    for (const fact of facts.times) {
      if (!fact.time && shape.test(fact.text)) report(fact.node, 'rule.invalidTime', [fact.text]);
    }
  },
};

export const unknownTimeZone: Rule = {
  code: 'schema-timezone',
  severity: DiagnosticSeverity.Error,
  check({ facts, report }) {
    const node = asScalar(childOf(facts.root, 'timezone'));
    if (!node || typeof node.value !== 'string' || node.value === '' || isValidTimeZone(node.value) || abbreviationZones(node.value)) return;
    const suggestion = closestZone(node.value);
    if (suggestion) report(node, 'check.unknownTimeZoneSuggest', [node.value, suggestion], { replacement: suggestion });
    else report(node, 'rule.unknownTimeZone', [node.value]);
  },
};

export const disclosureLag: Rule = {
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
};

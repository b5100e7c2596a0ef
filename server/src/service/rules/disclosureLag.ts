import { instantOf, parseTime, TIME_UNITS } from '../time';
import { earliestOfKind } from '../model/facts';
import { defineCheck, DiagnosticSeverity } from './rule';

/** `published` more than the deadline (a setting) after the first `detected` event. */
export const disclosureLag = defineCheck({
  code: 'disclosure-lag',
  severity: DiagnosticSeverity.Information,
  doc: {
    when: '`published` is more than N days after the first `detected` event (setting, default 30 — the span Japan gives a carrier for its detailed report to the regulator on a telecom-secrecy leak)',
    brief: '`published` is more than the deadline (setting) after the first `detected` event',
  },
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

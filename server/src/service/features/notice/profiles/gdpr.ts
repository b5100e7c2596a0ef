import { createLocalizer } from '../../../l10n';
import { daysLeft } from '../../../regulatory/engine';
import { formatSpan, zoneLabel } from '../../../views/format';
import type { Block } from '../outline';
import { contactText, entryNote, personCounts, ProfileWriter, text, type Field, type ProfileInput } from './common';
import { consequences, dataItems, personsField } from './fields';

/**
 * GDPR Art. 33: the notification's contents under Art. 33(3)(a)–(d) in English, each filled from
 * the document or "Not stated", and, when the deadline engine finds the notification later than 72
 * hours after awareness, the Art. 33(1) reasons for the delay.
 */
export function gdprProfile(input: ProfileInput): Block[] {
  const { facts } = input;
  const l10n = createLocalizer('en');
  const out = new ProfileWriter(l10n, facts.zone);
  out.header('profile.title.gdpr', input, zoneLabel(facts.zone, l10n));
  out.reports('gdpr', l10n.t('reg.name.gdpr'), input);

  const persons = personCounts(facts);
  const records = facts.counts.filter((count) => !persons.includes(count));
  out.section(l10n.t('profile.gdpr.nature'), [
    { label: l10n.t('profile.gdpr.description'), text: text(facts, 'overview') },
    { label: l10n.t('profile.gdpr.period'), text: out.period(facts) },
    { label: l10n.t('profile.gdpr.awareness'), text: out.firstEvent(facts, 'detected') },
    personsField(out, input, l10n.t('profile.gdpr.subjects')),
    dataItems(out, input, l10n.t('profile.gdpr.dataCategories')),
    // Counts that are not of persons (files, messages) are the nearest the document has to records.
    { label: l10n.t('profile.gdpr.records'), items: persons.length > 0 ? out.counts(records) : [] },
  ]);
  out.section(l10n.t('profile.gdpr.contact'), [{ text: contactText(facts) }]);
  out.section(l10n.t('profile.gdpr.consequences'), consequences(input));
  out.section(l10n.t('profile.gdpr.measures'), [
    { label: l10n.t('profile.gdpr.taken'), items: out.events(facts, ['responded', 'mitigated', 'resolved', 'notified']) },
    { label: l10n.t('profile.gdpr.proposed'), items: out.countermeasures(facts.countermeasures) },
  ]);
  out.section(l10n.t('profile.gdpr.delay'), delayFields(out, input));
  return out.blocks;
}

/** Art. 33(1): only a late (or overdue) notification needs reasons; the entry's `note` may give them. */
function delayFields(out: ProfileWriter, input: ProfileInput): Field[] {
  const { l10n } = out;
  for (const analysis of input.analyses) {
    if (analysis.entry.regime?.text !== 'gdpr' || !analysis.entry.reportable) continue;
    const status = analysis.stages.find((stage) => stage.stage.id === 'notification');
    const limit = status?.limits.at(-1);
    if (!status || !limit) continue;
    const reasons = { text: l10n.t('profile.gdpr.reasons', entryNote(analysis.entry.node) ?? l10n.t('profile.notStated')) };
    const at = status.report?.at?.time;
    if (at && status.late && status.clock) {
      const made = out.time(at) ?? '';
      return [{ text: l10n.t('profile.gdpr.late', made, formatSpan(at.start - status.clock.instant, l10n), status.clock.text, limit.dueText) }, reasons];
    }
    if (!status.report && input.today !== undefined && daysLeft(limit, input.today) < 0) return [{ text: l10n.t('profile.gdpr.overdue', limit.dueText) }, reasons];
    if (at) return [{ text: l10n.t('profile.gdpr.inTime') }];
  }
  return [{ text: l10n.t('profile.gdpr.unknown') }];
}

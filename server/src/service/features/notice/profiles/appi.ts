import { createLocalizer } from '../../../l10n';
import { zoneLabel } from '../../../views/format';
import type { Block } from '../outline';
import { contactText, ProfileWriter, text, type ProfileInput } from './common';
import { consequences, dataItems, otherLines, personsField, publication } from './fields';

/**
 * 個人情報保護法 26条の報告（施行規則 8条1項）: its nine items in the rule's order, in Japanese,
 * each filled from the document or left 「未記入」 for the preparer. The header gives the regime's
 * reports and deadlines (速報・確報) from the deadline engine.
 */
export function appiProfile(input: ProfileInput): Block[] {
  const { facts } = input;
  const l10n = createLocalizer('ja');
  const out = new ProfileWriter(l10n, facts.zone);
  out.header('profile.title.appi', input, zoneLabel(facts.zone, l10n));
  out.reports('appi', l10n.t('reg.name.appi'), input);

  out.item('profile.appi.overview', [
    { label: l10n.t('profile.appi.occurred'), text: out.firstEvent(facts, 'occurred') ?? out.time(facts.period?.start?.time) },
    { label: l10n.t('profile.appi.detected'), text: out.firstEvent(facts, 'detected') },
    { label: l10n.t('profile.appi.period'), text: out.period(facts) },
    { label: l10n.t('profile.appi.summary'), text: text(facts, 'overview') },
  ]);
  out.item('profile.appi.items', [dataItems(out, input)]);
  out.item('profile.appi.persons', [personsField(out, input)]);
  const trigger = text(facts, 'cause', 'trigger');
  out.item('profile.appi.cause', [
    { text: text(facts, 'cause', 'summary') },
    { label: l10n.t('profile.appi.factors'), items: facts.factors.map((factor) => factor.description).filter(Boolean) },
    ...(trigger ? [{ label: l10n.t('profile.appi.trigger'), text: trigger }] : []),
  ]);
  out.item('profile.appi.secondary', consequences(input));
  out.item('profile.appi.response', [{ items: out.events(facts, ['notified']) }]);
  out.item('profile.appi.publication', publication(out, input, l10n.t('profile.appi.published'), l10n.t('profile.appi.revisions')));
  out.item('profile.appi.prevention', [{ items: out.countermeasures(facts.countermeasures) }]);
  out.item('profile.appi.other', [
    { label: l10n.t('profile.appi.otherReports'), items: out.otherReports('appi', input) },
    { items: otherLines(out, input, 'appi', contactText(facts)) },
  ]);
  return out.blocks;
}

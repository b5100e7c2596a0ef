import { createLocalizer } from '../../../l10n';
import { earliestOfKind } from '../../../model/facts';
import { stageLabel } from '../../../regulatory/describe';
import { formatSpan, zoneLabel } from '../../../views/format';
import type { Block } from '../outline';
import { contactText, ProfileWriter, text, type ProfileInput } from './common';
import { consequences, otherLines, personsField, publication } from './fields';

/** The regulator reads times in Japan time, whatever zone the postmortem was written in. */
const JAPAN = 'Asia/Tokyo';

/**
 * 電気通信事業法 28条の事故報告（施行規則 57条）: the report form's items in Japanese, times in Japan
 * time, each filled from the document or left 「未記入」. The header gives 速報・詳細報告 and their
 * deadlines from the deadline engine.
 */
export function telecomProfile(input: ProfileInput): Block[] {
  const { facts } = input;
  const l10n = createLocalizer('ja');
  const out = new ProfileWriter(l10n, JAPAN);
  out.header('profile.title.telecom-jp', input, zoneLabel(JAPAN, l10n));
  out.reports('telecom-jp', l10n.t('reg.name.telecom-jp'), input);

  const reports = input.analyses.filter((analysis) => analysis.entry.regime?.text === 'telecom-jp').flatMap((analysis) => analysis.entry.reports);
  out.item('profile.telecom.reported', [
    {
      items: reports.flatMap((report) => {
        if (!report.at?.time) return [];
        const when = out.time(report.at.time) ?? report.at.text;
        const stage = report.stage ? stageLabel(report.stage.text, l10n) : '';
        return [report.to ? l10n.t('notice.text.paren', `${when} ${stage}`.trim(), report.to.text) : `${when} ${stage}`.trim()];
      }),
    },
  ]);
  // Start and end: the first `occurred` event and the end of the impact, else the period and the
  // first `resolved` event: the outage as the users lived it.
  const start = earliestOfKind(facts.events, 'occurred')?.at?.time ?? facts.period?.start?.time;
  const end = facts.period?.end?.time ?? earliestOfKind(facts.events, 'resolved')?.at?.time;
  out.item('profile.telecom.occurred', [{ text: out.time(start) }]);
  out.item('profile.telecom.recovered', [{ text: out.time(end) }]);
  const endInstant = end ? (end.precision === 'day' || end.precision === 'month' ? end.end : end.start) : undefined;
  out.item('profile.telecom.duration', [{ text: start && endInstant !== undefined && endInstant > start.start ? formatSpan(endInstant - start.start, l10n) : undefined }]);
  out.item('profile.telecom.place', [{ items: facts.regions.map((region) => region.text) }]);
  out.item('profile.telecom.services', [{ items: facts.services.map((service) => service.text) }]);
  out.item('profile.telecom.scope', consequences(input));
  out.item('profile.telecom.users', [personsField(out, input)]);
  const trigger = text(facts, 'cause', 'trigger');
  out.item('profile.telecom.cause', [
    { text: text(facts, 'cause', 'summary') },
    { label: l10n.t('profile.appi.factors'), items: facts.factors.map((factor) => factor.description).filter(Boolean) },
    ...(trigger ? [{ label: l10n.t('profile.appi.trigger'), text: trigger }] : []),
  ]);
  out.item('profile.telecom.actions', [{ items: out.events(facts, ['responded', 'mitigated', 'resolved']) }]);
  out.item('profile.telecom.prevention', [{ items: out.countermeasures(facts.countermeasures) }]);
  out.item('profile.telecom.notice', [{ items: out.events(facts, ['notified']) }, ...publication(out, input, l10n.t('profile.appi.published'), l10n.t('profile.appi.revisions'))]);
  out.item('profile.telecom.other', [
    { label: l10n.t('profile.appi.otherReports'), items: out.otherReports('telecom-jp', input) },
    { items: otherLines(out, input, 'telecom-jp', contactText(facts)) },
  ]);
  return out.blocks;
}

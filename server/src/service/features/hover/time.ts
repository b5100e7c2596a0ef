import type { Localizer } from '../../l10n';
import type { PostmortemFacts } from '../../model/facts';
import type { YScalar } from '../../parse/tree';
import { formatDuration, formatInstant, formatOffset, formatRelative, parseTime, TIME_UNITS, zoneOffsetAtInstant, type ParsedTime } from '../../time';

/**
 * A time as a reader of the notice needs it: the instant in the document's zone and in UTC, the
 * period a reduced-precision time names, and how far it is from the impact start.
 */
export function timeHover(l10n: Localizer, facts: PostmortemFacts, node: YScalar): string {
  const text = String(node.value);
  const time = parseTime(text, facts.zone);
  if (!time) return l10n.t('hover.time.invalid', text);
  const lines = [`**${text}**`, '', ...instantLines(l10n, facts, time)];

  const start = facts.period?.start;
  if (start?.time) {
    lines.push('');
    if (start.node === node) lines.push(l10n.t('hover.time.isImpactStart', formatRelative(0)));
    else lines.push(l10n.t('hover.time.relative', formatRelative(time.start - start.time.start), start.text));
  }
  const event = facts.events.find((candidate) => candidate.until?.node === node);
  if (event?.at?.time) lines.push('', l10n.t('hover.time.lasts', formatDuration(time.start - event.at.time.start), event.at.text));
  if (facts.period?.end?.node === node && start?.time) lines.push('', l10n.t('hover.time.impactLasted', formatDuration(time.start - start.time.start)));
  return lines.join('\n');
}

function instantLines(l10n: Localizer, facts: PostmortemFacts, time: ParsedTime): string[] {
  const utc = (instant: number) => formatInstant(instant, undefined, time.precision);
  if (!time.hasClock) {
    const what = time.precision === 'month' ? l10n.t('hover.time.wholeMonth', time.text) : l10n.t('hover.time.wholeDay', time.text);
    // A calendar period only becomes a span of instants once a zone says where the day was.
    if (!facts.zone) return [l10n.t('hover.time.periodNoZone', what)];
    return [l10n.t('hover.time.periodInZone', what, facts.zone, formatInstant(time.start, undefined, 'minute'), formatInstant(time.end, undefined, 'minute'))];
  }
  if (!time.zoneKnown) return [l10n.t('hover.time.instantNoZone', utc(time.start)), '', `⚠️ ${l10n.t('hover.time.ambiguous')}`];
  const zone = facts.zone ?? writtenZone(time.writtenOffset ?? 0);
  const offset = formatOffset(zoneOffsetAtInstant(zone, time.start));
  const label = /^[+-]\d{2}:\d{2}$/.test(zone) ? zone : `${zone}, ${offset}`;
  return [l10n.t('hover.time.instant', formatInstant(time.start, zone, time.precision), label, utc(time.start))];
}

/** `Z` reads best as UTC; any other written offset is its own fixed zone. */
function writtenZone(offsetMinutes: number): string {
  return offsetMinutes === 0 ? 'UTC' : formatOffset(offsetMinutes * TIME_UNITS.MINUTE);
}

import type { Localizer } from '../../l10n';
import { DAY, formatSpan, formatTime } from '../../views/format';
import type { Disclosure, DurationKey, EventKind, KeyDuration, Language, TimelineEvent, TimeView } from '../../views/model';

export interface DurationInput {
  events: readonly TimelineEvent[];
  impactStart: TimeView | undefined;
  /** The notice's publication: the `published` date, else the first `published` event. */
  published: { time: TimeView; id: string } | undefined;
  deadlineDays: number;
  zone: string | undefined;
  l10n: Localizer;
}

interface Point {
  time: TimeView;
  id: string;
  approximate?: boolean;
}

/**
 * The spec's key durations. "First" means earliest in time, not first in the list: a timeline
 * out of order already gets its own warning, and the durations should not be wrong on top of it.
 * Durations run between period starts, as the spec says.
 */
export function keyDurations(input: DurationInput): { durations: KeyDuration[]; disclosure: Disclosure } {
  const { l10n } = input;
  const first = firstOfKinds(input.events);
  const impact: Point | undefined = input.impactStart ? { time: input.impactStart, id: 'impact' } : undefined;
  const detected = first.get('detected');
  const disclosure = disclosureOf(detected, input.published, input.deadlineDays, input.zone, l10n);
  const spans: [DurationKey, Point | undefined, Point | undefined][] = [
    ['detect', impact, detected],
    ['mitigate', impact, first.get('mitigated')],
    ['resolve', impact, first.get('resolved')],
    ['notify', detected, first.get('notified')],
    ['disclose', detected, input.published],
  ];
  const durations = spans.map(([key, from, to]): KeyDuration => {
    const ms = from && to ? to.time.instant - from.time.instant : undefined;
    const approximate = ms !== undefined && Boolean(from?.approximate || to?.approximate);
    const span = ms === undefined ? l10n.t('notice.duration.none') : formatSpan(ms, l10n);
    return {
      key,
      label: l10n.t(`notice.duration.${key}`),
      ms,
      text: approximate ? l10n.t('notice.qualifier.approximately', span) : span,
      fromId: from?.id,
      toId: to?.id,
      late: key === 'disclose' && disclosure.late,
      approximate,
    };
  });
  return { durations, disclosure };
}

/** Earliest per kind, ties to the first in the list: the same reading as `earliestOfKind` in model/facts.ts, which the `disclosure-lag` rule uses. */
function firstOfKinds(events: readonly TimelineEvent[]): Map<EventKind, Point> {
  const first = new Map<EventKind, Point>();
  for (const event of events) {
    if (!event.at) continue;
    const known = first.get(event.kind);
    if (!known || event.at.instant < known.time.instant) first.set(event.kind, { time: event.at, id: event.id, approximate: event.approximate });
  }
  return first;
}

function disclosureOf(detected: Point | undefined, published: Point | undefined, days: number, zone: string | undefined, l10n: Localizer): Disclosure {
  if (!detected) return { deadlineDays: days, deadline: undefined, lagDays: undefined, late: false, text: l10n.t('notice.deadline.noDetection', days) };
  const language = l10n.locale as Language;
  const instant = detected.time.instant + days * DAY;
  const precision = detected.time.precision === 'month' ? 'day' : detected.time.precision;
  const deadline: TimeView = { instant, end: instant, precision, text: formatTime(instant, precision, zone, language), zoneKnown: detected.time.zoneKnown };
  if (!published) return { deadlineDays: days, deadline, lagDays: undefined, late: false, text: l10n.t('notice.deadline.pending', days, deadline.text) };
  // The same arithmetic as the `disclosure-lag` rule, so the preview and the diagnostic agree.
  const lag = (published.time.instant - detected.time.instant) / DAY;
  const lagDays = Math.floor(lag);
  const late = lag > days;
  const text = late ? l10n.t('notice.deadline.late', lagDays, days, lagDays - days) : l10n.t('notice.deadline.within', days, deadline.text);
  return { deadlineDays: days, deadline, lagDays, late, text };
}

import type { EventFact, TimeFact } from '../model/facts';
import { approximately, certainlyPrecedes, type ParsedTime } from '../time';
import { defineCheck, DiagnosticSeverity } from './rule';

/**
 * An event is out of order only when it certainly precedes the one before it: its whole period ends
 * before that event's period starts. `2020-10-28` after `2020-10-28T20:47` is therefore in order,
 * and a time without a zone is compared over every offset it could have.
 */
export const timelineOrder = defineCheck({
  code: 'timeline-order',
  severity: DiagnosticSeverity.Warning,
  doc: {
    when: 'an event certainly precedes the one before it: the whole period its precision names ends before that event\'s period starts (so `2020-10-28` after `2020-10-28T20:47` is fine, as in the seeds)',
    brief: 'an event certainly precedes the one before it (whole periods: `2020-10-28` after `2020-10-28T20:47` is fine)',
  },
  check({ facts, report }) {
    for (const [at, previous] of outOfOrder(facts.events)) report(at.node, 'rule.timelineOrder', [at.text, previous.text]);
  },
});

/** Each event's `at` that certainly precedes the `at` of the timed event above it. */
export function outOfOrder(events: readonly EventFact[]): [TimeFact, TimeFact][] {
  // A plain loop over the previous fact itself, not a copy: this runs over every event per keystroke.
  const found: [TimeFact, TimeFact][] = [];
  let previous: TimeFact | undefined;
  let previousTime: ParsedTime | undefined;
  for (const event of events) {
    const at = event.at;
    if (at?.time === undefined) continue;
    const time = event.approximate ? approximately(at.time) : at.time;
    if (previous !== undefined && previousTime !== undefined && certainlyPrecedes(time, previousTime)) found.push([at, previous]);
    previous = at;
    previousTime = time;
  }
  return found;
}

/** An event's `at` as the ordering checks see it: widened when it is only "around" that time. */
export function timeOf(event: EventFact, which: 'at' | 'until' = 'at'): ParsedTime {
  const time = event[which]?.time as ParsedTime;
  return event.approximate ? approximately(time) : time;
}

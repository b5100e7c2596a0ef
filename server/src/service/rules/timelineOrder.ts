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
  check({ facts, report }) {
    for (const [at, previous] of outOfOrder(facts.events)) report(at.node, 'rule.timelineOrder', [at.text, previous.text]);
  },
});

/** Each event's `at` that certainly precedes the `at` of the timed event above it. */
export function* outOfOrder(events: readonly EventFact[]): Generator<[TimeFact, TimeFact]> {
  // The previous event itself, not a copy: this loop runs over every event per keystroke.
  let previous: EventFact | undefined;
  for (const event of events) {
    if (!event.at?.time) continue;
    if (previous?.at?.time && certainlyPrecedes(timeOf(event), timeOf(previous))) yield [event.at, previous.at];
    previous = event;
  }
}

/** An event's `at` as the ordering checks see it: widened when it is only "around" that time. */
export function timeOf(event: EventFact, which: 'at' | 'until' = 'at'): ParsedTime {
  const time = event[which]?.time as ParsedTime;
  return event.approximate ? approximately(time) : time;
}

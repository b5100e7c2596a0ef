import type { EventFact, TimeFact } from '../model/facts';
import { certainlyPrecedes } from '../time';
import { DiagnosticSeverity, type Rule } from './rule';

/**
 * An event is out of order only when it certainly precedes the one before it: its whole period ends
 * before that event's period starts. `2020-10-28` after `2020-10-28T20:47` is therefore in order,
 * and a time without a zone is compared over every offset it could have.
 */
export const timelineOrder: Rule = {
  code: 'timeline-order',
  severity: DiagnosticSeverity.Warning,
  check({ facts, report }) {
    for (const [at, previous] of outOfOrder(facts.events)) report(at.node, 'rule.timelineOrder', [at.text, previous.text]);
  },
};

/** Each event's `at` that certainly precedes the `at` of the timed event above it. */
export function* outOfOrder(events: readonly EventFact[]): Generator<[TimeFact, TimeFact]> {
  // The previous event's time fact itself, not a copy: this loop runs over every event per keystroke.
  let previous: TimeFact | undefined;
  for (const event of events) {
    const at = event.at;
    if (!at?.time) continue;
    if (previous?.time && certainlyPrecedes(at.time, previous.time)) yield [at, previous];
    previous = at;
  }
}

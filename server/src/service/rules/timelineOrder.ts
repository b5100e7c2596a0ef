import { certainlyPrecedes, type ParsedTime } from '../time';
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
    // The previous event's time fact itself, not a copy: this loop runs over every event per keystroke.
    let previous: { time?: ParsedTime | undefined; text: string } | undefined;
    for (const event of facts.events) {
      const time = event.at?.time;
      if (!event.at || !time) continue;
      if (previous?.time && certainlyPrecedes(time, previous.time)) {
        report(event.at.node, 'rule.timelineOrder', [event.at.text, previous.text]);
      }
      previous = event.at;
    }
  },
};

import { certainlyPrecedes } from '../time';
import { timeOf } from './timelineOrder';
import { defineCheck, DiagnosticSeverity } from './rule';

/**
 * A `detected` event that certainly precedes the start of the impact: the preview would show a
 * negative time to detect. Either the period starts too late or the event is not the detection.
 */
export const detectedBeforeImpact = defineCheck({
  code: 'detected-before-impact',
  severity: DiagnosticSeverity.Warning,
  doc: {
    since: '1.1',
    when: 'a `detected` event certainly precedes `impact.period.start` (a negative time to detect)',
    brief: 'a `detected` event before the impact started (a negative time to detect)',
  },
  check({ facts, report }) {
    const start = facts.period?.start;
    if (!start?.time) return;
    for (const event of facts.events) {
      if (event.kind === 'detected' && event.at?.time && certainlyPrecedes(timeOf(event), start.time)) {
        report(event.at.node, 'check.detectedBeforeImpact', [event.at.text, start.text]);
      }
    }
  },
});

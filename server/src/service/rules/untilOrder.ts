import type { Diagnostic } from 'vscode-languageserver-types';
import { startOffset, type Fix, type FixContext } from '../features/codeActions/fix';
import { innerSpan } from '../parse/scan/layout';
import { factsOf } from '../model/facts';
import { certainlyPrecedes } from '../time';
import { timeOf } from './timelineOrder';
import { defineCheck, DiagnosticSeverity } from './rule';

/** An event that ends (`until`) before it starts (`at`): usually the two were swapped. */
export const untilOrder = defineCheck({
  code: 'until-order',
  severity: DiagnosticSeverity.Error,
  doc: {
    since: '1.1',
    when: 'an event\'s `until` certainly precedes its `at`',
    brief: 'an event\'s `until` is before its `at` (quick fix: swap them)',
  },
  check({ facts, report }) {
    for (const event of facts.events) {
      const at = event.at;
      const until = event.until;
      if (at?.time && until?.time && certainlyPrecedes(timeOf(event, 'until'), timeOf(event))) report(until.node, 'check.untilOrder', [until.text, at.text]);
    }
  },
  fixes: swapUntil,
});

/** The two times were most likely written the wrong way round: swap them. */
function swapUntil({ parsed, service }: FixContext, diagnostic: Diagnostic): Fix[] {
  const start = startOffset(parsed, diagnostic);
  const event = factsOf(parsed).events.find((candidate) => candidate.until?.node.start === start);
  if (!event?.at || !event.until) return [];
  const at = innerSpan(event.at.node, parsed.text);
  const until = innerSpan(event.until.node, parsed.text);
  const text = (span: { start: number; end: number }) => parsed.text.slice(span.start, span.end);
  return [{ title: service.l10n.t('action.swapUntil'), edits: [{ ...at, text: text(until) }, { ...until, text: text(at) }], preferred: true }];
}

import type { Diagnostic } from 'vscode-languageserver-types';
import { startOffset, type Fix, type FixContext, type OffsetEdit } from '../features/codeActions/fix';
import { nextLineStart } from '../parse/scan/layout';
import { factsOf } from '../model/facts';
import { childOf } from '../parse/tree';
import { defineCheck, DiagnosticSeverity } from './rule';

/** The same factor twice in one `addresses` list says nothing more and hides a typo for another factor. */
export const duplicateAddress = defineCheck({
  code: 'duplicate-address',
  severity: DiagnosticSeverity.Warning,
  doc: {
    since: '1.1',
    when: 'the same factor id twice in one `addresses`',
    brief: 'the same factor twice in one `addresses` (quick fix: remove the repeat)',
  },
  check({ facts, report }) {
    for (const countermeasure of facts.countermeasures) {
      const seen = new Set<string>();
      for (const reference of countermeasure.addresses) {
        if (seen.has(reference.id)) report(reference.node, 'check.duplicateAddress', [reference.id]);
        seen.add(reference.id);
      }
    }
  },
  fixes: removeRepeat,
});

/** Drop the repeated id, with its comma in a flow list or its line in a block list. */
function removeRepeat({ parsed, service }: FixContext, diagnostic: Diagnostic): Fix[] {
  const start = startOffset(parsed, diagnostic);
  for (const countermeasure of factsOf(parsed).countermeasures) {
    const seq = childOf(countermeasure.node, 'addresses');
    if (seq?.kind !== 'seq') continue;
    const index = seq.items.findIndex((item) => item.start === start);
    const item = seq.items[index];
    const previous = seq.items[index - 1];
    if (!item || !previous) continue;
    const id = parsed.text.slice(item.start, item.end);
    const edit: OffsetEdit = seq.flow ? { start: previous.end, end: item.end, text: '' } : { start: parsed.lines.lineStart(parsed.lines.positionAt(item.start).line), end: nextLineStart(parsed, item.end), text: '' };
    return [{ title: service.l10n.t('action.removeRepeat', id), edits: [edit], preferred: true }];
  }
  return [];
}


import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import type { ServiceContext } from '../context';
import type { ParsedPostmortem } from '../parse/parse';
import { SOURCE } from '../rules/rule';
import { dataOf, toCodeAction, type Fix, type FixContext } from './codeActions/fix';
import { allRequiredFix, doneDateFix, requiredFix, timezoneFixes } from './codeActions/missingFixes';
import { parityFix } from './codeActions/parityFix';
import { sortTimelineEdit } from './codeActions/sortTimeline';
import { countSumFixes, enumFix, httpsFix, unknownKeyFix } from './codeActions/valueFixes';

/** The kind of the file-wide "Sort timeline" source action (not shown in the light bulb). */
export const SORT_TIMELINE_KIND = 'source.sortTimeline';

type PerDiagnostic = (fix: FixContext, diagnostic: Diagnostic) => Fix[];

const PER_DIAGNOSTIC: Record<string, PerDiagnostic> = {
  'count-sum': countSumFixes,
  'schema-enum': enumFix,
  'unknown-severity': enumFix,
  'unknown-category': enumFix,
  'unknown-rule': unknownKeyFix,
  'schema-unknown-key': unknownKeyFix,
  'schema-required': requiredFix,
  'done-without-date': doneDateFix,
  'insecure-contact': httpsFix,
  'parity-mismatch': parityFix,
};

export function createCodeActions(context: ServiceContext) {
  return {
    /**
     * Quick fixes for the diagnostics the editor passes in (they may come from an older version
     * of the document, so every fix re-finds its node in this parse), plus the "Sort timeline"
     * source action whenever the timeline is out of order. Edits are keyed by `parsed.uri`.
     */
    provideCodeActions(parsed: ParsedPostmortem, _range: Range, diagnostics: Diagnostic[]): CodeAction[] {
      const fix: FixContext = { parsed, service: context };
      const ours = diagnostics.filter((diagnostic) => diagnostic.source === undefined || diagnostic.source === SOURCE);
      const withCode = (code: string) => ours.filter((diagnostic) => diagnostic.code === code);
      const actions: CodeAction[] = [];

      // One sort (or one pair of zones) answers every diagnostic of its code at once.
      const outOfOrder = withCode('timeline-order');
      const sort = sortTimelineEdit(parsed);
      const sortTitle = context.l10n.t('action.sortTimeline');
      if (sort && outOfOrder.length > 0) actions.push(toCodeAction(parsed, { title: sortTitle, edits: [sort], preferred: true }, outOfOrder));

      const ambiguous = withCode('ambiguous-time');
      if (ambiguous.length > 0) for (const zoneFix of timezoneFixes(fix)) actions.push(toCodeAction(parsed, zoneFix, ambiguous));

      for (const diagnostic of ours) {
        const builder = PER_DIAGNOSTIC[String(diagnostic.code)];
        if (builder) for (const each of builder(fix, diagnostic)) actions.push(toCodeAction(parsed, each, [diagnostic]));
      }

      const missing = withCode('schema-required');
      const all = allRequiredFix(fix, missing);
      if (all) actions.push(toCodeAction(parsed, all, missing.filter((diagnostic) => dataOf(diagnostic).path?.length === 0)));

      if (sort && outOfOrder.length === 0) actions.push(toCodeAction(parsed, { title: sortTitle, edits: [sort], kind: SORT_TIMELINE_KIND }, []));
      return actions;
    },
  };
}

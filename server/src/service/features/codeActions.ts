import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import type { SnippetSupport } from '../util/snippet';
import type { ServiceContext } from '../context';
import type { ParsedPostmortem } from '../parse/parse';
import { factsOf } from '../model/facts';
import { asMap, pairOf } from '../parse/tree';
import { CHECKS, checkOf } from '../rules';
import { SOURCE } from '../rules/rule';
import { outOfOrder as outOfOrderEvents, timelineOrder } from '../rules/timelineOrder';
import { contentEnd } from '../parse/scan/layout';
import { dataOf, declaredData, toCodeAction, type Fix, type FixContext } from './codeActions/fix';
import { sortTimelineEdit } from './codeActions/sortTimeline';

/** The kind of the file-wide "Sort timeline" source action (not shown in the light bulb). */
export const SORT_TIMELINE_KIND = 'source.sortTimeline';

/**
 * In a document with a syntax error the tree may lack keys that are in the text (after the error),
 * so a fix that inserts lines could add a key twice or land in the wrong place: only fixes that
 * rewrite an existing value in place are offered there.
 */
function replacesInPlace(fix: Fix): boolean {
  return fix.edits.every((edit) => edit.end > edit.start && edit.text !== '' && !/[\r\n]/.test(edit.text));
}

function inTimeline(parsed: ParsedPostmortem, range: Range): boolean {
  const root = asMap(parsed.root);
  const pair = root ? pairOf(root, 'timeline') : undefined;
  if (!pair) return false;
  const start = parsed.lines.offsetAt(range.start);
  const end = parsed.lines.offsetAt(range.end);
  return end >= pair.key.start && start <= contentEnd(pair.value ?? pair.key, parsed.text);
}

export function createCodeActions(context: Pick<ServiceContext, 'l10n' | 'schema'>, snippets: SnippetSupport = 'none') {
  return {
    /**
     * Quick fixes for the diagnostics the editor passes in (they may come from an older version
     * of the document, so every fix re-finds its node in this parse), plus the "Sort timeline"
     * source action whenever the timeline is out of order. Edits are keyed by `parsed.uri`.
     */
    provideCodeActions(parsed: ParsedPostmortem, range: Range, diagnostics: Diagnostic[]): CodeAction[] {
      const fix: FixContext = { parsed, service: context };
      const ours = diagnostics.filter((diagnostic) => diagnostic.source === undefined || diagnostic.source === SOURCE);
      const withCode = (code: string) => ours.filter((diagnostic) => diagnostic.code === code);
      const actions: CodeAction[] = [];
      const broken = parsed.syntaxProblems.some((problem) => problem.severity === 'error');
      const sortActions: CodeAction[] = [];
      const add = (each: Fix, addressed: Diagnostic[]) => {
        if (!broken || replacesInPlace(each)) actions.push(toCodeAction(parsed, each, addressed, snippets));
      };

      // The sort answers every out-of-order finding at once; it is also the file-wide source
      // action below, so it is built here rather than as the check's `fixAll`.
      const outOfOrder = withCode(timelineOrder.code);
      const sort = sortTimelineEdit(parsed);
      const sortTitle = context.l10n.t('action.sortTimeline');
      // The sort only reorders whole items and checks its own block for errors (sortTimeline.ts).
      if (sort && outOfOrder.length > 0) sortActions.push(toCodeAction(parsed, { title: sortTitle, edits: [sort], preferred: true }, outOfOrder, snippets));

      // Each finding's own fixes, from its check (rules/index.ts), then those answering all of a code at once.
      for (const diagnostic of ours) {
        const check = checkOf(diagnostic.code);
        if (check?.fixes) for (const each of check.fixes(fix, diagnostic, declaredData(dataOf(diagnostic), check.data))) add(each, [diagnostic]);
      }
      for (const check of CHECKS) {
        const answered = check.fixAll ? withCode(check.code) : [];
        if (check.fixAll && answered.length > 0) for (const each of check.fixAll(fix, answered)) add(each.fix, each.diagnostics);
      }

      // Without a finding at hand, only where it is relevant: the timeline is certainly out of order
      // somewhere, or the cursor is in it (an order only the sort sees, e.g. a day before its hours).
      if (sort && outOfOrder.length === 0 && (inTimeline(parsed, range) || outOfOrderEvents(factsOf(parsed).events).length > 0)) {
        sortActions.push(toCodeAction(parsed, { title: sortTitle, edits: [sort], kind: SORT_TIMELINE_KIND }, [], snippets));
      }
      return [...sortActions.filter((action) => action.isPreferred), ...actions, ...sortActions.filter((action) => !action.isPreferred)];
    },
  };
}

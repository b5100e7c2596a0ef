import type { Diagnostic } from 'vscode-languageserver-types';
import { factsOf } from '../../model/facts';
import { breakdownSum } from '../../rules/countSum';
import { asScalar, childOf, pairOf, type YMap, type YPair } from '../../parse/tree';
import { dataOf, insertion, startOffset, type Fix, type FixContext, type OffsetEdit } from './fix';
import { columnOf, innerSpan, lineInsertion, pairEnd, scalarAt } from '../../parse/scan/layout';

/** `count-sum`: take the breakdown's total as the value, or say the figure is approximate. */
export function countSumFixes({ parsed, service }: FixContext, diagnostic: Diagnostic): Fix[] {
  const start = startOffset(parsed, diagnostic);
  const count = factsOf(parsed).counts.find((candidate) => candidate.valueNode?.start === start);
  const map = count && count.node.kind === 'map' ? count.node : undefined;
  if (!count?.valueNode || !map) return [];
  // The rule's own total (decimals rounded as written), so the fix sets what the check expects.
  const sum = breakdownSum(count);
  if (sum === undefined) return [];
  const fixes: Fix[] = [];
  if (sum !== count.value) {
    fixes.push({ title: service.l10n.t('action.setCountValue', sum), edits: [{ start: count.valueNode.start, end: count.valueNode.end, text: String(sum) }] });
  }
  const qualifier = asScalar(childOf(map, 'qualifier'));
  const valuePair = pairOf(map, 'value');
  const edit = qualifier ? { ...innerSpan(qualifier, parsed.text), text: 'approximately' } : valuePair ? pairAfter({ parsed, service }, map, valuePair, 'qualifier: approximately') : undefined;
  if (edit) fixes.push({ title: service.l10n.t('action.markApproximately'), edits: [edit] });
  return fixes;
}

/** `schema-enum` with a close valid value (`detect` → `detected`); quotes stay as written. */
export function enumFix({ parsed, service }: FixContext, diagnostic: Diagnostic): Fix[] {
  const replacement = dataOf(diagnostic).replacement;
  const found = scalarAt(parsed.root, startOffset(parsed, diagnostic));
  if (typeof replacement !== 'string' || !found || found.isKey || String(found.scalar.value) === replacement) return [];
  const span = innerSpan(found.scalar, parsed.text);
  return [{ title: service.l10n.t('action.replaceValue', parsed.text.slice(span.start, span.end), replacement), edits: [{ ...span, text: replacement }], preferred: true }];
}

/** `schema-unknown-key` with a likely intended key (`stauts` → `status`), unless that key is already there. */
export function unknownKeyFix({ parsed, service }: FixContext, diagnostic: Diagnostic): Fix[] {
  const replacement = dataOf(diagnostic).replacement;
  const found = scalarAt(parsed.root, startOffset(parsed, diagnostic));
  if (typeof replacement !== 'string' || !found?.isKey || !found.map || pairOf(found.map, replacement)) return [];
  const span = innerSpan(found.scalar, parsed.text);
  return [{ title: service.l10n.t('action.renameKey', String(found.scalar.value), replacement), edits: [{ ...span, text: replacement }], preferred: true }];
}

/** `insecure-contact`: only a plain `http:` URL has an obvious secure twin. */
export function httpsFix({ parsed, service }: FixContext, diagnostic: Diagnostic): Fix[] {
  const found = scalarAt(parsed.root, startOffset(parsed, diagnostic));
  if (!found || found.isKey) return [];
  const span = innerSpan(found.scalar, parsed.text);
  const url = parsed.text.slice(span.start, span.end);
  if (!/^http:/i.test(url)) return [];
  const secure = 'https:' + url.slice('http:'.length);
  return [{ title: service.l10n.t('action.useHttps', secure), edits: [{ start: span.start, end: span.start + 'http:'.length, text: 'https:' }], preferred: true }];
}

/** A new `key: value` right after a pair of the same mapping, in block or flow style. */
export function pairAfter({ parsed }: FixContext, map: YMap, after: YPair, line: string): OffsetEdit | undefined {
  const end = pairEnd(after, parsed.text);
  if (map.flow) return insertion(end, `, ${line}`);
  const first = map.pairs[0];
  if (!first) return undefined;
  const placed = lineInsertion(parsed, [' '.repeat(columnOf(parsed, first.key.start)) + line], { after: end });
  return insertion(placed.offset, placed.text);
}

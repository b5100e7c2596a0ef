import type { Diagnostic } from 'vscode-languageserver-types';
import type { DataOf } from '../../rules/rule';
import { pairOf, type YMap, type YPair } from '../../parse/tree';
import { insertion, startOffset, type Fix, type FixContext, type OffsetEdit } from './fix';
import { columnOf, innerSpan, lineInsertion, pairEnd, scalarAt } from '../../parse/scan/layout';

/** `schema-enum` with a close valid value (`detect` → `detected`); quotes stay as written. */
export function enumFix({ parsed, service }: FixContext, diagnostic: Diagnostic, { replacement }: Partial<DataOf<'replacement'>>): Fix[] {
  const found = scalarAt(parsed.root, startOffset(parsed, diagnostic));
  if (typeof replacement !== 'string' || !found || found.isKey || String(found.scalar.value) === replacement) return [];
  const span = innerSpan(found.scalar, parsed.text);
  return [{ title: service.l10n.t('action.replaceValue', parsed.text.slice(span.start, span.end), replacement), edits: [{ ...span, text: replacement }], preferred: true }];
}

/** `schema-unknown-key` with a likely intended key (`stauts` → `status`), unless that key is already there. */
export function unknownKeyFix({ parsed, service }: FixContext, diagnostic: Diagnostic, { replacement }: Partial<DataOf<'replacement'>>): Fix[] {
  const found = scalarAt(parsed.root, startOffset(parsed, diagnostic));
  if (typeof replacement !== 'string' || !found?.isKey || !found.map || pairOf(found.map, replacement)) return [];
  const span = innerSpan(found.scalar, parsed.text);
  return [{ title: service.l10n.t('action.renameKey', String(found.scalar.value), replacement), edits: [{ ...span, text: replacement }], preferred: true }];
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

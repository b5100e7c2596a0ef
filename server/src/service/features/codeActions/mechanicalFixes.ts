import type { Diagnostic } from 'vscode-languageserver-types';
import { factsOf } from '../../model/facts';
import { asScalar, childOf, type YMap, type YPair } from '../../parse/tree';
import { abbreviationZones, suggestedZones } from '../../util/zones';
import type { DataOf } from '../../rules/rule';
import { startOffset, type Fix, type FixContext, type OffsetEdit } from './fix';
import { innerSpan, pairEnd, scalarAt } from '../../parse/scan/layout';

/**
 * `schema-type` where a list belongs and one value was written (`addresses: cache-config`): the
 * value becomes a one-item flow list. Plain text with flow indicators in it is left alone, since
 * wrapping would change its meaning.
 */
export function makeListFix({ parsed, service }: FixContext, diagnostic: Diagnostic, { expected }: Partial<DataOf<'expected'>>): Fix[] {
  if (expected !== 'array') return [];
  const found = scalarAt(parsed.root, startOffset(parsed, diagnostic));
  if (!found || found.isKey || !found.pair) return [];
  const written = parsed.text.slice(found.scalar.start, found.scalar.end);
  const quoted = /^(["']).*\1$/s.test(written);
  if (written.includes('\n') || (!quoted && /[,[\]{}#]/.test(written))) return [];
  return [{ title: service.l10n.t('action.makeList', String(found.pair.key.value)), edits: [{ start: found.scalar.start, end: found.scalar.end, text: `[${written}]` }], preferred: true }];
}

/** `schema-unknown-key`: delete the pair, its value and nested lines included (block style only). */
export function removeKeyFix({ parsed, service }: FixContext, diagnostic: Diagnostic): Fix[] {
  const found = scalarAt(parsed.root, startOffset(parsed, diagnostic));
  if (!found?.isKey || !found.map || !found.pair || found.map.flow) return [];
  const edit = removePair(parsed.text, parsed.lines, found.map, found.pair);
  return edit ? [{ title: service.l10n.t('action.removeKey', String(found.scalar.value)), edits: [edit] }] : [];
}

function removePair(text: string, lines: FixContext['parsed']['lines'], map: YMap, pair: YPair): OffsetEdit | undefined {
  const keyLine = lines.positionAt(pair.key.start).line;
  const lineStart = lines.lineStart(keyLine);
  const before = text.slice(lineStart, pair.key.start);
  const endLine = lines.positionAt(pairEnd(pair, text)).line;
  const end = endLine + 1 < lines.lineCount ? lines.lineStart(endLine + 1) : text.length;
  // A fix never drops the author's comments: a pair whose lines hold one is left for them to remove
  // (the rename fix still applies). `#` in quoted text counts too, which only errs on the safe side.
  if (text.slice(lineStart, end).includes('#')) return undefined;
  if (before.trim() === '') return { start: lineStart, end, text: '' };
  // The first key of a list item (`- services: x`): the next key moves up behind the dash.
  const next = map.pairs[map.pairs.indexOf(pair) + 1];
  if (before.trim() === '-' && next) return { start: pair.key.start, end: next.key.start, text: '' };
  return undefined;
}

/**
 * `timezone-abbreviation` and an unknown `timezone`: one fix per zone it can mean, then the
 * document language's zone and UTC. Preferred only when there is a single obvious meaning.
 */
export function zoneFixes(fix: FixContext, diagnostic: Diagnostic, { replacement }: Partial<DataOf<'replacement'>>): Fix[] {
  const { parsed, service } = fix;
  const found = scalarAt(parsed.root, startOffset(parsed, diagnostic));
  const node = asScalar(childOf(parsed.root, 'timezone'));
  if (!found || found.isKey || found.scalar !== node || typeof node.value !== 'string') return [];
  const text = node.value;
  const meanings = abbreviationZones(text);
  const obvious = meanings ? meanings.length === 1 : replacement !== undefined;
  const span = innerSpan(node, parsed.text);
  return suggestedZones(text, factsOf(parsed).language).map((zone, index) => ({
    title: service.l10n.t('action.setTimezone', zone),
    edits: [{ ...span, text: zone }],
    preferred: obvious && index === 0,
  }));
}

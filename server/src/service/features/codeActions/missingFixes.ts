import type { Diagnostic } from 'vscode-languageserver-types';
import { factsOf } from '../../model/facts';
import { asMap, asScalar, childOf, nodeAtPath, pairOf } from '../../parse/tree';
import { dataOf, insertion, startOffset, type Fix, type FixContext, type OffsetEdit } from './fix';
import { dateOf, nestedInsertion, skeletonLines, topLevelInsertion } from './insertions';
import { indentUnitOf } from '../../model/indentation';
import { innerSpan } from './layout';
import { pairAfter } from './valueFixes';

/** `schema-required`: the missing key with what it requires in turn, where the format puts it. */
export function requiredFix(fix: FixContext, diagnostic: Diagnostic): Fix[] {
  const { missingKey, path } = dataOf(diagnostic);
  if (!missingKey || !path) return [];
  const { parsed, service } = fix;
  if (parsed.root === null) {
    const keys = service.schema.at([])?.required ?? [];
    const lines = keys.flatMap((key) => skeletonLines(parsed, service.schema, [], key, 2));
    const edit = topLevelInsertion(parsed, service.schema, missingKey, lines);
    return edit ? [{ title: service.l10n.t('action.insertSkeleton'), edits: [edit], preferred: true }] : [];
  }
  const root = asMap(parsed.root);
  if (!root) return [];
  // The diagnostic may be older than this parse: a key already there is never added again.
  const holder = asMap(nodeAtPath(parsed.root, path).node);
  if (holder && pairOf(holder, missingKey)) return [];
  const lines = skeletonLines(parsed, service.schema, path, missingKey, indentUnitOf(parsed));
  if (path.length === 0) {
    const edit = topLevelInsertion(parsed, service.schema, missingKey, lines);
    return edit ? [{ title: service.l10n.t('action.addSection', missingKey), edits: [edit], preferred: true }] : [];
  }
  const edit = nestedInsertion(parsed, path, lines);
  // `status: planned` says what will be written; a bare `event:` reads better as just the key.
  const shown = lines.length === 1 && !lines[0]?.endsWith(':') ? (lines[0] ?? missingKey) : missingKey;
  return edit ? [{ title: service.l10n.t('action.addKey', shown), edits: [edit], preferred: true }] : [];
}

/** Every missing top-level key at once, when more than one is missing. */
export function allRequiredFix(fix: FixContext, diagnostics: Diagnostic[]): Fix | undefined {
  const { parsed, service } = fix;
  const root = asMap(parsed.root);
  if (!root) return undefined;
  const order = Object.keys(service.schema.root.properties ?? {});
  const keys = [...new Set(diagnostics.flatMap((diagnostic) => {
    const { missingKey, path } = dataOf(diagnostic);
    return missingKey && path?.length === 0 && !pairOf(root, missingKey) ? [missingKey] : [];
  }))].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  if (keys.length < 2) return undefined;
  const unit = indentUnitOf(parsed);
  // Inserts at one offset apply in array order, so schema order keeps them in the format's order.
  const edits = keys.flatMap((key) => {
    const edit = topLevelInsertion(parsed, service.schema, key, skeletonLines(parsed, service.schema, [], key, unit));
    return edit ? [edit] : [];
  });
  return edits.length === keys.length ? { title: service.l10n.t('action.addAllRequired', keys.join(', ')), edits } : undefined;
}

/**
 * `ambiguous-time`: give the document a zone. Asia/Tokyo (the seeds' zone) and UTC are offered;
 * Asia/Tokyo is preferred for Japanese documents. An invalid `timezone` already there is replaced.
 */
export function timezoneFixes({ parsed, service }: FixContext): Fix[] {
  const facts = factsOf(parsed);
  const japanese = /^ja(-|$)/i.test(facts.language ?? '');
  const existing = facts.root ? pairOf(facts.root, 'timezone') : undefined;
  return ['Asia/Tokyo', 'UTC'].flatMap((zone): Fix[] => {
    let edit: OffsetEdit | undefined;
    let title = service.l10n.t('action.addTimezone', zone);
    if (existing) {
      title = service.l10n.t('action.setTimezone', zone);
      const value = asScalar(existing.value);
      if (value && value.value !== null) edit = { ...innerSpan(value, parsed.text), text: zone };
      else {
        const colon = parsed.text.indexOf(':', existing.key.end);
        edit = colon >= 0 ? insertion(colon + 1, ` ${zone}`) : undefined;
      }
    } else {
      edit = topLevelInsertion(parsed, service.schema, 'timezone', [`timezone: ${zone}`]);
    }
    return edit ? [{ title, edits: [edit], preferred: japanese && zone === 'Asia/Tokyo' }] : [];
  });
}

/**
 * `done-without-date`: the service has no clock, so the date offered is the latest one in the
 * timeline (usually the day the fix went out or the notice was published). Not preferred: a guess.
 */
export function doneDateFix(fix: FixContext, diagnostic: Diagnostic): Fix[] {
  const { parsed, service } = fix;
  const facts = factsOf(parsed);
  const start = startOffset(parsed, diagnostic);
  const countermeasure = facts.countermeasures.find((candidate) => candidate.statusNode?.start === start);
  const map = asMap(countermeasure?.node);
  const statusPair = map ? pairOf(map, 'status') : undefined;
  const date = dateOf(facts.events) ?? facts.published?.text;
  if (!map || !statusPair || !date || childOf(map, 'date') !== null) return [];
  const edit = pairAfter(fix, map, statusPair, `date: ${date}`);
  return edit ? [{ title: service.l10n.t('action.addDate', date), edits: [edit] }] : [];
}

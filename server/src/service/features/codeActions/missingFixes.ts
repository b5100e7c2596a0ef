import type { Diagnostic } from 'vscode-languageserver-types';
import { factsOf, type TimeFact } from '../../model/facts';
import { formatOffset, TIME_UNITS } from '../../time';
import { snippetToText } from '../../util/snippet';
import { zoneOfLanguage } from '../../util/zones';
import { asMap, asScalar, nodeAtPath, pairOf } from '../../parse/tree';
import { dataOf, insertion, type Fix, type FixContext, type OffsetEdit } from './fix';
import { nestedInsertion, skeletonLines, topLevelInsertion } from './insertions';
import { indentUnitOf } from '../../model/indentation';
import type { DataOf } from '../../rules/rule';

/** `schema-required`: the missing key with what it requires in turn, where the format puts it. */
export function requiredFix(fix: FixContext, _diagnostic: Diagnostic, { missingKey, path }: Partial<DataOf<'missingKey' | 'path'>>): Fix[] {
  if (!missingKey || !path) return [];
  const { parsed, service } = fix;
  if (parsed.root === null) {
    const keys = service.schema.at([])?.required ?? [];
    const stops = { next: 0 };
    const lines = keys.flatMap((key) => skeletonLines(parsed, service.schema, [], key, 2, 0, stops));
    const edit = topLevelInsertion(parsed, service.schema, missingKey, lines);
    return edit ? [{ title: service.l10n.t('action.insertSkeleton'), edits: [edit], preferred: true, snippet: true }] : [];
  }
  const root = asMap(parsed.root);
  if (!root) return [];
  // The diagnostic may be older than this parse: a key already there is never added again.
  const holder = asMap(nodeAtPath(parsed.root, path).node);
  if (holder && pairOf(holder, missingKey)) return [];
  const lines = skeletonLines(parsed, service.schema, path, missingKey, indentUnitOf(parsed));
  if (path.length === 0) {
    const edit = topLevelInsertion(parsed, service.schema, missingKey, lines);
    return edit ? [{ title: service.l10n.t('action.addSection', missingKey), edits: [edit], preferred: true, snippet: true }] : [];
  }
  const edit = nestedInsertion(parsed, path, lines);
  // `status: planned` says what will be written; a bare `event:` reads better as just the key.
  const plain = lines.map(snippetToText);
  const shown = plain.length === 1 && !plain[0]?.endsWith(':') ? (plain[0] ?? missingKey) : missingKey;
  return edit ? [{ title: service.l10n.t('action.addKey', shown), edits: [edit], preferred: true, snippet: true }] : [];
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
  return edits.length === keys.length ? { title: service.l10n.t('action.addAllRequired', keys.join(', ')), edits, snippet: true } : undefined;
}

/**
 * `ambiguous-time`: give the document a zone. The zone its `language` implies comes first
 * (preferred: `ja` means Asia/Tokyo), then the offset its other times are written with, then UTC.
 * An invalid `timezone` already there is replaced.
 */
export function timezoneFixes({ parsed, service }: FixContext): Fix[] {
  const facts = factsOf(parsed);
  const fromLanguage = zoneOfLanguage(facts.language);
  const existing = facts.root ? pairOf(facts.root, 'timezone') : undefined;
  const zones = [...new Set([fromLanguage, writtenOffset(facts.times), 'UTC'].filter((zone): zone is string => zone !== undefined))];
  return zones.flatMap((zone): Fix[] => {
    // `+09:00` unquoted is a sexagesimal number to YAML 1.1 readers.
    const written = /^[+-]/.test(zone) ? `"${zone}"` : zone;
    let edit: OffsetEdit | undefined;
    let title = service.l10n.t('action.addTimezone', zone);
    if (existing) {
      title = service.l10n.t('action.setTimezone', zone);
      const value = asScalar(existing.value);
      if (value && value.value !== null) edit = { start: value.start, end: value.end, text: written };
      else {
        const colon = parsed.text.indexOf(':', existing.key.end);
        edit = colon >= 0 ? insertion(colon + 1, ` ${written}`) : undefined;
      }
    } else {
      edit = topLevelInsertion(parsed, service.schema, 'timezone', [`timezone: ${written}`]);
    }
    return edit ? [{ title, edits: [edit], preferred: zone === fromLanguage }] : [];
  });
}

/** The offset every time that has one is written with (`+09:00`), if they all agree. */
function writtenOffset(times: readonly TimeFact[]): string | undefined {
  const offsets = new Set(times.flatMap((fact) => (fact.time?.writtenOffset === undefined ? [] : [fact.time.writtenOffset])));
  const [only] = offsets;
  return offsets.size === 1 && only !== undefined ? (only === 0 ? 'UTC' : formatOffset(only * TIME_UNITS.MINUTE)) : undefined;
}

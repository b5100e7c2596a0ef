import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Range } from 'vscode-languageserver-types';
import { scaleAt, type ScaleAt } from '../../config/scales';
import type { ServiceContext } from '../../context';
import type { PostmortemFacts } from '../../model/facts';
import { formatOffset, knownTimeZones, zoneOffsetAtInstant } from '../../time';
import { zoneOfLanguage } from '../../util/zones';
import { COUNTRIES } from '../../format/countries';
import { regulatoryItems } from './regulatory';
import { enumMeaning, fieldInfo, proposedValues } from '../../schema/docs';

export interface ValueRequest {
  context: ServiceContext;
  /** The document's URI: its folder's project configuration may declare the allowed values. */
  uri: string;
  facts: PostmortemFacts;
  path: (string | number)[];
  range: Range;
  /** Entries already in the same list, left out of the proposals. */
  present: readonly string[];
  /** Text to put before each value: a space after a bare `key:`, `- ` at an item column. */
  prefix: string;
}

/** Proposals for a value at `path`, or an empty list when the field is free text. */
export function valueItems(request: ValueRequest): CompletionItem[] {
  const { path } = request;
  const field = typeof path.at(-1) === 'number' ? path.at(-2) : path.at(-1);
  if (field === 'addresses' && typeof path.at(-1) === 'number') return factorItems(request);
  if (path.length === 1 && field === 'timezone') return zoneItems(request);
  if (path.length === 1 && field === 'language') return languageItems(request);
  const scale = scaleAt(path, request.context.settings(request.uri).project);
  if (scale) return scaleItems(request, scale);
  const regulatory = regulatoryItems(request);
  if (regulatory) return regulatory;
  const info = fieldInfo(request.context.schema, path);
  return proposedValues(info?.resolved).map((value, index) => {
    const meaning = enumMeaning(request.context.l10n, field, value);
    const item = valueItem(request, String(value), index, CompletionItemKind.EnumMember);
    if (meaning) {
      item.detail = meaning;
      item.documentation = { kind: 'markdown', value: `\`${String(value)}\`: ${meaning}` };
    }
    // The default of a flag is what leaving the key out already says: propose the other value.
    if (info?.resolved?.default === value && typeof value !== 'boolean') item.preselect = true;
    return item;
  });
}

function valueItem(request: ValueRequest, label: string, order: number, kind: CompletionItemKind): CompletionItem {
  return {
    label,
    kind,
    sortText: String(order).padStart(4, '0'),
    filterText: label,
    textEdit: { range: request.range, newText: request.prefix + label },
    insertTextFormat: InsertTextFormat.PlainText,
  };
}

/** The levels of the project's severity scale, or its cause categories, with what each means. */
function scaleItems(request: ValueRequest, scale: ScaleAt): CompletionItem[] {
  return scale.entries.map((entry, index) => {
    const item = valueItem(request, entry.id, index, CompletionItemKind.EnumMember);
    item.detail = entry.description ?? request.context.l10n.t('completion.project.scale');
    if (entry.description) item.documentation = { kind: 'markdown', value: `\`${entry.id}\`: ${entry.description}` };
    return item;
  });
}

function factorItems(request: ValueRequest): CompletionItem[] {
  const { facts, context } = request;
  const addressedCount = new Map<string, number>();
  for (const measure of facts.countermeasures) for (const fact of new Set(measure.addresses.map((address) => address.id))) addressedCount.set(fact, (addressedCount.get(fact) ?? 0) + 1);
  const present = new Set(request.present);
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (const factor of facts.factors) {
    const id = factor.id?.id;
    if (id === undefined || present.has(id) || seen.has(id)) continue;
    seen.add(id);
    const count = addressedCount.get(id) ?? 0;
    const status = count === 0 ? context.l10n.t('completion.factor.unaddressed') : context.l10n.t('completion.factor.addressedBy', count);
    // Factors nobody addresses yet come first: they are what the writer is most likely after.
    const item = valueItem(request, id, (count === 0 ? 0 : 1000) + factor.index, CompletionItemKind.Reference);
    item.detail = factor.description;
    item.documentation = { kind: 'markdown', value: `${factor.description}\n\n_${status}_` };
    items.push(item);
  }
  return items.sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
}

function zoneItems(request: ValueRequest): CompletionItem[] {
  const { l10n } = request.context;
  const reference = request.facts.period?.start?.time?.start;
  // The document's language picks the zones offered first (`ja`: Asia/Tokyo and its offset), as the
  // quick fixes do; otherwise UTC leads and no zone is guessed.
  const fromLanguage = zoneOfLanguage(request.facts.language);
  const fixed = fromLanguage && reference !== undefined ? formatOffset(zoneOffsetAtInstant(fromLanguage, reference)) : undefined;
  const first = [...new Set([fromLanguage, 'UTC', fixed].filter((zone): zone is string => zone !== undefined))];
  const zones = [...first, ...knownTimeZones().filter((zone) => !first.includes(zone))];
  return zones.map((zone, index) => {
    const item = valueItem(request, zone, index, CompletionItemKind.Value);
    if (/^[+-]/.test(zone)) item.detail = l10n.t('completion.zone.fixed');
    // The offset at the impact start is what matters for this document; without one, none is honest.
    else if (reference !== undefined && index < first.length) item.detail = l10n.t('completion.zone.offsetAt', formatOffset(zoneOffsetAtInstant(zone, reference)));
    if (zone === request.facts.zone) item.detail = l10n.t('completion.zone.document');
    return item;
  });
}

const LANGUAGES = ['ja', 'en', 'ja-JP', 'en-US', 'en-GB', 'zh-Hans', 'zh-Hant', 'ko', 'th', 'id', 'vi', 'es', 'fr', 'de', 'pt'];

function languageItems(request: ValueRequest): CompletionItem[] {
  const names = displayNames(request.context.l10n.locale, 'language');
  return LANGUAGES.map((tag, index) => {
    const item = valueItem(request, tag, index, CompletionItemKind.Value);
    item.detail = names?.of(tag) ?? request.context.l10n.t('completion.language.tag');
    return item;
  });
}

/** Keys of a count's `breakdown`: every ISO 3166-1 alpha-2 code, then `other`. */
export function breakdownKeyItems(context: ServiceContext, range: Range, present: ReadonlySet<string>, colonFollows: boolean): CompletionItem[] {
  const ja = context.l10n.locale === 'ja';
  const suffix = colonFollows ? '' : ': ';
  const items: CompletionItem[] = COUNTRIES.filter(([code]) => !present.has(code)).map(([code, english, japanese], index) => ({
    label: code,
    kind: CompletionItemKind.Property,
    detail: ja ? japanese : english,
    documentation: { kind: 'markdown', value: `\`${code}\`: ${english} / ${japanese} — ${context.l10n.t('completion.breakdown.country')}` },
    sortText: String(index).padStart(4, '0'),
    // Typing a country's name finds its code as well.
    filterText: `${code} ${english} ${japanese}`,
    textEdit: { range, newText: code + suffix },
    insertTextFormat: InsertTextFormat.PlainText,
  }));
  if (!present.has('other')) {
    items.push({
      label: 'other',
      kind: CompletionItemKind.Property,
      detail: context.l10n.t('completion.breakdown.other'),
      sortText: '9999',
      textEdit: { range, newText: 'other' + suffix },
      insertTextFormat: InsertTextFormat.PlainText,
    });
  }
  return items;
}

function displayNames(locale: string, type: 'language' | 'region'): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames([locale], { type });
  } catch {
    // A runtime without full ICU still completes the tags, just without their names.
    return undefined;
  }
}

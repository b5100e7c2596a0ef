import type { Localizer } from '../l10n';
import type { JsonPath } from '../parse/tree';
import { patternFor, type ResolvedSchema, type SchemaIndex, type SchemaNode } from './schemaIndex';

/** What completion and hover say about one field; shared so both describe a field the same way. */
export interface FieldInfo {
  name: string | number;
  /** The property as written in the schema: its own description sits next to a `$ref`. */
  raw: SchemaNode | undefined;
  resolved: ResolvedSchema | undefined;
  required: boolean;
  /** Required only when a sibling has a value (`published` when `status: published`). */
  conditional: { key: string; value: unknown } | undefined;
}

export function fieldInfo(schema: SchemaIndex, path: JsonPath): FieldInfo | undefined {
  const name = path.at(-1);
  if (name === undefined) return undefined;
  const parent = schema.at(path.slice(0, -1));
  const resolved = schema.at(path);
  if (!parent || !resolved) return undefined;
  let raw: SchemaNode | undefined;
  if (typeof name === 'number') raw = parent.items;
  else raw = parent.properties[name] ?? patternFor(parent.patternProperties, name) ?? (typeof parent.additionalProperties === 'object' ? parent.additionalProperties : undefined);
  const conditional = typeof name === 'string' ? parent.conditional[name] : undefined;
  return { name, raw, resolved, required: typeof name === 'string' && parent.required.includes(name), conditional };
}

/**
 * The description in the UI language. `schema.at()` follows a `$ref` to its definition, whose
 * description is generic (`slug`, `time`), so the property's own text comes first.
 */
export function describe(info: Pick<FieldInfo, 'raw' | 'resolved'>, locale: Localizer['locale']): string | undefined {
  const { raw, resolved } = info;
  const english = raw?.description ?? resolved?.description;
  const japanese = raw?.['x-description-ja'] ?? resolved?.descriptionJa;
  return locale === 'ja' ? japanese ?? english : english ?? japanese;
}

/** `text`, `time (ISO 8601)`, `list of …` — the shape of a value in the reader's words. */
export function typeLabel(l10n: Localizer, schema: SchemaIndex, path: JsonPath, depth = 0): string {
  const resolved = schema.at(path);
  if (!resolved) return l10n.t('hover.type.any');
  switch (resolved.definition) {
    case 'time':
      return l10n.t('hover.type.time');
    case 'date':
      return l10n.t('hover.type.date');
    case 'slug':
      return l10n.t('hover.type.slug');
    case undefined: // not a named definition: its label comes from its types below
      break;
  }
  const types = resolved.types;
  if (types.includes('array')) {
    const list = depth > 1 ? l10n.t('hover.type.array') : l10n.t('hover.type.listOf', typeLabel(l10n, schema, [...path, 0], depth + 1));
    // A list that may also be one word: `data_exposed` is `none` or a list of kinds.
    const words = enumValues(resolved).map((value) => `\`${String(value)}\``);
    return words.length > 0 ? l10n.t('type.or', words.join(', '), list) : list;
  }
  if (types.includes('object')) return l10n.t('hover.type.object');
  if (types.includes('integer')) return l10n.t('hover.type.integer');
  if (types.includes('number')) return l10n.t('hover.type.number');
  if (types.includes('boolean')) return l10n.t('hover.type.boolean');
  if (types.includes('string')) return l10n.t('hover.type.string');
  return l10n.t('hover.type.any');
}

/** Enum fields that carry a per-value explanation in the hover messages table. */
const EXPLAINED = new Set(['status', 'kind', 'type', 'qualifier', 'method', 'postmortem', 'report', 'data_exposed', 'approximate']);

/** The fixed explanation of one enum value, e.g. what `kind: mitigated` means; undefined if none. */
export function enumMeaning(l10n: Localizer, field: string | number | undefined, value: unknown): string | undefined {
  if (typeof field !== 'string' || !EXPLAINED.has(field)) return undefined;
  const key = `hover.value.${field}.${String(value)}`;
  // Keys are built at run time from schema values; an unknown one falls back to the key itself.
  const text = l10n.t(key as Parameters<Localizer['t']>[0]);
  return text === key ? undefined : text;
}

/** Enum values as the schema lists them, without booleans (completing `true` helps nobody). */
export function enumValues(resolved: ResolvedSchema | undefined): (string | number)[] {
  return (resolved?.enum ?? []).filter((value): value is string | number => typeof value === 'string' || typeof value === 'number');
}

/**
 * The values worth proposing for a field: its enum values, or for a flag such as `approximate`
 * both booleans, the one that is not the default first (writing the key at all is for changing it).
 */
export function proposedValues(resolved: ResolvedSchema | undefined): (string | number | boolean)[] {
  const values = enumValues(resolved);
  if (values.length > 0 || !resolved || resolved.types.length !== 1 || resolved.types[0] !== 'boolean') return values;
  return resolved.default === true ? [false, true] : [true, false];
}

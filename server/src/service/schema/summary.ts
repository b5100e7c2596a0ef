import type { Language } from '../../contracts/model';
import type { ResolvedSchema, SchemaIndex, SchemaNode } from './schemaIndex';

/**
 * The top-level fields the schema marks `x-summary`: shown as written (a list joined, a date in the
 * document's words, an enum value by its label) in the preview header and in the notice under the
 * title, labelled with the schema's `x-label` / `x-label-ja`. Such a field needs no code: the
 * timeline model carries it as a `SummaryEntry`, the webview and the notice draw every entry alike.
 */
export interface SummaryField {
  key: string;
  label: Record<Language, string>;
  /** `x-summary: internal`: in the preview and the internal notice, not in the public one. */
  internal: boolean;
  /** How one value is worded. */
  kind: SummaryKind;
  /** A list of such values (`services`), joined the document language's way. */
  list: boolean;
  /** An enum's value labels (`x-value-labels`, `x-value-labels-ja`). */
  values: Record<Language, Record<string, string>>;
}

export type SummaryKind = 'text' | 'number' | 'date' | 'time' | 'enum';

interface Reading {
  fields: SummaryField[];
  problems: string[];
}

function read(schema: SchemaIndex): Reading {
  const fields: SummaryField[] = [];
  const problems: string[] = [];
  for (const [key, property] of Object.entries(schema.root.properties ?? {})) {
    const marked = property['x-summary'];
    if (marked === undefined || marked === false) continue;
    const problem = (what: string) => problems.push(`${key}: ${what}`);
    if (marked !== true && marked !== 'internal') problem('`x-summary` is `true` or `"internal"`');
    const en = property['x-label'];
    const ja = property['x-label-ja'];
    if (!en?.trim()) problem('no English label (`x-label`)');
    if (!ja?.trim()) problem('no Japanese label (`x-label-ja`)');
    const resolved = schema.at([key]);
    const list = resolved?.types.includes('array') ?? false;
    const value = list ? schema.at([key, 0]) : resolved;
    const kind = kindOf(value);
    if (!kind) {
      problem('only text, numbers, dates, times, enum values or lists of one of them can be a summary field');
      continue;
    }
    const values = { en: property['x-value-labels'] ?? {}, ja: property['x-value-labels-ja'] ?? {} };
    if (kind === 'enum') for (const option of value?.enum ?? []) for (const language of ['en', 'ja'] as const) if (!values[language][String(option)]?.trim()) problem(`no ${language} label for the value \`${String(option)}\` (\`${labelsKey(language)}\`)`);
    fields.push({ key, label: { en: en ?? key, ja: ja ?? en ?? key }, internal: marked === 'internal', kind, list, values });
  }
  return { fields, problems };
}

function labelsKey(language: Language): keyof SchemaNode {
  return language === 'en' ? 'x-value-labels' : 'x-value-labels-ja';
}

function kindOf(resolved: ResolvedSchema | undefined): SummaryKind | undefined {
  if (!resolved) return undefined;
  if (resolved.enum?.every((value) => typeof value === 'string')) return 'enum';
  if (resolved.definition === 'date' || resolved.definition === 'time') return resolved.definition;
  const types = resolved.types;
  if (types.length === 0) return undefined;
  if (types.every((type) => type === 'string')) return 'text';
  if (types.every((type) => type === 'number' || type === 'integer')) return 'number';
  return undefined;
}

/** The summary fields in the schema's order (the order they are shown in). */
export function summaryFields(schema: SchemaIndex): SummaryField[] {
  return read(schema).fields;
}

/** What is wrong with the schema's summary fields: a label missing in a language, a shape that cannot be shown. A unit test holds the real schema to none. */
export function summaryProblems(schema: SchemaIndex): string[] {
  return read(schema).problems;
}

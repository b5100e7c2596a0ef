import type { ErrorObject } from 'ajv';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Localizer, MessageKey } from '../l10n';
import type { ParsedPostmortem } from '../parse/parse';
import { asMap, nodeAtPath, resolveAlias, type YNode } from '../parse/tree';
import { makeDiagnostic, type DiagnosticData, type Span } from '../rules/rule';
import { closest } from '../util/closest';
import { keySynonym, valueSynonym } from '../util/synonyms';
import { repairTime } from '../util/timeRepair';
import type { SchemaIndex } from './schemaIndex';
import { never, runToEnd, type Work } from '../util/work';

/** Schema findings as diagnostics on the node they concern, one per problem, in plain words. */
export function schemaDiagnostics(parsed: ParsedPostmortem, schema: SchemaIndex, l10n: Localizer): Diagnostic[] {
  return runToEnd(schemaDiagnosticSteps(parsed, schema, l10n, never));
}

/** Timeline items validated between two looks at `shouldYield`. */
const TIMELINE_RUN = 2000;

/** The same as a Work (util/work.ts): a long timeline is validated in runs of items, with pauses. */
export function* schemaDiagnosticSteps(parsed: ParsedPostmortem, schema: SchemaIndex, l10n: Localizer, shouldYield: () => boolean): Work<Diagnostic[]> {
  // An empty or non-mapping document gets one plain finding from the syntax check instead.
  if (resolveAlias(parsed.root)?.kind !== 'map') return [];
  const errors = yield* validateInRuns(parsed.value, schema, shouldYield);
  const diagnostics: Diagnostic[] = [];
  for (const error of simplify(errors)) {
    const finding = describe(error, parsed, schema, l10n);
    if (finding) diagnostics.push(makeDiagnostic(parsed, finding.span, DiagnosticSeverity.Error, finding.code, finding.message, finding.data));
    if (diagnostics.length % 256 === 0 && shouldYield()) yield;
  }
  return diagnostics;
}

/**
 * ajv's errors for the value. The schema has no constraint across timeline items (no uniqueItems,
 * contains or maxItems), so the document is validated with its first item only and every other item
 * on its own, each item's errors remembered by the schema index for as long as the parse keeps the
 * item's object: typing in one event re-validates that event. Paths come out as a whole
 * validation's, and a long timeline pauses between runs of items.
 */
function* validateInRuns(value: unknown, schema: SchemaIndex, shouldYield: () => boolean): Work<ErrorObject[]> {
  const timeline = (value as { timeline?: unknown } | null)?.timeline;
  if (!Array.isArray(timeline) || timeline.length <= 1 || schema.validateTimelineItem(timeline[0]) === undefined) return schema.validate(value);
  const errors = schema.validate({ ...(value as Record<string, unknown>), timeline: timeline.slice(0, 1) });
  for (let index = 1; index < timeline.length; index++) {
    for (const error of schema.validateTimelineItem(timeline[index]) ?? []) errors.push({ ...error, instancePath: `/timeline/${index}${error.instancePath}` });
    if (index % TIMELINE_RUN === 0 && shouldYield()) yield;
  }
  return errors;
}

/** Keeps the most telling error per value: a combinator's verdict over its branches, a type error over the rest. */
function simplify(errors: ErrorObject[]): ErrorObject[] {
  const byPath = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    const list = byPath.get(error.instancePath) ?? [];
    list.push(error);
    byPath.set(error.instancePath, list);
  }
  const kept: ErrorObject[] = [];
  for (const list of byPath.values()) {
    const combinator = list.find((error) => error.keyword === 'anyOf' || error.keyword === 'oneOf');
    const structural = list.filter((error) => error.keyword === 'required' || error.keyword === 'additionalProperties');
    if (combinator) {
      kept.push(combinator, ...structural.filter((error) => !error.schemaPath.startsWith(combinator.schemaPath)));
      continue;
    }
    const typeError = list.find((error) => error.keyword === 'type');
    if (typeError) {
      kept.push(typeError, ...structural);
      continue;
    }
    // A value that fails both `pattern` and `format` has one problem: its shape.
    const shape = list.find((error) => error.keyword === 'pattern' || error.keyword === 'format');
    kept.push(...list.filter((error) => (error.keyword !== 'pattern' && error.keyword !== 'format') || error === shape));
  }
  // Errors of a branch that lost inside a combinator are noise once the combinator is reported.
  const combinatorPaths = kept.filter((error) => error.keyword === 'anyOf' || error.keyword === 'oneOf').map((error) => error.instancePath);
  return kept.filter((error) => error.keyword === 'anyOf' || error.keyword === 'oneOf' || !combinatorPaths.some((path) => error.instancePath.startsWith(path + '/')));
}

interface Finding {
  span: Span;
  code: string;
  message: string;
  data?: DiagnosticData;
}

function describe(error: ErrorObject, parsed: ParsedPostmortem, schema: SchemaIndex, l10n: Localizer): Finding | undefined {
  const path = toPath(error.instancePath, parsed.root);
  const located = nodeAtPath(parsed.root, path);
  const valueSpan = spanOfValue(located.node, located.pair);
  const fieldName = String(path.at(-1) ?? '');
  // What the user calls the place: `value`, or "item 9 of `timeline`" rather than a bare index.
  const field = fieldLabel(path, l10n);
  const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
  // A message may open with a label ("item 9 of `timeline`"): sentences start with a capital.
  const message = (key: MessageKey, ...args: (string | number)[]) => capitalize(l10n.t(key, ...args));

  switch (error.keyword) {
    case 'required': {
      const missingKey = String((error.params as { missingProperty: string }).missingProperty);
      return {
        span: spanOfContainer(located.node, located.pair),
        code: 'schema-required',
        message: message(path.length === 0 ? 'schema.requiredTop' : 'schema.required', missingKey, describeField(schema, [...path, missingKey], l10n)),
        data: { missingKey, path },
      };
    }
    case 'additionalProperties': {
      const unknownKey = String((error.params as { additionalProperty: string }).additionalProperty);
      const map = asMap(located.node);
      const pair = map?.pairs.find((candidate) => candidate.key.value === unknownKey);
      const allowed = Object.keys(schema.at(path)?.properties ?? {});
      const synonym = keySynonym(unknownKey, allowed);
      const suggestion = synonym ?? closest(unknownKey, allowed);
      return {
        span: pair ? pair.key : valueSpan,
        code: 'schema-unknown-key',
        message: synonym ? message('schema.unknownKeySynonym', unknownKey, synonym) : suggestion ? message('schema.unknownKeySuggest', unknownKey, suggestion) : message('schema.unknownKey', unknownKey, allowed.join(', ')),
        ...(suggestion ? { data: { replacement: suggestion } } : {}),
      };
    }
    case 'enum': {
      const allowed = ((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      const actual = shown(valueAt(located.node));
      const suggestion = valueSynonym(actual, allowed) ?? closest(actual, allowed);
      return {
        span: valueSpan,
        code: 'schema-enum',
        message: suggestion ? message('schema.enumSuggest', actual, field, suggestion, allowed.join(', ')) : message('schema.enum', actual, field, allowed.join(', ')),
        ...(suggestion ? { data: { replacement: suggestion } } : {}),
      };
    }
    case 'const':
      return { span: valueSpan, code: 'schema-const', message: message('schema.const', field, shown((error.params as { allowedValue: unknown }).allowedValue)) };
    case 'type': {
      // A field of two shapes (`data_exposed`: `none` or a list) names both.
      const types = String((error.params as { type: string | string[] }).type).split(',');
      const expected = types
        .map((type) => l10n.t(typeKey(type)))
        .reduce((either, next) => l10n.t('type.or', either, next));
      const actualValue = valueAt(located.node);
      if (actualValue === null || actualValue === undefined) {
        return { span: valueSpan, code: 'schema-type', message: message(typeof path.at(-1) === 'number' ? 'schema.emptyItem' : 'schema.missingValue', field, expected) };
      }
      const written = located.node ? parsed.text.slice(valueSpan.start, valueSpan.end) : shown(actualValue);
      return {
        span: valueSpan,
        code: 'schema-type',
        message: message('schema.type', field, expected, firstLine(written), typeof actualValue === 'boolean' ? l10n.t('type.booleanValue') : l10n.t(typeKey(typeName(actualValue)))),
        // A single value where a list belongs: its quick fix wraps it.
        ...(types.includes('array') && resolveAlias(located.node)?.kind === 'scalar' ? { data: { expected: 'array' } } : {}),
      };
    }
    case 'pattern':
    case 'format':
    case 'anyOf':
    case 'oneOf': {
      const definition = schema.definitionOf(error.schemaPath) ?? schema.at(path)?.definition ?? fieldName;
      const value = valueAt(located.node);
      // `2021-06-30 12:00`, `+0900`: the repaired value travels with the finding for its quick fix.
      const repaired = typeof value === 'string' && (definition === 'time' || definition === 'date') ? repairTime(value, definition) : undefined;
      return { span: valueSpan, code: 'schema-format', message: message(formatKey(definition), shown(value), field), ...(repaired ? { data: { replacement: repaired } } : {}) };
    }
    case 'minLength':
      return { span: valueSpan, code: 'schema-empty', message: message('schema.emptyText', field) };
    case 'minItems':
      return { span: valueSpan, code: 'schema-empty', message: message('schema.emptyList', field) };
    case 'minimum':
      return { span: valueSpan, code: 'schema-minimum', message: message('schema.minimum', field, String((error.params as { limit: number }).limit)) };
    default:
      return { span: valueSpan, code: `schema-${error.keyword}`, message: message('schema.other', field, error.message ?? error.keyword) };
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A value as written, cut to its first line and 40 characters for a one-line message. */
function firstLine(text: string): string {
  const points = Array.from(text.split(/\r?\n/)[0] ?? '');
  return points.length > 40 ? points.slice(0, 39).join('') + '…' : points.join('');
}

function fieldLabel(path: (string | number)[], l10n: Localizer): string {
  const last = path.at(-1);
  if (typeof last !== 'number') return l10n.t('schema.field', String(last ?? ''));
  // Only the nearest named list: `impact.counts` item 2 reads as "item 2 of `counts`".
  const list = [...path.slice(0, -1)].reverse().find((segment): segment is string => typeof segment === 'string') ?? '';
  return l10n.t('schema.item', last + 1, list);
}

function describeField(schema: SchemaIndex, path: (string | number)[], l10n: Localizer): string {
  const resolved = schema.at(path);
  const text = l10n.locale === 'ja' ? resolved?.descriptionJa ?? resolved?.description : resolved?.description;
  return text ?? '';
}

function toPath(instancePath: string, root: YNode | null): (string | number)[] {
  if (!instancePath) return [];
  const path: (string | number)[] = [];
  let node: YNode | null = root;
  for (const raw of instancePath.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const container = resolveAlias(node);
    const step: string | number = container?.kind === 'seq' && /^\d+$/.test(segment) ? Number(segment) : segment;
    path.push(step);
    node = nodeAtPath(container, [step]).node;
  }
  return path;
}

/** The value, or the key when the value is empty (`status:` with nothing after it). */
function spanOfValue(node: YNode | null, pair: { key: Span } | undefined): Span {
  if (node && node.end > node.start) return { start: node.start, end: node.end };
  if (pair) return pair.key;
  return node ?? { start: 0, end: 0 };
}

/** Where a missing key is reported: the key that holds the object, or the object's first key. */
function spanOfContainer(node: YNode | null, pair: { key: Span } | undefined): Span {
  if (pair) return pair.key;
  const map = asMap(node);
  const first = map?.pairs[0];
  if (first) return first.key;
  return node ? { start: node.start, end: Math.max(node.start, Math.min(node.end, node.start + 1)) } : { start: 0, end: 0 };
}

function valueAt(node: YNode | null): unknown {
  const resolved = resolveAlias(node);
  if (!resolved) return null;
  if (resolved.kind === 'scalar') return resolved.value;
  return resolved.kind === 'map' ? {} : [];
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeKey(type: string): MessageKey {
  switch (type) {
    case 'string':
      return 'type.string';
    case 'integer':
      return 'type.integer';
    case 'number':
      return 'type.number';
    case 'boolean':
      return 'type.boolean';
    case 'array':
      return 'type.array';
    case 'object':
      return 'type.object';
    default:
      return 'type.other';
  }
}

function formatKey(definition: string): MessageKey {
  switch (definition) {
    case 'time':
      return 'schema.formatTime';
    case 'date':
      return 'schema.formatDate';
    case 'slug':
      return 'schema.formatSlug';
    case 'language':
      return 'schema.formatLanguage';
    case 'timezone':
      return 'schema.formatTimezone';
    case 'url':
    case 'contact':
      return 'schema.formatUrl';
    case 'ticket':
      return 'schema.formatTicket';
    default:
      return 'schema.formatOther';
  }
}

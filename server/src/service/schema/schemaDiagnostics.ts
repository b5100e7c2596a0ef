import type { ErrorObject } from 'ajv';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Localizer, MessageKey } from '../l10n';
import type { ParsedPostmortem } from '../parse/parse';
import { asMap, nodeAtPath, resolveAlias, type YNode } from '../parse/tree';
import { makeDiagnostic, type DiagnosticData, type Span } from '../rules/rule';
import { closest } from '../util/closest';
import type { SchemaIndex } from './schemaIndex';

/** Schema findings as diagnostics on the node they concern, one per problem, in plain words. */
export function schemaDiagnostics(parsed: ParsedPostmortem, schema: SchemaIndex, l10n: Localizer): Diagnostic[] {
  // An empty or non-mapping document gets one plain finding from the syntax check instead.
  if (resolveAlias(parsed.root)?.kind !== 'map') return [];
  const errors = schema.validate(parsed.value);
  const diagnostics: Diagnostic[] = [];
  for (const error of simplify(errors)) {
    const finding = describe(error, parsed, schema, l10n);
    if (finding) diagnostics.push(makeDiagnostic(parsed, finding.span, DiagnosticSeverity.Error, finding.code, finding.message, finding.data));
  }
  return diagnostics;
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
  const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
  const message = (key: MessageKey, ...args: (string | number)[]) => l10n.t(key, ...args);

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
      const suggestion = closest(unknownKey, allowed);
      return {
        span: pair ? pair.key : valueSpan,
        code: 'schema-unknown-key',
        message: suggestion ? message('schema.unknownKeySuggest', unknownKey, suggestion) : message('schema.unknownKey', unknownKey, allowed.join(', ')),
        ...(suggestion ? { data: { replacement: suggestion } } : {}),
      };
    }
    case 'enum': {
      const allowed = ((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      const actual = shown(valueAt(located.node));
      const suggestion = closest(actual, allowed);
      return {
        span: valueSpan,
        code: 'schema-enum',
        message: suggestion ? message('schema.enumSuggest', actual, fieldName, suggestion, allowed.join(', ')) : message('schema.enum', actual, fieldName, allowed.join(', ')),
        ...(suggestion ? { data: { replacement: suggestion } } : {}),
      };
    }
    case 'const':
      return { span: valueSpan, code: 'schema-const', message: message('schema.const', fieldName, shown((error.params as { allowedValue: unknown }).allowedValue)) };
    case 'type': {
      // A field of two shapes (`data_exposed`: `none` or a list) names both.
      const expected = String((error.params as { type: string | string[] }).type)
        .split(',')
        .map((type) => l10n.t(typeKey(type)))
        .reduce((either, next) => l10n.t('type.or', either, next));
      const actualValue = valueAt(located.node);
      if (actualValue === null || actualValue === undefined) {
        return { span: valueSpan, code: 'schema-type', message: message('schema.missingValue', fieldName, expected) };
      }
      return { span: valueSpan, code: 'schema-type', message: message('schema.type', fieldName, expected, l10n.t(typeKey(typeName(actualValue)))) };
    }
    case 'pattern':
    case 'format':
    case 'anyOf':
    case 'oneOf': {
      const definition = schema.definitionOf(error.schemaPath) ?? schema.at(path)?.definition ?? fieldName;
      return { span: valueSpan, code: 'schema-format', message: message(formatKey(definition), shown(valueAt(located.node)), fieldName) };
    }
    case 'minLength':
      return { span: valueSpan, code: 'schema-empty', message: message('schema.emptyText', fieldName) };
    case 'minItems':
      return { span: valueSpan, code: 'schema-empty', message: message('schema.emptyList', fieldName) };
    case 'minimum':
      return { span: valueSpan, code: 'schema-minimum', message: message('schema.minimum', fieldName, String((error.params as { limit: number }).limit)) };
    default:
      return { span: valueSpan, code: `schema-${error.keyword}`, message: message('schema.other', fieldName, error.message ?? error.keyword) };
  }
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

import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { JsonPath } from '../parse/tree';

/** The subset of JSON Schema this format uses, as the features read it. */
export interface SchemaNode {
  $id?: string;
  $ref?: string;
  type?: string | string[];
  description?: string;
  'x-description-ja'?: string;
  /** A top-level field shown in the preview header and the notice (`schema/summary.ts`); `internal`: not in the public notice. */
  'x-summary'?: boolean | 'internal';
  /** The summary field's label, English and Japanese. */
  'x-label'?: string;
  'x-label-ja'?: string;
  /** A summary field's enum values as readers see them, English and Japanese. */
  'x-value-labels'?: Record<string, string>;
  'x-value-labels-ja'?: Record<string, string>;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  patternProperties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  pattern?: string;
  format?: string;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
  if?: SchemaNode;
  then?: SchemaNode;
  else?: SchemaNode;
  definitions?: Record<string, SchemaNode>;
  minimum?: number;
  minLength?: number;
  minItems?: number;
}

export interface SchemaIndex {
  readonly root: SchemaNode;
  validate(value: unknown): ErrorObject[];
  /**
   * The errors of one timeline item against the timeline's item schema, paths relative to the item.
   * Remembered per item object: an incremental parse hands back the same object for an unchanged
   * event, so a keystroke re-validates one event, not ten thousand. Undefined when the schema has
   * no timeline of `$ref` items (the project configuration's).
   */
  validateTimelineItem(item: unknown): readonly ErrorObject[] | undefined;
  /** The schema that applies at a JSON path, with `$ref`s followed and combinators merged. */
  at(path: JsonPath): ResolvedSchema | undefined;
  /** The name of the `definitions` entry a schema path runs through last (`time`, `slug`…). */
  definitionOf(schemaPath: string): string | undefined;
}

export interface ResolvedSchema {
  /** The definitions entry this schema came from, if any. */
  definition?: string;
  // `| undefined`: merged with `??=` from parts that may not have them.
  description?: string | undefined;
  descriptionJa?: string | undefined;
  properties: Record<string, SchemaNode>;
  required: string[];
  enum?: unknown[];
  default?: unknown;
  types: string[];
  items?: SchemaNode | undefined;
  additionalProperties?: boolean | SchemaNode | undefined;
  patternProperties?: Record<string, SchemaNode> | undefined;
  /**
   * Keys required only when another key has a given value, read from `if`/`then`: `published` when
   * `status: published`, `reason` when a countermeasure's `status: wont_do`.
   */
  conditional: Record<string, { key: string; value: unknown }>;
}

export function createSchemaIndex(schema: SchemaNode): SchemaIndex {
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true });
  // The pattern in the schema already pins URLs down; ajv-formats would add a dependency for one word.
  ajv.addFormat('uri', /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*$/);
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  const validateFn: ValidateFunction = ajv.compile(schema);
  // Errors have the same schema paths either way: ajv inlines the `$ref`.
  const itemRef = schema.properties?.timeline?.items?.$ref;
  const validateItemFn = itemRef?.startsWith('#/') && schema.$id ? ajv.getSchema(`${schema.$id}${itemRef}`) : undefined;
  const itemErrors = new WeakMap<object, readonly ErrorObject[]>();

  const deref = (node: SchemaNode | undefined): { node: SchemaNode | undefined; definition?: string } => {
    let current = node;
    let definition: string | undefined;
    for (let hops = 0; current?.$ref && hops < 16; hops++) {
      const name = /^#\/definitions\/(.+)$/.exec(current.$ref)?.[1];
      definition = name;
      current = name ? schema.definitions?.[name] : undefined;
    }
    return definition ? { node: current, definition } : { node: current };
  };

  const resolve = (node: SchemaNode | undefined): ResolvedSchema | undefined => {
    const { node: target, definition } = deref(node);
    if (!target) return undefined;
    const resolved: ResolvedSchema = { properties: {}, required: [], types: [], conditional: {} };
    if (definition) resolved.definition = definition;
    // Words written beside a `$ref` describe this field; the definition's own words are generic.
    if (node?.description) resolved.description = node.description;
    if (node?.['x-description-ja']) resolved.descriptionJa = node['x-description-ja'];
    const merge = (part: SchemaNode | undefined, depth: number) => {
      const { node: schemaPart } = deref(part);
      if (!schemaPart || depth > 8) return;
      resolved.description ??= schemaPart.description;
      resolved.descriptionJa ??= schemaPart['x-description-ja'];
      Object.assign(resolved.properties, schemaPart.properties);
      for (const key of schemaPart.required ?? []) if (!resolved.required.includes(key)) resolved.required.push(key);
      if (schemaPart.enum) resolved.enum ??= schemaPart.enum;
      if (schemaPart.const !== undefined) resolved.enum ??= [schemaPart.const];
      if (schemaPart.default !== undefined) resolved.default ??= schemaPart.default;
      if (schemaPart.type) resolved.types.push(...(Array.isArray(schemaPart.type) ? schemaPart.type : [schemaPart.type]));
      resolved.items ??= schemaPart.items;
      resolved.additionalProperties ??= schemaPart.additionalProperties;
      resolved.patternProperties ??= schemaPart.patternProperties;
      for (const sub of [...(schemaPart.allOf ?? []), ...(schemaPart.anyOf ?? []), ...(schemaPart.oneOf ?? [])]) merge(sub, depth + 1);
      // One word or another shape: `data_exposed` is `if: {const: none}` or else a list. The word is
      // a value to offer and the other shape is the field's type, so a plain string is a type error
      // ("must be a list") rather than a near miss of `none` that a quick fix would turn into it.
      if (schemaPart.if?.const !== undefined && schemaPart.else) {
        resolved.enum ??= [schemaPart.if.const];
        merge(schemaPart.else, depth + 1);
      }
      // Conditionally required keys (`published` when published) are still keys of the object.
      if (schemaPart.then) {
        merge({ properties: schemaPart.then.properties ?? {} }, depth + 1);
        const condition = Object.entries(schemaPart.if?.properties ?? {}).find(([, test]) => test.const !== undefined);
        if (condition) for (const key of schemaPart.then.required ?? []) resolved.conditional[key] ??= { key: condition[0], value: condition[1].const };
      }
    };
    merge(target, 0);
    return resolved;
  };

  const cache = new Map<string, ResolvedSchema | undefined>();
  const at = (path: JsonPath): ResolvedSchema | undefined => {
    const key = path.map((segment) => (typeof segment === 'number' ? '#' : segment)).join('\u0000');
    if (cache.has(key)) return cache.get(key);
    let current: ResolvedSchema | undefined = resolve(schema);
    for (const segment of path) {
      if (!current) break;
      if (typeof segment === 'number') current = current.items ? resolve(current.items) : undefined;
      else {
        const property = current.properties[segment];
        const patterned = property ? undefined : patternFor(current.patternProperties, segment);
        if (property) current = resolve(property);
        else if (patterned) current = resolve(patterned);
        else if (typeof current.additionalProperties === 'object') current = resolve(current.additionalProperties);
        else current = undefined;
      }
    }
    cache.set(key, current);
    return current;
  };

  return {
    root: schema,
    validate(value) {
      return validateFn(value) ? [] : [...(validateFn.errors ?? [])];
    },
    validateTimelineItem(item) {
      if (!validateItemFn) return undefined;
      const cacheable = typeof item === 'object' && item !== null;
      const known = cacheable ? itemErrors.get(item) : undefined;
      if (known) return known;
      const errors = validateItemFn(item) ? [] : [...(validateItemFn.errors ?? [])];
      if (cacheable) itemErrors.set(item, errors);
      return errors;
    },
    at,
    definitionOf(schemaPath) {
      const matches = [...schemaPath.matchAll(/definitions\/([^/]+)/g)];
      return matches.at(-1)?.[1];
    },
  };
}

/** The schema of the first `patternProperties` entry whose pattern matches `key` (`^x-` extensions). */
export function patternFor(patterns: Record<string, SchemaNode> | undefined, key: string): SchemaNode | undefined {
  for (const [pattern, node] of Object.entries(patterns ?? {})) if (new RegExp(pattern, 'u').test(key)) return node;
  return undefined;
}

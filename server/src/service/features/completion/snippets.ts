import type { ServiceContext } from '../../context';
import type { PostmortemFacts } from '../../model/facts';
import { proposedValues } from '../../schema/docs';

/**
 * Snippet text with absolute indentation: items are sent with `InsertTextMode.asIs`, because a key
 * after `- ` sits two columns right of the line's own indentation, which the client's automatic
 * re-indentation would not know.
 */
export class SnippetWriter {
  private next = 1;

  constructor(
    private readonly context: ServiceContext,
    readonly unit: number,
  ) {}

  stop(placeholder?: string): string {
    const index = this.next++;
    return placeholder === undefined || placeholder === '' ? `$${index}` : `\${${index}:${escapeSnippet(placeholder)}}`;
  }

  choice(values: readonly (string | number | boolean)[]): string {
    return `\${${this.next++}|${values.map((value) => String(value).replace(/[,|\\$}]/g, '\\$&')).join(',')}|}`;
  }

  /**
   * What follows `key:` for the schema at `path`, down to the required keys: an object gets its
   * required keys on indented lines, a list of objects one item, a scalar a tab stop.
   */
  valueAfterColon(path: (string | number)[], column: number, depth = 0): string {
    const resolved = this.context.schema.at(path);
    const pad = ' '.repeat(column + this.unit);
    // A list that may also be one word (`data_exposed: none`) is written as the list: it is the usual case.
    const values = resolved?.types.includes('array') ? [] : proposedValues(resolved);
    if (!resolved || depth > 4) return ` ${this.stop()}`;
    if (values.length === 1) return ` ${String(values[0])}`;
    if (values.length > 1) return ` ${this.choice(values)}`;
    if (resolved.types.includes('object')) {
      const required = resolved.required.filter((key) => key in resolved.properties);
      if (required.length === 0) return `\n${pad}${this.stop()}`;
      return required.map((key) => `\n${pad}${key}:${this.valueAfterColon([...path, key], column + this.unit, depth + 1)}`).join('');
    }
    if (resolved.types.includes('array')) {
      if (path.at(-1) === 'addresses') return ` [${this.stop()}]`;
      return `\n${pad}- ${this.itemBody([...path, 0], column + this.unit + 2, depth + 1)}`;
    }
    return ` ${this.stop()}`;
  }

  /** A list item without its `- `: its required keys (the first on the dash's line), or a stop. */
  itemBody(itemPath: (string | number)[], keyColumn: number, depth = 0): string {
    const resolved = this.context.schema.at(itemPath);
    const required = resolved?.required.filter((key) => key in resolved.properties) ?? [];
    if (required.length === 0) return this.stop();
    return required.map((key, index) => `${index === 0 ? '' : `\n${' '.repeat(keyColumn)}`}${key}:${this.valueAfterColon([...itemPath, key], keyColumn, depth)}`).join('');
  }
}

export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** The time a new event most likely starts from: the event above the cursor, else the impact start. */
export function prefillTime(facts: PostmortemFacts, offset: number): { text: string; source: 'previous' | 'impactStart' } | undefined {
  const previous = facts.events.filter((event) => event.node.start < offset && event.at?.time).at(-1);
  if (previous?.at) return { text: previous.at.text, source: 'previous' };
  const start = facts.period?.start;
  return start?.time ? { text: start.text, source: 'impactStart' } : undefined;
}

export function eventSnippet(writer: SnippetWriter, keyColumn: number, time: string | undefined, kinds: readonly (string | number)[]): string {
  const pad = ' '.repeat(keyColumn);
  return `at: ${writer.stop(time ?? 'YYYY-MM-DDTHH:MM')}\n${pad}event: ${writer.stop()}\n${pad}kind: ${writer.choice(kinds)}`;
}

export function countermeasureSnippet(writer: SnippetWriter, keyColumn: number, facts: PostmortemFacts, schema: { types: readonly (string | number)[]; statuses: readonly (string | number)[] }): string {
  const pad = ' '.repeat(keyColumn);
  const addressed = new Set(facts.countermeasures.flatMap((measure) => measure.addresses.map((fact) => fact.id)));
  const ids = facts.factors.map((factor) => factor.id?.id).filter((id): id is string => id !== undefined);
  // The factors nobody addresses yet are the ones a new countermeasure is most likely written for.
  const open = ids.filter((id) => !addressed.has(id));
  const suggestion = (open.length > 0 ? open : ids.slice(0, 1)).join(', ');
  return [
    `action: ${writer.stop()}`,
    `${pad}type: ${writer.choice(schema.types)}`,
    `${pad}status: ${writer.choice(schema.statuses)}`,
    `${pad}addresses: [${writer.stop(suggestion)}]`,
  ].join('\n');
}

/** Every required top-level key, plus `language` and `timezone`, which keep times unambiguous. */
export function skeletonSnippet(writer: SnippetWriter, context: ServiceContext): string {
  const root = context.schema.at([]);
  if (!root) return '';
  const ja = context.l10n.locale === 'ja';
  const lines: string[] = [];
  for (const key of Object.keys(root.properties)) {
    if (key === 'language') lines.push(`language: ${writer.stop(ja ? 'ja' : 'en')}`);
    else if (key === 'timezone') lines.push(`timezone: ${writer.stop(ja ? 'Asia/Tokyo' : 'UTC')}`);
    else if (root.required.includes(key)) lines.push(`${key}:${writer.valueAfterColon([key], 0)}`);
  }
  return lines.join('\n');
}

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import schema from '../../schemas/postmortem.schema.json';

/**
 * Random documents for the property tests (unit and LSP): texts built from the schema, and
 * mutations of the samples — truncation, flipped characters, random Unicode (lone surrogates, RTL
 * marks, emoji, Japanese), shuffled indentation, duplicated lines and keys, CR/LF mixtures.
 */

const samplesDir = join(__dirname, '..', '..', 'samples');
export const SAMPLES: readonly string[] = readdirSync(samplesDir)
  .filter((name) => name.endsWith('.postmortem.yaml'))
  .sort()
  .map((name) => readFileSync(join(samplesDir, name), 'utf8'));

interface SchemaLike {
  type?: string | string[];
  properties?: Record<string, SchemaLike>;
  items?: SchemaLike;
  enum?: unknown[];
  $ref?: string;
}

const definitions = ((schema as { $defs?: Record<string, SchemaLike>; definitions?: Record<string, SchemaLike> }).$defs ?? (schema as { definitions?: Record<string, SchemaLike> }).definitions ?? {}) as Record<string, SchemaLike>;
const resolve = (node: SchemaLike): SchemaLike => (node.$ref ? (definitions[node.$ref.split('/').at(-1) ?? ''] ?? {}) : node);

const SCALARS = ['x', '1', '-3', '2021-06-30T12:00', '2021-06-30', 'published', 'detected', 'done', 'Asia/Tokyo', 'http://example.com', '障害🔥', '"quoted"', "'single'", '', 'null', 'true', '[a, b]', '{a: 1}', '|', '&a 1', '*a'];

/** A YAML text that follows the schema's shape, with values drawn at random (often wrong on purpose). */
function fromSchema(node: SchemaLike, indent: string, depth: number): fc.Arbitrary<string> {
  const resolved = resolve(node);
  const types = Array.isArray(resolved.type) ? resolved.type : [resolved.type];
  if (depth < 4 && resolved.properties) {
    const keys = Object.keys(resolved.properties);
    return fc.subarray(keys, { minLength: 0 }).chain((chosen) =>
      chosen.length === 0 ? fc.constant(' {}') : fc.tuple(...chosen.map((key) => fromSchema(resolved.properties?.[key] ?? {}, indent + '  ', depth + 1).map((value) => `\n${indent}${key}:${value}`))).map((parts) => parts.join('')),
    );
  }
  if (depth < 4 && types.includes('array') && resolved.items) {
    const item = fromSchema(resolved.items, indent + '  ', depth + 1).map((value) => `\n${indent}-${value.startsWith('\n') ? value.replace(/^\n\s*/, ' ') : value}`);
    return fc.array(item, { maxLength: 4 }).map((items) => (items.length === 0 ? ' []' : items.join('')));
  }
  const values = resolved.enum ? resolved.enum.map(String) : SCALARS;
  return fc.constantFrom(...values, ...SCALARS.slice(0, 3)).map((value) => ` ${value}`);
}

export const schemaDocument: fc.Arbitrary<string> = fromSchema(schema as SchemaLike, '', 0).map((text) => text.replace(/^\n/, '') + '\n');

const UNICODE = ['\uD800', '\uDC00', '\u200F', '\u202E', '\u2066', '\u061C', '🔥', '👩‍💻', '障害', 'ｱ', '\u0000', '\uFEFF', '\t', '\r', '\r\n', '\n', '#', ': ', '- ', '"', "'", '{', '[', '&x ', '*x', '|'];

type Mutation = (text: string) => string;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((at): Mutation => (text) => text.slice(0, at % (text.length + 1))),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 0xffff })).map(([at, code]): Mutation => (text) => {
    const index = at % Math.max(1, text.length);
    return text.slice(0, index) + String.fromCharCode(code) + text.slice(index + 1);
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...UNICODE)).map(([at, piece]): Mutation => (text) => {
    const index = at % (text.length + 1);
    return text.slice(0, index) + piece + text.slice(index);
  }),
  fc.tuple(fc.nat(), fc.integer({ min: -4, max: 4 })).map(([at, shift]): Mutation => (text) => {
    const lines = text.split('\n');
    const index = at % lines.length;
    const line = lines[index] ?? '';
    lines[index] = shift >= 0 ? ' '.repeat(shift) + line : line.replace(new RegExp(`^ {0,${-shift}}`), '');
    return lines.join('\n');
  }),
  fc.nat().map((at): Mutation => (text) => {
    // A line written twice: a duplicated key, or a duplicated list item's first line.
    const lines = text.split('\n');
    const index = at % lines.length;
    lines.splice(index, 0, lines[index] ?? '');
    return lines.join('\n');
  }),
  fc.nat().map((at): Mutation => (text) => {
    const lines = text.split('\n');
    lines.splice(at % lines.length, 1);
    return lines.join('\n');
  }),
  fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 5 }).map((breaks): Mutation => (text) => {
    let turn = 0;
    return text.replace(/\r\n|\r|\n/g, () => breaks[turn++ % breaks.length] ?? '\n');
  }),
);

/** A sample after one to four mutations. */
export const mutatedSample: fc.Arbitrary<string> = fc.tuple(fc.constantFrom(...SAMPLES), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([text, changes]) => changes.reduce((current, change) => change(current), text));

export const anyDocument: fc.Arbitrary<string> = fc.oneof({ arbitrary: mutatedSample, weight: 3 }, { arbitrary: schemaDocument, weight: 1 }, { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 1 });

/** Lines as LSP counts them: CRLF, CR and LF each end one. */
export function lspLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Why a range does not lie inside the text, or undefined when it does. */
export function outsideReason(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string | undefined {
  const lines = lspLines(text);
  for (const end of [range.start, range.end]) {
    if (!Number.isInteger(end.line) || end.line < 0 || end.line >= lines.length) return `line ${end.line} of ${lines.length}`;
    if (!Number.isInteger(end.character) || end.character < 0 || end.character > (lines[end.line] ?? '').length) return `character ${end.character} on line ${end.line} (${(lines[end.line] ?? '').length} long)`;
  }
  if (range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character)) return 'start after end';
  return undefined;
}

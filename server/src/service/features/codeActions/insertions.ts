import { factsOf, type EventFact } from '../../model/facts';
import { breakdownSum } from '../../rules/countSum';
import type { ParsedPostmortem } from '../../parse/parse';
import { asMap, asScalar, nodeAtPath, type JsonPath, type YPair } from '../../parse/tree';
import type { SchemaIndex } from '../../schema/schemaIndex';
import { insertion, type OffsetEdit } from './fix';
import { indentUnitOf } from '../../model/indentation';
import { columnOf, contentEnd, lineInsertion, pairEnd } from '../../parse/scan/layout';
import { isSlug } from '../../util/slug';
import { tabStop } from '../../util/snippet';

/**
 * New top-level lines go where the format's key order (the schema's) puts them: after the present
 * key that should come right before, or above the first key when none should. `timezone` therefore
 * lands after `language:`, else after `status:`, `title:`… An empty document gets them at its end.
 */
export function topLevelInsertion(parsed: ParsedPostmortem, schema: SchemaIndex, key: string, lines: string[]): OffsetEdit | undefined {
  if (parsed.root === null) {
    const eol = parsed.eol;
    const body = lines.join(eol) + eol;
    const separator = parsed.text.length === 0 || /[\r\n]$/.test(parsed.text) ? '' : eol;
    return insertion(parsed.text.length, separator + body);
  }
  const root = asMap(parsed.root);
  const first = root?.pairs[0];
  if (!root || root.flow || !first) return undefined;
  const indent = ' '.repeat(columnOf(parsed, first.key.start));
  const indented = lines.map((line) => indent + line);
  const order = Object.keys(schema.root.properties ?? {});
  const rank = order.indexOf(key);
  let predecessor: YPair | undefined;
  let predecessorRank = -1;
  for (const pair of root.pairs) {
    const pairRank = order.indexOf(String(pair.key.value));
    if (pairRank >= 0 && pairRank < rank && pairRank >= predecessorRank) {
      predecessor = pair;
      predecessorRank = pairRank;
    }
  }
  const at = predecessor ? { after: pairEnd(predecessor, parsed.text) } : { before: first.key.start };
  const placed = lineInsertion(parsed, indented, at);
  return insertion(placed.offset, placed.text);
}

/**
 * New lines inside the mapping at `path`, after its last key and at its indentation; or, when the
 * key holding it has no value yet (`impact:`), as its first nested block.
 */
export function nestedInsertion(parsed: ParsedPostmortem, path: JsonPath, lines: string[]): OffsetEdit | undefined {
  const located = nodeAtPath(parsed.root, path);
  const map = asMap(located.node);
  const root = asMap(parsed.root);
  if (map && !map.flow && map.pairs[0]) {
    const indent = ' '.repeat(columnOf(parsed, map.pairs[0].key.start));
    const placed = lineInsertion(parsed, lines.map((line) => indent + line), { after: contentEnd(map, parsed.text) });
    return insertion(placed.offset, placed.text);
  }
  if (map && map.flow && lines.length === 1 && map.pairs.length > 0) {
    const last = map.pairs[map.pairs.length - 1] as YPair;
    return insertion(pairEnd(last, parsed.text), `, ${lines[0] ?? ''}`);
  }
  const pair = located.pair;
  const empty = located.node === null || asScalar(located.node)?.value === null;
  if (pair && empty && root) {
    const keyLine = parsed.lines.positionAt(pair.key.start).line;
    const lineEnd = parsed.lines.lineStart(keyLine) + parsed.lines.lineText(keyLine).length;
    // Only `key:` and perhaps a comment: an explicit `null` or `~` is a value the user wrote.
    if (!/^\s*:\s*(#.*)?$/.test(parsed.text.slice(pair.key.end, lineEnd))) return undefined;
    const indent = ' '.repeat(columnOf(parsed, pair.key.start) + indentUnitOf(parsed));
    const eol = parsed.eol;
    return insertion(lineEnd, lines.map((line) => eol + indent + line).join(''));
  }
  return undefined;
}

/**
 * The lines of a required key with everything it requires in turn, e.g. `impact:` with `period:`
 * and `start:`, as a snippet (see util/snippet): every value is a tab stop. Values the document
 * already implies are filled in (the id from the file name, the impact start from the first
 * event), a contact URL gets a placeholder to type over; others are left empty so that their own
 * diagnostic points at what is still to be written when the client cannot run snippets.
 */
export function skeletonLines(parsed: ParsedPostmortem, schema: SchemaIndex, path: JsonPath, key: string, unit: number, depth = 0, stops = { next: 0 }): string[] {
  const fullPath = [...path, key];
  const resolved = schema.at(fullPath);
  const pad = ' '.repeat(unit);
  if (depth < 6 && resolved?.types.includes('object') && resolved.required.length > 0) {
    return [`${key}:`, ...resolved.required.flatMap((child) => skeletonLines(parsed, schema, fullPath, child, unit, depth + 1, stops)).map((line) => pad + line)];
  }
  if (depth < 6 && resolved?.types.includes('array')) {
    const item = schema.at([...fullPath, 0]);
    const itemLines = (item?.required ?? []).flatMap((child) => skeletonLines(parsed, schema, [...fullPath, 0], child, unit, depth + 1, stops));
    if (itemLines.length > 0) return [`${key}:`, ...itemLines.map((line, index) => pad + (index === 0 ? '- ' : '  ') + line)];
  }
  const value = derivedValue(parsed, fullPath) ?? enumDefault(resolved?.enum) ?? PLACEHOLDERS[fullPath.join('/')];
  return [`${key}: ${tabStop(++stops.next, value)}`];
}

/**
 * Texts to type over, where an empty value would be invalid and a snippet-less client would leave
 * the user guessing. A valid URL of the reserved example.com domain (RFC 2606), so it reads as a
 * placeholder in review and in the preview.
 */
const PLACEHOLDERS: Readonly<Record<string, string>> = { 'contact/url': 'https://example.com/contact' };

function enumDefault(values: readonly unknown[] | undefined): string | undefined {
  if (!values || values.length === 0) return undefined;
  // The state a newly written entry is in; otherwise the schema's first value.
  const fresh = values.find((value) => value === 'draft' || value === 'planned');
  return String(fresh ?? values[0]);
}

function derivedValue(parsed: ParsedPostmortem, path: JsonPath): string | undefined {
  const facts = factsOf(parsed);
  const key = path.join('/');
  const raw = (node: { start: number; end: number } | undefined) => (node ? parsed.text.slice(node.start, node.end) : undefined);
  if (key === 'id') return slugOfUri(parsed.uri);
  if (key === 'published') return dateOf(facts.events.filter((event) => event.kind === 'published'));
  if (key === 'impact/period/start') {
    const first = facts.events.find((event) => event.kind === 'occurred' && event.at?.time) ?? earliest(facts.events);
    return raw(first?.at?.node);
  }
  if (key === 'timeline/0/at') return raw(facts.period?.start?.node);
  const countIndex = path[0] === 'impact' && path[1] === 'counts' && path[3] === 'value' ? path[2] : undefined;
  const count = typeof countIndex === 'number' ? facts.counts[countIndex] : undefined;
  const sum = count && count.breakdown.length > 0 ? breakdownSum(count) : undefined;
  if (sum !== undefined) return String(sum);
  return undefined;
}

function earliest(events: readonly EventFact[]): EventFact | undefined {
  let best: EventFact | undefined;
  for (const event of events) if (event.at?.time && (!best?.at?.time || event.at.time.start < best.at.time.start)) best = event;
  return best;
}

/** The calendar date of the latest event with at least day precision, as the author wrote it. */
export function dateOf(events: readonly EventFact[]): string | undefined {
  let best: EventFact | undefined;
  for (const event of events) {
    if (!event.at?.time || event.at.time.precision === 'month') continue;
    if (!best?.at?.time || event.at.time.start >= best.at.time.start) best = event;
  }
  return best?.at?.text.slice(0, 10);
}

/** `file:///x/line-album.postmortem.yaml` → `line-album`; nothing when no slug is left. */
export function slugOfUri(uri: string): string | undefined {
  let name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    name = decodeURIComponent(name);
  } catch {
    // A malformed escape: the raw name is as good a source as any.
  }
  const slug = name
    .replace(/(\.postmortem)?\.ya?ml$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return isSlug(slug) ? slug : undefined;
}

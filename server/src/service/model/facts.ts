import type { ParsedPostmortem } from '../parse/parse';
import { asMap, asScalar, asSeq, childOf, stringValue, type YMap, type YNode, type YPair, type YScalar } from '../parse/tree';
import { isValidTimeZone, parseTime, type ParsedTime } from '../time';
import { never, runToEnd, type Work } from '../util/work';

/**
 * The parts of a postmortem that rules, the timeline model and navigation all need, read once per
 * parse. Every fact keeps its node so that findings land on the exact key or value.
 */
export interface PostmortemFacts {
  root: YMap | null;
  /** The document's `timezone` when it names a real zone. */
  zone: string | undefined;
  language: string | undefined;
  status: string | undefined;
  published: DatedNode | undefined;
  period: { start?: TimeFact; end?: TimeFact; node: YMap } | undefined;
  events: EventFact[];
  factors: FactorFact[];
  countermeasures: CountermeasureFact[];
  counts: CountFact[];
  times: TimeFact[];
}

export interface DatedNode {
  text: string;
  node: YScalar;
}

export interface TimeFact {
  text: string;
  node: YScalar;
  /** undefined when the text is not a valid time (the schema reports it). */
  time: ParsedTime | undefined;
}

export interface EventFact {
  index: number;
  node: YNode;
  at?: TimeFact;
  until?: TimeFact;
  kind: string;
  kindNode?: YScalar;
  text: string;
}

export interface IdFact {
  id: string;
  node: YScalar;
}

export interface FactorFact {
  index: number;
  node: YNode;
  id?: IdFact;
  description: string;
}

export interface CountermeasureFact {
  index: number;
  node: YNode;
  id?: IdFact;
  action: string;
  type: string | undefined;
  status: string | undefined;
  statusNode?: YScalar;
  date: string | undefined;
  addresses: IdFact[];
}

export interface CountFact {
  index: number;
  node: YNode;
  label: string;
  value: number | undefined;
  valueNode?: YScalar;
  qualifier: string;
  unit: string | undefined;
  breakdown: { key: string; keyNode: YScalar; value: number | undefined; valueNode: YNode | null }[];
}

/**
 * The spec's "first `kind` event": the earliest by the start of its period, the first in the list on
 * ties, so an out-of-order timeline (already warned about) does not also shift the key figures.
 * The timeline model's key durations read "first" the same way.
 */
export function earliestOfKind(events: readonly EventFact[], kind: string): EventFact | undefined {
  let earliest: EventFact | undefined;
  for (const event of events) {
    const start = event.at?.time?.start;
    if (event.kind !== kind || start === undefined) continue;
    if (!earliest || start < (earliest.at?.time?.start ?? Infinity)) earliest = event;
  }
  return earliest;
}

const factsCache = new WeakMap<ParsedPostmortem, PostmortemFacts>();
const eventFacts = new WeakMap<YNode, { index: number; zone: string | undefined; fact: EventFact }>();

export function factsOf(parsed: ParsedPostmortem): PostmortemFacts {
  return runToEnd(factsSteps(parsed, never));
}

/** The same as a Work (util/work.ts): reading the events of a long timeline pauses between runs of them. */
export function* factsSteps(parsed: ParsedPostmortem, shouldYield: () => boolean): Work<PostmortemFacts> {
  let facts = factsCache.get(parsed);
  if (!facts) {
    facts = yield* readFacts(parsed.root, shouldYield);
    factsCache.set(parsed, facts);
  }
  return facts;
}

function* readFacts(rootNode: YNode | null, shouldYield: () => boolean): Work<PostmortemFacts> {
  const root = asMap(rootNode);
  const zoneText = stringValue(childOf(root, 'timezone'));
  const zone = zoneText && isValidTimeZone(zoneText) ? zoneText : undefined;
  const times: TimeFact[] = [];
  const timeAt = (node: YNode | null): TimeFact | undefined => {
    const scalar = asScalar(node);
    if (!scalar || typeof scalar.value !== 'string') return undefined;
    const fact = { text: scalar.value, node: scalar, time: parseTime(scalar.value, zone) };
    times.push(fact);
    return fact;
  };
  const periodNode = asMap(childOf(childOf(root, 'impact'), 'period'));
  const period = periodNode ? { node: periodNode, ...optional('start', timeAt(childOf(periodNode, 'start'))), ...optional('end', timeAt(childOf(periodNode, 'end'))) } : undefined;

  // This runs for every event on every keystroke. An incremental parse hands back the very same
  // node for an event whose text did not change, so its fact is reused when index and zone agree.
  const eventFact = (node: YNode, index: number): EventFact => {
    const known = eventFacts.get(node);
    if (known && known.index === index && known.zone === zone) {
      if (known.fact.at) times.push(known.fact.at);
      if (known.fact.until) times.push(known.fact.until);
      return known.fact;
    }
    const at = timeAt(childOf(node, 'at'));
    const until = timeAt(childOf(node, 'until'));
    const kindNode = asScalar(childOf(node, 'kind'));
    const event: EventFact = { index, node, kind: typeof kindNode?.value === 'string' ? kindNode.value : 'other', text: stringValue(childOf(node, 'event')) ?? '' };
    if (at) event.at = at;
    if (until) event.until = until;
    if (kindNode) event.kindNode = kindNode;
    eventFacts.set(node, { index, zone, fact: event });
    return event;
  };
  const eventNodes = itemsOf(root, 'timeline');
  const events: EventFact[] = [];
  for (const [index, node] of eventNodes.entries()) {
    events.push(eventFact(node, index));
    if (index % 256 === 255 && shouldYield()) yield;
  }

  const factors = itemsOf(childOf(root, 'cause'), 'factors').map((node, index): FactorFact => ({
    index,
    node,
    ...optional('id', idAt(childOf(node, 'id'))),
    description: stringValue(childOf(node, 'description')) ?? '',
  }));

  const countermeasures = itemsOf(root, 'countermeasures').map((node, index): CountermeasureFact => {
    const statusNode = asScalar(childOf(node, 'status'));
    return {
      index,
      node,
      ...optional('id', idAt(childOf(node, 'id'))),
      action: stringValue(childOf(node, 'action')) ?? '',
      type: stringValue(childOf(node, 'type')),
      status: typeof statusNode?.value === 'string' ? statusNode.value : undefined,
      ...optional('statusNode', statusNode ?? undefined),
      date: stringValue(childOf(node, 'date')),
      addresses: (asSeq(childOf(node, 'addresses'))?.items ?? []).map(idAt).filter((fact): fact is IdFact => fact !== undefined),
    };
  });

  const counts = itemsOf(childOf(root, 'impact'), 'counts').map((node, index): CountFact => {
    const valueNode = asScalar(childOf(node, 'value'));
    const breakdownMap = asMap(childOf(node, 'breakdown'));
    return {
      index,
      node,
      label: stringValue(childOf(node, 'label')) ?? '',
      value: integerOf(valueNode),
      ...optional('valueNode', valueNode ?? undefined),
      qualifier: stringValue(childOf(node, 'qualifier')) ?? 'exact',
      unit: stringValue(childOf(node, 'unit')),
      breakdown: (breakdownMap?.pairs ?? []).map((pair: YPair) => ({
        key: String(pair.key.value),
        keyNode: pair.key,
        value: integerOf(asScalar(pair.value)),
        valueNode: pair.value,
      })),
    };
  });

  const publishedNode = asScalar(childOf(root, 'published'));
  return {
    root,
    zone,
    language: stringValue(childOf(root, 'language')),
    status: stringValue(childOf(root, 'status')),
    published: publishedNode && typeof publishedNode.value === 'string' ? { text: publishedNode.value, node: publishedNode } : undefined,
    period,
    events,
    factors,
    countermeasures,
    counts,
    times,
  };
}

function itemsOf(parent: YNode | null, key: string): YNode[] {
  return asSeq(childOf(parent, key))?.items ?? [];
}

function idAt(node: YNode | null): IdFact | undefined {
  const scalar = asScalar(node);
  if (!scalar || scalar.value === null || scalar.value === undefined || typeof scalar.value === 'object') return undefined;
  return { id: String(scalar.value), node: scalar };
}

function integerOf(node: YScalar | null | undefined): number | undefined {
  return typeof node?.value === 'number' && Number.isInteger(node.value) ? node.value : undefined;
}

/** Spreads `{ [key]: value }` only when the value exists, which keeps optional fields truly absent. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}


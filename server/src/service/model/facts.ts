import { defineQuery, querySteps } from '../parse/snapshot';
import type { ParsedPostmortem } from '../parse/parse';
import { asMap, asScalar, asSeq, childOf, stringValue, type YMap, type YNode, type YPair, type YScalar } from '../parse/tree';
import { isValidTimeZone, parseTime, type ParsedTime } from '../time';
import { abbreviationZones } from '../util/zones';
import { never, runToEnd, type Work } from '../util/work';
import { LESSON_KEYS, type LessonKey } from '../../contracts/model';

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
  /** Every time in the document (period, windows, events), so time checks cover them all. */
  times: TimeFact[];
  // Format 1.1: all optional, so each is undefined or empty in a version-1 document.
  /** `report`: `preliminary` or `final` as written (the schema reports other values). */
  report: TextFact | undefined;
  severity: TextFact | undefined;
  services: TextFact[];
  regions: TextFact[];
  /** `impact.windows`, each with its times (also listed in `times`). */
  windows: WindowFact[];
  /** `impact.data_exposed`: `'none'` said explicitly, or the kinds listed; undefined when absent or malformed. */
  dataExposed: { value: 'none' | string[]; node: YNode } | undefined;
  fiveWhys: TextFact[];
  lessons: Record<LessonKey, TextFact[]>;
  links: LinkFact[];
}

/** A text value with its node: a date, an owner, one entry of a list of strings. */
export interface TextFact {
  text: string;
  node: YScalar;
}

export type DatedNode = TextFact;

/** The four lists of lessons, in the order a review reads them (wire vocabulary: the contracts). */
export { LESSON_KEYS, type LessonKey };

export interface WindowFact {
  index: number;
  node: YNode;
  label: string;
  start?: TimeFact;
  end?: TimeFact;
}

export interface LinkFact {
  index: number;
  node: YNode;
  title: string;
  url?: TextFact;
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
  // Always present, possibly undefined: every event object has one shape, which keeps the loops
  // over ten thousand of them per keystroke monomorphic.
  at: TimeFact | undefined;
  until: TimeFact | undefined;
  kind: string;
  kindNode: YScalar | undefined;
  text: string;
  /** `approximate: true`: the times are "around" (頃), which ordering checks allow for. */
  approximate: boolean;
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
  category?: TextFact;
  /** Why the risk is accepted; an accepted factor needs no countermeasure. */
  accepted?: TextFact;
}

export interface CountermeasureFact {
  index: number;
  node: YNode;
  id?: IdFact;
  action: string;
  type: string | undefined;
  status: string | undefined;
  statusNode?: YScalar;
  /** The day it was done (`due` is the day it is planned for). */
  date: string | undefined;
  dateNode?: YScalar;
  addresses: IdFact[];
  owner?: TextFact;
  due?: TextFact;
  priority?: TextFact;
  ticket?: TextFact;
  /** Why a `wont_do` measure is not done. */
  reason?: TextFact;
}

export interface CountFact {
  index: number;
  node: YNode;
  label: string;
  /** Whole or decimal (`99.9` with `unit: "%"`); undefined when not a number. */
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

const FACTS = defineQuery<PostmortemFacts>('facts');
/**
 * One string object per zone name: every version's facts compare their zone with the one each
 * reused event fact was read under, 10,000 times per keystroke, and the same object compares at once.
 * It is also a copy, so the fact never keeps a slice of an old version's text alive.
 */
const zoneNames = new Map<string, string>();
function canonicalZone(zone: string): string {
  let known = zoneNames.get(zone);
  if (known === undefined) {
    known = (' ' + zone).slice(1);
    zoneNames.set(known, known);
  }
  return known;
}

/** Events read between two looks at `shouldYield`. */
const EVENT_RUN = 256;
const eventFacts = new WeakMap<YNode, { index: number; zone: string | undefined; fact: EventFact }>();

/**
 * The facts of events `from`…`to`, appended to `events` (and their times to `times`). This runs for
 * every event on every keystroke: an incremental parse hands back the very same node for an event
 * whose text did not change, so its fact is reused when index and zone agree. A plain function
 * with a plain loop, outside the generator, so the engine optimizes it.
 */
function readEvents(nodes: readonly YNode[], from: number, to: number, zone: string | undefined, timeAt: (node: YNode | null) => TimeFact | undefined, events: EventFact[], times: TimeFact[]): void {
  for (let index = from; index < to; index++) {
    const node = nodes[index] as YNode;
    const known = eventFacts.get(node);
    if (known !== undefined && known.index === index && known.zone === zone) {
      const fact = known.fact;
      if (fact.at !== undefined) times.push(fact.at);
      if (fact.until !== undefined) times.push(fact.until);
      events.push(fact);
      continue;
    }
    const kindNode = asScalar(childOf(node, 'kind')) ?? undefined;
    const fact: EventFact = {
      index,
      node,
      at: timeAt(childOf(node, 'at')),
      until: timeAt(childOf(node, 'until')),
      kind: typeof kindNode?.value === 'string' ? kindNode.value : 'other',
      kindNode,
      text: stringValue(childOf(node, 'event')) ?? '',
      approximate: asScalar(childOf(node, 'approximate'))?.value === true,
    };
    eventFacts.set(node, { index, zone, fact });
    events.push(fact);
  }
}

export function factsOf(parsed: ParsedPostmortem): PostmortemFacts {
  return runToEnd(factsSteps(parsed, never));
}

/** The same as a Work (util/work.ts): reading the events of a long timeline pauses between runs of them. */
export function* factsSteps(parsed: ParsedPostmortem, shouldYield: () => boolean): Work<PostmortemFacts> {
  return yield* querySteps(parsed, FACTS, () => readFacts(parsed.root, shouldYield));
}

function* readFacts(rootNode: YNode | null, shouldYield: () => boolean): Work<PostmortemFacts> {
  const root = asMap(rootNode);
  const zoneText = stringValue(childOf(root, 'timezone'));
  // An abbreviation (`BST`) is never a zone, even where ICU knows it as one (Asia/Dhaka): see rules/timezoneAbbreviation.
  const zone = zoneText && isValidTimeZone(zoneText) && !abbreviationZones(zoneText) ? canonicalZone(zoneText) : undefined;
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
  const windows = itemsOf(childOf(root, 'impact'), 'windows').map((node, index): WindowFact => ({
    index,
    node,
    label: stringValue(childOf(node, 'label')) ?? '',
    ...optional('start', timeAt(childOf(node, 'start'))),
    ...optional('end', timeAt(childOf(node, 'end'))),
  }));

  const eventNodes = itemsOf(root, 'timeline');
  const events: EventFact[] = [];
  for (let from = 0; from < eventNodes.length; from += EVENT_RUN) {
    readEvents(eventNodes, from, Math.min(from + EVENT_RUN, eventNodes.length), zone, timeAt, events, times);
    if (shouldYield()) yield;
  }

  const factors = itemsOf(childOf(root, 'cause'), 'factors').map((node, index): FactorFact => ({
    index,
    node,
    ...optional('id', idAt(childOf(node, 'id'))),
    description: stringValue(childOf(node, 'description')) ?? '',
    ...optional('category', textAt(childOf(node, 'category'))),
    ...optional('accepted', textAt(childOf(node, 'accepted'))),
  }));

  const countermeasures = itemsOf(root, 'countermeasures').map((node, index): CountermeasureFact => {
    const statusNode = asScalar(childOf(node, 'status'));
    const date = textAt(childOf(node, 'date'));
    return {
      index,
      node,
      ...optional('id', idAt(childOf(node, 'id'))),
      action: stringValue(childOf(node, 'action')) ?? '',
      type: stringValue(childOf(node, 'type')),
      status: typeof statusNode?.value === 'string' ? statusNode.value : undefined,
      ...optional('statusNode', statusNode ?? undefined),
      date: date?.text,
      ...optional('dateNode', date?.node),
      addresses: (asSeq(childOf(node, 'addresses'))?.items ?? []).map(idAt).filter((fact): fact is IdFact => fact !== undefined),
      ...optional('owner', textAt(childOf(node, 'owner'))),
      ...optional('due', textAt(childOf(node, 'due'))),
      ...optional('priority', textAt(childOf(node, 'priority'))),
      ...optional('ticket', textAt(childOf(node, 'ticket'))),
      ...optional('reason', textAt(childOf(node, 'reason'))),
    };
  });

  const counts = itemsOf(childOf(root, 'impact'), 'counts').map((node, index): CountFact => {
    const valueNode = asScalar(childOf(node, 'value'));
    const breakdownMap = asMap(childOf(node, 'breakdown'));
    return {
      index,
      node,
      label: stringValue(childOf(node, 'label')) ?? '',
      value: numberOf(valueNode),
      ...optional('valueNode', valueNode ?? undefined),
      qualifier: stringValue(childOf(node, 'qualifier')) ?? 'exact',
      unit: stringValue(childOf(node, 'unit')),
      // `x-` keys are team extensions, not parts of the figure.
      breakdown: (breakdownMap?.pairs ?? []).filter((pair) => !isExtensionKey(pair.key.value)).map((pair: YPair) => ({
        key: String(pair.key.value),
        keyNode: pair.key,
        value: numberOf(asScalar(pair.value)),
        valueNode: pair.value,
      })),
    };
  });

  const dataExposedNode = childOf(childOf(root, 'impact'), 'data_exposed');
  const dataExposed = asScalar(dataExposedNode)?.value === 'none' ? 'none' : asSeq(dataExposedNode) ? textsOf(dataExposedNode).map((fact) => fact.text) : undefined;
  const links = itemsOf(root, 'links').map((node, index): LinkFact => ({ index, node, title: stringValue(childOf(node, 'title')) ?? '', ...optional('url', textAt(childOf(node, 'url'))) }));
  return {
    root,
    zone,
    language: stringValue(childOf(root, 'language')),
    status: stringValue(childOf(root, 'status')),
    published: textAt(childOf(root, 'published')),
    period,
    events,
    factors,
    countermeasures,
    counts,
    times,
    report: textAt(childOf(root, 'report')),
    severity: textAt(childOf(root, 'severity')),
    services: textsOf(childOf(root, 'services')),
    regions: textsOf(childOf(root, 'regions')),
    windows,
    dataExposed: dataExposed && dataExposedNode ? { value: dataExposed, node: dataExposedNode } : undefined,
    fiveWhys: textsOf(childOf(childOf(root, 'cause'), 'five_whys')),
    lessons: Object.fromEntries(LESSON_KEYS.map((key) => [key, textsOf(childOf(root, key))])) as Record<LessonKey, TextFact[]>,
    links,
  };
}

/** Keys starting with `x-` are team extensions: allowed anywhere, read by no check. */
export function isExtensionKey(key: unknown): boolean {
  return typeof key === 'string' && key.startsWith('x-');
}

function textAt(node: YNode | null): TextFact | undefined {
  const scalar = asScalar(node);
  return scalar && typeof scalar.value === 'string' ? { text: scalar.value, node: scalar } : undefined;
}

/** The text entries of a list of strings; other entries are left to the schema to report. */
function textsOf(node: YNode | null): TextFact[] {
  return (asSeq(node)?.items ?? []).map(textAt).filter((fact): fact is TextFact => fact !== undefined);
}

function itemsOf(parent: YNode | null, key: string): YNode[] {
  return asSeq(childOf(parent, key))?.items ?? [];
}

function idAt(node: YNode | null): IdFact | undefined {
  const scalar = asScalar(node);
  if (!scalar || scalar.value === null || scalar.value === undefined || typeof scalar.value === 'object') return undefined;
  return { id: String(scalar.value), node: scalar };
}

function numberOf(node: YScalar | null | undefined): number | undefined {
  return typeof node?.value === 'number' && Number.isFinite(node.value) ? node.value : undefined;
}

/** Spreads `{ [key]: value }` only when the value exists, which keeps optional fields truly absent. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}


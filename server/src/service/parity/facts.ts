import { defineQuery, query } from '../parse/snapshot';
import { factsOf, type TimeFact } from '../model/facts';
import { regulatoryOf } from '../model/regulatory';
import type { ParsedPostmortem } from '../parse/parse';
import { asMap, asScalar, childOf, pairOf, stringValue, type YNode } from '../parse/tree';

/**
 * The facts two language versions of one incident must agree on, flattened into comparable entries.
 * Each entry has a structural key (the same in both files, whatever the language), a normalised
 * value and the node to report on. Free text never becomes an entry.
 */
export interface ParityFact {
  key: string;
  /** How the finding names the fact: a path such as `timeline[3].at`, language-neutral. */
  label: string;
  /** Compared between the two files. */
  value: string;
  /** This side's value as written, shown in the other file (and copied there by the quick fix). */
  display: string;
  node: YNode;
  /** The quick fix may put the other side's `display` in place of this node. */
  replaceable: boolean;
  /** An identity (factor id, regime…): reported when the other side lacks it. */
  identity?: boolean;
  /** Facts of a list whose length differs are not compared item by item (the length finding says it). */
  group?: string;
}

const PARITY_FACTS = defineQuery<Map<string, ParityFact>>('parity facts');

export function parityFacts(parsed: ParsedPostmortem): Map<string, ParityFact> {
  return query(parsed, PARITY_FACTS, () => readParityFacts(parsed));
}

function readParityFacts(parsed: ParsedPostmortem): Map<string, ParityFact> {
  const facts = factsOf(parsed);
  const out = new Map<string, ParityFact>();
  const add = (fact: ParityFact) => out.set(fact.key, fact);
  const scalarFact = (key: string, label: string, node: YNode | null | undefined, group?: string, identity = false) => {
    const scalar = asScalar(node);
    if (!scalar || scalar.value === null || scalar.value === undefined) return;
    add({ key, label, value: String(scalar.value), display: String(scalar.value), node: scalar, replaceable: true, ...(group ? { group } : {}), ...(identity ? { identity } : {}) });
  };
  const timeFact = (key: string, label: string, time: TimeFact | undefined, group?: string) => {
    if (time) add({ key, label, value: timeValue(time), display: time.text, node: time.node, replaceable: true, ...(group ? { group } : {}) });
  };
  const lengthFact = (key: string, node: YNode | null | undefined, length: number) => {
    if (node) add({ key: `${key}#length`, label: `\`${key}\``, value: String(length), display: String(length), node, replaceable: false, identity: true });
  };
  const root = facts.root;

  // The top-level facts a reader of either notice sees first: one left out of a version is a finding too.
  scalarFact('status', '`status`', childOf(root, 'status'), undefined, true);
  scalarFact('severity', '`severity`', childOf(root, 'severity'), undefined, true);
  scalarFact('report', '`report`', childOf(root, 'report'), undefined, true);
  scalarFact('published', '`published`', childOf(root, 'published'), undefined, true);
  timeFact('period.start', '`impact.period.start`', facts.period?.start);
  timeFact('period.end', '`impact.period.end`', facts.period?.end);

  const impactMap = asMap(childOf(root, 'impact'));
  lengthFact('impact.windows', impactMap ? pairOf(impactMap, 'windows')?.key : undefined, facts.windows.length);
  for (const window of facts.windows) {
    const base = `impact.windows[${window.index}]`;
    timeFact(`${base}.start`, `\`${base}.start\``, window.start, 'impact.windows');
    timeFact(`${base}.end`, `\`${base}.end\``, window.end, 'impact.windows');
  }

  const timelineKey = root ? pairOf(root, 'timeline')?.key : undefined;
  lengthFact('timeline', timelineKey, facts.events.length);
  for (const event of facts.events) {
    const base = `timeline[${event.index}]`;
    scalarFact(`${base}.kind`, `\`${base}.kind\``, event.kindNode, 'timeline');
    timeFact(`${base}.at`, `\`${base}.at\``, event.at, 'timeline');
    timeFact(`${base}.until`, `\`${base}.until\``, event.until, 'timeline');
  }

  lengthFact('impact.counts', impactMap ? pairOf(impactMap, 'counts')?.key : undefined, facts.counts.length);
  for (const count of facts.counts) {
    const base = `impact.counts[${count.index}]`;
    scalarFact(`${base}.value`, `\`${base}.value\``, count.valueNode, 'impact.counts');
    scalarFact(`${base}.qualifier`, `\`${base}.qualifier\``, childOf(count.node, 'qualifier'), 'impact.counts');
    for (const part of count.breakdown) {
      const key = `${base}.breakdown.${part.key}`;
      add({ key: `${key}#key`, label: `\`${key}\``, value: part.key, display: part.key, node: part.keyNode, replaceable: false, identity: true, group: 'impact.counts' });
      scalarFact(key, `\`${key}\``, part.valueNode, 'impact.counts');
    }
  }

  for (const factor of facts.factors) {
    if (factor.id) add({ key: `factor:${factor.id.id}`, label: `\`cause.factors\` \`${factor.id.id}\``, value: factor.id.id, display: factor.id.id, node: factor.id.node, replaceable: false, identity: true });
  }

  for (const measure of facts.countermeasures) {
    // Without ids, countermeasures can only be matched by their place in the list.
    const name = measure.id?.id ?? `#${measure.index}`;
    const base = `countermeasures[${name}]`;
    const group = measure.id ? undefined : 'countermeasures';
    if (measure.id) add({ key: `measure:${name}`, label: `\`${base}\``, value: name, display: name, node: measure.id.node, replaceable: false, identity: true });
    scalarFact(`${base}.status`, `\`${base}.status\``, measure.statusNode, group);
    scalarFact(`${base}.date`, `\`${base}.date\``, childOf(measure.node, 'date'), group);
    scalarFact(`${base}.due`, `\`${base}.due\``, childOf(measure.node, 'due'), group);
    const addresses = childOf(measure.node, 'addresses');
    if (addresses) {
      const ids = [...new Set(measure.addresses.map((address) => address.id))].sort();
      add({ key: `${base}.addresses`, label: `\`${base}.addresses\``, value: ids.join(','), display: `[${ids.join(', ')}]`, node: addresses, replaceable: false, ...(group ? { group } : {}) });
    }
  }
  if (facts.countermeasures.some((measure) => !measure.id)) lengthFact('countermeasures', root ? pairOf(root, 'countermeasures')?.key : undefined, facts.countermeasures.length);

  for (const entry of regulatoryOf(parsed)) {
    if (!entry.regime) continue;
    const base = `regulatory[${entry.regime.text}]`;
    add({ key: `regime:${entry.regime.text}`, label: `\`${base}\``, value: entry.regime.text, display: entry.regime.text, node: entry.regime.node, replaceable: false, identity: true });
    timeFact(`${base}.clock_start`, `\`${base}.clock_start\``, entry.clockStart);
    scalarFact(`${base}.malicious`, `\`${base}.malicious\``, entry.maliciousNode);
    scalarFact(`${base}.reportable`, `\`${base}.reportable\``, childOf(entry.node, 'reportable'));
    for (const report of entry.reports) {
      if (!report.stage) continue;
      const reportKey = `${base}.reports[${report.stage.text}]`;
      add({ key: `${reportKey}#stage`, label: `\`${reportKey}\``, value: report.stage.text, display: report.stage.text, node: report.stage.node, replaceable: false, identity: true });
      timeFact(`${reportKey}.at`, `\`${reportKey}.at\``, report.at);
    }
  }
  return out;
}

/**
 * Clock times compare as instants (`2020-10-15T17:00` in Tokyo equals `2020-10-15T08:00Z`); dates and
 * months name calendar periods and compare as written, as does anything without a known zone.
 */
function timeValue(fact: TimeFact): string {
  const time = fact.time;
  if (!time) return `text:${fact.text}`;
  if (!time.hasClock || !time.zoneKnown) return `text:${fact.text}`;
  return `instant:${time.start}-${time.end}`;
}

/** The document's `id` and `language`, which make two files versions of one incident. */
export interface VersionKey {
  id: string;
  language: string | undefined;
}

export function versionKey(parsed: ParsedPostmortem): VersionKey | undefined {
  const root = factsOf(parsed).root;
  const id = stringValue(childOf(root, 'id'));
  return id ? { id, language: stringValue(childOf(root, 'language')) } : undefined;
}

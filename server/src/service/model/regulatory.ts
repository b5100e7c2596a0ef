import { defineQuery, query } from '../parse/snapshot';
import type { ParsedPostmortem } from '../parse/parse';
import { asScalar, asSeq, childOf, stringValue, type YNode, type YScalar } from '../parse/tree';
import { parseTime } from '../time';
import { factsOf, type TextFact, type TimeFact } from './facts';

/** `regulatory:` read once per parse; kept apart from facts.ts because only its own features need it. */
export interface RegulatoryFact {
  index: number;
  node: YNode;
  regime?: TextFact;
  clockStart?: TimeFact;
  malicious: boolean;
  maliciousNode?: YScalar;
  /** False when the entry records that no report is required (`reportable: false`). */
  reportable: boolean;
  reports: ReportFact[];
}

export interface ReportFact {
  index: number;
  node: YNode;
  stage?: TextFact;
  at?: TimeFact;
  to?: TextFact;
}

const REGULATORY = defineQuery<RegulatoryFact[]>('regulatory facts');

export function regulatoryOf(parsed: ParsedPostmortem): RegulatoryFact[] {
  return query(parsed, REGULATORY, () => readRegulatory(parsed));
}

function readRegulatory(parsed: ParsedPostmortem): RegulatoryFact[] {
  const { root, zone } = factsOf(parsed);
  const timeAt = (node: YNode | null): TimeFact | undefined => {
    const scalar = asScalar(node);
    return scalar && typeof scalar.value === 'string' ? { text: scalar.value, node: scalar, time: parseTime(scalar.value, zone) } : undefined;
  };
  return (asSeq(childOf(root, 'regulatory'))?.items ?? []).map((node, index): RegulatoryFact => {
    const maliciousNode = asScalar(childOf(node, 'malicious'));
    const entry: RegulatoryFact = {
      index,
      node,
      malicious: maliciousNode?.value === true,
      reportable: asScalar(childOf(node, 'reportable'))?.value !== false,
      reports: (asSeq(childOf(node, 'reports'))?.items ?? []).map((reportNode, reportIndex): ReportFact => {
        const report: ReportFact = { index: reportIndex, node: reportNode };
        const stage = textAt(childOf(reportNode, 'stage'));
        const at = timeAt(childOf(reportNode, 'at'));
        const to = textAt(childOf(reportNode, 'to'));
        if (stage) report.stage = stage;
        if (at) report.at = at;
        if (to) report.to = to;
        return report;
      }),
    };
    const regime = textAt(childOf(node, 'regime'));
    const clockStart = timeAt(childOf(node, 'clock_start'));
    if (regime) entry.regime = regime;
    if (clockStart) entry.clockStart = clockStart;
    if (maliciousNode) entry.maliciousNode = maliciousNode;
    return entry;
  });
}

function textAt(node: YNode | null): TextFact | undefined {
  const scalar = asScalar(node);
  const text = stringValue(scalar);
  return scalar && text !== undefined && text !== '' ? { text, node: scalar } : undefined;
}

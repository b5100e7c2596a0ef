import type { ServiceContext } from '../../context';
import { createLocalizer, type Localizer, type MessageKey } from '../../l10n';
import { earliestOfKind, factsOf, type EventFact, type PostmortemFacts, type TimeFact } from '../../model/facts';
import type { ParsedPostmortem } from '../../parse/parse';
import { asSeq, childOf, stringValue, type YNode } from '../../parse/tree';
import { stageLabel } from '../../regulatory/describe';
import { analyzeRegulatory, type RegimeAnalysis } from '../../regulatory/engine';
import type { Language } from '../timeline/model';
import { formatTime } from '../timeline/format';
import { valueText } from '../timeline/sections';
import type { Block, Inline } from '../notice/outline';

export type ReportProfile = 'appi' | 'telecom-jp' | 'gdpr';
export const REPORT_PROFILES: readonly ReportProfile[] = ['appi', 'telecom-jp', 'gdpr'];

/**
 * The items a regulator's report form asks for, filled from the document and written in the
 * language of the form: APPI and telecom-jp in Japanese, GDPR in English. Where the document says
 * nothing, the item says so (「未記入」, "Not stated") instead of disappearing, so the officer sees
 * what is left to write. Document text stays as written, in its own language.
 */
export function reportOutline(parsed: ParsedPostmortem, profile: ReportProfile, context: ServiceContext): Block[] {
  const language: Language = profile === 'gdpr' ? 'en' : 'ja';
  const l10n = createLocalizer(language);
  const facts = factsOf(parsed);
  const view = new DocumentView(facts, l10n, language);
  const regimes = analyzeRegulatory(parsed, context.settings(parsed.uri).project.regimes);
  const title = stringAt(facts, 'title') ?? stringAt(facts, 'id') ?? '';
  const blocks: Block[] = [
    { kind: 'title', text: l10n.t(`report.${profile === 'telecom-jp' ? 'telecom' : profile}.title`, title) },
    { kind: 'paragraph', content: [{ text: l10n.t('report.disclaimer', stringAt(facts, 'id') ?? '') }] },
  ];
  const item = (key: MessageKey, lines: (string | undefined)[]) => {
    blocks.push({ kind: 'heading', level: 2, text: key.startsWith('report.gdpr') ? l10n.t(key) : `${key.slice(key.lastIndexOf('.') + 1)}. ${l10n.t(key)}` });
    const present = lines.filter((line): line is string => line !== undefined && line !== '');
    blocks.push(present.length === 0 ? { kind: 'paragraph', content: [{ text: l10n.t('report.missing') }] } : { kind: 'list', items: present.map((line): Inline[] => [{ text: line }]) });
  };
  const regime = (id: string) => regimes.find((analysis) => analysis.regime?.id === id);

  if (profile === 'appi') {
    item('report.appi.1', [stringAt(facts, 'overview'), view.period(), view.labelled('report.field.detected', view.time(earliestOfKind(facts.events, 'detected')?.at))]);
    item('report.appi.2', view.dataExposed());
    item('report.appi.3', view.counts());
    item('report.appi.4', view.cause());
    item('report.appi.5', view.effects());
    item('report.appi.6', view.eventsOfKind('notified'));
    item('report.appi.7', [view.labelled('report.field.published', facts.published?.text), ...view.eventsOfKind('published')]);
    item('report.appi.8', view.countermeasures());
    item('report.appi.9', [view.detection(), ...view.regimeLines(regime('appi')), view.labelled('report.field.contact', stringAt(facts, 'contact', 'url'))]);
  } else if (profile === 'telecom-jp') {
    const telecom = regime('telecom-jp');
    item('report.telecom.1', view.reports(telecom));
    item('report.telecom.2', [view.time(earliestOfKind(facts.events, 'occurred')?.at ?? facts.period?.start)]);
    item('report.telecom.3', [view.time(earliestOfKind(facts.events, 'resolved')?.at ?? facts.period?.end)]);
    item('report.telecom.4', facts.regions.map((region) => region.text));
    item('report.telecom.5', facts.services.map((service) => service.text));
    item('report.telecom.6', [stringAt(facts, 'impact', 'summary'), ...view.effects(), view.period()]);
    item('report.telecom.7', view.counts());
    item('report.telecom.8', view.cause());
    item('report.telecom.9', view.eventsOfKind('responded', 'mitigated', 'resolved'));
    item('report.telecom.10', view.countermeasures());
  } else {
    const gdpr = regime('gdpr');
    item('report.gdpr.a', [stringAt(facts, 'overview'), ...view.dataExposed(), ...view.counts(), view.period()]);
    item('report.gdpr.b', [view.labelled('report.field.contact', stringAt(facts, 'contact', 'url')), stringAt(facts, 'contact', 'note')]);
    item('report.gdpr.c', view.effects());
    item('report.gdpr.d', [...view.eventsOfKind('mitigated'), ...view.countermeasures()]);
    const late = gdpr?.stages.some((stage) => stage.late);
    item('report.gdpr.timing', [view.labelled('report.field.detected', view.time(earliestOfKind(facts.events, 'detected')?.at)), ...view.regimeLines(gdpr), late ? l10n.t('report.field.reasonsLate') : undefined]);
  }
  return blocks;
}

/** The document's facts worded for one form. */
class DocumentView {
  constructor(
    private readonly facts: PostmortemFacts,
    private readonly l10n: Localizer,
    private readonly language: Language,
  ) {}

  time(fact: TimeFact | undefined): string | undefined {
    if (!fact?.time) return fact?.text;
    // A date names a calendar day; only a clock time needs its zone said.
    return formatTime(fact.time.start, fact.time.precision, this.facts.zone, this.language) + (this.facts.zone && fact.time.hasClock ? ` (${this.facts.zone})` : '');
  }

  labelled(key: MessageKey, value: string | undefined): string | undefined {
    return value ? this.l10n.t(key, value) : undefined;
  }

  period(): string | undefined {
    const { start, end } = this.facts.period ?? {};
    if (!start) return undefined;
    return this.l10n.t('report.field.period', `${this.time(start) ?? ''} – ${this.time(end) ?? ''}`.trim());
  }

  dataExposed(): string[] {
    const exposed = this.facts.dataExposed?.value;
    if (exposed === 'none') return [this.l10n.t('report.none')];
    return exposed ?? [];
  }

  counts(): string[] {
    const numbers = createLocalizer(this.language);
    return this.facts.counts.map((count) => `${count.label}: ${valueText(count.value, count.qualifier, count.unit, numbers)}`);
  }

  cause(): string[] {
    const lines = [stringAt(this.facts, 'cause', 'summary'), ...this.facts.factors.map((factor) => factor.description)];
    const trigger = stringAt(this.facts, 'cause', 'trigger');
    return [...lines, this.labelled('report.field.trigger', trigger)].filter((line): line is string => Boolean(line));
  }

  effects(): string[] {
    return stringsAt(this.facts, 'impact', 'effects');
  }

  detection(): string | undefined {
    const summary = stringAt(this.facts, 'detection', 'summary');
    return this.labelled('report.field.detection', summary);
  }

  /** Events of the given kinds, in the document's order. */
  eventsOfKind(...kinds: string[]): string[] {
    return this.facts.events.filter((event: EventFact) => kinds.includes(event.kind)).map((event) => `${this.time(event.at) ?? ''} ${event.text}`.trim());
  }

  countermeasures(): string[] {
    return this.facts.countermeasures.map((measure) => {
      const status = measure.status ? this.l10n.t(`notice.cmStatus.${measure.status}` as MessageKey) : this.l10n.t('notice.cmStatus.unknown');
      return this.l10n.t('report.measure', measure.action, measure.date ? `${status} ${measure.date}` : status);
    });
  }

  /** Each report made under a regime, with its stage, time and authority. */
  reports(analysis: RegimeAnalysis | undefined): string[] {
    return (analysis?.entry.reports ?? []).map((report) =>
      this.l10n.t('report.field.reportLine', stageLabel(report.stage?.text ?? '', this.l10n), this.time(report.at) ?? this.l10n.t('report.missing'), report.to?.text ?? this.l10n.t('report.missing')),
    );
  }

  /** The reports made and each stage's deadline. */
  regimeLines(analysis: RegimeAnalysis | undefined): string[] {
    if (!analysis?.regime) return [];
    const deadlines = analysis.stages.flatMap((status) => {
      const limit = status.limits.at(-1);
      return limit ? [this.l10n.t('report.field.deadline', stageLabel(status.stage.id, this.l10n), limit.dueText)] : [];
    });
    const made = this.reports(analysis);
    return [...(made.length > 0 ? [this.l10n.t('report.field.reports', analysis.regime.id, made.join(' / '))] : []), ...deadlines];
  }
}

function nodeAt(facts: PostmortemFacts, path: readonly string[]): YNode | null {
  return path.reduce<YNode | null>((node, key) => childOf(node, key), facts.root);
}

function stringAt(facts: PostmortemFacts, ...path: string[]): string | undefined {
  const text = stringValue(nodeAt(facts, path))?.trim();
  return text ? text : undefined;
}

function stringsAt(facts: PostmortemFacts, ...path: string[]): string[] {
  return (asSeq(nodeAt(facts, path))?.items ?? []).map(stringValue).filter((text): text is string => Boolean(text));
}

import type { Localizer, MessageKey } from '../../../l10n';
import { earliestOfKind, type CountermeasureFact, type CountFact, type EventFact, type PostmortemFacts } from '../../../model/facts';
import type { ParsedPostmortem } from '../../../parse/parse';
import { childOf, stringValue, type YNode } from '../../../parse/tree';
import { stageLabel } from '../../../regulatory/describe';
import { daysLeft, type RegimeAnalysis, type StageStatus } from '../../../regulatory/engine';
import { isPersonCount } from '../../../rules/regulatory';
import { parseTime, type ParsedTime } from '../../../time';
import { formatTime } from '../../../views/format';
import type { Language } from '../../../views/model';
import { countViews } from '../../../views/counts';
import type { Block, Inline } from '../outline';
import { COUNTERMEASURE_STATUSES, isOneOf } from '../../../../contracts/vocabulary';

/** What every profile is built from: the parse, its facts and reporting clocks, and today. */
export interface ProfileInput {
  parsed: ParsedPostmortem;
  facts: PostmortemFacts;
  analyses: readonly RegimeAnalysis[];
  today: string | undefined;
  /** The UI language: the draft warning is repeated in it when it is not the profile's. */
  ui: Localizer;
}

/**
 * One field of a report item: a label (or none) and what the document says, as one text or a list.
 * An empty value is shown as "not stated" so the preparer sees what is left to fill in.
 */
export interface Field {
  label?: string | undefined;
  text?: string | undefined;
  items?: string[];
}

/**
 * Writes a profile as outline blocks, so the notice's Markdown and HTML renderers (and their
 * escaping) serve the profiles too. Headings and fixed words come from the profile's localizer.
 */
export class ProfileWriter {
  readonly blocks: Block[] = [];
  private number = 0;

  constructor(
    readonly l10n: Localizer,
    /** Zone times are shown in: the document's, or Japan time for telecom-jp. */
    readonly zone: string | undefined,
  ) {}

  get language(): Language {
    return this.l10n.locale;
  }

  /** Title, the draft warning (also in the UI language when it differs) and the incident's title. */
  header(titleKey: MessageKey, input: ProfileInput, zoneLabel: string): void {
    this.blocks.push({ kind: 'title', text: this.l10n.t(titleKey) });
    const warnings: Inline[][] = [[{ strong: this.l10n.t('profile.draft') }]];
    if (input.ui.locale !== this.l10n.locale) warnings.push([{ strong: input.ui.t('profile.draft') }]);
    for (const warning of warnings) this.blocks.push({ kind: 'paragraph', content: warning });
    const title = stringValue(childOf(input.facts.root, 'title'));
    const lines = [title ? this.l10n.t('profile.incident', title) : this.l10n.t('profile.incident', this.l10n.t('profile.notStated')), this.l10n.t('profile.timesIn', zoneLabel)];
    this.blocks.push({ kind: 'list', items: lines.map((text) => [{ text }]) });
  }

  /** A numbered item; when the document states none of its fields it reads "not stated" once. */
  item(headingKey: MessageKey, fields: readonly Field[]): void {
    this.section(this.l10n.t('notice.text.numbered', ++this.number, this.l10n.t(headingKey)), fields);
  }

  /** An item with its own heading (GDPR's article references). */
  section(heading: string, fields: readonly Field[]): void {
    this.blocks.push({ kind: 'heading', level: 2, text: heading });
    const stated = fields.filter((field) => (field.text !== undefined && field.text !== '') || (field.items?.length ?? 0) > 0);
    if (stated.length === 0) {
      this.blocks.push({ kind: 'paragraph', content: [{ text: this.notStated() }] });
      return;
    }
    for (const field of fields) this.field(field);
  }

  private field(field: Field): void {
    const items = field.items ?? [];
    if (items.length > 0) {
      if (field.label) this.blocks.push({ kind: 'paragraph', content: [{ strong: field.label }] });
      this.blocks.push({ kind: 'list', items: items.map((text) => [{ text }]) });
      return;
    }
    const empty = field.text === undefined || field.text === '';
    // An unlabelled field is only more of the item's text: nothing to point at when it is empty.
    if (empty && !field.label) return;
    const text = empty ? this.notStated() : (field.text as string);
    if (!field.label) {
      for (const part of text.split(/\r?\n\s*\r?\n/).map((line) => line.trim()).filter(Boolean)) this.blocks.push({ kind: 'paragraph', content: [{ text: part }] });
      return;
    }
    this.blocks.push({ kind: 'paragraph', content: [{ strong: field.label }, { text: this.l10n.t('notice.text.labelValue', '', text) }] });
  }

  notStated(): string {
    return this.l10n.t('profile.notStated');
  }

  /** A time as precise as written, in the writer's zone and language. */
  time(time: ParsedTime | undefined): string | undefined {
    return time ? formatTime(time.start, time.precision, this.zone, this.language) : undefined;
  }

  /** A date as written (`2021-02-08`) in the writer's language; anything else as written. */
  day(text: string): string {
    return this.time(parseTime(text, this.zone)) ?? text;
  }

  /** `from〜to` or `from` alone. */
  period(facts: PostmortemFacts): string | undefined {
    const start = this.time(facts.period?.start?.time);
    const end = this.time(facts.period?.end?.time);
    if (!start) return end;
    return end ? this.l10n.t('notice.period.range', start, end) : this.l10n.t('notice.period.ongoing', start);
  }

  /** Events of the kinds, with their time: "2021-01-21 18:40 Passwords are reset". */
  events(facts: PostmortemFacts, kinds: readonly string[]): string[] {
    return facts.events.filter((event) => kinds.includes(event.kind) && event.text).map((event) => this.eventLine(event));
  }

  eventLine(event: EventFact): string {
    const at = this.time(event.at?.time);
    return at ? this.l10n.t('profile.event', at, event.text) : event.text;
  }

  firstEvent(facts: PostmortemFacts, kind: string): string | undefined {
    return this.time(earliestOfKind(facts.events, kind)?.at?.time);
  }

  /** Counts worded as the notice words them, with their breakdown. */
  counts(counts: readonly CountFact[]): string[] {
    return countViews(counts, this.l10n).map((view) => {
      const value = this.l10n.t('notice.text.labelValue', view.label, view.valueText);
      if (view.breakdown.length === 0) return value;
      const parts = view.breakdown.map((part) => `${part.label} ${part.valueText}`).join(' / ');
      return this.l10n.t('notice.text.paren', value, this.l10n.t('notice.breakdown.list', parts));
    });
  }

  /** Countermeasures with their status and date: what was done, what is planned and when. */
  countermeasures(countermeasures: readonly CountermeasureFact[]): string[] {
    return countermeasures.filter((cm) => cm.action).map((cm) => this.l10n.t('notice.text.paren', cm.action, this.cmStatus(cm)));
  }

  private cmStatus(cm: CountermeasureFact): string {
    const parts: string[] = [];
    if (cm.status === 'done') parts.push(cm.date ? this.l10n.t('profile.cm.done', this.day(cm.date)) : this.l10n.t('profile.cm.doneUndated'));
    // A status the schema gains does not compile here until its `profile.cm.*` text exists.
    else if (isOneOf(COUNTERMEASURE_STATUSES, cm.status)) parts.push(this.l10n.t(`profile.cm.${cm.status}`));
    else parts.push(this.l10n.t('profile.cm.unknown'));
    if (cm.due && cm.status !== 'done') parts.push(this.l10n.t('profile.cm.due', this.day(cm.due.text)));
    if (cm.reason) parts.push(this.l10n.t('profile.cm.reason', cm.reason.text));
    return parts.reduce((all, part) => this.l10n.t('notice.text.list', all, part));
  }

  /**
   * The regime's reports, from the deadline engine: per stage, when it was made and to whom, or
   * that it is pending, with its deadline. Under the heading "Reports under …".
   */
  reports(regime: string, regimeName: string, input: ProfileInput): void {
    this.blocks.push({ kind: 'heading', level: 2, text: this.l10n.t('profile.reports', regimeName) });
    const mine = input.analyses.filter((analysis) => analysis.entry.regime?.text === regime);
    if (mine.length === 0) {
      this.blocks.push({ kind: 'paragraph', content: [{ text: this.l10n.t('profile.reports.none', regime) }] });
      return;
    }
    const lines: string[] = [];
    for (const analysis of mine) {
      if (!analysis.entry.reportable) lines.push(this.l10n.t('profile.reports.notReportable'));
      else {
        const clock = analysis.clock;
        lines.push(clock ? this.l10n.t('profile.reports.clock', this.instant(clock.instant, clock.text), this.l10n.t(`profile.clock.${clock.source === 'clock_start' ? 'clock_start' : clock.source === 'occurred' ? 'occurred' : 'detected'}`)) : this.l10n.t('profile.reports.noClock'));
        if (analysis.entry.malicious) lines.push(this.l10n.t('profile.malicious'));
        for (const status of analysis.stages) lines.push(this.stageLine(status, input.today));
      }
      const note = entryNote(analysis.entry.node);
      if (note) lines.push(this.l10n.t('profile.note', note));
    }
    this.blocks.push({ kind: 'list', items: lines.map((text) => [{ text }]) });
  }

  /** A clock's instant as the document wrote it (a date stays a date), in the writer's zone. */
  private instant(instant: number, written: string): string {
    return formatTime(instant, /T\d/.test(written) ? 'minute' : 'day', this.zone, this.language);
  }

  private stageLine(status: StageStatus, today: string | undefined): string {
    const stage = stageLabel(status.stage.id, this.l10n);
    const limit = status.limits.at(-1);
    const due = limit ? (limit.severity === 'warning' ? this.l10n.t('profile.reports.promptly', limit.dueText) : limit.dueText) : undefined;
    const report = status.report;
    if (!report) {
      const overdue = limit && limit.severity === 'error' && today !== undefined && daysLeft(limit, today) < 0;
      const deadline = due === undefined ? undefined : overdue ? this.l10n.t('profile.reports.overdue', due) : this.l10n.t('profile.reports.due', due);
      const pending = this.l10n.t('profile.reports.pending', stage);
      return deadline ? this.l10n.t('notice.text.paren', pending, deadline) : pending;
    }
    const to = report.to ? this.l10n.t('profile.reports.to', report.to.text) : '';
    if (!report.at?.time) return this.l10n.t('profile.reports.madeUndated', stage, to);
    const made = this.l10n.t('profile.reports.made', stage, this.instant(report.at.time.start, report.at.text), to);
    if (!due) return made;
    return this.l10n.t('notice.text.paren', made, status.late ? this.l10n.t('profile.reports.late', due) : this.l10n.t('profile.reports.inTime', due));
  }

  /** Reports made under the other regimes: "telecom-jp, 速報：2021-01-22 報告（報告先：総務省）". */
  otherReports(regime: string, input: ProfileInput): string[] {
    const lines: string[] = [];
    for (const analysis of input.analyses) {
      const id = analysis.entry.regime?.text;
      if (!id || id === regime) continue;
      for (const report of analysis.entry.reports) {
        const stage = report.stage ? stageLabel(report.stage.text, this.l10n) : this.notStated();
        const to = report.to ? this.l10n.t('profile.reports.to', report.to.text) : '';
        const text = report.at?.time ? this.l10n.t('profile.reports.made', stage, this.instant(report.at.time.start, report.at.text), to) : this.l10n.t('profile.reports.madeUndated', stage, to);
        lines.push(this.l10n.t('profile.otherReport', id, text));
      }
    }
    return lines;
  }

  /** The notes of every regulatory entry (the assessments and the reports the notice mentions). */
  notes(input: ProfileInput, except: string): string[] {
    return input.analyses.flatMap((analysis) => {
      const note = entryNote(analysis.entry.node);
      return note && analysis.entry.regime?.text !== except ? [this.l10n.t('profile.otherReport', analysis.entry.regime?.text ?? '', note)] : [];
    });
  }
}

export function entryNote(node: YNode): string | undefined {
  const note = stringValue(childOf(node, 'note'));
  return note === '' ? undefined : note;
}

/** The counts that are numbers of persons (users, accounts, 人), else undefined when none is. */
export function personCounts(facts: PostmortemFacts): CountFact[] {
  return facts.counts.filter(isPersonCount);
}

/** `contact.url`, with its note. */
export function contactText(facts: PostmortemFacts): string | undefined {
  const contact = childOf(facts.root, 'contact');
  const url = stringValue(childOf(contact, 'url'));
  const note = stringValue(childOf(contact, 'note'));
  if (!url) return note || undefined;
  return note ? `${url} — ${note}` : url;
}

export function text(facts: PostmortemFacts, ...path: string[]): string | undefined {
  let node: YNode | null = facts.root;
  for (const key of path) node = childOf(node, key);
  const value = stringValue(node);
  return value === '' ? undefined : value;
}

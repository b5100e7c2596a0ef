import type { Range } from 'vscode-languageserver-types';
import type { LabelKey } from './labels';
import type { CountermeasureKind, EventKind } from './vocabulary';

/**
 * The preview's and the export's data: everything both need from a postmortem, already read,
 * computed and worded in the document's language. Plain JSON (it crosses the LSP wire), so the
 * client never parses YAML and the webview never formats a time.
 *
 * Items have stable ids (`event:3`, `count:0`, `factor:1`, `cm:2`, `header`, …): the webview knows
 * only ids; `links` maps them to source ranges on the extension side, which keeps edits that only
 * move text (a new line above) from changing what the webview has to redraw.
 */
export interface TimelineModel {
  uri: string;
  version: number;
  /**
   * Set when the text is not well-formed YAML; the rest is what could still be read. The messages
   * are in the UI language: `message` when there is nothing better to show, `keptMessage` when the
   * preview keeps the last picture that parsed.
   */
  problem?: { line: number; message: string; keptMessage: string } | undefined;
  /** The locale of `labels` and of every formatted text: the document's `language`, `en` or `ja`. */
  language: Language;
  labels: Labels;
  /** The zone times are shown in: the document's `timezone`, else UTC. */
  zone: { name: string | undefined; label: string };
  header: Header;
  /**
   * The top-level fields the schema marks `x-summary` (severity, services, regions…) that the
   * document fills, in the schema's order: label and value already worded in the document's
   * language. The preview and the notice draw every entry alike, so a new one needs no code.
   */
  summary: SummaryEntry[];
  overview: string;
  impact: Impact;
  cause: { summary: string; trigger: string | undefined };
  detection: { method: string; methodLabel: string; summary: string | undefined } | undefined;
  durations: KeyDuration[];
  disclosure: Disclosure;
  /** In document order (the `timeline-order` rule reports disorder; the axis places by time). */
  events: TimelineEvent[];
  axis: Axis;
  /** Reporting regimes: the regime table and the deadline lane (positions on the axis). */
  regulatory: RegimeView[];
  counts: CountView[];
  factors: FactorView[];
  countermeasureGroups: CountermeasureGroup[];
  contact: { url: string; https: boolean; note: string | undefined } | undefined;
  revisions: { id: string; date: string; dateText: string; note: string }[];
  /** The four lists of lessons (internal: the public notice leaves them out), only those written. */
  lessons: LessonList[];
  /** Top-level `links`: dashboards, chat archives, earlier notices. Only https ones are linked. */
  references: { title: string; url: string; https: boolean }[];
  /** `x-` fields anywhere in the document (internal), by their path: `countermeasures[0].x-jira`. */
  extensions: { path: string; text: string }[];
  /** Source ranges of items, sorted by position and not overlapping; an id may have several. */
  links: SourceLink[];
}

export type Language = 'en' | 'ja';
export type { LabelKey } from './labels';
export type Labels = Record<LabelKey, string>;

export type DurationKey = 'detect' | 'mitigate' | 'resolve' | 'notify' | 'disclose';

export interface SourceLink {
  id: string;
  range: Range;
}

/** A time as the document wrote it, placed in UTC and worded in the document's zone and language. */
export interface TimeView {
  /** Start of the named period, UTC milliseconds (what durations measure from). */
  instant: number;
  /** End (exclusive) of the named period. */
  end: number;
  precision: Precision;
  text: string;
  /** False when neither the text nor the document gives a zone (then it was read as UTC). */
  zoneKnown: boolean;
}

export interface Header {
  id: string | undefined;
  title: string;
  status: string | undefined;
  statusLabel: string | undefined;
  published: string | undefined;
  publishedText: string | undefined;
  languageTag: string | undefined;
  languageName: string | undefined;
  /** `preliminary` or `final` (速報 / 確報), with its label; other values as written. */
  report: string | undefined;
  reportLabel: string | undefined;
}

/** One field of `TimelineModel.summary`. */
export interface SummaryEntry {
  /** The schema's property name (`severity`): lowercase letters, digits and `_`. */
  key: string;
  /** The schema's `x-label` or `x-label-ja`, in the document's language. */
  label: string;
  /** The value as the reader sees it: a list joined (`a, b` / `a、b`), a date or figure worded, an enum value by its label. */
  value: string;
  /** `x-summary: internal`: shown in the preview and the internal notice, left out of the public one. */
  internal: boolean;
}

export interface LessonList {
  key: LessonKey;
  label: string;
  items: string[];
}

/** One of `impact.windows`: a stretch of the impact with its own name (exposure, data loss, a region). */
export interface WindowView {
  id: string;
  label: string;
  start: TimeView | undefined;
  end: TimeView | undefined;
  /** A start without an end. */
  ongoing: boolean;
  /** `2020-11-02 10:38 to 11:40`, or the start and "ongoing". */
  rangeText: string | undefined;
  /** How long it lasted, when both ends are known and in order. */
  lengthText: string | undefined;
}

export interface Impact {
  start: TimeView | undefined;
  end: TimeView | undefined;
  /** No `end`: still going on. */
  ongoing: boolean;
  /** How long the impact lasted, worded (`19d 17h`, `19日17時間`). */
  lengthText: string | undefined;
  summary: string | undefined;
  effects: string[];
  dataExposed: string[];
  /** `data_exposed: none`: the document says explicitly that no personal data was exposed. */
  noDataExposed: boolean;
  windows: WindowView[];
}

export interface KeyDuration {
  key: DurationKey;
  label: string;
  /** Absent when one end is missing (no `detected` event yet, say). */
  ms: number | undefined;
  text: string;
  /** The items the duration runs between, for linking; `impact` for the impact start. */
  fromId: string | undefined;
  toId: string | undefined;
  /** Only for `disclose`: beyond the disclosure deadline. */
  late: boolean;
  /** One end is an approximate time (`approximate: true`): the text then says "about". */
  approximate: boolean;
}

export interface Disclosure {
  deadlineDays: number;
  /** First detection + deadline, when there is a detection. */
  deadline: TimeView | undefined;
  /** Whole days from first detection to publication, when both exist. */
  lagDays: number | undefined;
  late: boolean;
  /** Worded summary: "Deadline: 30 days after detection (2020-11-14)", or the lag beyond it. */
  text: string;
}

export interface TimelineEvent {
  id: string;
  /** Position in the document's `timeline` list. */
  index: number;
  kind: EventKind;
  text: string;
  at: TimeView | undefined;
  until: TimeView | undefined;
  /** `approximate: true`: the time is an estimate (頃, "around"). */
  approximate: boolean;
  /** Offset from the impact start (`T+2d 03:15`), when both are known. */
  relative: string | undefined;
  /** Place on the compressed axis, 0..1; absent without a valid `at`. */
  pos: number | undefined;
  /**
   * End of the event's bar on the axis: its `until`, or the end of a date-only (or month-only) `at`,
   * which names a whole day. Absent for events at a clock time without `until`.
   */
  endPos: number | undefined;
}

export interface Axis {
  /** UTC milliseconds covered, or undefined when no time is valid. */
  start: number | undefined;
  end: number | undefined;
  /** Consecutive pieces covering 0..1: linear stretches and compressed quiet gaps. */
  segments: AxisSegment[];
  ticks: AxisTick[];
  impact: { from: number; to: number; ongoing: boolean } | undefined;
  deadline: { pos: number; text: string } | undefined;
  published: { pos: number; text: string } | undefined;
  /** `impact.windows` with a valid start, as bands under the track, in document order. */
  windows: { id: string; label: string; from: number; to: number; ongoing: boolean; text: string }[];
}

export interface AxisSegment {
  /** UTC milliseconds. */
  start: number;
  end: number;
  /** Share of the axis, 0..1. */
  from: number;
  to: number;
  compressed: boolean;
  /** For compressed gaps: how long the quiet stretch is (`14d`, `14日`). */
  label: string | undefined;
}

export interface AxisTick {
  pos: number;
  text: string;
  /** A tick on a local midnight, where the date changes. */
  major: boolean;
}

export interface CountView {
  id: string;
  label: string;
  value: number | undefined;
  /** The value with its qualifier and unit, worded: `約13.5万`, `up to 1,515 files`. */
  valueText: string;
  qualifier: string;
  unit: string | undefined;
  /** Bar length against the largest count with the same unit, 0..1. */
  scale: number;
  breakdown: BreakdownView[];
  /** For an `exact` count with a breakdown that does not add up (the `count-sum` rule). */
  sumMismatch: boolean;
  /** The breakdown's sum as the document's readers write it (`3,091万` in Japanese), shown beside a mismatch. */
  sumText: string;
}

export interface BreakdownView {
  key: string;
  /** Country name in the document's language for ISO 3166 codes, `Other` for `other`, else the key. */
  label: string;
  value: number | undefined;
  valueText: string;
  /** Share of the count's value (or of the breakdown's sum when larger), 0..1. */
  share: number;
}

export interface FactorView {
  id: string;
  factorId: string | undefined;
  description: string;
  /** Item ids (`cm:N`) of the countermeasures that address it. */
  addressedBy: string[];
  addressed: boolean;
  /** `accepted: <why>`: a risk the team accepts, which needs no countermeasure. */
  accepted: string | undefined;
}

/** The schema's countermeasure types, and `unspecified` for items that name none. */
export type CountermeasureType = CountermeasureKind | 'unspecified';

export interface CountermeasureGroup {
  type: CountermeasureType;
  label: string;
  items: CountermeasureView[];
}

export interface CountermeasureView {
  id: string;
  cmId: string | undefined;
  action: string;
  status: string | undefined;
  statusLabel: string;
  date: string | undefined;
  dateText: string | undefined;
  /** Factor ids it names, with the factor's item id when the factor exists. */
  addresses: { factorId: string; itemId: string | undefined }[];
  /** Action-item fields (internal, except the reason of a `wont_do`). */
  owner: string | undefined;
  due: string | undefined;
  dueText: string | undefined;
  /** `due` is before today (the service's `today` setting) and the item is not done or dropped. */
  overdue: boolean;
  priority: string | undefined;
  /** A URL (linked when https) or a key like `OPS-123`. */
  ticket: { text: string; url: string | undefined } | undefined;
  /** Why a `wont_do` item is not done. */
  reason: string | undefined;
}

/** One reporting regime for the preview: its table row and its lane on the time axis. */
export interface RegimeView {
  id: string;
  name: string;
  citation: string | undefined;
  /** Where its clock starts, worded; undefined when the document does not say. */
  clockText: string | undefined;
  /** `reportable: false`: assessed, no report required. */
  reportable: boolean;
  stages: RegimeStageView[];
}

export interface RegimeStageView {
  stage: string;
  label: string;
  /** The strictest deadline: the due date (or date and time for hour limits) and the rule (`72 hours`). */
  dueText: string | undefined;
  ruleText: string | undefined;
  dueInstant: number | undefined;
  duePos: number | undefined;
  reportText: string | undefined;
  reportInstant: number | undefined;
  reportPos: number | undefined;
  /** `late`: after its error limit; `slow`: after its "promptly" guideline only; `undated`: made, date not given. */
  state: 'on_time' | 'late' | 'slow' | 'pending' | 'undated';
  /** The row as the preview shows it, in the document's language: the deadline, then how it stands. */
  dueLine: string | undefined;
  stateText: string;
}

/** How precisely a time is written: `2020-11`, `2020-11-02`, `2020-11-02T10:38`, with seconds. */
export type Precision = 'month' | 'day' | 'minute' | 'second';

export const LESSON_KEYS = ['lessons_learned', 'what_went_well', 'what_went_wrong', 'where_we_got_lucky'] as const;
export type LessonKey = (typeof LESSON_KEYS)[number];

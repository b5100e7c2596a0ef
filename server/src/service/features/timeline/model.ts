import type { RegimeView } from './regulatory';
import type { Range } from 'vscode-languageserver-types';
import type { noticeMessages } from '../../l10n/messages/notice';
import type { Precision } from '../../time';

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
  problem?: { line: number; message: string; keptMessage: string };
  /** The locale of `labels` and of every formatted text: the document's `language`, `en` or `ja`. */
  language: Language;
  labels: Labels;
  /** The zone times are shown in: the document's `timezone`, else UTC. */
  zone: { name: string | undefined; label: string };
  header: Header;
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
  /** Source ranges of items, sorted by position and not overlapping; an id may have several. */
  links: SourceLink[];
}

export type Language = 'en' | 'ja';
export type { RegimeStageView, RegimeView } from './regulatory';
export type LabelKey = keyof (typeof noticeMessages)['en'];
export type Labels = Record<LabelKey, string>;

export type EventKind = 'occurred' | 'detected' | 'responded' | 'mitigated' | 'resolved' | 'notified' | 'published' | 'other';
export const EVENT_KINDS: readonly EventKind[] = ['occurred', 'detected', 'responded', 'mitigated', 'resolved', 'notified', 'published', 'other'];

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
}

export type CountermeasureType = 'technical' | 'organizational' | 'unspecified';

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
}

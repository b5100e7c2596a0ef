import { createLocalizer, type Localizer } from '../../l10n';
import type { noticeMessages } from '../../l10n/messages/notice';
import type { notice11Messages } from '../../l10n/messages/notice11';
import { factsOf, type EventFact, type PostmortemFacts } from '../../model/facts';
import type { ParsedPostmortem } from '../../parse/parse';
import { asMap, asSeq, childOf, stringValue, type YMap, type YNode } from '../../parse/tree';
import { unfoldCjk } from '../../util/text';
import { isHttpsUrl } from '../../util/url';
import { formatRelative, parseTime, type ParsedTime } from '../../time';
import { axisTicks, layoutAxis } from './axis';
import { placeRegimes, regimeInstants, regimeViews } from './regulatory';
import type { RegimeDefinition } from '../../regulatory/regimes';
import { keyDurations } from './durations';
import { formatSpan, languageName, timeView, zoneLabel } from '../../views/format';
import { EVENT_KINDS, type EventKind, type LabelKey, type Labels, type Language, type SourceLink, type TimelineEvent, type TimelineModel, type TimeView } from '../../views/model';
import { LABEL_KEYS } from '../../../contracts/labels';
import { extensionsOf, lessonsOf, referencesOf, reportFields, windowsOf } from './report';
import { summaryOf } from './summary';
import type { SummaryField } from '../../schema/summary';
import { countermeasureGroups, factorViews } from './sections';
import { countViews } from '../../views/counts';
import { proseValue, revisionsOf, stringList } from '../../views/text';
import { DETECTION_METHODS, DOCUMENT_STATUSES, isOneOf } from '../../../contracts/vocabulary';

export interface BuildOptions {
  deadlineDays: number;
  /** The team's reporting regimes, beside the built-in ones. */
  regimes?: readonly RegimeDefinition[];
  /** The UI language's localizer, for the messages addressed to the author (parse problems). */
  ui: Localizer;
  /** YYYY-MM-DD, for overdue action items; undefined: nothing is overdue. */
  today: string | undefined;
  /** The project's `ticket_url` pattern, which makes ticket keys (`OPS-123`) links. */
  ticketUrl?: string | undefined;
  /** The schema's `x-summary` fields (`schema/summary.ts`). */
  summary: readonly SummaryField[];
}

/** The whole model from one parse. Pure: the same parse and options give the same model. */
export function buildTimelineModel(parsed: ParsedPostmortem, options: BuildOptions): TimelineModel {
  const facts = factsOf(parsed);
  const root = facts.root;
  const l10n = createLocalizer(facts.language);
  const language = l10n.locale as Language;
  const zone = facts.zone;
  const view = (time: ParsedTime | undefined): TimeView | undefined => (time ? timeView(time, zone, language) : undefined);

  const impactStart = view(facts.period?.start?.time);
  const impactEnd = view(facts.period?.end?.time);
  const events = facts.events.map((event) => eventView(event, view, impactStart));
  const impactNode = childOf(root, 'impact');
  const windows = windowsOf(facts, view, l10n);
  const published = publishedOf(facts, events, view);
  const { durations, disclosure } = keyDurations({ events, impactStart, published, deadlineDays: options.deadlineDays, zone, l10n });

  // Bars end where their period ends when it was written as a whole day or month.
  const barEnd = (time: TimeView): number => (time.precision === 'day' || time.precision === 'month' ? time.end : time.instant);
  const instants: number[] = [];
  for (const event of events) {
    if (event.at) instants.push(event.at.instant);
    if (event.until) instants.push(barEnd(event.until));
  }
  if (impactStart) instants.push(impactStart.instant);
  if (impactEnd) instants.push(barEnd(impactEnd));
  if (published) instants.push(published.time.instant);
  if (disclosure.deadline) instants.push(disclosure.deadline.instant);
  for (const window of windows) {
    if (window.start) instants.push(window.start.instant);
    if (window.end) instants.push(barEnd(window.end));
  }
  const regulatory = regimeViews(parsed, options.regimes, l10n, zone);
  instants.push(...regimeInstants(regulatory));
  const layout = layoutAxis(instants, l10n);
  placeRegimes(regulatory, layout.pos);
  for (const event of events) {
    if (!event.at) continue;
    event.pos = layout.pos(event.at.instant);
    const end = event.until ? barEnd(event.until) : event.at.precision === 'day' || event.at.precision === 'month' ? event.at.end : undefined;
    if (end !== undefined && end > event.at.instant) event.endPos = layout.pos(end);
  }

  const impact = impactStart
    ? { from: layout.pos(impactStart.instant), to: impactEnd ? layout.pos(barEnd(impactEnd)) : 1, ongoing: !impactEnd }
    : undefined;
  const causeNode = childOf(root, 'cause');
  const detectionNode = asMap(childOf(root, 'detection'));
  const contactNode = asMap(childOf(root, 'contact'));
  const contactUrl = stringValue(childOf(contactNode, 'url'));
  const method = stringValue(childOf(detectionNode, 'method'));
  const revisions = revisionsOf(root, zone, l10n);
  const languageTag = facts.language;
  const status = facts.status;

  return {
    uri: parsed.uri,
    version: parsed.version,
    ...problemOf(parsed, options.ui),
    language,
    labels: labelsFor(l10n),
    zone: { name: zone, label: zoneLabel(zone, l10n) },
    header: {
      id: stringValue(childOf(root, 'id')),
      title: proseValue(childOf(root, 'title')) ?? '',
      status,
      statusLabel: isOneOf(DOCUMENT_STATUSES, status) ? l10n.t(`notice.status.${status}`) : status,
      published: facts.published?.text,
      publishedText: published && facts.published ? published.time.text : facts.published?.text,
      languageTag,
      languageName: languageTag ? languageName(languageTag, language) : undefined,
      ...reportFields(facts, l10n),
    },
    summary: summaryOf(root, options.summary, zone, l10n),
    overview: proseValue(childOf(root, 'overview')) ?? '',
    impact: {
      start: impactStart,
      end: impactEnd,
      ongoing: Boolean(impactStart && !impactEnd),
      lengthText: impactStart && impactEnd ? formatSpan(barEnd(impactEnd) - impactStart.instant, l10n) : undefined,
      summary: proseValue(childOf(impactNode, 'summary')),
      effects: stringList(childOf(impactNode, 'effects')),
      dataExposed: stringList(childOf(impactNode, 'data_exposed')),
      noDataExposed: facts.dataExposed?.value === 'none',
      windows,
    },
    cause: { summary: proseValue(childOf(causeNode, 'summary')) ?? '', trigger: proseValue(childOf(causeNode, 'trigger')) },
    detection: method ? { method, methodLabel: methodLabel(method, l10n), summary: proseValue(childOf(detectionNode, 'summary')) } : undefined,
    durations,
    disclosure,
    events,
    axis: {
      start: layout.start,
      end: layout.end,
      segments: layout.segments,
      ticks: axisTicks(layout.segments, zone, language),
      impact,
      deadline: disclosure.deadline ? { pos: layout.pos(disclosure.deadline.instant), text: `${l10n.t('notice.deadline.mark')} ${disclosure.deadline.text}` } : undefined,
      published: published ? { pos: layout.pos(published.time.instant), text: `${l10n.t('notice.field.published')} ${published.time.text}` } : undefined,
      windows: windows.flatMap((window) =>
        window.start
          ? [{ id: window.id, label: window.label, from: layout.pos(window.start.instant), to: window.end ? layout.pos(barEnd(window.end)) : 1, ongoing: window.ongoing, text: window.lengthText ? l10n.t('notice.window.length', window.label, window.lengthText) : window.label }]
          : [],
      ),
    },
    regulatory,
    counts: countViews(facts.counts, l10n),
    factors: factorViews(facts.factors, facts.countermeasures),
    countermeasureGroups: countermeasureGroups(facts.countermeasures, facts.factors, zone, l10n, options),
    contact: contactUrl === undefined ? undefined : { url: contactUrl, https: isHttpsUrl(contactUrl), note: proseValue(childOf(contactNode, 'note')) },
    revisions: revisions.map(({ node: _node, ...revision }) => revision),
    lessons: lessonsOf(facts, l10n),
    references: referencesOf(facts, isHttpsUrl),
    extensions: extensionsOf(root),
    links: linksOf(parsed, facts, revisions, options.summary),
  };
}

function eventView(event: EventFact, view: (time: ParsedTime | undefined) => TimeView | undefined, impactStart: TimeView | undefined): TimelineEvent {
  const at = view(event.at?.time);
  const kind: EventKind = isOneOf(EVENT_KINDS, event.kind) ? event.kind : 'other';
  return {
    id: `event:${event.index}`,
    index: event.index,
    kind,
    text: unfoldCjk(event.text),
    at,
    until: view(event.until?.time),
    approximate: event.approximate,
    relative: at && impactStart ? formatRelative(at.instant - impactStart.instant) : undefined,
    pos: undefined,
    endPos: undefined,
  };
}

function publishedOf(facts: PostmortemFacts, events: readonly TimelineEvent[], view: (time: ParsedTime | undefined) => TimeView | undefined): { time: TimeView; id: string } | undefined {
  const date = facts.published && view(parseTime(facts.published.text, facts.zone));
  if (date) return { time: date, id: 'header' };
  // Without the `published` date, the notice's own event in the timeline says when it went out.
  const event = events.filter((item) => item.kind === 'published' && item.at).sort((a, b) => (a.at?.instant ?? 0) - (b.at?.instant ?? 0))[0];
  return event?.at ? { time: event.at, id: event.id } : undefined;
}

function problemOf(parsed: ParsedPostmortem, ui: Localizer): { problem?: TimelineModel['problem'] } {
  const error = parsed.syntaxProblems.find((problem) => problem.severity === 'error');
  if (!error) return {};
  const line = parsed.lines.positionAt(error.start).line + 1;
  return { problem: { line, message: ui.t('notice.preview.staleNone', line, error.message), keptMessage: ui.t('notice.preview.stale', line, error.message) } };
}

function methodLabel(method: string, l10n: Localizer): string {
  // A method the schema gains does not compile here until its label exists.
  return isOneOf(DETECTION_METHODS, method) ? l10n.t(`notice.method.${method}`) : method;
}

/**
 * The contracts list the label keys the webview may read; the notice message tables word them.
 * Both directions are checked: a key in one and not the other does not compile.
 */
type MessageLabelKey = keyof (typeof noticeMessages)['en'] | keyof (typeof notice11Messages)['en'];
const labelKeysAgree: [MessageLabelKey] extends [LabelKey] ? ([LabelKey] extends [MessageLabelKey] ? true : never) : never = true;
void labelKeysAgree;

const labelCache = new Map<Language, Labels>();
function labelsFor(l10n: Localizer): Labels {
  let labels = labelCache.get(l10n.locale);
  if (!labels) {
    labels = Object.fromEntries(LABEL_KEYS.map((key) => [key, l10n.t(key)])) as Labels;
    labelCache.set(l10n.locale, labels);
  }
  return labels;
}

/**
 * Where each item is written. Small sections link their key/value pairs, lists link each item, so
 * the links never overlap and the extension finds the item under the cursor by binary search.
 */
function linksOf(parsed: ParsedPostmortem, facts: PostmortemFacts, revisions: { id: string; node: YNode }[], summary: readonly SummaryField[]): SourceLink[] {
  const spans: { id: string; start: number; end: number }[] = [];
  const text = parsed.text;
  const add = (id: string, node: { start: number; end: number } | null | undefined) => {
    if (!node || node.end < node.start) return;
    // Block nodes end after their line break; selecting that would run onto the next item's line.
    let end = node.end;
    while (end > node.start && /\s/.test(text.charAt(end - 1))) end--;
    spans.push({ id, start: node.start, end });
  };
  const root = facts.root;
  const pairsOf = (map: YMap | null, keys: readonly string[], id: string) => {
    for (const pair of map?.pairs ?? []) if (keys.includes(String(pair.key.value))) add(id, pair);
  };
  pairsOf(root, ['postmortem', 'id', 'title', 'status', 'language', 'timezone', 'published'], 'header');
  pairsOf(root, ['overview'], 'overview');
  pairsOf(root, ['detection'], 'detection');
  pairsOf(root, ['contact'], 'contact');
  pairsOf(asMap(childOf(root, 'impact')), ['period', 'summary', 'effects', 'data_exposed'], 'impact');
  pairsOf(root, ['report', ...summary.map((field) => field.key)], 'header');
  pairsOf(root, ['lessons_learned', 'what_went_well', 'what_went_wrong', 'where_we_got_lucky'], 'lessons');
  pairsOf(root, ['links'], 'references');
  (asSeq(childOf(childOf(root, 'impact'), 'windows'))?.items ?? []).forEach((node, index) => add(`window:${index}`, node));
  pairsOf(asMap(childOf(root, 'cause')), ['summary', 'trigger'], 'cause');
  for (const event of facts.events) add(`event:${event.index}`, event.node);
  for (const count of facts.counts) add(`count:${count.index}`, count.node);
  for (const factor of facts.factors) add(`factor:${factor.index}`, factor.node);
  for (const countermeasure of facts.countermeasures) add(`cm:${countermeasure.index}`, countermeasure.node);
  for (const revision of revisions) add(revision.id, revision.node);
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  return spans.map((span) => ({ id: span.id, range: parsed.lines.range(span.start, span.end) }));
}

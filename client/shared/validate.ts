import { array, boolean, count, either, type Guard, literal, matching, number, optional, record, shape, string, tagged, unit } from './guard';
import type { Patch, TimelineAnswer, TimelineModel } from '../../server/src/contracts';
import type { DiagnosticView, FromWebview, ModelPatch, PreviewSnapshot, ToWebview, ViewEvent, ViewModel } from './messages';
import { COUNTERMEASURE_TYPES, EVENT_KINDS } from '../../server/src/contracts/vocabulary';

/**
 * The checks every message between the extension and the preview's webview passes before either
 * side acts on it: a message that does not fit is dropped whole (and logged), never half applied.
 * Both sides are ours, but the webview renders text from documents people paste from anywhere, and
 * a bug on one side must not turn into a broken picture or an exception on the other.
 */

/** Item ids are short (`event:12`, `cm:3`); a long one is a bug, not a document. */
const id = string(200);
const text = string();
const maybeText = optional(text);
const time = optional(
  shape<NonNullable<ViewEvent['at']>>({ instant: number(), end: number(), precision: literal('month', 'day', 'minute', 'second'), text, zoneKnown: boolean }),
);

export const viewEvent: Guard<ViewEvent> = shape<ViewEvent>({ id, index: count, kind: literal(...EVENT_KINDS), text, at: time, until: time, approximate: boolean, relative: maybeText, pos: optional(unit), endPos: optional(unit) });

type Field<K extends keyof ViewModel> = Guard<ViewModel[K]>;
type Axis = ViewModel['axis'];
type Count = ViewModel['counts'][number];
type Group = ViewModel['countermeasureGroups'][number];
type Regime = ViewModel['regulatory'][number];

const marker = optional(shape<NonNullable<Axis['deadline']>>({ pos: unit, text }));

/** One guard per top-level field: a patch carries any subset of them. */
const FIELDS: { [K in Exclude<keyof ViewModel, 'events'>]-?: Field<K> } = {
  uri: string(10_000),
  version: count,
  problem: optional(shape<NonNullable<ViewModel['problem']>>({ line: count, message: text, keptMessage: text })),
  language: literal('en', 'ja'),
  labels: record(text) as Field<'labels'>,
  zone: shape<ViewModel['zone']>({ name: maybeText, label: text }),
  header: shape<ViewModel['header']>({ id: maybeText, title: text, status: maybeText, statusLabel: maybeText, published: maybeText, publishedText: maybeText, languageTag: optional(string(100)), languageName: maybeText, report: maybeText, reportLabel: maybeText }),
  // The key is a schema property's name; the webview makes it a class name (`chip-severity`).
  summary: array(shape<ViewModel['summary'][number]>({ key: matching(/^[a-z][a-z0-9_]*$/), label: text, value: text, internal: boolean })),
  overview: text,
  impact: shape<ViewModel['impact']>({
    start: time,
    end: time,
    ongoing: boolean,
    lengthText: maybeText,
    summary: maybeText,
    effects: array(text),
    dataExposed: array(text),
    noDataExposed: boolean,
    windows: array(shape<ViewModel['impact']['windows'][number]>({ id, label: text, start: time, end: time, ongoing: boolean, rangeText: maybeText, lengthText: maybeText })),
  }),
  cause: shape<ViewModel['cause']>({ summary: text, trigger: maybeText }),
  detection: optional(shape<NonNullable<ViewModel['detection']>>({ method: text, methodLabel: text, summary: maybeText })),
  durations: array(
    shape<ViewModel['durations'][number]>({ key: literal('detect', 'mitigate', 'resolve', 'notify', 'disclose'), label: text, ms: optional(number()), text, fromId: optional(id), toId: optional(id), late: boolean, approximate: boolean }),
  ),
  disclosure: shape<ViewModel['disclosure']>({ deadlineDays: number(0), deadline: time, lagDays: optional(number()), late: boolean, text }),
  axis: shape<Axis>({
    start: optional(number()),
    end: optional(number()),
    segments: array(shape<Axis['segments'][number]>({ start: number(), end: number(), from: unit, to: unit, compressed: boolean, label: maybeText })),
    ticks: array(shape<Axis['ticks'][number]>({ pos: unit, text, major: boolean })),
    impact: optional(shape<NonNullable<Axis['impact']>>({ from: unit, to: unit, ongoing: boolean })),
    deadline: marker,
    published: marker,
    windows: array(shape<Axis['windows'][number]>({ id, label: text, from: unit, to: unit, ongoing: boolean, text })),
  }),
  counts: array(
    shape<Count>({
      id,
      label: text,
      value: optional(number()),
      valueText: text,
      qualifier: text,
      unit: maybeText,
      scale: unit,
      breakdown: array(shape<Count['breakdown'][number]>({ key: text, label: text, value: optional(number()), valueText: text, share: unit })),
      sumMismatch: boolean,
      sumText: text,
    }),
  ),
  regulatory: array(
    shape<Regime>({
      id: text,
      name: text,
      citation: maybeText,
      clockText: maybeText,
      reportable: boolean,
      stages: array(
        shape<Regime['stages'][number]>({
          stage: text,
          label: text,
          dueText: maybeText,
          ruleText: maybeText,
          dueInstant: optional(number()),
          duePos: optional(unit),
          reportText: maybeText,
          reportInstant: optional(number()),
          reportPos: optional(unit),
          state: literal('on_time', 'late', 'slow', 'pending', 'undated'),
          dueLine: maybeText,
          stateText: text,
        }),
      ),
    }),
  ),
  factors: array(shape<ViewModel['factors'][number]>({ id, factorId: maybeText, description: text, addressedBy: array(id), addressed: boolean, accepted: maybeText })),
  countermeasureGroups: array(
    shape<Group>({
      type: literal(...COUNTERMEASURE_TYPES, 'unspecified'),
      label: text,
      items: array(
        shape<Group['items'][number]>({
          id,
          cmId: maybeText,
          action: text,
          status: maybeText,
          statusLabel: text,
          date: maybeText,
          dateText: maybeText,
          addresses: array(shape<Group['items'][number]['addresses'][number]>({ factorId: text, itemId: optional(id) })),
          owner: maybeText,
          due: maybeText,
          dueText: maybeText,
          overdue: boolean,
          priority: maybeText,
          ticket: optional(shape<NonNullable<Group['items'][number]['ticket']>>({ text, url: maybeText })),
          reason: maybeText,
        }),
      ),
    }),
  ),
  contact: optional(shape<NonNullable<ViewModel['contact']>>({ url: text, https: boolean, note: maybeText })),
  revisions: array(shape<ViewModel['revisions'][number]>({ id: text, date: text, dateText: text, note: text })),
  lessons: array(shape<ViewModel['lessons'][number]>({ key: literal('lessons_learned', 'what_went_well', 'what_went_wrong', 'where_we_got_lucky'), label: text, items: array(text) })),
  references: array(shape<ViewModel['references'][number]>({ title: text, url: text, https: boolean })),
  extensions: array(shape<ViewModel['extensions'][number]>({ path: text, text })),
};

const position = shape<{ line: number; character: number }>({ line: count, character: count });
type Link = TimelineModel['links'][number];
const VIEW_FIELDS = { ...FIELDS, events: array(viewEvent) };
const MODEL_FIELDS = { ...VIEW_FIELDS, links: array(shape<Link>({ id, range: shape<Link['range']>({ start: position, end: position }) })) };

export const viewModel: Guard<ViewModel> = shape<ViewModel>(VIEW_FIELDS);
export const timelineModel: Guard<TimelineModel> = shape<TimelineModel>(MODEL_FIELDS);

/**
 * A patch names only known fields, each valid as the model's own field is: `set` a value, `unset`
 * an optional field, `splices` an array field (its items checked by the field's own array guard).
 * Whether a splice fits the model is found when it is applied.
 */
function patchOf<T>(fields: Record<string, Guard<unknown>>): Guard<Patch<T>> {
  const field = (key: string) => (Object.hasOwn(fields, key) ? fields[key] : undefined);
  const each = (check: (value: unknown, guard: Guard<unknown>) => string | undefined) => (value: unknown) => {
    const problem = record((): undefined => undefined)(value);
    if (problem) return problem;
    for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
      const guard = field(key);
      const found = guard ? check(entry, guard) : 'not a field of the model';
      if (found) return `.${key}${found.startsWith('.') || found.startsWith('[') ? '' : ': '}${found}`;
    }
    return undefined;
  };
  return shape<Patch<T>>({
    set: each((value, guard) => guard(value)),
    unset: (value) => {
      const problem = array(string(100))(value);
      if (problem) return problem;
      const required = (value as string[]).find((key) => field(key)?.(undefined) !== undefined);
      return required === undefined ? undefined : `: ${required} is not an optional field of the model`;
    },
    splices: each((value, guard) => shape<Splice>({ start: count, deleteCount: count, items: guard as Guard<unknown[]> })(value)) as Guard<Patch<T>['splices']>,
  });
}
type Splice = { start: number; deleteCount: number; items: unknown[] };

export const modelPatch: Guard<ModelPatch> = patchOf<ViewModel>(VIEW_FIELDS);
const revision = string(100);

/** The server's answer to the timeline request, checked like every message before it is applied. */
export const timelineAnswer = tagged<TimelineAnswer>('kind', {
  model: shape<Extract<TimelineAnswer, { kind: 'model' }>>({ kind: literal('model'), revision, model: timelineModel }),
  patch: shape<Extract<TimelineAnswer, { kind: 'patch' }>>({ kind: literal('patch'), revision, since: revision, patch: patchOf<TimelineModel>(MODEL_FIELDS) }),
});

const diagnosticView = shape<DiagnosticView>({ severity: literal('error', 'warning', 'info', 'hint'), message: text, code: optional(string(200)) });

export const toWebview = tagged<ToWebview>('type', {
  model: shape<Extract<ToWebview, { type: 'model' }>>({ type: literal('model'), model: viewModel, fileName: string(1000) }),
  patch: shape<Extract<ToWebview, { type: 'patch' }>>({ type: literal('patch'), patch: modelPatch }),
  stale: shape<Extract<ToWebview, { type: 'stale' }>>({ type: literal('stale'), message: maybeText }),
  highlight: shape<Extract<ToWebview, { type: 'highlight' }>>({ type: literal('highlight'), id: optional(id) }),
  diagnostics: shape<Extract<ToWebview, { type: 'diagnostics' }>>({ type: literal('diagnostics'), byItem: record(array(diagnosticView)), general: array(diagnosticView) }),
  empty: shape<Extract<ToWebview, { type: 'empty' }>>({ type: literal('empty'), message: text }),
  probe: tagged<Extract<ToWebview, { type: 'probe' }>>('action', {
    snapshot: shape<Extract<ToWebview, { action: 'snapshot' }>>({ type: literal('probe'), requestId: count, action: literal('snapshot') }),
    click: shape<Extract<ToWebview, { action: 'click' }>>({ type: literal('probe'), requestId: count, action: literal('click'), id }),
  }),
});

const snapshot = shape<PreviewSnapshot>({
  version: optional(count),
  title: text,
  eventTexts: array(text),
  windowBands: array(text),
  overdue: array(text),
  regimeTexts: array(text),
  eventCount: count,
  stale: maybeText,
  highlighted: optional(id),
  tags: array(text),
  urls: array(text),
  injected: boolean,
  cspViolations: array(text),
  lastRenderMs: optional(number(0)),
});

export const fromWebview = tagged<FromWebview>('type', {
  ready: shape<Extract<FromWebview, { type: 'ready' }>>({ type: literal('ready') }),
  reveal: shape<Extract<FromWebview, { type: 'reveal' }>>({ type: literal('reveal'), id }),
  openLink: shape<Extract<FromWebview, { type: 'openLink' }>>({ type: literal('openLink'), url: string(10_000) }),
  rendered: shape<Extract<FromWebview, { type: 'rendered' }>>({ type: literal('rendered'), kind: literal('model', 'patch'), ms: number(0), events: count }),
  probeResult: shape<Extract<FromWebview, { type: 'probeResult' }>>({ type: literal('probeResult'), requestId: count, result: either(boolean, snapshot) }),
});

/** The message if it is valid, else undefined after telling `log` why it was dropped. */
export function accept<T>(guard: Guard<T>, value: unknown, log: (line: string) => void): T | undefined {
  const problem = guard(value);
  if (problem === undefined) return value as T;
  const type = typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' ? ` "${String((value as { type: string }).type).slice(0, 40)}"` : '';
  log(`postmortem preview: ignored an invalid${type} message (${problem.slice(0, 300)})`);
  return undefined;
}

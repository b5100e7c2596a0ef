import { applyPatch } from '../../server/src/contracts/patch';
import type { DiagnosticView, FromWebview, ModelPatch, PreviewSnapshot, ToWebview, ViewModel, WebviewState } from '../shared/messages';
import { accept, toWebview } from '../shared/validate';
import { Axis } from './axis';
import { clear, el } from './dom';
import { EventList } from './eventList';
import { regulatorySections } from './regulatory';
import * as sections from './sections';
import * as sections11 from './sections11';
import { EVENT_KINDS } from '../../server/src/contracts/vocabulary';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): WebviewState | undefined;
  setState(state: WebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;


const vscode = acquireVsCodeApi();
const root = document.getElementById('root') as HTMLElement;
const banner = el('div', { className: 'banner', attrs: { role: 'status', 'aria-live': 'polite' } });
const slots = {
  header: el('div'),
  durations: el('div'),
  regulatory: el('div', { className: 'slot-regulatory' }),
  axis: el('div'),
  windows: el('div'),
  events: el('div'),
  counts: el('div', { className: 'slot-counts' }),
  factors: el('div', { className: 'slot-factors' }),
  countermeasures: el('div', { className: 'slot-countermeasures' }),
  lessons: el('div'),
  references: el('div'),
};
const axis = new Axis();
const list = new EventList((id) => vscode.postMessage({ type: 'reveal', id }));

let model: ViewModel | undefined;
let fileName = '';
let stale: string | undefined;
let highlighted: string | undefined;
let problems: Record<string, DiagnosticView[]> = {};
let general: DiagnosticView[] = [];
let lastRenderMs: number | undefined;
const saved = vscode.getState();
/** Content Security Policy violations on this page: none is expected, ever (the e2e suite checks). */
const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  const line = `${event.effectiveDirective} blocked ${event.blockedURI || 'an inline resource'}`;
  if (violations.length < 20) violations.push(line);
  console.warn(`postmortem preview: Content Security Policy violation: ${line}`);
});

root.replaceChildren(banner, ...Object.values(slots));
root.addEventListener('click', (event) => {
  const target = event.target as Element;
  if (target.closest('.list')) return;
  // Links go to the extension, which opens https URLs only; the webview itself never navigates.
  const link = target.closest<HTMLElement>('[data-url]');
  if (link?.dataset.url) {
    vscode.postMessage({ type: 'openLink', url: link.dataset.url });
    return;
  }
  const item = target.closest<HTMLElement>('[data-item]');
  if (item?.dataset.item) vscode.postMessage({ type: 'reveal', id: item.dataset.item });
});
let saveTimer: number | undefined;
const saveState = () => {
  clearTimeout(saveTimer);
  saveTimer = window.setTimeout(() => vscode.setState({ uri: model?.uri, scrollTop: document.scrollingElement?.scrollTop ?? 0, listScrollTop: list.scrollTop }), 200);
};
window.addEventListener('scroll', saveState, { passive: true });
list.element.addEventListener('scroll', saveState, { passive: true });

type Part = keyof typeof slots;
const ALL: readonly Part[] = ['header', 'durations', 'regulatory', 'axis', 'windows', 'events', 'counts', 'factors', 'countermeasures', 'lessons', 'references'];
/** Which parts of the page depend on which fields of the model. */
const DEPENDS: Partial<Record<keyof ViewModel, readonly Part[]>> = {
  header: ['header'],
  overview: ['header'],
  summary: ['header'],
  impact: ['windows'],
  lessons: ['lessons'],
  references: ['references'],
  zone: ['header', 'axis', 'events'],
  durations: ['durations'],
  disclosure: ['durations'],
  regulatory: ['regulatory'],
  axis: ['axis', 'events'],
  events: ['axis', 'events'],
  counts: ['counts'],
  factors: ['factors'],
  countermeasureGroups: ['factors', 'countermeasures'],
};

/**
 * Sets a text or attribute only when it differs: even an equal value counts as a change to the
 * browser, and `lang` on the root restyles (and so lays out) the whole page.
 */
function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

let legendLabels: ViewModel['labels'] | undefined;

function render(parts: ReadonlySet<Part>): void {
  if (!model) return;
  const m = model;
  const lang = m.header.languageTag ?? m.language;
  if (document.documentElement.lang !== lang) document.documentElement.lang = lang;
  if (parts.has('header')) slots.header.replaceChildren(sections.header(m, fileName, problems, general));
  if (parts.has('durations')) slots.durations.replaceChildren(sections.durations(m, problems));
  if (parts.has('regulatory')) slots.regulatory.replaceChildren(...regulatorySections(m));
  if (parts.has('axis')) {
    if (!slots.axis.firstChild) {
      const legend = el('ul', { className: 'kinds', attrs: { 'aria-label': m.labels['notice.preview.axis'] } });
      slots.axis.replaceChildren(sections.section('axis', m.labels['notice.preview.axis'], axis.element, legend));
    }
    setText(slots.axis.querySelector('h2') as HTMLElement, m.labels['notice.preview.axis']);
    if (legendLabels !== m.labels) {
      legendLabels = m.labels;
      const legend = slots.axis.querySelector('.kinds') as HTMLElement;
      legend.replaceChildren(...EVENT_KINDS.map((kind) => el('li', { className: `kind-${kind}` }, el('span', { className: 'swatch', attrs: { 'aria-hidden': 'true' } }), el('span', { text: m.labels[`notice.kind.${kind}`] }))));
    }
    axis.update(m);
    axis.highlight(highlighted);
  }
  if (parts.has('events')) {
    if (!slots.events.firstChild) slots.events.replaceChildren(sections.section('events', '', list.element));
    setText(slots.events.querySelector('h2') as HTMLElement, `${m.labels['notice.preview.events']} (${m.events.length})`);
    list.update(m);
  }
  if (parts.has('windows')) slots.windows.replaceChildren(sections11.windows(m) ?? '');
  if (parts.has('lessons')) slots.lessons.replaceChildren(sections11.lessons(m) ?? '');
  if (parts.has('references')) slots.references.replaceChildren(sections11.references(m) ?? '');
  if (parts.has('counts')) fillDeferred(slots.counts, sections.counts(m, problems), m.counts.length);
  if (parts.has('factors')) fillDeferred(slots.factors, sections.factors(m, problems), m.factors.length);
  if (parts.has('countermeasures')) fillDeferred(slots.countermeasures, sections.countermeasures(m, problems), m.countermeasureGroups.reduce((sum, group) => sum + group.items.length, 0));
  for (const part of PROBLEM_PARTS) if (parts.has(part)) shownProblems.set(part, problemKey(m, part));
  applyHighlight(false);
  root.removeAttribute('aria-busy');
}

/** The parts that show diagnostics, and what they showed: new diagnostics redraw only where they differ. */
const PROBLEM_PARTS: readonly Part[] = ['header', 'durations', 'counts', 'factors', 'countermeasures'];
const shownProblems = new Map<Part, string>();

function problemKey(m: ViewModel, part: Part): string {
  const ids =
    part === 'counts' ? m.counts.map((count) => count.id)
    : part === 'factors' ? m.factors.map((factor) => factor.id)
    : part === 'countermeasures' ? m.countermeasureGroups.flatMap((group) => group.items.map((item) => item.id))
    : ['header'];
  return JSON.stringify([part === 'header' ? general : null, ...ids.map((id) => problems[id] ?? null)]);
}

/**
 * The long sections (1,250 items at 10,000 events) are laid out only near the viewport
 * (`.deferred` in media/preview.css), so a first paint or a change elsewhere does not lay them all
 * out. Off screen, a slot keeps the height it last had, or until it was ever shown one estimated from
 * its item count. The slot persists across renders, so its remembered height does too.
 */
function fillDeferred(slot: HTMLElement, content: HTMLElement | null, items: number): void {
  slot.replaceChildren(content ?? '');
  slot.classList.toggle('deferred', content !== null);
  slot.style.setProperty('--items', String(items));
}

function partsOf(patch: ModelPatch): Set<Part> {
  const keys = [...Object.keys(patch.set), ...patch.unset, ...Object.keys(patch.splices)] as (keyof ViewModel)[];
  if (keys.includes('labels') || keys.includes('language')) return new Set(ALL);
  return new Set<Part>(keys.flatMap((key) => DEPENDS[key] ?? []));
}

function applyHighlight(scroll: boolean): void {
  for (const element of root.querySelectorAll('.item.highlighted')) element.classList.remove('highlighted');
  axis.highlight(highlighted);
  const inList = list.highlight(highlighted);
  if (!highlighted || inList) return;
  const element = root.querySelector<HTMLElement>(`.item[data-item="${CSS.escape(highlighted)}"]`);
  element?.classList.add('highlighted');
  if (!scroll || !element) return;
  // Scrolling by estimated heights would leave the item elsewhere than the real layout puts it.
  if (element.closest('.deferred')) root.classList.add('laid-out');
  element.scrollIntoView({ block: 'nearest' });
}

function showStale(): void {
  banner.textContent = stale ?? '';
  banner.classList.toggle('visible', Boolean(stale));
}

/** Reports the time from message to painted frame: what the person waits for. */
function timed(kind: 'model' | 'patch', started: number): void {
  requestAnimationFrame(() =>
    setTimeout(() => {
      lastRenderMs = performance.now() - started;
      vscode.postMessage({ type: 'rendered', kind, ms: lastRenderMs, events: model?.events.length ?? 0 });
    }, 0),
  );
}

function snapshot(): PreviewSnapshot {
  return {
    version: model?.version,
    title: root.querySelector('h1')?.textContent ?? '',
    eventTexts: [...root.querySelectorAll('.row.event .text')].map((node) => node.textContent ?? ''),
    windowBands: [...root.querySelectorAll('.axis-windows .window-band')].map((node) => node.getAttribute('title') ?? ''),
    overdue: [...root.querySelectorAll('.cm.overdue .owner.overdue')].map((node) => node.textContent ?? ''),
    eventCount: model?.events.length ?? 0,
    regimeTexts: [...root.querySelectorAll('.regime-stage')].map((node) => node.textContent ?? ''),
    stale,
    highlighted: root.querySelector('.highlighted[data-item]')?.getAttribute('data-item') ?? undefined,
    tags: [...new Set([...document.querySelectorAll('*')].map((node) => node.tagName.toLowerCase()))].sort(),
    urls: [...document.querySelectorAll('[href], [src]')].map((node) => node.getAttribute('href') ?? node.getAttribute('src') ?? ''),
    injected: '__postmortemInjected' in window,
    cspViolations: [...violations],
    lastRenderMs,
  };
}

function click(id: string): boolean {
  const element = id.startsWith('event:') ? list.rowElement(id) : root.querySelector<HTMLElement>(`[data-item="${CSS.escape(id)}"]`);
  element?.click();
  return Boolean(element);
}

/** Acts on one message that passed validation; may throw only on a bug of ours (see below). */
function handle(message: ToWebview, started: number): void {
  switch (message.type) {
    case 'model': {
      const first = model === undefined;
      model = message.model;
      fileName = message.fileName;
      const restore = first && saved && saved.uri === model.uri;
      // Restoring an offset into the page needs the real heights of everything above it, not estimates.
      if (restore && saved.scrollTop > 0) root.classList.add('laid-out');
      render(new Set(ALL));
      if (restore) {
        list.scrollTop = saved.listScrollTop;
        document.scrollingElement?.scrollTo(0, saved.scrollTop);
      }
      saveState();
      timed('model', started);
      break;
    }
    case 'patch': {
      if (!model) return;
      try {
        model = applyPatch(model, message.patch);
      } catch (error) {
        // Not a patch of what we show: start over from the whole picture.
        console.warn(`postmortem preview: ignored a patch (${error instanceof Error ? error.message : String(error)})`);
        vscode.postMessage({ type: 'ready' });
        return;
      }
      render(partsOf(message.patch));
      timed('patch', started);
      break;
    }
    case 'stale':
      stale = message.message;
      showStale();
      break;
    case 'highlight':
      highlighted = message.id;
      applyHighlight(true);
      break;
    case 'diagnostics':
      problems = message.byItem;
      general = message.general;
      list.setDiagnostics(problems);
      if (model) render(new Set(PROBLEM_PARTS.filter((part) => shownProblems.get(part) !== problemKey(model as ViewModel, part))));
      break;
    case 'empty':
      model = undefined;
      for (const slot of Object.values(slots)) clear(slot);
      slots.header.replaceChildren(el('p', { className: 'empty', text: message.message }));
      root.removeAttribute('aria-busy');
      break;
    case 'probe':
      vscode.postMessage({ type: 'probeResult', requestId: message.requestId, result: message.action === 'click' ? click(message.id) : snapshot() });
      break;
  }
}

/** What `handle` may change; restored when it throws, so a failure never leaves half a picture. */
function captureState() {
  return { model, fileName, stale, highlighted, problems, general };
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = accept(toWebview, event.data, (line) => console.warn(line));
  if (!message) return;
  const before = captureState();
  try {
    handle(message, performance.now());
  } catch (error) {
    console.error(`postmortem preview: could not show a "${message.type}" message: ${error instanceof Error ? error.message : String(error)}`);
    ({ model, fileName, stale, highlighted, problems, general } = before);
    list.setDiagnostics(problems);
    showStale();
    if (model) render(new Set(ALL));
  }
});

vscode.postMessage({ type: 'ready' });

import type { ViewEvent, ViewModel } from '../shared/messages';
import { clear, el, fmt, percent, place } from './dom';
import { axisLabels } from './labels';

const MARK = 8;
const LANE = 11;
const MAX_LANES = 8;
const BAR_MIN = 3;
const LABEL_ROW = 14;
const WINDOW_ROW = 16;

/**
 * The timeline on its time axis: the impact period as a band, cut gaps as labelled breaks,
 * events as marks coloured by kind (bars for `until` ranges and whole days), marks that would
 * overlap stacked in lanes, and what does not fit counted per column. Horizontal positions come
 * from the model; only the stacking depends on the width, so it is redone on resize.
 *
 * For pointer users the marks link to the source like the list rows do; for keyboard and screen
 * reader users the list below carries the same events, so the drawing is one labelled image.
 */
export class Axis {
  readonly element: HTMLElement;
  private readonly track: HTMLElement;
  private readonly ticks: HTMLElement;
  private readonly lines: HTMLElement;
  private readonly windows: HTMLElement;
  private model: ViewModel | undefined;
  /** The track's width, kept by a ResizeObserver: reading it after DOM writes would force a layout. */
  private width = 0;
  private highlighted: string | undefined;
  /** What the marks were drawn from, to tell a text-only change from one that moves marks. */
  private drawn: { width: number; axis: ViewModel['axis']; labels: ViewModel['labels']; events: ViewModel['events'] } | undefined;
  private marks = new Map<string, HTMLElement>();

  constructor() {
    this.track = el('div', { className: 'axis-track', attrs: { 'aria-hidden': 'true' } });
    this.ticks = el('div', { className: 'axis-ticks', attrs: { 'aria-hidden': 'true' } });
    this.lines = el('div', { className: 'axis-lines', attrs: { 'aria-hidden': 'true' } });
    this.windows = el('div', { className: 'axis-windows', attrs: { 'aria-hidden': 'true' } });
    this.element = el('div', { className: 'axis', attrs: { role: 'img' } }, this.lines, this.track, this.windows, this.ticks);
    // Observers run after layout, when reading the width costs nothing.
    new ResizeObserver(() => {
      const width = this.track.clientWidth;
      if (width !== this.width) {
        this.width = width;
        this.draw();
      }
    }).observe(this.track);
  }

  update(model: ViewModel): void {
    this.model = model;
    // Only before the observer has reported (the first model): then little of the page exists yet.
    if (!this.width) this.width = this.track.clientWidth;
    const drawn = this.drawn;
    if (drawn && drawn.width === this.width && drawn.axis === model.axis && drawn.labels === model.labels && sameMarks(drawn.events, model.events)) {
      // Typing in an event's text moves nothing: only the marks' tooltips and the count change.
      this.label(model);
      for (let index = 0; index < model.events.length; index++) {
        const event = model.events[index] as ViewEvent;
        if (event === drawn.events[index]) continue;
        const mark = this.marks.get(event.id);
        const title = markTitle(model, event);
        if (mark && mark.title !== title) mark.title = title;
      }
      drawn.events = model.events;
      return;
    }
    this.draw();
  }

  highlight(id: string | undefined): void {
    if (id === this.highlighted) return;
    if (this.highlighted) this.marks.get(this.highlighted)?.classList.remove('highlighted');
    this.highlighted = id;
    if (id) this.marks.get(id)?.classList.add('highlighted');
  }

  private label(model: ViewModel): void {
    const { axis, labels } = model;
    const first = axis.ticks[0]?.text ?? '';
    const last = axis.ticks[axis.ticks.length - 1]?.text ?? '';
    const label = `${labels['notice.preview.axis']}: ${first} – ${last}, ${fmt(labels['notice.preview.eventCount'], model.events.length)}`;
    if (this.element.getAttribute('aria-label') !== label) this.element.setAttribute('aria-label', label);
  }

  private draw(): void {
    const model = this.model;
    if (!model) return;
    const { axis, labels } = model;
    const width = this.width || 600;
    this.drawn = { width: this.width, axis, labels, events: model.events };
    this.marks.clear();
    this.label(model);
    clear(this.track);
    clear(this.ticks);
    clear(this.lines);
    clear(this.windows);

    if (axis.impact) {
      const band = el('div', { className: `impact${axis.impact.ongoing ? ' ongoing' : ''}`, attrs: { title: labels['notice.preview.impactBand'] } });
      place(band, { left: percent(axis.impact.from), width: percent(axis.impact.to - axis.impact.from) });
      this.track.appendChild(band);
    }
    for (const segment of axis.segments) {
      if (!segment.compressed) continue;
      const gap = el('div', { className: 'cut', attrs: { title: fmt(labels['notice.preview.gap'], segment.label ?? '') } });
      place(gap, { left: percent(segment.from), width: percent(segment.to - segment.from) });
      this.track.appendChild(gap);
    }

    // Greedy lanes in time order: a mark takes the lowest lane that is free at its x.
    const laneEnds: number[] = [];
    const overflow = new Map<number, number>();
    const order = model.events.filter((event) => event.pos !== undefined).sort((a, b) => (a.pos ?? 0) - (b.pos ?? 0));
    const fragment = document.createDocumentFragment();
    for (const event of order) {
      const x = (event.pos ?? 0) * width;
      const barWidth = event.endPos !== undefined ? (event.endPos - (event.pos ?? 0)) * width : 0;
      const isBar = barWidth >= BAR_MIN;
      const extent = Math.max(MARK, barWidth);
      let lane = laneEnds.findIndex((end) => end <= x);
      if (lane < 0 && laneEnds.length < MAX_LANES) lane = laneEnds.push(0) - 1;
      if (lane < 0) {
        const column = Math.floor(x / MARK);
        overflow.set(column, (overflow.get(column) ?? 0) + 1);
        continue;
      }
      laneEnds[lane] = x + extent + 1;
      const mark = el('div', { className: `mark kind-${event.kind}${isBar ? ' range' : ''}${event.approximate ? ' approximate' : ''}${event.id === this.highlighted ? ' highlighted' : ''}`, attrs: { 'data-item': event.id, title: markTitle(model, event) } });
      this.marks.set(event.id, mark);
      place(mark, { left: `${isBar ? x : x - MARK / 2}px`, width: isBar ? `${barWidth}px` : undefined, top: `${lane * LANE}px` });
      fragment.appendChild(mark);
    }
    for (const [column, count] of overflow) {
      const more = el('div', { className: 'more', text: `+${count}` });
      place(more, { left: `${column * MARK}px`, top: `${MAX_LANES * LANE}px` });
      fragment.appendChild(more);
    }
    this.track.appendChild(fragment);
    const lanes = Math.max(1, laneEnds.length) + (overflow.size > 0 ? 1 : 0);
    place(this.track, { height: `${lanes * LANE + 10}px` });

    // The deadline and publication lines cross the track; every text of the axis is placed by
    // axisLabels (labels.ts), which keeps any two of them apart.
    for (const [line, className] of [
      [axis.deadline, 'deadline'],
      [axis.published, 'published'],
    ] as const) {
      if (!line) continue;
      const marker = el('div', { className: `line ${className}`, attrs: { title: line.text } });
      place(marker, { left: percent(line.pos) });
      this.track.appendChild(marker);
    }
    // Impact windows as bands, one row each, under the track (the impact band spans them all).
    axis.windows.forEach((window, row) => {
      const band = el('div', { className: `window-band${window.ongoing ? ' ongoing' : ''}`, attrs: { 'data-item': window.id, title: window.text } });
      place(band, { left: percent(window.from), width: percent(Math.max(window.to - window.from, 0.002)), top: `${row * WINDOW_ROW + 3}px` });
      this.windows.appendChild(band);
    });
    place(this.windows, { height: `${axis.windows.length * WINDOW_ROW}px` });
    let lineRows = 0;
    const strips = { lines: this.lines, track: this.track, windows: this.windows, ticks: this.ticks };
    for (const label of axisLabels(axis, width)) {
      const span = el('span', { className: label.className, text: label.text });
      const rowHeight = label.strip === 'lines' ? LABEL_ROW : label.strip === 'windows' ? WINDOW_ROW : 0;
      place(span, { left: `${label.left}px`, top: rowHeight ? `${label.row * rowHeight}px` : undefined });
      if (label.strip === 'lines') lineRows = Math.max(lineRows, label.row + 1);
      strips[label.strip].appendChild(span);
    }
    place(this.lines, { height: `${lineRows * LABEL_ROW}px` });
  }
}

function markTitle(model: ViewModel, event: ViewEvent): string {
  const when = event.at ? (event.approximate ? fmt(model.labels['notice.preview.approximateWhen'], event.at.text) : event.at.text) : '';
  return `${when} ${model.labels[`notice.kind.${event.kind}`]}: ${event.text}`;
}

/** Whether two event lists put the same marks in the same places (their order decides the lanes). */
function sameMarks(before: readonly ViewEvent[], after: readonly ViewEvent[]): boolean {
  if (before.length !== after.length) return false;
  for (let index = 0; index < after.length; index++) {
    const a = before[index] as ViewEvent;
    const b = after[index] as ViewEvent;
    if (a !== b && (a.id !== b.id || a.kind !== b.kind || a.pos !== b.pos || a.endPos !== b.endPos || a.approximate !== b.approximate)) return false;
  }
  return true;
}

import type { DiagnosticView, ViewEvent, ViewModel } from '../shared/messages';
import { clear, el, fmt, place } from './dom';

/** Every row has this height, so the row at any scroll offset is one division away. */
export const ROW_HEIGHT = 48;
const OVERSCAN = 8;

type Row = { kind: 'event'; index: number; gapBefore: string | undefined } | { kind: 'gap'; label: string };

/**
 * The events as a listbox that only puts the rows in view into the DOM, so 10,000 events cost
 * what 30 do. The list keeps one active row (`aria-activedescendant`), moved by the arrow keys;
 * Enter or a click asks the extension to show its source.
 */
export class EventList {
  readonly element: HTMLElement;
  private readonly spacer: HTMLElement;
  private model: ViewModel | undefined;
  private rows: Row[] = [];
  private rowOfEvent = new Map<string, number>();
  private active = -1;
  private highlighted: string | undefined;
  private diagnostics: Record<string, DiagnosticView[]> = {};
  private frame = 0;
  /**
   * The list's inner height and scroll offset as last laid out. Reading them from the element right
   * after a patch changed the DOM would force a layout of the whole page; the observer and the
   * scroll event report them when they are known anyway, and our own scrolling updates them.
   */
  private viewHeight = 0;
  private top = 0;

  constructor(private readonly onActivate: (id: string) => void) {
    this.spacer = el('div', { className: 'list-spacer' });
    this.element = el('div', { className: 'list', attrs: { role: 'listbox', tabindex: 0 } }, this.spacer);
    this.element.addEventListener('scroll', () => {
      this.top = this.element.scrollTop;
      this.schedule();
    });
    new ResizeObserver(() => {
      const height = this.element.clientHeight;
      if (height === this.viewHeight) return;
      this.viewHeight = height;
      this.draw();
    }).observe(this.element);
    this.element.addEventListener('keydown', (event) => this.onKey(event));
    this.element.addEventListener('click', (event) => {
      const row = (event.target as Element).closest<HTMLElement>('[data-row]');
      if (!row) return;
      const index = Number(row.dataset.row);
      this.setActive(index, false);
      const id = this.eventAt(index)?.id;
      if (id) this.onActivate(id);
    });
  }

  /** A new or patched model. Rows are rebuilt (cheap), only the visible ones are drawn. */
  update(model: ViewModel): void {
    const activeId = this.eventAt(this.active)?.id;
    this.model = model;
    this.rows = buildRows(model);
    this.rowOfEvent = new Map();
    this.rows.forEach((row, index) => {
      if (row.kind === 'event') this.rowOfEvent.set(model.events[row.index]?.id ?? '', index);
    });
    this.active = activeId ? (this.rowOfEvent.get(activeId) ?? -1) : -1;
    this.element.setAttribute('aria-label', fmt(model.labels['notice.preview.eventCount'], model.events.length));
    place(this.spacer, { height: `${this.rows.length * ROW_HEIGHT}px` });
    place(this.element, { height: `${Math.min(this.rows.length, 12) * ROW_HEIGHT + 2}px` });
    // Fewer rows than before: the browser will clamp the offset; draw where it will be.
    this.top = Math.max(0, Math.min(this.top, this.rows.length * ROW_HEIGHT - this.height));
    this.draw();
  }

  setDiagnostics(byItem: Record<string, DiagnosticView[]>): void {
    this.diagnostics = byItem;
    this.draw();
  }

  /** From the editor cursor: mark the event and bring it into view, without taking focus. */
  highlight(id: string | undefined): boolean {
    const changed = id !== this.highlighted;
    this.highlighted = id;
    const row = id === undefined ? undefined : this.rowOfEvent.get(id);
    const scrolled = row !== undefined && this.scrollToRow(row);
    // After every render the page re-applies the highlight; the rows drawn then are already right.
    if (changed || scrolled) this.draw();
    return row !== undefined;
  }

  /** Makes the row of an event exist in the DOM (for tests that click it) and returns it. */
  rowElement(id: string): HTMLElement | undefined {
    const row = this.rowOfEvent.get(id);
    if (row === undefined) return undefined;
    this.scrollToRow(row);
    this.draw();
    return this.spacer.querySelector<HTMLElement>(`[data-row="${row}"]`) ?? undefined;
  }

  get scrollTop(): number {
    return this.top;
  }

  set scrollTop(value: number) {
    this.scrollTo(value);
    this.draw();
  }

  private eventAt(row: number): ViewEvent | undefined {
    const entry = this.rows[row];
    return entry?.kind === 'event' ? this.model?.events[entry.index] : undefined;
  }

  /** Until the observer has measured the list: the height `update` gave it. */
  private get height(): number {
    return this.viewHeight || Math.min(this.rows.length, 12) * ROW_HEIGHT + 2;
  }

  /** Scrolls and remembers where, clamped as the browser will clamp it. */
  private scrollTo(value: number): void {
    this.top = Math.max(0, Math.min(value, this.rows.length * ROW_HEIGHT - this.height));
    this.element.scrollTop = this.top;
  }

  /** Brings a row into view when it is not; whether that scrolled. */
  private scrollToRow(row: number): boolean {
    const top = row * ROW_HEIGHT;
    const view = this.height;
    if (top >= this.top && top + ROW_HEIGHT <= this.top + view) return false;
    this.scrollTo(top - (view - ROW_HEIGHT) / 2);
    return true;
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    const model = this.model;
    if (!model) return;
    const first = Math.max(0, Math.floor(this.top / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.rows.length - 1, Math.ceil((this.top + this.height) / ROW_HEIGHT) + OVERSCAN);
    clear(this.spacer);
    for (let index = first; index <= last; index++) this.spacer.appendChild(this.drawRow(model, index));
    if (this.active >= first && this.active <= last) this.element.setAttribute('aria-activedescendant', `row-${this.active}`);
    else this.element.removeAttribute('aria-activedescendant');
  }

  private drawRow(model: ViewModel, index: number): HTMLElement {
    const row = this.rows[index] as Row;
    if (row.kind === 'gap') {
      const gap = el('div', { className: 'row gap', attrs: { 'aria-hidden': 'true', 'data-row': index } }, el('span', { text: fmt(model.labels['notice.preview.gap'], row.label) }));
      place(gap, { top: `${index * ROW_HEIGHT}px` });
      return gap;
    }
    const event = model.events[row.index] as ViewEvent;
    const problems = this.diagnostics[event.id] ?? [];
    const kindLabel = model.labels[`notice.kind.${event.kind}`];
    const range = event.at ? (event.until ? rangeText(event.at.text, event.until.text) : event.at.text) : model.labels['notice.preview.noTime'];
    // An approximate time says so where the time is read: ≈ before it, 頃 after it in Japanese.
    const when = event.at && event.approximate ? fmt(model.labels['notice.preview.approximateWhen'], range) : range;
    const worst = problems.find((p) => p.severity === 'error') ?? problems.find((p) => p.severity === 'warning') ?? problems[0];
    const element = el(
      'div',
      {
        className: `row event kind-${event.kind}${event.approximate ? ' approximate' : ''}${index === this.active ? ' active' : ''}${event.id === this.highlighted ? ' highlighted' : ''}${worst ? ` has-${worst.severity}` : ''}`,
        attrs: {
          role: 'option',
          id: `row-${index}`,
          'data-row': index,
          'data-item': event.id,
          'aria-selected': String(event.id === this.highlighted),
          'aria-setsize': model.events.length,
          'aria-posinset': row.index + 1,
          title: [when, event.text, ...problems.map((p) => p.message)].join('\n'),
        },
      },
      el('span', { className: 'when', text: when }),
      el('span', { className: 'kind', text: kindLabel }),
      el('span', { className: 'text', text: event.text }),
      el('span', { className: 'relative', text: event.relative ?? '' }),
      worst ? el('span', { className: `diag ${worst.severity}`, text: worst.severity === 'error' ? '⛔' : '⚠', attrs: { 'aria-hidden': 'true' } }) : null,
      // Read out in the order a sighted person takes it in; the gap first when there is one.
      el('span', { className: 'sr-only', text: [row.gapBefore ? fmt(model.labels['notice.preview.gap'], row.gapBefore) : '', ...problems.map((p) => p.message)].filter(Boolean).join('. ') }),
    );
    place(element, { top: `${index * ROW_HEIGHT}px` });
    return element;
  }

  private setActive(row: number, scroll: boolean): void {
    this.active = Math.max(0, Math.min(this.rows.length - 1, row));
    if (this.rows[this.active]?.kind === 'gap') this.active += row < this.active ? -1 : 1;
    if (scroll) this.scrollToRow(this.active);
    this.draw();
  }

  private onKey(event: KeyboardEvent): void {
    const page = Math.max(1, Math.floor(this.height / ROW_HEIGHT) - 1);
    const step = (delta: number) => {
      let next = (this.active < 0 ? (delta > 0 ? -1 : this.rows.length) : this.active) + delta;
      while (this.rows[next]?.kind === 'gap') next += Math.sign(delta) || 1;
      if (next >= 0 && next < this.rows.length) this.setActive(next, true);
    };
    switch (event.key) {
      case 'ArrowDown':
        step(1);
        break;
      case 'ArrowUp':
        step(-1);
        break;
      case 'PageDown':
        step(page);
        break;
      case 'PageUp':
        step(-page);
        break;
      case 'Home':
        this.setActive(this.rows[0]?.kind === 'gap' ? 1 : 0, true);
        break;
      case 'End':
        this.setActive(this.rows.length - 1, true);
        break;
      case 'Enter':
      case ' ': {
        const id = this.eventAt(this.active)?.id;
        if (id) this.onActivate(id);
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  }
}

/** Events in document order, with a row for each cut gap that lies between two of them. */
function buildRows(model: ViewModel): Row[] {
  const gaps = model.axis.segments.filter((segment) => segment.compressed);
  const rows: Row[] = [];
  let previous: number | undefined;
  model.events.forEach((event, index) => {
    const at = event.at?.instant;
    let gapBefore: string | undefined;
    if (at !== undefined && previous !== undefined && at > previous) {
      for (const gap of gaps) {
        if (gap.start >= previous && gap.end <= at && gap.label) {
          rows.push({ kind: 'gap', label: gap.label });
          gapBefore = gap.label;
        }
      }
    }
    rows.push({ kind: 'event', index, gapBefore });
    if (at !== undefined) previous = at;
  });
  return rows;
}

/** `2020-11-02 11:40–13:51`: the end's date is left out when it is the start's. */
function rangeText(from: string, to: string): string {
  const split = (text: string) => {
    const space = text.lastIndexOf(' ');
    return space < 0 ? [text, ''] : [text.slice(0, space), text.slice(space + 1)];
  };
  const [fromDate] = split(from);
  const [toDate, toClock] = split(to);
  return toClock && fromDate === toDate ? `${from}–${toClock}` : `${from} – ${to}`;
}

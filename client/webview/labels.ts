import type { ViewModel } from '../shared/messages';

/**
 * Where the time axis puts its texts, as plain arithmetic so that a unit test can check the one
 * promise it makes: no two labels that are drawn touch. No DOM here: widths are estimated from the
 * text (measuring would force a layout of a page that may hold thousands of marks), on the safe
 * side, with the font sizes of media/preview.css.
 */

/** Font sizes in px: `.line-label` 11px, `.tick` 0.75em and `.cut span` 0.7em of the 13px body. */
export const FONT = { line: 11, tick: 9.75, cut: 9.1, window: 11 } as const;
/** Space kept between two labels on one row. */
export const LABEL_GAP = 6;
/** Distance of a hanging label from its line. */
const HANG = 3;

/** An estimate a little wider than any UI font draws: full-width characters 1em, others 0.62em. */
export function textWidth(text: string, fontPx: number): number {
  let em = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    em += isWide(code) ? 1 : char === ' ' ? 0.34 : 0.62;
  }
  return Math.ceil(em * fontPx) + 2;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x1f300
  );
}

export interface Box {
  left: number;
  width: number;
  row: number;
}

/**
 * Labels that hang on a vertical line at `x`: to its right, else to its left, else moved inside
 * the track; on the lowest row where they keep `LABEL_GAP` from every label already there.
 */
export function placeHanging(items: readonly { x: number; width: number }[], trackWidth: number): Box[] {
  const rows: { left: number; right: number }[][] = [];
  return items.map(({ x, width }) => {
    // Beside the line when there is room on that side; pushed inside the track (over the line) last.
    const right = x + HANG;
    const left = x - HANG - width;
    const candidates = [...(right + width <= trackWidth ? [right] : []), ...(left >= 0 ? [left] : []), clampLeft(right, width, trackWidth), clampLeft(left, width, trackWidth)];
    for (let row = 0; ; row++) {
      const taken = rows[row] ?? (rows[row] = []);
      const free = candidates.find((candidate) => taken.every((box) => candidate + width + LABEL_GAP <= box.left || box.right + LABEL_GAP <= candidate));
      if (free !== undefined) {
        taken.push({ left: free, right: free + width });
        return { left: free, width, row };
      }
    }
  });
}

function clampLeft(left: number, width: number, trackWidth: number): number {
  return Math.max(0, Math.min(left, trackWidth - width));
}

/**
 * Tick labels centred on their tick, flush with the track's ends near them; a label that would
 * touch the one before is left out (the ticks are in time order, so that keeps the earlier one).
 */
export function placeTicks(ticks: readonly { x: number; width: number }[], trackWidth: number): (Box | undefined)[] {
  let lastRight = -Infinity;
  return ticks.map(({ x, width }) => {
    const left = clampLeft(x - width / 2, width, trackWidth);
    if (left < lastRight + LABEL_GAP) return undefined;
    lastRight = left + width;
    return { left, width, row: 0 };
  });
}

export interface AxisLabel extends Box {
  /** Which strip of the axis it is drawn in: rows never meet across strips. */
  strip: 'lines' | 'track' | 'windows' | 'ticks';
  text: string;
  className: string;
}

/** Every label the axis draws at this width, with its place. */
export function axisLabels(axis: ViewModel['axis'], trackWidth: number): AxisLabel[] {
  const labels: AxisLabel[] = [];
  const lines = [
    [axis.deadline, 'label-deadline'],
    [axis.published, 'label-published'],
  ] as const;
  const hanging = lines.flatMap(([line, className]) => (line ? [{ x: line.pos * trackWidth, width: textWidth(line.text, FONT.line), text: line.text, className }] : []));
  placeHanging(hanging, trackWidth).forEach((box, index) => {
    const item = hanging[index] as (typeof hanging)[number];
    labels.push({ ...box, strip: 'lines', text: item.text, className: `line-label ${item.className}` });
  });
  // A gap's label goes in its cut, centred, when it fits; the tooltip names the gap otherwise.
  for (const segment of axis.segments) {
    if (!segment.compressed || !segment.label) continue;
    const width = textWidth(segment.label, FONT.cut);
    const from = segment.from * trackWidth;
    const room = (segment.to - segment.from) * trackWidth;
    if (width <= room) labels.push({ left: from + (room - width) / 2, width, row: 0, strip: 'track', text: segment.label, className: 'cut-label' });
  }
  // Each impact window has a row of its own under the track: its label goes inside its band when
  // it fits, else beside it, so it can only meet the band it names.
  axis.windows.forEach((window, row) => {
    const width = textWidth(window.text, FONT.window);
    const from = window.from * trackWidth;
    const to = window.to * trackWidth;
    const inside = width + 2 * HANG <= to - from;
    const right = to + HANG + width <= trackWidth;
    const left = from - HANG - width >= 0;
    // With room on no side, it starts on the band and runs past it, which still reads as its name.
    const place = inside ? from + HANG : right ? to + HANG : left ? from - HANG - width : clampLeft(from + HANG, width, trackWidth);
    labels.push({ left: place, width, row, strip: 'windows', text: window.text, className: 'window-label' });
  });
  const ticks = axis.ticks.map((tick) => ({ x: tick.pos * trackWidth, width: textWidth(tick.text, FONT.tick) }));
  placeTicks(ticks, trackWidth).forEach((box, index) => {
    const tick = axis.ticks[index];
    if (box && tick) labels.push({ ...box, strip: 'ticks', text: tick.text, className: `tick${tick.major ? ' major' : ''}` });
  });
  return labels;
}

/** For tests and assertions: the first two labels of one strip and row that touch, if any. */
export function overlapping(labels: readonly AxisLabel[]): [AxisLabel, AxisLabel] | undefined {
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      const a = labels[i] as AxisLabel;
      const b = labels[j] as AxisLabel;
      if (a.strip === b.strip && a.row === b.row && a.left < b.left + b.width && b.left < a.left + a.width) return [a, b];
    }
  }
  return undefined;
}

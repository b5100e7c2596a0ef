import type { Localizer } from '../../l10n';
import { DAY, formatSpan, HOUR, MINUTE, offsetAt, wallClock } from '../../views/format';
import type { AxisSegment, AxisTick, Language } from '../../views/model';

/** Quiet stretches shorter than this are never compressed: hours of silence are part of the story. */
export const MIN_COMPRESSED_GAP = 6 * HOUR;
/** More compressed gaps than this would turn the axis into a row of break marks. */
const MAX_COMPRESSED_GAPS = 12;
/** Share of the axis one compressed gap takes, and the most all of them may take. */
const GAP_SHARE = 0.04;
const MAX_GAP_SHARE = 0.3;
/** Compression rounds: the second round looks again at what is left once the longest gaps are out. */
const ROUNDS = 2;
/** A gap is long when it exceeds this share of the span still drawn to scale. */
const LONG_GAP_RATIO = 0.1;

export interface AxisLayout {
  start: number | undefined;
  end: number | undefined;
  segments: AxisSegment[];
  /** The place of an instant on the axis, 0..1 (clamped to the ends). */
  pos(instant: number): number;
}

/**
 * Lays out a time axis through the given instants so that a 12-minute incident and one of 19 days
 * both read well: clusters of activity are drawn to scale, and long quiet gaps between them are
 * cut to a fixed width and labelled with their length.
 */
export function layoutAxis(instants: readonly number[], l10n: Localizer): AxisLayout {
  const anchors = [...new Set(instants.filter(Number.isFinite))].sort((a, b) => a - b);
  const first = anchors[0];
  const last = anchors[anchors.length - 1];
  if (first === undefined || last === undefined) return { start: undefined, end: undefined, segments: [], pos: () => 0 };
  if (first === last) {
    // One instant: an hour either side, so the mark sits in the middle of something.
    const segment: AxisSegment = { start: first - HOUR, end: first + HOUR, from: 0, to: 1, compressed: false, label: undefined };
    return { start: segment.start, end: segment.end, segments: [segment], pos: (instant) => clamp((instant - segment.start) / (2 * HOUR)) };
  }

  const gaps = anchors.slice(1).map((end, index) => ({ start: anchors[index] as number, end, length: end - (anchors[index] as number) }));
  const compressed = new Set<number>();
  let linear = last - first;
  for (let round = 0; round < ROUNDS; round++) {
    const threshold = Math.max(MIN_COMPRESSED_GAP, linear * LONG_GAP_RATIO);
    gaps.forEach((gap, index) => {
      if (gap.length > threshold) compressed.add(index);
    });
    linear = last - first - [...compressed].reduce((sum, index) => sum + (gaps[index]?.length ?? 0), 0);
  }
  const kept = [...compressed].sort((a, b) => (gaps[b]?.length ?? 0) - (gaps[a]?.length ?? 0)).slice(0, MAX_COMPRESSED_GAPS);
  const cut = new Set(kept);

  // Alternate clusters (to scale) and cut gaps, in time order.
  const pieces: { start: number; end: number; compressed: boolean }[] = [];
  let clusterStart = first;
  gaps.forEach((gap, index) => {
    if (!cut.has(index)) return;
    pieces.push({ start: clusterStart, end: gap.start, compressed: false }, { start: gap.start, end: gap.end, compressed: true });
    clusterStart = gap.end;
  });
  pieces.push({ start: clusterStart, end: last, compressed: false });

  const gapShare = Math.min(MAX_GAP_SHARE, GAP_SHARE * cut.size);
  const clusters = pieces.filter((piece) => !piece.compressed);
  const clusterTotal = clusters.reduce((sum, piece) => sum + (piece.end - piece.start), 0);
  // A cluster of one instant still needs room for its marks.
  const padding = Math.max(clusterTotal, MIN_COMPRESSED_GAP) * 0.03;
  const weightTotal = clusterTotal + padding * clusters.length;
  let cursor = 0;
  const segments: AxisSegment[] = pieces.map((piece) => {
    const share = piece.compressed ? gapShare / cut.size : ((piece.end - piece.start + padding) / weightTotal) * (1 - gapShare);
    const segment: AxisSegment = {
      start: piece.start,
      end: piece.end,
      from: cursor,
      to: cursor + share,
      compressed: piece.compressed,
      label: piece.compressed ? formatSpan(piece.end - piece.start, l10n) : undefined,
    };
    cursor += share;
    return segment;
  });
  const lastSegment = segments[segments.length - 1];
  if (lastSegment) lastSegment.to = 1;

  return { start: first, end: last, segments, pos: (instant) => positionOn(segments, instant) };
}

function positionOn(segments: readonly AxisSegment[], instant: number): number {
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((segments[middle]?.end ?? 0) < instant) low = middle + 1;
    else high = middle;
  }
  const segment = segments[low];
  if (!segment) return 0;
  if (segment.end === segment.start) return clamp(segment.from + (segment.to - segment.from) / 2);
  return clamp(segment.from + ((instant - segment.start) / (segment.end - segment.start)) * (segment.to - segment.from));
}

const STEPS = [MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY, 91 * DAY, 364 * DAY];
/** Ticks the full width may carry; a segment gets its share of them. */
const TICKS_PER_AXIS = 8;

/** Ticks on round local times inside every to-scale segment, labelled in the document's zone. */
export function axisTicks(segments: readonly AxisSegment[], zone: string | undefined, language: Language): AxisTick[] {
  const ticks: AxisTick[] = [];
  for (const segment of segments) {
    if (segment.compressed) continue;
    const span = segment.end - segment.start;
    const wanted = Math.max(1, Math.round((segment.to - segment.from) * TICKS_PER_AXIS));
    const step = STEPS.find((candidate) => span / candidate <= wanted) ?? (STEPS[STEPS.length - 1] as number);
    const startWall = segment.start + offsetAt(zone, segment.start);
    let previousDay = '';
    for (let wall = Math.ceil(startWall / step) * step, count = 0; count < 64; wall += step, count++) {
      const instant = wall - offsetAt(zone, wall - offsetAt(zone, segment.start));
      if (instant > segment.end) break;
      const clock = wallClock(instant, zone);
      const day = clock.toISOString().slice(0, 10);
      const major = clock.getUTCHours() === 0 && clock.getUTCMinutes() === 0;
      const showDate = step >= DAY || major || day !== previousDay;
      previousDay = day;
      const pos = segment.from + (span === 0 ? 0 : ((instant - segment.start) / span) * (segment.to - segment.from));
      ticks.push({ pos, text: tickText(clock, step, showDate, language), major });
    }
  }
  return ticks;
}

function tickText(clock: Date, step: number, showDate: boolean, language: Language): string {
  const month = clock.getUTCMonth() + 1;
  const day = clock.getUTCDate();
  const date = language === 'ja' ? `${month}/${day}` : `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const time = `${String(clock.getUTCHours()).padStart(2, '0')}:${String(clock.getUTCMinutes()).padStart(2, '0')}`;
  if (step >= DAY) return date;
  return showDate ? `${date} ${time}` : time;
}

function clamp(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}

/**
 * Times of the format: ISO 8601 of reduced or full precision. A time names a period as long as its
 * precision; ordering compares whole periods and durations use period starts.
 */
import type { Precision } from '../contracts/model';

export type { Precision };

export interface ParsedTime {
  text: string;
  precision: Precision;
  hasClock: boolean;
  /** The offset written in the text, in minutes east of UTC; undefined when none was written. */
  writtenOffset: number | undefined;
  /** Start and end (exclusive) of the named period in UTC milliseconds. */
  start: number;
  end: number;
  /**
   * False when neither the text nor the document says which zone the wall time is in. Such times
   * are read as UTC: they all share the one unknown zone, so their order is still meaningful.
   */
  zoneKnown: boolean;
}

const TIME_PATTERN = /^(\d{4})-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?)?$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const OFFSET_PATTERN = /^([+-])(\d{2}):(\d{2})$/;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A valid calendar date written `YYYY-MM-DD`, nothing more. */
export function isDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  return Boolean(match && validCalendarDate(Number(match[1]), Number(match[2]), Number(match[3])));
}

// Building an Intl.DateTimeFormat costs tens of microseconds; rules ask once per time in the document.
const zoneValidity = new Map<string, boolean>();
export function isValidTimeZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    valid = checkTimeZone(zone);
    if (zoneValidity.size > 1000) zoneValidity.clear();
    zoneValidity.set(zone, valid);
  }
  return valid;
}

function checkTimeZone(zone: string): boolean {
  if (OFFSET_PATTERN.test(zone)) return parseOffset(zone) !== undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

let zoneNames: readonly string[] | undefined;
export function knownTimeZones(): readonly string[] {
  zoneNames ??= [...Intl.supportedValuesOf('timeZone'), 'UTC'];
  return zoneNames;
}

/** Parses a time; `zone` is the document's `timezone` (an IANA name or an offset) if any. */
export function parseTime(text: string, zone?: string): ParsedTime | undefined {
  const match = TIME_PATTERN.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction, offsetText] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = d === undefined ? 1 : Number(d);
  if (month < 1 || month > 12 || !validCalendarDate(year, month, day)) return undefined;
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const precision: Precision = d === undefined ? 'month' : h === undefined ? 'day' : s === undefined ? 'minute' : 'second';
  const wallStart = Date.UTC(year, month - 1, day, hour, minute, second, fraction ? Number(`0.${fraction}`) * 1000 : 0);
  const wallEnd = periodEnd(wallStart, precision, year, month);

  const writtenOffset = offsetText === undefined ? undefined : parseOffset(offsetText);
  if (offsetText !== undefined && writtenOffset === undefined) return undefined;
  let offsetMs: number | undefined;
  if (writtenOffset !== undefined) offsetMs = writtenOffset * MINUTE;
  else if (zone && isValidTimeZone(zone)) offsetMs = zoneOffsetAtWallTime(zone, wallStart);
  return {
    text,
    precision,
    hasClock: h !== undefined,
    writtenOffset,
    start: wallStart - (offsetMs ?? 0),
    end: wallEnd - (offsetMs ?? 0),
    zoneKnown: offsetMs !== undefined,
  };
}

/** The range of offsets a zone can have: UTC−12:00 (Baker Island) to UTC+14:00 (Kiribati). */
const EARLIEST_OFFSET = -12 * HOUR;
const LATEST_OFFSET = 14 * HOUR;

/**
 * The spec's "certainly precedes": `a`'s whole period ends before `b`'s starts. Two times without a
 * zone share the one unknown zone and compare directly; when only one side has no zone, it could
 * be at any offset, so its period is widened by every offset it could have before comparing.
 */
export function certainlyPrecedes(a: ParsedTime, b: ParsedTime): boolean {
  if (a.zoneKnown === b.zoneKnown) return a.end <= b.start;
  const aEnd = a.zoneKnown ? a.end : a.end - EARLIEST_OFFSET;
  const bStart = b.zoneKnown ? b.start : b.start - LATEST_OFFSET;
  return aEnd <= bStart;
}

/**
 * An "around" time (`approximate: true`, 頃): its period widened by an hour each side when it has
 * a clock, by a day when it is a date or month, so ordering checks only fire on a certain mistake.
 */
export function approximately(time: ParsedTime): ParsedTime {
  const slack = time.hasClock ? HOUR : DAY;
  return { ...time, start: time.start - slack, end: time.end + slack };
}

/** The instant a duration is measured from: the start of the named period. */
export function instantOf(time: ParsedTime): number {
  return time.start;
}

function periodEnd(wallStart: number, precision: Precision, year: number, month: number): number {
  switch (precision) {
    case 'month':
      return Date.UTC(year, month, 1);
    case 'day':
      return wallStart + DAY;
    case 'minute':
      return wallStart + MINUTE;
    case 'second':
      return wallStart + 1000;
  }
}

function validCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parseOffset(text: string): number | undefined {
  if (text === 'Z') return 0;
  const match = OFFSET_PATTERN.exec(text);
  if (!match) return undefined;
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  if (hours > 14 || minutes > 59) return undefined;
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** Offset (ms) of a zone at a given wall-clock time, found by two rounds of correction. */
export function zoneOffsetAtWallTime(zone: string, wallTime: number): number {
  const fixed = parseOffset(zone);
  if (fixed !== undefined) return fixed * MINUTE;
  let offset = zoneOffsetAtInstant(zone, wallTime);
  offset = zoneOffsetAtInstant(zone, wallTime - offset);
  return offset;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
// formatToParts costs tens of microseconds and a long timeline asks for thousands of instants,
// mostly a few minutes apart. Offsets are kept per UTC hour when the hour starts and ends with the
// same offset: the time zone database has no two transitions within one hour, so the whole hour
// has that offset. An hour with a transition inside is computed exactly for each instant.
const hourOffsets = new Map<string, Map<number, number | null>>();
let hourOffsetsSize = 0;

export function zoneOffsetAtInstant(zone: string, instant: number): number {
  const fixed = parseOffset(zone);
  if (fixed !== undefined) return fixed * MINUTE;
  let byHour = hourOffsets.get(zone);
  if (!byHour) {
    byHour = new Map();
    hourOffsets.set(zone, byHour);
  }
  const hour = Math.floor(instant / HOUR);
  let offset = byHour.get(hour);
  if (offset === undefined) {
    const atStart = exactOffset(zone, hour * HOUR);
    offset = atStart === exactOffset(zone, hour * HOUR + HOUR - 1000) ? atStart : null;
    if (++hourOffsetsSize > 100_000) {
      hourOffsets.clear();
      hourOffsetsSize = 1;
      byHour = new Map();
      hourOffsets.set(zone, byHour);
    }
    byHour.set(hour, offset);
  }
  return offset ?? exactOffset(zone, instant);
}

function exactOffset(zone: string, instant: number): number {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asWall = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return asWall - Math.floor(instant / 1000) * 1000;
}

/** `2020-11-02 10:38` in the zone, or UTC. */
export function formatInstant(instant: number, zone: string | undefined, precision: Precision = 'minute'): string {
  const offset = zone && isValidTimeZone(zone) ? zoneOffsetAtInstant(zone, instant) : 0;
  const iso = new Date(instant + offset).toISOString();
  const date = iso.slice(0, 10);
  if (precision === 'month') return iso.slice(0, 7);
  if (precision === 'day') return date;
  return `${date} ${iso.slice(11, precision === 'second' ? 19 : 16)}`;
}

export function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const minutes = Math.abs(Math.round(offsetMs / MINUTE));
  return `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A duration as `T+2d 03:15` (days, then hours:minutes); negative as `T-…`. */
export function formatRelative(durationMs: number): string {
  const sign = durationMs < 0 ? '-' : '+';
  const totalMinutes = Math.floor(Math.abs(durationMs) / MINUTE);
  const days = Math.floor(totalMinutes / (24 * 60));
  const hours = Math.floor((totalMinutes % (24 * 60)) / 60);
  const minutes = totalMinutes % 60;
  const clock = `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  return `T${sign}${days > 0 ? `${days}d ` : ''}${clock}`;
}

/** A duration in words-free compact form: `19d 17h`, `3h 05m`, `12m`. */
export function formatDuration(durationMs: number): string {
  const negative = durationMs < 0;
  const totalMinutes = Math.round(Math.abs(durationMs) / MINUTE);
  const days = Math.floor(totalMinutes / (24 * 60));
  const hours = Math.floor((totalMinutes % (24 * 60)) / 60);
  const minutes = totalMinutes % 60;
  let text: string;
  if (days > 0) text = hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  else if (hours > 0) text = `${hours}h ${String(minutes).padStart(2, '0')}m`;
  else text = `${minutes}m`;
  return negative ? `-${text}` : text;
}

export const TIME_UNITS = { MINUTE, HOUR, DAY };

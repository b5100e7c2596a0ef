import type { Localizer } from '../l10n';
import { isValidTimeZone, TIME_UNITS, zoneOffsetAtInstant, type ParsedTime, type Precision } from '../time';
import type { Language, TimeView } from './model';

const { MINUTE, HOUR, DAY } = TIME_UNITS;

/**
 * Offsets change only at transitions, at most a few a year, and always on a quarter hour (every
 * zone's offset is a multiple of 15 minutes and so is every transition). One Intl lookup costs
 * microseconds, and with 10,000 events it was the model's largest cost; so a UTC day whose two
 * ends share an offset is cached whole, and only a transition day is looked up per quarter hour.
 */
const QUARTER = 15 * MINUTE;
const TRANSITION_DAY = Number.NaN;
interface ZoneCache {
  /** UTC day → its offset, or NaN on a day with a transition. */
  days: Map<number, number>;
  quarters: Map<number, number>;
}
const offsetCache = new Map<string, ZoneCache>();

export function offsetAt(zone: string | undefined, instant: number): number {
  if (!zone) return 0;
  let cache = offsetCache.get(zone);
  if (!cache) {
    if (!isValidTimeZone(zone)) return 0;
    cache = { days: new Map(), quarters: new Map() };
    offsetCache.set(zone, cache);
  }
  if (cache.days.size > 100_000) cache.days.clear();
  const day = Math.floor(instant / DAY);
  let offset = cache.days.get(day);
  if (offset === undefined) {
    const atStart = zoneOffsetAtInstant(zone, day * DAY);
    offset = atStart === zoneOffsetAtInstant(zone, (day + 1) * DAY - 1) ? atStart : TRANSITION_DAY;
    cache.days.set(day, offset);
  }
  if (!Number.isNaN(offset)) return offset;
  const quarter = Math.floor(instant / QUARTER);
  let exact = cache.quarters.get(quarter);
  if (exact === undefined) {
    exact = zoneOffsetAtInstant(zone, quarter * QUARTER);
    if (cache.quarters.size > 100_000) cache.quarters.clear();
    cache.quarters.set(quarter, exact);
  }
  return exact;
}

/** The wall clock of an instant in the zone, as UTC fields of a shifted Date. */
export function wallClock(instant: number, zone: string | undefined): Date {
  return new Date(instant + offsetAt(zone, instant));
}

/** The local day (`2020-11-02`) of an instant in the zone: the key for stacking and ticks. */
export function localDayKey(instant: number, zone: string | undefined): string {
  return wallClock(instant, zone).toISOString().slice(0, 10);
}

/**
 * A time in the document's zone and language, as precise as it was written: `2020-11-02 10:38`
 * and `2020年11月2日 10:38`; a date stays a date, a month a month.
 */
export function formatTime(instant: number, precision: Precision, zone: string | undefined, language: Language): string {
  const wall = wallClock(instant, zone);
  const year = wall.getUTCFullYear();
  const month = wall.getUTCMonth() + 1;
  const day = wall.getUTCDate();
  const clock = `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}${precision === 'second' ? `:${pad(wall.getUTCSeconds())}` : ''}`;
  if (language === 'ja') {
    if (precision === 'month') return `${year}年${month}月`;
    const date = `${year}年${month}月${day}日`;
    return precision === 'day' ? date : `${date} ${clock}`;
  }
  if (precision === 'month') return `${year}-${pad(month)}`;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  return precision === 'day' ? date : `${date} ${clock}`;
}

/** Only the clock part, for the end of a range that stays on its start's day (`11:40〜13:51`). */
export function formatClock(instant: number, precision: Precision, zone: string | undefined): string {
  const wall = wallClock(instant, zone);
  return `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}${precision === 'second' ? `:${pad(wall.getUTCSeconds())}` : ''}`;
}

export function timeView(time: ParsedTime, zone: string | undefined, language: Language): TimeView {
  return { instant: time.start, end: time.end, precision: time.precision, text: formatTime(time.start, time.precision, zone, language), zoneKnown: time.zoneKnown };
}

/** `from〜to`, dropping the date of `to` when both name clock times on the same local day. */
export function formatRange(from: TimeView, to: TimeView, zone: string | undefined, l10n: Localizer): string {
  const sameDay = from.precision !== 'day' && from.precision !== 'month' && to.precision !== 'day' && to.precision !== 'month' && localDayKey(from.instant, zone) === localDayKey(to.instant, zone);
  return l10n.t('notice.period.range', from.text, sameDay ? formatClock(to.instant, to.precision, zone) : to.text);
}

const numberFormats = new Map<Language, Intl.NumberFormat>();
/**
 * A figure as the document's readers write it: `30,910,000` in English, `3,091万` in Japanese.
 * Japanese groups round figures by 万 (10⁴), 億 (10⁸) and 兆 (10¹²), with commas only inside a
 * group (`1億2,000万`); an exact figure that is not round stays in commas (`121,221人`), as
 * Japanese notices write counts. Decimals are kept as written (`99.9`).
 */
export function formatNumber(value: number, language: Language): string {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: 20 });
    numberFormats.set(language, format);
  }
  if (language !== 'ja' || !Number.isSafeInteger(value) || Math.abs(value) < 10_000 || value % 10_000 !== 0) return format.format(value);
  let rest = Math.abs(value);
  let text = '';
  for (const [unit, size] of JAPANESE_UNITS) {
    const part = Math.floor(rest / size);
    if (part > 0) text += `${format.format(part)}${unit}`;
    rest -= part * size;
  }
  if (rest > 0) text += format.format(rest);
  return value < 0 ? `-${text}` : text;
}
const JAPANESE_UNITS: readonly [string, number][] = [
  ['兆', 1e12],
  ['億', 1e8],
  ['万', 1e4],
];

/** A span in days, hours and minutes, in words of the language: `19d 17h`, `3時間5分`, `12m`. */
export function formatSpan(ms: number, l10n: Localizer): string {
  const negative = ms < 0;
  const totalMinutes = Math.round(Math.abs(ms) / MINUTE);
  const days = Math.floor(totalMinutes / (24 * 60));
  const hours = Math.floor((totalMinutes % (24 * 60)) / 60);
  const minutes = totalMinutes % 60;
  const d = l10n.t('notice.time.d', days);
  const h = l10n.t('notice.time.h', hours);
  const m = l10n.t('notice.time.m', l10n.locale === 'en' ? pad(minutes) : minutes);
  let text: string;
  if (days > 0) text = hours > 0 ? l10n.t('notice.time.join', d, h) : d;
  else if (hours > 0) text = minutes > 0 ? l10n.t('notice.time.join', h, m) : h;
  else text = l10n.t('notice.time.m', minutes);
  return negative ? `-${text}` : text;
}

const regionNames = new Map<Language, Intl.DisplayNames>();
/** Breakdown keys: ISO 3166-1 alpha-2 codes become country names in the document's language. */
export function regionLabel(key: string, l10n: Localizer): string {
  if (key.toLowerCase() === 'other') return l10n.t('notice.breakdown.other');
  if (!/^[A-Z]{2}$/.test(key)) return key;
  const language = l10n.locale;
  let names = regionNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    regionNames.set(language, names);
  }
  try {
    return names.of(key) ?? key;
  } catch {
    return key;
  }
}

/** `ja` → `日本語` in a Japanese document, `Japanese` in an English one. */
export function languageName(tag: string, language: Language): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language', fallback: 'code' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** What the timeline heading says the times are in: `日本時間`, `Europe/Berlin`, `UTC+05:30`. */
export function zoneLabel(zone: string | undefined, l10n: Localizer): string {
  if (!zone) return l10n.t('notice.zone.utc');
  if (zone === 'Asia/Tokyo') return l10n.t('notice.zone.Asia/Tokyo');
  if (/^[+-]\d{2}:\d{2}$/.test(zone)) return `UTC${zone}`;
  return zone;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

export { DAY, HOUR, MINUTE };

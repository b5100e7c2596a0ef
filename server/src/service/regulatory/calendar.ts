/**
 * Calendar arithmetic on local dates, as whole-day numbers (days since 1970-01-01). Reporting rules
 * count days on the calendar of the place the incident is reported in, so deadlines are computed on
 * dates and only turned into instants at the end, in the document's zone.
 */
const DAY_MS = 86_400_000;

export function dayNumber(date: string): number {
  return Math.floor(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS);
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The same day of the month `months` later, or that month's last day when it is shorter (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(day: number, months: number): number {
  const date = new Date(day * DAY_MS);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Math.floor(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)) / DAY_MS);
}

/** A set of non-working days besides weekends. */
export type HolidayCalendar = (day: number) => boolean;

export const NO_HOLIDAYS: HolidayCalendar = () => false;

/** The day `count` business days after `day` (the start day itself is not counted). */
export function addBusinessDays(day: number, count: number, isHoliday: HolidayCalendar): number {
  let current = day;
  let left = count;
  while (left > 0) {
    current += 1;
    const dow = weekday(current);
    if (dow !== 0 && dow !== 6 && !isHoliday(current)) left -= 1;
  }
  return current;
}

const usHolidayCache = new Map<number, Set<number>>();

/**
 * US federal holidays (5 U.S.C. 6103) as observed: a holiday on a Saturday is observed the Friday
 * before, on a Sunday the Monday after. Computed for any year rather than listed, so an 8-K deadline
 * in 2031 is as right as one in 2021. Juneteenth counts from 2021, when it became a holiday.
 */
export function usFederalHolidays(year: number): Set<number> {
  let holidays = usHolidayCache.get(year);
  if (holidays) return holidays;
  const fixed = (month: number, date: number): number => observed(Math.floor(Date.UTC(year, month - 1, date) / DAY_MS));
  const nth = (month: number, dow: number, n: number): number => {
    const first = Math.floor(Date.UTC(year, month - 1, 1) / DAY_MS);
    return first + ((dow - weekday(first) + 7) % 7) + (n - 1) * 7;
  };
  const lastMonday = (month: number): number => {
    const last = Math.floor(Date.UTC(year, month, 0) / DAY_MS);
    return last - ((weekday(last) - 1 + 7) % 7);
  };
  holidays = new Set([
    fixed(1, 1), // New Year's Day
    nth(1, 1, 3), // Birthday of Martin Luther King, Jr.
    nth(2, 1, 3), // Washington's Birthday
    lastMonday(5), // Memorial Day
    ...(year >= 2021 ? [fixed(6, 19)] : []), // Juneteenth National Independence Day
    fixed(7, 4), // Independence Day
    nth(9, 1, 1), // Labor Day
    nth(10, 1, 2), // Columbus Day
    fixed(11, 11), // Veterans Day
    nth(11, 4, 4), // Thanksgiving Day
    fixed(12, 25), // Christmas Day
  ]);
  usHolidayCache.set(year, holidays);
  return holidays;
}

function observed(day: number): number {
  const dow = weekday(day);
  return dow === 6 ? day - 1 : dow === 0 ? day + 1 : day;
}

export const US_FEDERAL: HolidayCalendar = (day) => {
  const year = new Date(day * DAY_MS).getUTCFullYear();
  // New Year's Day on a Saturday is observed on December 31 of the year before.
  return usFederalHolidays(year).has(day) || usFederalHolidays(year + 1).has(day);
};

/** A calendar of the listed `YYYY-MM-DD` dates (a team's own holidays). */
export function listedHolidays(dates: readonly string[]): HolidayCalendar {
  const days = new Set(dates.map(dayNumber));
  return (day) => days.has(day);
}

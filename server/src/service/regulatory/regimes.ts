import { US_FEDERAL, NO_HOLIDAYS, type HolidayCalendar } from './calendar';

export type DeadlineUnit = 'hours' | 'days' | 'business_days' | 'months';

export interface Duration {
  amount: number;
  unit: DeadlineUnit;
}

export interface StageDefinition {
  id: string;
  /** Reporting after this is an error. */
  within?: Duration;
  /** `appi` only: the deadline when the entry says `malicious: true`. */
  withinIfMalicious?: Duration;
  /** Reporting after this is a warning: "promptly" (速やかに) read through the regulator's guideline. */
  warnAfter?: Duration;
  /** Counted from the report of this stage (or, while it is not made, from its deadline) instead of the clock start. */
  from?: string;
}

/** Where a regime's clock starts when the entry gives no `clock_start`. */
export type ClockStart = 'detected' | 'occurred' | 'required';

export interface RegimeDefinition {
  id: string;
  clockStart: ClockStart;
  stages: readonly StageDefinition[];
  /** Non-working days for `business_days`, besides weekends. */
  holidays: HolidayCalendar;
  /** Built-in regimes are named and cited through the localizer; a team's regime brings its own text. */
  builtin: boolean;
  name?: string;
  citation?: string;
}

const hours = (amount: number): Duration => ({ amount, unit: 'hours' });
const days = (amount: number): Duration => ({ amount, unit: 'days' });

/** The regimes of the table. Deadlines are the law's (or its guideline's) outer limits. */
export const BUILTIN_REGIMES: readonly RegimeDefinition[] = [
  {
    // 個人情報保護法 26条, 施行規則 7・8条; PPC guideline: 速報 おおむね3〜5日以内.
    id: 'appi',
    clockStart: 'detected',
    stages: [
      { id: 'preliminary', warnAfter: days(3), within: days(5) },
      { id: 'final', within: days(30), withinIfMalicious: days(60) },
    ],
    holidays: NO_HOLIDAYS,
    builtin: true,
  },
  {
    // 電気通信事業法 28条, 施行規則 57条: 速報 without delay, 詳細報告 within 30 days.
    id: 'telecom-jp',
    clockStart: 'occurred',
    stages: [{ id: 'preliminary', warnAfter: days(3) }, { id: 'final', within: days(30) }],
    holidays: NO_HOLIDAYS,
    builtin: true,
  },
  { id: 'gdpr', clockStart: 'detected', stages: [{ id: 'notification', within: hours(72) }], holidays: NO_HOLIDAYS, builtin: true },
  {
    id: 'nis2',
    clockStart: 'detected',
    stages: [
      { id: 'early_warning', within: hours(24) },
      { id: 'notification', within: hours(72) },
      { id: 'final', within: { amount: 1, unit: 'months' }, from: 'notification' },
    ],
    holidays: NO_HOLIDAYS,
    builtin: true,
  },
  { id: 'sec-8k', clockStart: 'required', stages: [{ id: 'form_8k', within: { amount: 4, unit: 'business_days' } }], holidays: US_FEDERAL, builtin: true },
];

export const BUILTIN_REGIME_IDS: readonly string[] = BUILTIN_REGIMES.map((regime) => regime.id);

/** The built-in regimes, then the team's; a team regime with a built-in id replaces it. */
export function regimeTable(teamRegimes: readonly RegimeDefinition[] = []): Map<string, RegimeDefinition> {
  const table = new Map<string, RegimeDefinition>();
  for (const regime of [...BUILTIN_REGIMES, ...teamRegimes]) table.set(regime.id, regime);
  return table;
}

import { asScalar, asSeq, childOf, type YNode } from '../parse/tree';
import { listedHolidays, NO_HOLIDAYS, US_FEDERAL, type HolidayCalendar } from './calendar';
import type { ClockStart, DeadlineUnit, Duration, RegimeDefinition, StageDefinition } from './regimes';

/**
 * A team's own regimes from `postmortem.config.yaml`:
 *
 *     regimes:
 *       - id: acme-ciso
 *         name: ACME CISO brief
 *         citation: Security policy 4.2
 *         clock_start: detected          # detected | occurred | required
 *         holidays: us-federal           # or a list of dates; for business days
 *         stages:
 *           - {id: brief, within: 4 hours}
 *           - {id: report, within: 10 business days, warn_after: 5 business days}
 *           - {id: review, within: 1 month, from: report}
 *
 * Entries the config file's own schema flags as invalid are left out, never half read.
 */
export function readRegimes(node: YNode | null): RegimeDefinition[] {
  const regimes: RegimeDefinition[] = [];
  for (const item of asSeq(node)?.items ?? []) {
    const id = text(childOf(item, 'id'));
    const stages = (asSeq(childOf(item, 'stages'))?.items ?? []).map(readStage).filter((stage): stage is StageDefinition => stage !== undefined);
    if (!id || stages.length === 0 || regimes.some((regime) => regime.id === id)) continue;
    const clock = text(childOf(item, 'clock_start'));
    const regime: RegimeDefinition = {
      id,
      clockStart: clock === 'occurred' || clock === 'required' ? (clock as ClockStart) : 'detected',
      stages,
      holidays: readHolidays(childOf(item, 'holidays')),
      builtin: false,
    };
    const name = text(childOf(item, 'name'));
    const citation = text(childOf(item, 'citation'));
    if (name) regime.name = name;
    if (citation) regime.citation = citation;
    regimes.push(regime);
  }
  return regimes;
}

function readStage(node: YNode): StageDefinition | undefined {
  const id = text(childOf(node, 'id'));
  const within = parseDuration(text(childOf(node, 'within')));
  const warnAfter = parseDuration(text(childOf(node, 'warn_after')));
  if (!id || (!within && !warnAfter)) return undefined;
  const stage: StageDefinition = { id };
  if (within) stage.within = within;
  if (warnAfter) stage.warnAfter = warnAfter;
  const from = text(childOf(node, 'from'));
  if (from) stage.from = from;
  return stage;
}

const DURATION = /^(\d+)\s*(hours?|days?|business[ _]days?|months?)$/i;

/** `72 hours`, `30 days`, `4 business days`, `1 month`. */
export function parseDuration(value: string | undefined): Duration | undefined {
  const match = value ? DURATION.exec(value.trim()) : null;
  if (!match) return undefined;
  const word = (match[2] ?? '').toLowerCase();
  const unit: DeadlineUnit = word.startsWith('hour') ? 'hours' : word.startsWith('business') ? 'business_days' : word.startsWith('month') ? 'months' : 'days';
  return { amount: Number(match[1]), unit };
}

function readHolidays(node: YNode | null): HolidayCalendar {
  if (text(node) === 'us-federal') return US_FEDERAL;
  const dates = (asSeq(node)?.items ?? []).map(text).filter((date): date is string => date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date));
  return dates.length > 0 ? listedHolidays(dates) : NO_HOLIDAYS;
}

function text(node: YNode | null | undefined): string | undefined {
  const value = asScalar(node)?.value;
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

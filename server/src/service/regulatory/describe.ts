import type { Localizer, MessageKey } from '../l10n';
import { formatDuration, formatInstant } from '../time';
import { dayNumber } from './calendar';
import { daysLeft, type ClockInfo, type Limit, type StageStatus } from './engine';
import type { ClockStart, Duration, RegimeDefinition } from './regimes';

/** Words for the engine's results, shared by the checks, hover, completion and the exports. */
const BUILTIN_STAGES = new Set(['preliminary', 'final', 'notification', 'early_warning', 'form_8k']);

export function regimeName(regime: RegimeDefinition, l10n: Localizer): string {
  return regime.builtin ? l10n.t(`reg.name.${regime.id}` as MessageKey) : (regime.name ?? regime.id);
}

export function regimeCitation(regime: RegimeDefinition, l10n: Localizer): string | undefined {
  return regime.builtin ? l10n.t(`reg.cite.${regime.id}` as MessageKey) : regime.citation;
}

export function stageLabel(stage: string, l10n: Localizer): string {
  return BUILTIN_STAGES.has(stage) ? l10n.t(`reg.stage.${stage}` as MessageKey) : stage;
}

export function durationText(duration: Duration, l10n: Localizer): string {
  if (duration.unit === 'months' && duration.amount === 1) return l10n.t('reg.unit.month');
  return l10n.t(`reg.unit.${duration.unit}`, duration.amount);
}

export function clockText(clock: ClockInfo, l10n: Localizer): string {
  return l10n.t(`reg.clock.${clock.source}`, clock.text, clock.stage ? stageLabel(clock.stage, l10n) : '');
}

export function missingClockText(start: ClockStart, l10n: Localizer): string {
  return l10n.t(`reg.need.${start}`);
}

/** How a stage stands: made in time, how late, undated, or pending with days left (when today is known). */
export function stageState(l10n: Localizer, status: StageStatus, today: string | undefined, zone: string | undefined): string {
  const at = status.report?.at;
  if (status.report && !at) return l10n.t('reg.hover.reportedUndated');
  if (at) return status.late ? l10n.t('reg.hover.reportedLate', at.text, lateness(l10n, status.late, at.time?.start, zone)) : l10n.t('reg.hover.reportedOnTime', at.text);
  const pending = l10n.t('reg.hover.pending');
  const last = status.limits.at(-1);
  if (!today || !last) return pending;
  const left = daysLeft(last, today);
  return `${pending}, ${left >= 0 ? l10n.t('reg.hover.daysLeft', left) : l10n.t('reg.hover.daysOver', -left)}`;
}

/** How late: whole days for day-based limits, hours and minutes for hour-based ones. */
function lateness(l10n: Localizer, limit: Limit, reportStart: number | undefined, zone: string | undefined): string {
  if (reportStart === undefined) return '';
  if (limit.duration.unit === 'hours') return formatDuration(reportStart - limit.deadline);
  return l10n.t('reg.unit.days', dayNumber(formatInstant(reportStart, zone, 'day')) - dayNumber(limit.dueDate));
}

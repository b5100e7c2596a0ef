import type { Localizer, MessageKey } from '../l10n';
import type { ClockInfo } from './engine';
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

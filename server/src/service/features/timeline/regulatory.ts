import type { Localizer } from '../../l10n';
import type { ParsedPostmortem } from '../../parse/parse';
import { clockText, durationText, regimeCitation, regimeName, stageLabel, stageState } from '../../regulatory/describe';
import { analyzeRegulatory } from '../../regulatory/engine';
import type { RegimeDefinition } from '../../regulatory/regimes';
import type { Language, RegimeStageView, RegimeView } from '../../views/model';
import { formatTime } from '../../views/format';

/** The regime rows of a document, with the instants the axis must cover; positions are set by `placeRegimes`. */
export function regimeViews(parsed: ParsedPostmortem, regimes: readonly RegimeDefinition[] | undefined, l10n: Localizer, zone: string | undefined): RegimeView[] {
  return analyzeRegulatory(parsed, regimes).flatMap((analysis): RegimeView[] => {
    const regime = analysis.regime;
    if (!regime) return [];
    return [
      {
        id: regime.id,
        name: regimeName(regime, l10n),
        citation: regimeCitation(regime, l10n),
        clockText: analysis.clock ? clockText(analysis.clock, l10n) : undefined,
        reportable: analysis.entry.reportable,
        stages: analysis.stages.map((status): RegimeStageView => {
          const limit = status.limits.at(-1);
          const at = status.report?.at;
          const state = status.report && !at?.time ? 'undated' : !status.report ? 'pending' : status.late?.severity === 'error' ? 'late' : status.late ? 'slow' : 'on_time';
          return {
            stage: status.stage.id,
            label: stageLabel(status.stage.id, l10n),
            dueText: limit?.dueText,
            ruleText: limit ? durationText(limit.duration, l10n) : undefined,
            // The last moment still in time, so a day-based deadline sits on its due day.
            dueInstant: limit ? limit.deadline - 1 : undefined,
            duePos: undefined,
            reportText: at?.time ? formatTime(at.time.start, at.time.precision, zone, l10n.locale as Language) : at?.text,
            reportInstant: at?.time?.start,
            reportPos: undefined,
            state,
            dueLine: limit ? l10n.t('reg.hover.due', limit.dueText, durationText(limit.duration, l10n)) : undefined,
            // The model has no "today" (it is cached per parse): pending stages just say so.
            stateText: stageState(l10n, status, undefined, zone),
          };
        }),
      },
    ];
  });
}

export function regimeInstants(views: readonly RegimeView[]): number[] {
  return views.flatMap((view) => view.stages.flatMap((stage) => [stage.dueInstant, stage.reportInstant].filter((instant): instant is number => instant !== undefined)));
}

/** The deadline lane: each stage's deadline and report placed on the axis. */
export function placeRegimes(views: RegimeView[], pos: (instant: number) => number): void {
  for (const view of views) {
    for (const stage of view.stages) {
      if (stage.dueInstant !== undefined) stage.duePos = pos(stage.dueInstant);
      if (stage.reportInstant !== undefined) stage.reportPos = pos(stage.reportInstant);
    }
  }
}

import type { ServiceSettings } from '../../context';
import type { Localizer } from '../../l10n';
import type { ParsedPostmortem } from '../../parse/parse';
import { clockText, durationText, missingClockText, regimeCitation, regimeName, stageLabel, stageState } from '../../regulatory/describe';
import { analyzeRegulatory, type StageStatus } from '../../regulatory/engine';
import { escapeMarkdown } from './markdown';

/**
 * Hover on `regulatory[i].regime` (every stage), on a report's `stage` or `at` (that stage): each
 * deadline, how it stands today, the rule's citation and the disclaimer.
 */
export function regulatoryHover(l10n: Localizer, parsed: ParsedPostmortem, settings: ServiceSettings, path: readonly (string | number)[], zone: string | undefined): string | undefined {
  if (path[0] !== 'regulatory' || typeof path[1] !== 'number') return undefined;
  const analysis = analyzeRegulatory(parsed, settings.project.regimes)[path[1]];
  const regime = analysis?.regime;
  if (!analysis || !regime) return undefined;
  const onRegime = path.length === 3 && path[2] === 'regime';
  const onReport = path.length === 5 && path[2] === 'reports' && typeof path[3] === 'number' && (path[4] === 'stage' || path[4] === 'at');
  if (!onRegime && !onReport) return undefined;
  const report = onReport ? analysis.entry.reports[path[3] as number] : undefined;
  const stages = onRegime ? analysis.stages : analysis.stages.filter((status) => status.stage.id === report?.stage?.text);
  if (onReport && stages.length === 0) return undefined;

  const lines = [l10n.t('reg.hover.regime', escapeMarkdown(regimeName(regime, l10n)), regime.id)];
  if (!regime.builtin) lines.push('', l10n.t('reg.hover.team'));
  if (!analysis.entry.reportable) lines.push('', l10n.t('reg.hover.notReportable'));
  else if (!analysis.clock && regime.stages.some((stage) => !stage.from)) lines.push('', l10n.t('reg.hover.noClock', missingClockText(regime.clockStart, l10n)));
  else if (analysis.clock && onRegime) lines.push('', l10n.t('reg.hover.clock', clockText(analysis.clock, l10n)));
  if (analysis.entry.malicious && regime.id === 'appi') lines.push('', l10n.t('reg.hover.malicious'));
  if (analysis.entry.reportable) {
    lines.push('');
    for (const status of stages) lines.push(`- ${stageLine(l10n, status, settings.today, zone)}`);
  }
  const citation = regimeCitation(regime, l10n);
  if (citation) lines.push('', `_${escapeMarkdown(citation)}_`);
  lines.push('', `_${l10n.t('reg.disclaimer')}_`);
  return lines.join('\n');
}

function stageLine(l10n: Localizer, status: StageStatus, today: string | undefined, zone: string | undefined): string {
  const parts = status.limits.map((limit) =>
    limit.severity === 'warning' ? l10n.t('reg.hover.guideline', durationText(limit.duration, l10n), limit.dueText) : l10n.t('reg.hover.due', limit.dueText, durationText(limit.duration, l10n)),
  );
  if (status.clock && status.stage.from) parts.push(l10n.t('reg.hover.from', clockText(status.clock, l10n)));
  parts.push(stageState(l10n, status, today, zone));
  return `**${escapeMarkdown(stageLabel(status.stage.id, l10n))}** (\`${status.stage.id}\`): ${parts.join('; ')}`;
}

import type { CountFact } from '../model/facts';
import { regulatoryOf } from '../model/regulatory';
import { asMap, childOf, pairOf } from '../parse/tree';
import { clockText, durationText, missingClockText, stageLabel } from '../regulatory/describe';
import { analyzeRegulatory, daysLeft, type Limit, type RegimeAnalysis, type StageStatus } from '../regulatory/engine';
import { regimeTable } from '../regulatory/regimes';
import { enumFix } from '../features/codeActions/valueFixes';
import { closest } from '../util/closest';
import { DiagnosticSeverity, defineCheck, type RuleContext } from './rule';

/** An unreported stage is announced this many days before it falls due. */
export const DUE_SOON_DAYS = 7;

/**
 * Persons, accounts, users: the counts APPI's "more than 1,000 persons" (施行規則 7条4号) can be read
 * from, by their unit or, for a unit such as 件 or none, by their label.
 */
const PERSON_WORDS = /人|名|利用者|ユーザー|アカウント|会員|顧客|本人|user|account|person|people|customer|member|subscriber|individual|patient|employee/i;

/** A count of persons, by its unit or its label (the export profiles' "number of persons" too). */
export function isPersonCount(count: CountFact): boolean {
  return PERSON_WORDS.test(count.unit ?? '') || PERSON_WORDS.test(count.label);
}

function analyses({ parsed, settings }: RuleContext): RegimeAnalysis[] {
  return analyzeRegulatory(parsed, settings.project.regimes);
}

/** Every stage whose report was made on a known date (late and before-clock read these). */
function* reportedStages(context: RuleContext) {
  for (const analysis of analyses(context)) {
    for (const status of analysis.stages) {
      const at = status.report?.at;
      if (at) yield { analysis, status, at };
    }
  }
}

/** Every stage still waiting for its report, when "today" is known (overdue and due-soon read these). */
function* pendingStages(context: RuleContext) {
  const today = context.settings.today;
  if (!today) return;
  for (const analysis of analyses(context)) {
    const regime = analysis.entry.regime?.node;
    if (!regime) continue;
    for (const status of analysis.stages) if (!status.report) yield { analysis, status, today, regime };
  }
}

/** The arguments every deadline message shares: stage, regime, due, duration, counted from. */
function deadlineArgs(context: RuleContext, analysis: RegimeAnalysis, status: StageStatus, limit: Limit): string[] {
  const { l10n } = context;
  return [stageLabel(status.stage.id, l10n), analysis.regime?.id ?? '', limit.dueText, durationText(limit.duration, l10n), status.clock ? clockText(status.clock, l10n) : ''];
}

export const regulatoryUnknownRegime = defineCheck({
  code: 'regulatory-unknown-regime',
  severity: DiagnosticSeverity.Error,
  doc: {
    when: 'a regime that is neither built in nor declared by the team',
    brief: '`regulatory[].regime` is neither built in (`appi`, `telecom-jp`, `gdpr`, `nis2`, `sec-8k`) nor declared in `postmortem.config.yaml`',
  },
  // A misspelt regime or stage has its closest name in `replacement`, as an enum value does.
  data: ['replacement'],
  fixes: enumFix,
  check(context) {
    const known = [...regimeTable(context.settings.project.regimes).keys()];
    for (const entry of regulatoryOf(context.parsed)) {
      if (!entry.regime || known.includes(entry.regime.text)) continue;
      const suggestion = closest(entry.regime.text, known);
      if (suggestion) context.report(entry.regime.node, 'reg.check.unknownRegimeSuggest', [entry.regime.text, suggestion], { replacement: suggestion });
      else context.report(entry.regime.node, 'reg.check.unknownRegime', [entry.regime.text, known.map((id) => `\`${id}\``).join(', ')]);
    }
  },
});

export const regulatoryUnknownStage = defineCheck({
  code: 'regulatory-unknown-stage',
  severity: DiagnosticSeverity.Error,
  doc: {
    when: 'a report\'s `stage` is not one of its regime\'s stages',
    brief: 'a report\'s `stage` is not a stage of its regime',
  },
  // A misspelt regime or stage has its closest name in `replacement`, as an enum value does.
  data: ['replacement'],
  fixes: enumFix,
  check(context) {
    for (const analysis of analyses(context)) {
      const stages = analysis.regime?.stages.map((stage) => stage.id) ?? [];
      const list = stages.map((id) => `\`${id}\``).join(', ');
      for (const report of analysis.unknownStages) {
        if (!report.stage) continue;
        const suggestion = closest(report.stage.text, stages);
        if (suggestion) context.report(report.stage.node, 'reg.check.unknownStageSuggest', [report.stage.text, analysis.regime?.id ?? '', suggestion, list], { replacement: suggestion });
        else context.report(report.stage.node, 'reg.check.unknownStage', [report.stage.text, analysis.regime?.id ?? '', list]);
      }
    }
  },
});

export const regulatoryNoClock = defineCheck({
  code: 'regulatory-no-clock',
  severity: DiagnosticSeverity.Warning,
  doc: {
    when: 'the regime\'s clock cannot start: `sec-8k` without `clock_start`, or no `detected` (`occurred`) event',
    brief: 'the regime\'s clock cannot be started: `sec-8k` without `clock_start`, or no `detected`/`occurred` event',
  },
  check(context) {
    for (const { entry, regime, clock } of analyses(context)) {
      if (regime && !clock && entry.regime && entry.reportable) context.report(entry.regime.node, 'reg.check.noClock', [regime.id, missingClockText(regime.clockStart, context.l10n)]);
    }
  },
});

export const regulatoryLate = defineCheck({
  code: 'regulatory-late',
  severity: DiagnosticSeverity.Error,
  doc: {
    when: 'a report made after its deadline',
    brief: 'a report made after its deadline (`appi` final 30 days, 60 when `malicious`; `gdpr` 72 hours; …)',
  },
  check(context) {
    for (const { analysis, status, at } of reportedStages(context)) {
      if (status.late?.severity !== 'error') continue;
      if (analysis.regime?.id === 'gdpr' && analysis.regime.builtin) {
        context.report(at.node, 'reg.check.lateGdpr', [status.late.dueText, status.clock ? clockText(status.clock, context.l10n) : '', at.text]);
      } else {
        context.report(at.node, 'reg.check.late', [...deadlineArgs(context, analysis, status, status.late), at.text]);
      }
    }
  },
});

/** "Promptly" (速やかに) read through the guideline: a warning, both for a report and a pending stage. */
export const regulatoryPrompt = defineCheck({
  code: 'regulatory-prompt',
  severity: DiagnosticSeverity.Warning,
  doc: {
    when: 'a 速やかに stage past its guideline (3 days): made late, or not made by today',
    brief: 'a "promptly" (速やかに) stage past its guideline: `appi`/`telecom-jp` preliminary after 3 days (made late, or still missing today)',
  },
  check(context) {
    const today = context.settings.today;
    for (const analysis of analyses(context)) {
      for (const status of analysis.stages) {
        const at = status.report?.at;
        if (status.late?.severity === 'warning' && at) {
          context.report(at.node, 'reg.check.notPrompt', [...deadlineArgs(context, analysis, status, status.late), at.text]);
        }
        if (status.report || !today || !analysis.entry.regime) continue;
        const passed = passedLimit(status, today);
        if (passed?.severity === 'warning') context.report(analysis.entry.regime.node, 'reg.check.overduePrompt', deadlineArgs(context, analysis, status, passed));
      }
    }
  },
});

export const regulatoryOverdue = defineCheck({
  code: 'regulatory-overdue',
  severity: DiagnosticSeverity.Error,
  doc: {
    when: 'a stage not reported whose deadline is before today',
    brief: 'a stage not reported whose deadline passed before today',
  },
  check(context) {
    for (const { analysis, status, today, regime } of pendingStages(context)) {
      const passed = passedLimit(status, today);
      if (passed?.severity === 'error') context.report(regime, 'reg.check.overdue', deadlineArgs(context, analysis, status, passed));
    }
  },
});

export const regulatoryDue = defineCheck({
  code: 'regulatory-due',
  severity: DiagnosticSeverity.Information,
  doc: {
    when: 'a stage not reported whose deadline is within 7 days of today',
    brief: 'a stage not reported, due within 7 days of today ("due 2021-02-18, 3 days left")',
  },
  check(context) {
    for (const { analysis, status, today, regime } of pendingStages(context)) {
      const next = status.limits.find((limit) => daysLeft(limit, today) >= 0);
      const left = next ? daysLeft(next, today) : -1;
      if (!next || left > DUE_SOON_DAYS) continue;
      const [stage = '', name = ''] = deadlineArgs(context, analysis, status, next);
      if (left === 0) context.report(regime, 'reg.check.dueToday', [stage, name, next.dueText]);
      else if (left === 1) context.report(regime, 'reg.check.dueTomorrow', [stage, name, next.dueText]);
      else context.report(regime, 'reg.check.dueSoon', [stage, name, next.dueText, left]);
    }
  },
});

export const regulatoryBeforeClock = defineCheck({
  code: 'regulatory-before-clock',
  severity: DiagnosticSeverity.Warning,
  doc: {
    when: 'a report certainly made before its clock started',
    brief: 'a report made before its clock started',
  },
  check(context) {
    for (const { analysis, status, at } of reportedStages(context)) {
      if (status.beforeClock && status.clock) context.report(at.node, 'reg.check.beforeClock', [at.text, analysis.regime?.id ?? '', clockText(status.clock, context.l10n)]);
    }
  },
});

/** A hint, not a verdict: APPI's threshold read from the document, when no `appi` entry is there. */
export const regulatoryHint = defineCheck({
  code: 'regulatory-hint',
  severity: DiagnosticSeverity.Information,
  doc: {
    when: '`impact.data_exposed` is not empty, a count of persons (no unit, or 人/名/件/users/accounts…) is over 1,000 and there is no `appi` entry: it may be reportable under APPI (a hint, not a verdict)',
    brief: '`data_exposed` with more than 1,000 persons affected and no `appi` entry: may be reportable under APPI',
  },
  check(context) {
    const { parsed, facts } = context;
    const exposed = facts.dataExposed?.value;
    if (regulatoryOf(parsed).some((entry) => entry.regime?.text === 'appi') || !Array.isArray(exposed) || exposed.length === 0) return;
    const count = facts.counts.find((candidate) => (candidate.value ?? 0) > 1000 && candidate.qualifier !== 'at_most' && isPersonCount(candidate));
    const impact = asMap(childOf(facts.root, 'impact'));
    const key = impact ? pairOf(impact, 'data_exposed')?.key : undefined;
    if (count?.value !== undefined && key) context.report(key, 'reg.check.appiHint', [`${count.label}: ${count.value.toLocaleString('en-US')}`]);
  },
});

/** The strictest limit whose last day is before `today`. */
function passedLimit(status: StageStatus, today: string): Limit | undefined {
  return [...status.limits].reverse().find((limit) => daysLeft(limit, today) < 0);
}

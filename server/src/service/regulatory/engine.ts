import { defineQuery, query } from '../parse/snapshot';
import { earliestOfKind, factsOf, type PostmortemFacts } from '../model/facts';
import { regulatoryOf, type RegulatoryFact, type ReportFact } from '../model/regulatory';
import type { ParsedPostmortem } from '../parse/parse';
import type { YScalar } from '../parse/tree';
import { formatInstant, parseTime, TIME_UNITS } from '../time';
import { addBusinessDays, addMonths, dateOfDay, dayNumber, type HolidayCalendar } from './calendar';
import { regimeTable, type Duration, type RegimeDefinition, type StageDefinition } from './regimes';

/**
 * The reporting clocks of a postmortem, computed from the document alone: no clock, no I/O. "Today"
 * is only used by the checks, which compare it with the due dates computed here.
 */
export interface ClockInfo {
  /** The instant the clock started (a date-only start counts from the start of that day: the earliest it can be). */
  instant: number;
  /** The local day (in the document's zone) day-based deadlines count from. */
  day: number;
  source: 'clock_start' | 'detected' | 'occurred' | 'report' | 'deadline';
  /** For `report` and `deadline`: the stage counted from. */
  stage?: string;
  text: string;
  node?: YScalar;
}

export interface Limit {
  severity: 'warning' | 'error';
  duration: Duration;
  /** The first instant that is too late. */
  deadline: number;
  /** The last local day still in time. */
  dueDate: string;
  /** The deadline as shown: a date for day-based limits, a date and time for hours. */
  dueText: string;
}

export interface StageStatus {
  stage: StageDefinition;
  clock: ClockInfo | undefined;
  /** Warning limit first, then the error limit. */
  limits: Limit[];
  /** The earliest report made for this stage. */
  report: ReportFact | undefined;
  /** The strictest limit the report passed. */
  late: Limit | undefined;
  /** True when the report was certainly made before its clock started. */
  beforeClock: boolean;
}

export interface RegimeAnalysis {
  entry: RegulatoryFact;
  regime: RegimeDefinition | undefined;
  clock: ClockInfo | undefined;
  stages: StageStatus[];
  /** Reports whose stage the regime does not have. */
  unknownStages: ReportFact[];
}

const ANALYSIS = defineQuery<RegimeAnalysis[]>('regulatory analysis');

export function analyzeRegulatory(parsed: ParsedPostmortem, teamRegimes: readonly RegimeDefinition[] = []): RegimeAnalysis[] {
  return query(
    parsed,
    ANALYSIS,
    () => {
      const facts = factsOf(parsed);
      const table = regimeTable(teamRegimes);
      return regulatoryOf(parsed).map((entry) => analyzeEntry(entry, entry.regime ? table.get(entry.regime.text) : undefined, facts));
    },
    [teamRegimes],
  );
}

function analyzeEntry(entry: RegulatoryFact, regime: RegimeDefinition | undefined, facts: PostmortemFacts): RegimeAnalysis {
  if (!regime) return { entry, regime, clock: undefined, stages: [], unknownStages: [] };
  const known = new Set(regime.stages.map((stage) => stage.id));
  const unknownStages = entry.reports.filter((report) => report.stage && !known.has(report.stage.text));
  // An entry that records "assessed, no report required" has no deadlines to keep.
  if (!entry.reportable) return { entry, regime, clock: undefined, stages: [], unknownStages };
  const zone = facts.zone;
  const clock = regimeClock(entry, regime, facts);
  const stages: StageStatus[] = [];
  for (const stage of regime.stages) {
    const report = earliestReport(entry.reports.filter((candidate) => candidate.stage?.text === stage.id));
    const stageClock = stage.from ? fromStage(stages.find((other) => other.stage.id === stage.from), zone) : clock;
    const limits = stageClock ? limitsOf(stage, entry.malicious, stageClock, zone, regime.holidays) : [];
    const reportStart = report?.at?.time?.start;
    const late = reportStart === undefined ? undefined : [...limits].reverse().find((limit) => reportStart >= limit.deadline);
    const reportEnd = report?.at?.time?.end;
    const beforeClock = reportEnd !== undefined && stageClock !== undefined && stageClock.source !== 'deadline' && reportEnd <= stageClock.instant;
    stages.push({ stage, clock: stageClock, limits, report, late, beforeClock });
  }
  return { entry, regime, clock, stages, unknownStages };
}

function regimeClock(entry: RegulatoryFact, regime: RegimeDefinition, facts: PostmortemFacts): ClockInfo | undefined {
  const zone = facts.zone;
  if (entry.clockStart?.time) return clockAt(entry.clockStart.time.start, 'clock_start', entry.clockStart.text, zone, entry.clockStart.node);
  if (regime.clockStart === 'required') return undefined;
  // telecom-jp counts from the event itself; when the timeline has no `occurred`, awareness is the
  // best the document knows.
  const event = earliestOfKind(facts.events, regime.clockStart) ?? (regime.clockStart === 'occurred' ? earliestOfKind(facts.events, 'detected') : undefined);
  const at = event?.at;
  if (!at?.time) return undefined;
  return clockAt(at.time.start, event?.kind === 'occurred' ? 'occurred' : 'detected', at.text, zone, at.node);
}

function clockAt(instant: number, source: ClockInfo['source'], text: string, zone: string | undefined, node?: YScalar): ClockInfo {
  const clock: ClockInfo = { instant, day: dayNumber(formatInstant(instant, zone, 'day')), source, text };
  if (node) clock.node = node;
  return clock;
}

/** A stage counted from another: from its report when made, else from its deadline (when it should have been made). */
function fromStage(previous: StageStatus | undefined, zone: string | undefined): ClockInfo | undefined {
  if (!previous) return undefined;
  const at = previous.report?.at;
  if (at?.time) return { ...clockAt(at.time.start, 'report', at.text, zone, at.node), stage: previous.stage.id };
  const limit = previous.limits.at(-1);
  if (!limit) return undefined;
  return { instant: limit.deadline, day: dayNumber(limit.dueDate), source: 'deadline', stage: previous.stage.id, text: limit.dueText };
}

function limitsOf(stage: StageDefinition, malicious: boolean, clock: ClockInfo, zone: string | undefined, holidays: HolidayCalendar): Limit[] {
  const limits: Limit[] = [];
  if (stage.warnAfter) limits.push(limitAt('warning', stage.warnAfter, clock, zone, holidays));
  const within = malicious && stage.withinIfMalicious ? stage.withinIfMalicious : stage.within;
  if (within) limits.push(limitAt('error', within, clock, zone, holidays));
  return limits;
}

export function limitAt(severity: Limit['severity'], duration: Duration, clock: ClockInfo, zone: string | undefined, holidays: HolidayCalendar): Limit {
  if (duration.unit === 'hours') {
    const deadline = clock.instant + duration.amount * TIME_UNITS.HOUR;
    return { severity, duration, deadline, dueDate: formatInstant(deadline - 1, zone, 'day'), dueText: formatInstant(deadline, zone, 'minute') };
  }
  const dueDay =
    duration.unit === 'days' ? clock.day + duration.amount : duration.unit === 'months' ? addMonths(clock.day, duration.amount) : addBusinessDays(clock.day, duration.amount, holidays);
  const dueDate = dateOfDay(dueDay);
  return { severity, duration, deadline: startOfDay(dueDay + 1, zone), dueDate, dueText: dueDate };
}

function startOfDay(day: number, zone: string | undefined): number {
  return parseTime(dateOfDay(day), zone)?.start ?? day * TIME_UNITS.DAY;
}

function earliestReport(reports: ReportFact[]): ReportFact | undefined {
  let earliest: ReportFact | undefined;
  for (const report of reports) {
    if (!earliest) earliest = report;
    else if ((report.at?.time?.start ?? Infinity) < (earliest.at?.time?.start ?? Infinity)) earliest = report;
  }
  return earliest;
}

/** Days from `today` to the limit's last day: negative once it has passed. */
export function daysLeft(limit: Limit, today: string): number {
  return dayNumber(limit.dueDate) - dayNumber(today);
}

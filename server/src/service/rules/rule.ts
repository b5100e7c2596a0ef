import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { ServiceSettings } from '../context';
import type { Localizer, MessageKey } from '../l10n';
import type { PostmortemFacts } from '../model/facts';
import type { ParsedPostmortem } from '../parse/parse';
import { DIAGNOSTIC_SOURCE } from '../../contracts/ids';

/** The stable codes of the format's checks (the spec's table); tools and users may rely on them. */
export type RuleCode =
  | 'timeline-order'
  | 'period-order'
  | 'count-sum'
  | 'unknown-factor'
  | 'unaddressed-factor'
  | 'duplicate-id'
  | 'ambiguous-time'
  | 'disclosure-lag'
  | 'done-without-date'
  | 'insecure-contact'
  | 'schema-timezone'
  | 'schema-format'
  | 'until-order'
  | 'detected-before-impact'
  | 'done-in-future'
  | 'overdue'
  | 'duplicate-address'
  | 'timezone-abbreviation'
  | 'unknown-severity'
  | 'unknown-category'

  | 'regulatory-unknown-regime'
  | 'regulatory-unknown-stage'
  | 'regulatory-no-clock'
  | 'regulatory-late'
  | 'regulatory-prompt'
  | 'regulatory-overdue'
  | 'regulatory-due'
  | 'regulatory-before-clock'
  | 'regulatory-hint';

export interface Span {
  start: number;
  end: number;
}

export interface RuleContext {
  readonly parsed: ParsedPostmortem;
  readonly facts: PostmortemFacts;
  readonly settings: ServiceSettings;
  readonly l10n: Localizer;
  report(span: Span, message: MessageKey, args?: (string | number)[], data?: DiagnosticData): void;
}

/** Machine-readable details for quick fixes, carried in `Diagnostic.data`. */
export interface DiagnosticData {
  /** For `count-sum`: the breakdown's total. For `schema-enum`: the closest allowed value. */
  replacement?: string | number;
  /** For `schema-required`: the missing key and the JSON path of its object. */
  missingKey?: string;
  /** For `schema-type`: the type the value should have had (`array` for a single value where a list belongs). */
  expected?: string;
  path?: (string | number)[];
  /** For `parity-mismatch`: the other language version, named in the UI language. */
  version?: string;
}

export interface Rule {
  readonly code: RuleCode;
  readonly severity: DiagnosticSeverity;
  check(context: RuleContext): void;
}

export const SOURCE = DIAGNOSTIC_SOURCE;

export function makeDiagnostic(parsed: ParsedPostmortem, span: Span, severity: DiagnosticSeverity, code: string, message: string, data?: DiagnosticData): Diagnostic {
  const diagnostic: Diagnostic = { range: parsed.lines.range(span.start, Math.max(span.start, span.end)), severity, code, source: SOURCE, message };
  if (data) diagnostic.data = data;
  return diagnostic;
}

export { DiagnosticSeverity };

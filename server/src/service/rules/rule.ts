import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { ServiceSettings } from '../context';
import type { Fix, FixContext } from '../features/codeActions/fix';
import type { Localizer, MessageKey } from '../l10n';
import type { PostmortemFacts } from '../model/facts';
import type { ParsedPostmortem } from '../parse/parse';
import { DIAGNOSTIC_SOURCE } from '../../contracts/ids';

export interface Span {
  start: number;
  end: number;
}

export interface RuleContext<Field extends keyof DiagnosticData = keyof DiagnosticData> {
  readonly parsed: ParsedPostmortem;
  readonly facts: PostmortemFacts;
  readonly settings: ServiceSettings;
  readonly l10n: Localizer;
  report(span: Span, message: MessageKey, args?: (string | number)[], data?: Carried<Field>): void;
}

/**
 * Every field a diagnostic may carry for its fixes, in `Diagnostic.data`. Each check names the
 * fields it uses (its `Data`); `dataOf` (features/codeActions/fix.ts) checks them on the way back.
 */
export interface DiagnosticData {
  /** A value to put in place: a count's total, the closest allowed value, the other version's value. */
  replacement?: string | number;
  /** For `schema-required`: the missing key and the JSON path of its object. */
  missingKey?: string;
  /** For `schema-type`: the type the value should have had (`array` for a single value where a list belongs). */
  expected?: string;
  path?: (string | number)[];
  /** For `parity-mismatch`: the other language version, named in the UI language. */
  version?: string;
}

/** The fields of `DiagnosticData` a check's diagnostics always carry. */
export type DataOf<Field extends keyof DiagnosticData> = Required<Pick<DiagnosticData, Field>>;

/** What `report` takes as data: nothing at all for a check that declares no fields. */
type Carried<Field extends keyof DiagnosticData> = [Field] extends [never] ? never : DataOf<Field>;

/**
 * A check's row in the checks tables of README.md and docs/postmortem-format.md, which
 * `npm run gen` writes from the registry (scripts/gen/). Checks that share one object share a row
 * (the schema's codes).
 */
export interface CheckDoc {
  /** The format version that added it, marked (**1.1**) after its code in the format's table. */
  readonly since?: '1.1';
  /** When it fires, in the precise words of the format (docs/postmortem-format.md is the contract). */
  readonly when: string;
  /** The README's shorter wording, when it differs from `when`. */
  readonly brief?: string;
}

/**
 * One check of the format: its stable code, default severity, the data its diagnostics carry and
 * its quick fixes, in one unit listed once in `CHECKS` (rules/index.ts). Validation, the project
 * configuration's `rules:`, the code actions, the CLI's SARIF rules and the generated documentation
 * tables and configuration schema all read that list.
 */
export interface Check<Code extends string = string, Field extends keyof DiagnosticData = keyof DiagnosticData> {
  readonly code: Code;
  readonly severity: DiagnosticSeverity;
  /** The `DiagnosticData` fields its diagnostics carry for fixes (and for tools reading `--format json`). */
  readonly data?: readonly Field[];
  /** Its row of the documentation's checks tables; every check a postmortem can show has one. */
  readonly doc?: CheckDoc;
  /**
   * Where its findings appear: in postmortems (the default; `rules:` may override them), or only in
   * the project configuration file itself.
   */
  readonly scope?: 'config';
  /** False for a finding the project configuration's `rules:` cannot switch off or change. */
  readonly tunable?: false;
  /** The cross-field detection; absent when the finding is reported elsewhere (syntax, schema, parity, size). */
  check?(context: RuleContext<Field>): void;
  /**
   * Quick fixes for one of its diagnostics, which may come from an older version of the document:
   * every fix re-finds its node in this parse. `data` is what the diagnostic carried, checked.
   */
  fixes?(fix: FixContext, diagnostic: Diagnostic, data: Partial<DataOf<Field>>): Fix[];
  /** Fixes that answer all its diagnostics in the request at once (offered after the per-diagnostic ones). */
  fixAll?(fix: FixContext, diagnostics: Diagnostic[]): { fix: Fix; diagnostics: Diagnostic[] }[];
}

/**
 * A check with its code kept as a literal type, so the registry's codes form a union (`CheckCode`).
 * A check of postmortems without its `doc` does not compile: the tables are generated from it.
 */
export function defineCheck<const Code extends string, Field extends keyof DiagnosticData = never>(check: Check<Code, Field> & ({ readonly scope: 'config' } | { readonly doc: CheckDoc })): Check<Code, Field> {
  return check;
}

export const SOURCE = DIAGNOSTIC_SOURCE;

/** A finding of `check`, with its default severity unless the detection knows better (a YAML warning). */
export function makeDiagnostic(parsed: ParsedPostmortem, span: Span, check: Pick<Check, 'code' | 'severity'>, message: string, data?: DiagnosticData, severity = check.severity): Diagnostic {
  const diagnostic: Diagnostic = { range: parsed.lines.range(span.start, Math.max(span.start, span.end)), severity, code: check.code, source: SOURCE, message };
  if (data) diagnostic.data = data;
  return diagnostic;
}

export { DiagnosticSeverity };

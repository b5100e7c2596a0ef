import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Localizer, MessageKey } from '../service/l10n';
import { ruleMessages } from '../service/l10n/messages/rules';
import { RULES } from '../service/rules';
import packageJson from '../../../package.json';

export interface RuleInfo {
  readonly code: string;
  readonly severity: DiagnosticSeverity;
}

/** The codes that come from parsing and the schema; the format's own checks come from RULES. */
const SCHEMA_CODES = ['yaml-syntax', 'schema-required', 'schema-unknown-key', 'schema-type', 'schema-enum', 'schema-const', 'schema-format', 'schema-empty', 'schema-minimum', 'schema-timezone'];

/** Every diagnostic code the checker can report, each once, with its default severity. */
export function allRules(): RuleInfo[] {
  const rules: RuleInfo[] = SCHEMA_CODES.map((code) => ({ code, severity: DiagnosticSeverity.Error }));
  for (const rule of RULES) if (!rules.some((known) => known.code === rule.code)) rules.push({ code: rule.code, severity: rule.severity });
  // Reported outside RULES: across language versions, and by the size limit (on branches that have it).
  for (const extra of [{ code: 'parity-mismatch', severity: DiagnosticSeverity.Warning }, { code: 'document-too-large', severity: DiagnosticSeverity.Information }]) {
    if (!rules.some((known) => known.code === extra.code)) rules.push(extra);
  }
  return rules;
}

/** The rule's one-line help in the UI language; a generic line for a code without its own. */
export function ruleHelp(code: string, l10n: Localizer): string {
  const key = `rule.${code}`;
  return key in ruleMessages.en ? l10n.t(key as MessageKey) : l10n.t('rule.other');
}

export const TOOL_VERSION: string = packageJson.version;

const REPOSITORY = packageJson.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

/** Where every code is documented: the checks table of the format, in the repository the package names. */
export const RULES_HELP_URI = `${REPOSITORY}/blob/main/docs/postmortem-format.md#checks-beyond-the-schema-each-with-a-stable-diagnostic-code`;
export const TOOL_URI = REPOSITORY;

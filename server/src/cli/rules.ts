import type { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Localizer } from '../service/l10n';
import { checkOf, helpKeyOf, postmortemChecks } from '../service/rules';
import packageJson from '../../../package.json';

export interface RuleInfo {
  readonly code: string;
  readonly severity: DiagnosticSeverity;
}

/** Every diagnostic code a postmortem's check can report, each once, with its default severity (the registry's order). */
export function allRules(): RuleInfo[] {
  return postmortemChecks().map(({ code, severity }) => ({ code, severity }));
}

/** The rule's one-line help in the UI language; a generic line for a code without its own. */
export function ruleHelp(code: string, l10n: Localizer): string {
  const check = checkOf(code);
  return l10n.t(check ? helpKeyOf(check.code) : 'rule.other');
}

export const TOOL_VERSION: string = packageJson.version;

const REPOSITORY = packageJson.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

/** Where every code is documented: the checks table of the format, in the repository the package names. */
export const RULES_HELP_URI = `${REPOSITORY}/blob/main/docs/postmortem-format.md#checks-beyond-the-schema-each-with-a-stable-diagnostic-code`;
export const TOOL_URI = REPOSITORY;

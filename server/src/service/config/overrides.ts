import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { RuleLevel } from './projectConfig';

const SEVERITY: Record<Exclude<RuleLevel, 'off'>, DiagnosticSeverity> = {
  info: DiagnosticSeverity.Information,
  warning: DiagnosticSeverity.Warning,
  error: DiagnosticSeverity.Error,
};

/** The project's `rules:` applied to findings: `off` drops them, another level replaces their severity. */
export function applyRuleOverrides(diagnostics: Diagnostic[], rules: Readonly<Record<string, RuleLevel>>): Diagnostic[] {
  if (Object.keys(rules).length === 0) return diagnostics;
  const result: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const level = Object.hasOwn(rules, String(diagnostic.code)) ? rules[String(diagnostic.code)] : undefined;
    if (level === 'off') continue;
    result.push(level ? { ...diagnostic, severity: SEVERITY[level] } : diagnostic);
  }
  return result;
}

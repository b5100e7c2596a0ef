import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { applyRuleOverrides } from '../config/overrides';
import type { ServiceContext } from '../context';
import { factsSteps } from '../model/facts';
import type { ParsedPostmortem } from '../parse/parse';
import { RULES } from '../rules';
import { makeDiagnostic, type RuleContext } from '../rules/rule';
import { schemaDiagnosticSteps } from '../schema/schemaDiagnostics';
import { never, runToEnd, type Work } from '../util/work';
import { defineQuery, querySteps } from '../parse/snapshot';

const DIAGNOSTICS = defineQuery<Diagnostic[]>('diagnostics');

export function createValidation(context: ServiceContext) {
  return {
    /** Syntax, schema and cross-field findings, in document order. Cached per parse and settings. */
    provideDiagnostics(parsed: ParsedPostmortem): Diagnostic[] {
      return runToEnd(this.diagnosticSteps(parsed, never));
    },

    /** The same, pausing between its phases (schema, facts, each rule) when `shouldYield` says so. */
    *diagnosticSteps(parsed: ParsedPostmortem, shouldYield: () => boolean): Work<Diagnostic[]> {
      const settings = context.settings(parsed.uri);
      const settingsKey = JSON.stringify(settings) + context.l10n.locale;
      return yield* querySteps(parsed, DIAGNOSTICS, () => findings(parsed, settings, shouldYield), [settingsKey]);
    },
  };

  function* findings(parsed: ParsedPostmortem, settings: ReturnType<ServiceContext['settings']>, shouldYield: () => boolean): Work<Diagnostic[]> {
    const diagnostics = syntaxDiagnostics(parsed, context);
    if (shouldYield()) yield;
    // A loop, not push(...spread): a broken long document has more findings than a call takes arguments.
    for (const diagnostic of yield* schemaDiagnosticSteps(parsed, context.schema, context.l10n, shouldYield)) diagnostics.push(diagnostic);
    if (shouldYield()) yield;
    const facts = yield* factsSteps(parsed, shouldYield);
    const schemaSpans = new Set(diagnostics.map(spanKey));
    for (const rule of RULES) {
      if (shouldYield()) yield;
      const ruleContext: RuleContext = {
        parsed,
        facts,
        settings,
        l10n: context.l10n,
        report: (span, key, args = [], data) => {
          const diagnostic = makeDiagnostic(parsed, span, rule.severity, rule.code, context.l10n.t(key, ...args), data);
          // One problem, one finding: a rule that re-checks a value the schema already reported
          // (a time both badly shaped and impossible, a zone name both) stays quiet there.
          if (!rule.code.startsWith('schema-') || !schemaSpans.has(spanKey(diagnostic))) diagnostics.push(diagnostic);
        },
      };
      rule.check(ruleContext);
    }
    diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    // The team's `rules:` (postmortem.config.yaml) have the last word on every finding.
    return applyRuleOverrides(diagnostics, settings.project.rules);
  }
}

function spanKey(diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${start.line}:${start.character}-${end.line}:${end.character}`;
}

/** `yaml-syntax` findings of any YAML file the service checks (postmortems and the project configuration). */
export function yamlSyntaxDiagnostics(parsed: ParsedPostmortem, l10n: ServiceContext['l10n']): Diagnostic[] {
  return parsed.syntaxProblems.map((problem) =>
    makeDiagnostic(
      parsed,
      problem,
      problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      'yaml-syntax',
      l10n.t(problem.severity === 'error' ? 'syntax.error' : 'syntax.warning', problem.message),
    ),
  );
}

function syntaxDiagnostics(parsed: ParsedPostmortem, context: ServiceContext): Diagnostic[] {
  const { l10n } = context;
  const diagnostics = yamlSyntaxDiagnostics(parsed, l10n);
  if (parsed.root === null && diagnostics.length === 0) {
    // An empty file, or one of only comments: point at the first line, the only place there is.
    const firstLineEnd = parsed.lines.lineText(0).length;
    diagnostics.push(makeDiagnostic(parsed, { start: 0, end: firstLineEnd }, DiagnosticSeverity.Error, 'schema-required', l10n.t('syntax.empty'), { missingKey: 'postmortem', path: [] }));
  } else if (parsed.root && parsed.root.kind !== 'map' && parsed.root.kind !== 'alias') {
    diagnostics.push(makeDiagnostic(parsed, parsed.root, DiagnosticSeverity.Error, 'schema-type', l10n.t('syntax.notMapping', l10n.t(parsed.root.kind === 'seq' ? 'type.array' : 'type.string'))));
  }
  return diagnostics;
}

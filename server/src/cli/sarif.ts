import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Localizer } from '../service/l10n';
import { LineIndex } from '../service/parse/lineIndex';
import type { FileResult } from './formats';
import { allRules, RULES_HELP_URI, ruleHelp, TOOL_URI, TOOL_VERSION } from './rules';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The fingerprint's name and version: bump the version if what it hashes ever changes. */
export const FINGERPRINT_KEY = 'postmortemFinding/v1';

/**
 * SARIF 2.1.0 for code scanning: one run, every rule of the tool (also those that did not fire),
 * results with 1-based regions in UTF-16 code units (`columnKind`), paths relative to `%SRCROOT%`
 * (the working folder), and a fingerprint that survives moved lines and another UI language.
 */
export function formatSarif(results: readonly FileResult[], l10n: Localizer, workingDirectory: string): string[] {
  const rules = allRules();
  const sarifRules = rules.map(({ code, severity }) => ({
    id: code,
    name: code.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()).replace(/^\w/, (letter) => letter.toUpperCase()),
    shortDescription: { text: ruleHelp(code, l10n) },
    fullDescription: { text: ruleHelp(code, l10n) },
    help: { text: `${ruleHelp(code, l10n)} ${RULES_HELP_URI}`, markdown: `${ruleHelp(code, l10n)} [${code}](${RULES_HELP_URI})` },
    helpUri: RULES_HELP_URI,
    defaultConfiguration: { level: level(severity) },
  }));
  const sarifResults = results.flatMap((result) => {
    const lines = new LineIndex(result.text);
    const occurrences = new Map<string, number>();
    return result.diagnostics.map((diagnostic) => {
      const code = String(diagnostic.code ?? 'other');
      const ruleIndex = rules.findIndex((rule) => rule.code === code);
      const snippet = result.text.slice(lines.offsetAt(diagnostic.range.start), lines.offsetAt(diagnostic.range.end));
      const identity = `${code}\0${artifactUri(result.path)}\0${snippet.trim()}`;
      const occurrence = occurrences.get(identity) ?? 0;
      occurrences.set(identity, occurrence + 1);
      return {
        ruleId: code,
        ...(ruleIndex >= 0 ? { ruleIndex } : {}),
        level: level(diagnostic.severity),
        message: { text: diagnostic.message },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(result.path), region: region(diagnostic, snippet) } }],
        partialFingerprints: { [FINGERPRINT_KEY]: createHash('sha256').update(`${identity}\0${occurrence}`).digest('hex').slice(0, 32) },
      };
    });
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'postmortem-lint', version: TOOL_VERSION, semanticVersion: TOOL_VERSION, informationUri: TOOL_URI, rules: sarifRules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(workingDirectory.endsWith('/') ? workingDirectory : `${workingDirectory}/`).href } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return [JSON.stringify(log, null, 2)];
}

function level(severity: DiagnosticSeverity | undefined): 'error' | 'warning' | 'note' {
  return severity === DiagnosticSeverity.Error || severity === undefined ? 'error' : severity === DiagnosticSeverity.Warning ? 'warning' : 'note';
}

/** SARIF lines and columns are 1-based; the end column is the one after the last character, as in LSP. */
function region(diagnostic: Diagnostic, snippet: string) {
  const { start, end } = diagnostic.range;
  return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, ...(snippet ? { snippet: { text: snippet } } : {}) };
}

/** A relative path becomes a URI reference under `%SRCROOT%`; anything else an absolute file URI. */
function artifactLocation(path: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(path) || path.startsWith('..')) return { uri: pathToFileURL(path).href };
  return { uri: artifactUri(path), uriBaseId: '%SRCROOT%' };
}

function artifactUri(path: string): string {
  return path
    .split(/[\\/]/)
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';

/** One checked document: where it is, its text (for fingerprints) and what the service found. */
export interface FileResult {
  /** As given or found, relative to the working folder when inside it (the way users name it). */
  readonly path: string;
  readonly uri: string;
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
}

export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type FormatName = (typeof FORMATS)[number];

/** The machine token of a severity: stays English in every locale, like the code, so matchers can read it. */
export function severityToken(severity: DiagnosticSeverity | undefined): 'error' | 'warning' | 'info' | 'hint' {
  switch (severity) {
    case DiagnosticSeverity.Warning:
      return 'warning';
    case DiagnosticSeverity.Information:
      return 'info';
    case DiagnosticSeverity.Hint:
      return 'hint';
    // LSP leaves a missing severity to the client; editors show it as an error, and so do we.
    case DiagnosticSeverity.Error:
    case undefined:
      return 'error';
  }
}

/**
 * `file:line:col severity message [code]`, one line per finding, 1-based line and column (UTF-16
 * code units, as in the editor). The problem matchers in package.json and
 * `.github/postmortem-lint-matcher.json` parse exactly this.
 */
export function formatStylish(results: readonly FileResult[]): string[] {
  const lines: string[] = [];
  for (const result of results) {
    for (const diagnostic of result.diagnostics) {
      const { line, character } = diagnostic.range.start;
      lines.push(`${result.path}:${line + 1}:${character + 1} ${severityToken(diagnostic.severity)} ${oneLine(diagnostic.message)} [${String(diagnostic.code)}]`);
    }
  }
  return lines;
}

/** The LSP diagnostics of each file as they are (0-based, UTF-16), with the file's path and URI. */
export function formatJson(results: readonly FileResult[]): string[] {
  return [JSON.stringify(results.map(({ path, uri, diagnostics }) => ({ path, uri, diagnostics })), null, 2)];
}

/**
 * GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
 * Informations become `notice`. Escaping follows the runner's grammar (see escapeData/escapeProperty).
 */
export function formatGithub(results: readonly FileResult[]): string[] {
  const lines: string[] = [];
  for (const result of results) {
    for (const diagnostic of result.diagnostics) {
      const command = diagnostic.severity === DiagnosticSeverity.Error ? 'error' : diagnostic.severity === DiagnosticSeverity.Warning ? 'warning' : 'notice';
      const { start, end } = diagnostic.range;
      const properties: [string, string | number][] = [
        ['file', result.path.split('\\').join('/')],
        ['line', start.line + 1],
        ['col', start.character + 1],
        ['endLine', end.line + 1],
        ['endColumn', end.character + 1],
        ['title', `postmortem-lint ${String(diagnostic.code)}`],
      ];
      lines.push(`::${command} ${properties.map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(',')}::${escapeData(diagnostic.message)}`);
    }
  }
  return lines;
}

/** The runner's escaping of a command's message (`%`, CR, LF). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** The runner's escaping of a property value: the message escapes plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A message on one line, so one finding is one line of the stylish format. */
function oneLine(text: string): string {
  return text.replace(/\s*(\r\n?|\n)\s*/g, ' ');
}

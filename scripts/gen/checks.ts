// The check registry's generated places: the checks tables of README.md and
// docs/postmortem-format.md, and the `rules` entries of the project configuration's schema.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { createLocalizer } from '../../server/src/service/l10n';
import { helpKeyOf, postmortemChecks, tunableChecks } from '../../server/src/service/rules';
import type { Check, CheckDoc } from '../../server/src/service/rules/rule';

const SEVERITY_WORDS: Record<DiagnosticSeverity, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

interface Row {
  readonly codes: string[];
  readonly severity: DiagnosticSeverity;
  readonly doc: CheckDoc;
}

/** One row per documentation object: checks that share one (the schema's codes) are one row, in the registry's order. */
export function checkRows(checks: readonly Check[] = postmortemChecks()): Row[] {
  const rows: Row[] = [];
  for (const check of checks) {
    const doc = check.doc;
    if (!doc) throw new Error(`${check.code} has no doc: every check a postmortem can show has its row in the checks tables`);
    const last = rows.at(-1);
    if (last?.doc === doc) {
      if (last.severity !== check.severity) throw new Error(`${check.code} shares its row with ${last.codes[0]} but not its severity`);
      last.codes.push(check.code);
      continue;
    }
    if (rows.some((row) => row.doc === doc)) throw new Error(`${check.code} shares a row with checks it does not follow in CHECKS: list them together`);
    rows.push({ codes: [check.code], severity: check.severity, doc });
  }
  return rows;
}

/** Table cells hold no line break or bar of their own. */
function cell(text: string): string {
  if (/[\n|]/.test(text)) throw new Error(`a checks table cell cannot hold a line break or "|": ${text}`);
  return text;
}

/**
 * The `| code | severity | when |` table: the format's precise wording with its (**1.1**) marks, or
 * the README's shorter one.
 */
export function checksTable(style: 'format' | 'readme'): string {
  const lines = ['| code | severity | when |', '| --- | --- | --- |'];
  for (const { codes, severity, doc } of checkRows()) {
    const names = codes.map((code) => `\`${code}\``).join(', ');
    const since = style === 'format' && doc.since ? ` (**${doc.since}**)` : '';
    const when = style === 'readme' ? (doc.brief ?? doc.when) : doc.when;
    lines.push(`| ${names}${since} | ${SEVERITY_WORDS[severity]} | ${cell(when)} |`);
  }
  return lines.join('\n');
}

interface ConfigSchema {
  properties: { rules: { properties?: unknown } & Record<string, unknown> };
}

/**
 * The project configuration's schema with one entry under `rules` per code it may name, described
 * by the code's line of help (`rule.<code>`, English and Japanese: the SARIF rule text), so that
 * completion and hover in postmortem.config.yaml explain each code.
 */
export function configSchemaText(current: string): string {
  const schema = JSON.parse(current) as ConfigSchema;
  const [en, ja] = [createLocalizer('en'), createLocalizer('ja')];
  schema.properties.rules.properties = Object.fromEntries(
    tunableChecks().map(({ code }) => [code, { description: en.t(helpKeyOf(code)), 'x-description-ja': ja.t(helpKeyOf(code)), $ref: '#/definitions/level' }]),
  );
  return `${JSON.stringify(schema, null, 2)}\n`;
}

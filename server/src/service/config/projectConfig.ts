import { asMap, asScalar, asSeq, childOf, stringValue, type YNode } from '../parse/tree';
import { readRegimes } from '../regulatory/config';
import type { RegimeDefinition } from '../regulatory/regimes';
import { PROJECT_CONFIG_NAMES } from '../../contracts/ids';

/** How loud one check is, as `rules:` in the project configuration says (ESLint's words). */
export type RuleLevel = 'off' | 'info' | 'warning' | 'error';

/** One value of a declared scale: a severity level or a cause category. */
export interface ScaleEntry {
  id: string;
  description: string | undefined;
}

/**
 * What a team agrees on for every postmortem of a project (`postmortem.config.yaml`). Every field is
 * optional: an absent one leaves the per-user setting or the format's default in force. The future
 * incident library reads the same object, so the names describe the team's conventions, not one
 * feature of the editor.
 */
export interface ProjectConfig {
  /** The severity scale, most severe first; undefined when the team keeps `severity` free text. */
  severity?: readonly ScaleEntry[];
  /** The cause taxonomy for `cause.factors[].category`; undefined when free text. */
  categories?: readonly ScaleEntry[];
  /** A URL with `{key}` that turns a ticket key (`OPS-123`) into a link. */
  ticketUrl?: string;
  disclosureDeadlineDays?: number;
  maxDocumentBytes?: number;
  /** Per-code severity overrides; codes not listed keep their own severity. */
  rules: Readonly<Record<string, RuleLevel>>;
  /** Reporting regimes the team declares beside the built-in ones (`regimes:`). */
  regimes?: readonly RegimeDefinition[];
}

export const EMPTY_PROJECT_CONFIG: Readonly<ProjectConfig> = Object.freeze({ rules: Object.freeze({}) });

/** The file names the editor and the CLI look for at a project's root. */
export { PROJECT_CONFIG_NAMES };

/** Whether a document is a project configuration (by its file name, the only thing that says so). */
export function isProjectConfigUri(uri: string): boolean {
  const name = uri.slice(uri.lastIndexOf('/') + 1).toLowerCase();
  return (PROJECT_CONFIG_NAMES as readonly string[]).includes(name);
}

const LEVELS = new Set<string>(['off', 'info', 'warning', 'error']);

/**
 * The configuration a parsed file states. Invalid parts are left out (the file's own diagnostics
 * say why), so one mistyped entry never switches the rest of the team's agreement off.
 */
export function readProjectConfig(root: YNode | null): ProjectConfig {
  const map = asMap(root);
  if (!map) return EMPTY_PROJECT_CONFIG;
  const config: ProjectConfig = { rules: readRules(childOf(map, 'rules')) };
  const severity = readScale(childOf(map, 'severity'));
  if (severity) config.severity = severity;
  const categories = readScale(childOf(map, 'categories'));
  if (categories) config.categories = categories;
  const ticketUrl = asScalar(childOf(map, 'ticket_url'))?.value;
  if (typeof ticketUrl === 'string' && /^https?:\/\/\S*\{key\}\S*$/.test(ticketUrl)) config.ticketUrl = ticketUrl;
  const days = asScalar(childOf(map, 'disclosure_deadline_days'))?.value;
  if (typeof days === 'number' && Number.isFinite(days) && days >= 0) config.disclosureDeadlineDays = days;
  const bytes = asScalar(childOf(map, 'max_document_bytes'))?.value;
  if (typeof bytes === 'number' && Number.isInteger(bytes) && bytes >= 1) config.maxDocumentBytes = bytes;
  const regimes = readRegimes(childOf(map, 'regimes'));
  if (regimes.length > 0) config.regimes = regimes;
  return config;
}

function readScale(node: YNode | null): ScaleEntry[] | undefined {
  const seq = asSeq(node);
  if (!seq) return undefined;
  const entries: ScaleEntry[] = [];
  for (const item of seq.items) {
    const id = stringValue(childOf(item, 'id'));
    if (!id || entries.some((entry) => entry.id === id)) continue;
    const description = asScalar(childOf(item, 'description'))?.value;
    entries.push({ id, description: typeof description === 'string' && description.length > 0 ? description : undefined });
  }
  // An empty list declares nothing: free text stays allowed rather than every value becoming wrong.
  return entries.length > 0 ? entries : undefined;
}

function readRules(node: YNode | null): Record<string, RuleLevel> {
  const rules: Record<string, RuleLevel> = {};
  for (const pair of asMap(node)?.pairs ?? []) {
    const level = asScalar(pair.value)?.value;
    if (typeof level === 'string' && LEVELS.has(level)) {
      Object.defineProperty(rules, String(pair.key.value), { value: level as RuleLevel, enumerable: true, writable: true, configurable: true });
    }
  }
  return rules;
}

/** A scalar as text (a number as written in digits): how a value is compared with a scale's ids. */
export function scalarText(node: YNode | null | undefined): string | undefined {
  const value = asScalar(node)?.value;
  if (typeof value === 'string') return value.length > 0 ? value : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

/** The link for a ticket: URLs stay as they are, keys go through the configured pattern. */
export function ticketLink(ticket: string, pattern: string | undefined): string | undefined {
  if (/^https?:\/\//i.test(ticket)) return ticket;
  // A key as the format allows it (`OPS-123`, `INC0012345`, `platform#482`), escaped into the URL.
  if (!pattern || !/^[\p{L}\p{N}#][\p{L}\p{N}_./#-]*$/u.test(ticket)) return undefined;
  return pattern.replace('{key}', encodeURIComponent(ticket));
}

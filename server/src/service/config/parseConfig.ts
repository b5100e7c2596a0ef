import type { Diagnostic } from 'vscode-languageserver-types';
import { createLocalizer } from '../l10n';
import { parsePostmortem } from '../parse/parse';
import { configDiagnostics } from './configDocument';
import { readProjectConfig, type ProjectConfig } from './projectConfig';

/**
 * The text of a `postmortem.config.yaml`, read: what it declares (its valid parts) and what is wrong
 * with it, in the given UI language. The service never reads files: the front end passes the text.
 */
export function parseProjectConfig(text: string, options: { uri?: string; locale?: string } = {}): { config: ProjectConfig; diagnostics: Diagnostic[] } {
  const parsed = parsePostmortem({ uri: options.uri ?? 'file:///postmortem.config.yaml', version: 0, text });
  return { config: readProjectConfig(parsed.root), diagnostics: configDiagnostics(parsed, createLocalizer(options.locale)) };
}

/**
 * Only what the file declares, without its diagnostics: what the server and the CLI apply. It skips
 * compiling the file's schema, which only an editor showing the file (or a test) needs.
 */
export function readProjectConfigText(text: string): ProjectConfig {
  return readProjectConfig(parsePostmortem({ uri: 'file:///postmortem.config.yaml', version: 0, text }).root);
}

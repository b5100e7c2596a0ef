import type { Localizer } from './l10n';
import type { ParsedPostmortem } from './parse/parse';
import type { RegimeDefinition } from './regulatory/regimes';
import type { SchemaIndex } from './schema/schemaIndex';

/** Settings the service honours; every front end (LSP, CLI) passes its own values. */
export interface ServiceSettings {
  /** Days after the first `detected` event within which the notice should be published. */
  disclosureDeadlineDays: number;
  /**
   * The current date (`YYYY-MM-DD`) in the user's zone. The service has no clock: the server and the
   * CLI pass their day, tests a fixed one. Undefined means unknown, and checks that compare with
   * "today" (overdue, done in the future, reporting deadlines) stay silent.
   */
  today: string | undefined;
  /** Reporting regimes the team declared in `postmortem.config.yaml`, beside the built-in ones. */
  regimes?: readonly RegimeDefinition[];
}

export const DEFAULT_SERVICE_SETTINGS: Readonly<ServiceSettings> = Object.freeze({ disclosureDeadlineDays: 30, today: undefined });

/** What every feature module receives from the factory. */
export interface ServiceContext {
  readonly schema: SchemaIndex;
  /** The user's UI language, for messages. Headings that follow the document's `language` use their own. */
  readonly l10n: Localizer;
  settings(): ServiceSettings;
  /** The cached parse of a document; features never parse on their own. */
  parse(document: TextDocumentLike): ParsedPostmortem;
}

/** The part of a text document the service needs; `vscode-languageserver-textdocument` fits it. */
export interface TextDocumentLike {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

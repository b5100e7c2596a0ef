import { DEFAULT_SETTINGS, serviceSettings, type ServiceSideSettings } from '../contracts/settings';
import { EMPTY_PROJECT_CONFIG, type ProjectConfig } from './config/projectConfig';
import type { Localizer } from './l10n';
import type { SchemaIndex } from './schema/schemaIndex';

/**
 * Settings the service honours; every front end (LSP, CLI) passes its own values. The user's settings
 * it reads (`disclosureDeadlineDays`; `maxDocumentBytes`: above it a document is not parsed, its one
 * finding `document-too-large` says why; the 2 MB default is where the unsliced requests still answer
 * within about 100 ms) are the contracts' settings table rows marked `service`.
 */
export interface ServiceSettings extends ServiceSideSettings {
  /**
   * The current date (`YYYY-MM-DD`) in the user's zone. The service has no clock: the server and the
   * CLI pass their day, tests a fixed one. Undefined means unknown, and checks that compare with
   * "today" (overdue, done in the future, reporting deadlines) stay silent.
   */
  today: string | undefined;
  /**
   * The project configuration (`postmortem.config.yaml`) of the folder that holds the document. What
   * it declares has already been merged over the per-user values above (`settingsFor`).
   */
  project: ProjectConfig;
}

export const DEFAULT_SERVICE_SETTINGS: Readonly<ServiceSettings> = Object.freeze({
  ...serviceSettings(DEFAULT_SETTINGS),
  today: undefined,
  project: EMPTY_PROJECT_CONFIG,
});

/**
 * What feature factories may be given. Each factory names the part it uses
 * (`Pick<ServiceContext, 'l10n' | 'settings'>`) and `createPostmortemService` passes exactly that part,
 * so a feature's reach is in its signature. Features are handed the cached parse; none parses.
 */
export interface ServiceContext {
  readonly schema: SchemaIndex;
  /** The user's UI language, for messages. Headings that follow the document's `language` use their own. */
  readonly l10n: Localizer;
  /**
   * The settings in force for a document: the user's, with its folder's project configuration
   * merged over them. Without a URI, the user's settings and a project configuration for everything.
   */
  settings(uri?: string): ServiceSettings;
}

/** The part of a text document the service needs; `vscode-languageserver-textdocument` fits it. */
export interface TextDocumentLike {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

import type { CodeAction, CompletionList, Diagnostic, DocumentLink, DocumentSymbol, FoldingRange, Hover, Location, Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import schemaJson from '../../../schemas/postmortem.schema.json';
import type { SnippetSupport } from './util/snippet';
import { createConfigDocument } from './config/configDocument';
import { isProjectConfigUri, type ProjectConfig } from './config/projectConfig';
import { mergeProjectConfig, ProjectConfigs } from './config/projects';
import { DEFAULT_SERVICE_SETTINGS, type ServiceContext, type ServiceSettings, type TextDocumentLike } from './context';
import { createCodeActions } from './features/codeActions';
import { createCompletion } from './features/completion';
import { createFolding } from './features/folding';
import { createHover } from './features/hover';
import { createLinks } from './features/links';
import { createNavigation } from './features/navigation';
import { createNotice, type NoticeAudience, type NoticeFormat } from './features/notice';
import { createReports, type ReportProfile } from './features/reports';
import { createSymbols } from './features/symbols';
import { createTemplate } from './features/template';
import { createTimeline, type TimelineModel } from './features/timeline';
import { createValidation } from './features/validation';
import { createLocalizer, type Locale } from './l10n';
import { ParseCache } from './parse/cache';
import type { ParsedPostmortem } from './parse/parse';
import { WorkspaceDocuments } from './parity/workspace';
import { createSchemaIndex, type SchemaNode } from './schema/schemaIndex';

export interface ServiceOptions {
  /** The UI language for messages (`en`, `ja`, or any tag starting with them). */
  locale?: string;
  settings?: Partial<ServiceSettings>;
  /** How the client takes quick fixes with places to fill in (protocol/snippets); plain text by default. */
  snippets?: SnippetSupport;
}

/** The whole language service: documents in, plain LSP data out. No I/O, no connection. */
export interface PostmortemService {
  readonly locale: Locale;
  configure(settings: Partial<ServiceSettings>): void;
  /**
   * The project configuration (`postmortem.config.yaml`, read with `parseProjectConfig`) for the
   * documents under `folderUri`; `''` for every document, undefined to remove it. It wins over
   * `configure`'s values for what it declares.
   */
  configureProject(config: ProjectConfig | undefined, folderUri?: string): void;
  parse(document: TextDocumentLike): ParsedPostmortem;
  forget(uri: string): void;
  validate(document: TextDocumentLike): Diagnostic[];
  complete(document: TextDocumentLike, position: Position): CompletionList;
  hover(document: TextDocumentLike, position: Position): Hover | null;
  documentSymbols(document: TextDocumentLike): DocumentSymbol[];
  foldingRanges(document: TextDocumentLike): FoldingRange[];
  definition(document: TextDocumentLike, position: Position): Location[];
  references(document: TextDocumentLike, position: Position, includeDeclaration: boolean): Location[];
  prepareRename(document: TextDocumentLike, position: Position): { range: Range; placeholder: string } | null;
  rename(document: TextDocumentLike, position: Position, newName: string): WorkspaceEdit | null;
  /** Why renaming the id at this position to `newName` is refused, in the UI language; null if it is fine. */
  renameProblem(document: TextDocumentLike, position: Position, newName: string): string | null;
  codeActions(document: TextDocumentLike, range: Range, diagnostics: Diagnostic[]): CodeAction[];
  documentLinks(document: TextDocumentLike): DocumentLink[];
  timelineModel(document: TextDocumentLike): TimelineModel;
  /** The notice as Markdown or HTML; `public` unless asked for the team's own `internal` version. */
  exportNotice(document: TextDocumentLike, format: NoticeFormat, audience?: NoticeAudience): string;
  /** A new, valid postmortem in the given language, dated `today` (YYYY-MM-DD). */
  newDocument(locale: string, today: string): string;
  /**
   * The other postmortems known (the workspace's, open ones as edited; the files given to the CLI).
   * The service never reads files: it compares each document with its other language versions here.
   */
  setWorkspaceDocuments(documents: Iterable<TextDocumentLike>): void;
  /** A regulator's report items (`appi`, `telecom-jp`, `gdpr`) filled from the document. */
  exportReport(document: TextDocumentLike, profile: ReportProfile, format: NoticeFormat): string;
  /** URIs of the other language versions of `document`'s incident, among the workspace documents. */
  counterparts(document: TextDocumentLike): string[];
}

let sharedSchema: ReturnType<typeof createSchemaIndex> | undefined;

export function createPostmortemService(options: ServiceOptions = {}): PostmortemService {
  // Compiling the schema is the costliest start-up step; every service in a process shares one.
  sharedSchema ??= createSchemaIndex(schemaJson as SchemaNode);
  let settings: ServiceSettings = { ...DEFAULT_SERVICE_SETTINGS, ...options.settings };
  const projects = new ProjectConfigs();
  const cache = new ParseCache();
  const context: ServiceContext = {
    schema: sharedSchema,
    l10n: createLocalizer(options.locale),
    settings: (uri) => mergeProjectConfig(settings, projects.for(uri)),
    parse: (document) => cache.get(document),
  };
  const validation = createValidation(context);
  const completion = createCompletion(context);
  const hover = createHover(context);
  const symbols = createSymbols(context);
  const folding = createFolding(context);
  const navigation = createNavigation(context);
  const codeActions = createCodeActions(context, options.snippets);
  const timeline = createTimeline(context);
  const notice = createNotice(context);
  const template = createTemplate();
  const links = createLinks(context);
  // `postmortem.config.yaml` is checked, completed and explained against its own schema.
  const config = createConfigDocument(context);
  const isConfig = (document: TextDocumentLike) => isProjectConfigUri(document.uri);
  const reports = createReports(context);
  const workspace = new WorkspaceDocuments(context.parse, () => context.l10n);
  const validate = (document: TextDocumentLike) => {
    const parsed = context.parse(document);
    const parity = workspace.diagnostics(document, parsed);
    const own = validation.provideDiagnostics(parsed);
    if (parity.length === 0) return own;
    return [...own, ...parity].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  };

  return {
    locale: context.l10n.locale,
    configure(next) {
      settings = { ...settings, ...next };
    },
    configureProject: (config, folderUri = '') => projects.set(folderUri, config),
    parse: context.parse,
    forget: (uri) => {
      cache.forget(uri);
      workspace.forget(uri);
    },
    validate: (document) => (isConfig(document) ? config.provideDiagnostics(context.parse(document)) : validate(document)),
    complete: (document, position) => (isConfig(document) ? config.provideCompletion : completion.provideCompletion)(context.parse(document), position),
    hover: (document, position) => (isConfig(document) ? config.provideHover : hover.provideHover)(context.parse(document), position),
    documentSymbols: (document) => symbols.provideDocumentSymbols(context.parse(document)),
    foldingRanges: (document) => folding.provideFoldingRanges(context.parse(document)),
    definition: (document, position) => navigation.provideDefinition(context.parse(document), position),
    references: (document, position, includeDeclaration) => navigation.provideReferences(context.parse(document), position, includeDeclaration),
    prepareRename: (document, position) => navigation.prepareRename(context.parse(document), position),
    rename: (document, position, newName) => navigation.provideRename(context.parse(document), position, newName),
    renameProblem: (document, position, newName) => navigation.checkRename(context.parse(document), position, newName),
    codeActions: (document, range, diagnostics) => codeActions.provideCodeActions(context.parse(document), range, diagnostics),
    documentLinks: (document) => (isConfig(document) ? [] : links.provideDocumentLinks(context.parse(document))),
    timelineModel: (document) => timeline.provideTimelineModel(context.parse(document)),
    exportNotice: (document, format, audience) => notice.renderNotice(context.parse(document), format, audience),
    newDocument: (locale, today) => template.provideTemplate(locale, today),
    setWorkspaceDocuments: (documents) => workspace.set(documents),
    exportReport: (document, profile, format) => reports.renderReport(context.parse(document), profile, format),
    counterparts: (document) => workspace.counterparts(document).map((other) => other.uri),
  };
}

export type { ServiceSettings, TextDocumentLike } from './context';
export { DEFAULT_SERVICE_SETTINGS } from './context';
export { isProjectConfigUri, PROJECT_CONFIG_NAMES, type ProjectConfig, type RuleLevel, type ScaleEntry } from './config/projectConfig';
export { parseProjectConfig, readProjectConfigText } from './config/parseConfig';
export type { TimelineModel } from './features/timeline';
export type { NoticeAudience, NoticeFormat } from './features/notice';
export { NOTICE_AUDIENCES } from './features/notice';
export { REPORT_PROFILES, type ReportProfile } from './features/reports';
export type { InsertSnippetArgs, SnippetSupport } from './util/snippet';
export { createLocalizer, resolveLocale, type Locale, type Localizer } from './l10n';

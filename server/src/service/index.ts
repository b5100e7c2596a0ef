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
import { createReports, type ReportProfile } from './features/notice/reports';
import { createSymbols } from './features/symbols';
import { createTemplate } from './features/template';
import { createTimeline, type TimelineModel } from './features/timeline';
import { createValidation } from './features/validation';
import { createLocalizer, type Locale } from './l10n';
import { ParseCache } from './parse/cache';
import { parsePostmortem, type ParsedPostmortem } from './parse/parse';
import { applyRuleOverrides } from './config/overrides';
import { DocumentSizes, tooLargeDiagnostic } from './limits';
import { never, runToEnd, type Work } from './util/work';
import { WorkspaceDocuments } from './parity/workspace';
import { createSchemaIndex, type SchemaNode } from './schema/schemaIndex';

export interface ServiceOptions {
  /** The UI language for messages (`en`, `ja`, or any tag starting with them). */
  locale?: string;
  settings?: Partial<ServiceSettings>;
  /** How the client takes quick fixes with places to fill in (contracts/snippets); plain text by default. */
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
  /**
   * The same as `validate`, as a Work that pauses when `shouldYield` says so (see util/work.ts);
   * `undefined` when a newer parse of the same URI started meanwhile and this one was abandoned.
   */
  validateSteps(document: TextDocumentLike, shouldYield: () => boolean): Work<Diagnostic[] | undefined>;
  /** The parse every feature reads, as a Work (as `validateSteps`); features then answer from the cache. */
  parseSteps(document: TextDocumentLike, shouldYield: () => boolean): Work<ParsedPostmortem | undefined>;
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

/** The diagnostics a client passes to code actions, without entries that are not diagnostics at all. */
function wellFormed(diagnostics: unknown): Diagnostic[] {
  if (!Array.isArray(diagnostics)) return [];
  return diagnostics.filter((item): item is Diagnostic => {
    const range = (item as Partial<Diagnostic> | null)?.range;
    return typeof range?.start?.line === 'number' && typeof range.start.character === 'number' && typeof range.end?.line === 'number' && typeof range.end.character === 'number';
  });
}

function firstLineLength(text: string): number {
  const end = text.search(/[\r\n]/);
  return end < 0 ? text.length : end;
}

// eslint-disable-next-line require-yield -- a Work that is done at once
function* emptyWork<T>(value: T): Work<T> {
  return value;
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
  };
  // Features are handed the cached parse; none parses on its own.
  const parse = (document: TextDocumentLike) => cache.get(document);
  // Each feature gets the part of the context it names in its signature, and nothing else.
  const { schema, l10n } = context;
  const settingsOf = context.settings;
  const validation = createValidation(context);
  const completion = createCompletion(context);
  const hover = createHover(context);
  const symbols = createSymbols();
  const folding = createFolding();
  const navigation = createNavigation({ l10n });
  const codeActions = createCodeActions({ l10n, schema }, options.snippets);
  const timeline = createTimeline({ l10n, settings: settingsOf });
  // The notice renders the preview's model: one model per version for both.
  const notice = createNotice(timeline);
  const template = createTemplate();
  const links = createLinks({ settings: settingsOf });
  // `postmortem.config.yaml` is checked, completed and explained against its own schema.
  const config = createConfigDocument(context);
  const isConfig = (document: TextDocumentLike) => isProjectConfigUri(document.uri);
  const reports = createReports({ l10n, settings: settingsOf });
  // The other versions are parsed only within the size limit, like every feature: a 16 MB file in
  // the workspace must not be parsed just to learn its `id` (it blocked the server for seconds).
  // Files nobody edits are parsed on their own and only their key is kept, not their tree.
  const workspace = new WorkspaceDocuments(
    (document) => (tooLarge(document) ? emptyParse(document) : parse(document)),
    (document) => (tooLarge(document) ? emptyParse(document) : parsePostmortem({ uri: document.uri, version: document.version, text: document.getText() })),
    (uri) => cache.has(uri),
    () => l10n,
  );

  /**
   * Positions come from clients and may lie anywhere (line 1e9, negative, fractional): every feature
   * gets one inside the document, so none walks lines that do not exist.
   */
  const at = <R>(document: TextDocumentLike, position: Position, empty: R, run: (parsed: ParsedPostmortem, clamped: Position) => R): R => {
    if (tooLarge(document)) return empty;
    const parsed = parse(document);
    return run(parsed, parsed.lines.clamp(position));
  };

  /**
   * A document above `maxDocumentBytes` is not parsed at all: its one finding says so, and every
   * other feature answers as for an empty document. The size is counted once per version.
   */
  const byteSizes = new DocumentSizes();
  const bytesAboveLimit = (document: TextDocumentLike): { bytes: number; max: number } | undefined => {
    const max = context.settings(document.uri).maxDocumentBytes;
    const bytes = byteSizes.bytes(document);
    return bytes > max ? { bytes, max } : undefined;
  };
  const tooLarge = (document: TextDocumentLike) => bytesAboveLimit(document) !== undefined;
  const whole = <R>(document: TextDocumentLike, empty: R, run: (parsed: ParsedPostmortem) => R): R => (tooLarge(document) ? empty : run(parse(document)));
  const emptyParse = (document: TextDocumentLike) => parsePostmortem({ uri: document.uri, version: document.version, text: '' });

  function* validateSteps(document: TextDocumentLike, shouldYield: () => boolean): Work<Diagnostic[] | undefined> {
    const over = bytesAboveLimit(document);
    if (over) return [tooLargeDiagnostic(over.bytes, over.max, firstLineLength(document.getText()), l10n)];
    const parsed = yield* cache.steps(document, shouldYield);
    if (!parsed) return undefined;
    if (isConfig(document)) return config.provideDiagnostics(parsed);
    const own = yield* validation.diagnosticSteps(parsed, shouldYield);
    // Findings against the other language versions of the same incident (parity/).
    // The team's `rules:` apply to these as to the document's own findings (features/validation.ts).
    const parity = applyRuleOverrides(workspace.diagnostics(document, parsed), context.settings(document.uri).project.rules);
    if (parity.length === 0) return own;
    return [...own, ...parity].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }

  return {
    locale: l10n.locale,
    configure(next) {
      settings = { ...settings, ...next };
    },
    configureProject: (config, folderUri = '') => projects.set(folderUri, config),
    parse,
    forget: (uri) => {
      cache.forget(uri);
      byteSizes.forget(uri);
      workspace.forget(uri);
    },
    validate: (document) => runToEnd(validateSteps(document, never)) ?? [],
    validateSteps,
    parseSteps: (document, shouldYield) => (tooLarge(document) ? emptyWork(emptyParse(document)) : cache.steps(document, shouldYield)),
    complete: (document, position) => at(document, position, { isIncomplete: false, items: [] }, (parsed, clamped) => (isConfig(document) ? config.provideCompletion : completion.provideCompletion)(parsed, clamped)),
    hover: (document, position) => at(document, position, null, (parsed, clamped) => (isConfig(document) ? config.provideHover : hover.provideHover)(parsed, clamped)),
    documentSymbols: (document) => whole(document, [], (parsed) => symbols.provideDocumentSymbols(parsed)),
    foldingRanges: (document) => whole(document, [], (parsed) => folding.provideFoldingRanges(parsed)),
    definition: (document, position) => at(document, position, [], (parsed, clamped) => navigation.provideDefinition(parsed, clamped)),
    references: (document, position, includeDeclaration) => at(document, position, [], (parsed, clamped) => navigation.provideReferences(parsed, clamped, includeDeclaration)),
    prepareRename: (document, position) => at(document, position, null, (parsed, clamped) => navigation.prepareRename(parsed, clamped)),
    rename: (document, position, newName) => at(document, position, null, (parsed, clamped) => navigation.provideRename(parsed, clamped, newName)),
    renameProblem: (document, position, newName) => at(document, position, null, (parsed, clamped) => navigation.checkRename(parsed, clamped, newName)),
    codeActions: (document, range, diagnostics) => whole(document, [], (parsed) => codeActions.provideCodeActions(parsed, parsed.lines.clampRange(range), wellFormed(diagnostics))),
    documentLinks: (document) => (isConfig(document) ? [] : whole(document, [], (parsed) => links.provideDocumentLinks(parsed))),
    timelineModel: (document) => timeline.provideTimelineModel(tooLarge(document) ? emptyParse(document) : parse(document)),
    exportNotice: (document, format, audience) => notice.renderNotice(tooLarge(document) ? emptyParse(document) : parse(document), format, audience),
    newDocument: (locale, today) => template.provideTemplate(locale, today),
    setWorkspaceDocuments: (documents) => workspace.set(documents),
    exportReport: (document, profile, format) => reports.renderReport(tooLarge(document) ? emptyParse(document) : parse(document), profile, format),
    counterparts: (document) => workspace.counterparts(document).map((other) => other.uri),
  };
}

export type { ServiceSettings, TextDocumentLike } from './context';
export { DEFAULT_SERVICE_SETTINGS } from './context';
export { never, runToEnd, type Work } from './util/work';
export { isProjectConfigUri, PROJECT_CONFIG_NAMES, type ProjectConfig, type RuleLevel, type ScaleEntry } from './config/projectConfig';
export { parseProjectConfig, readProjectConfigText } from './config/parseConfig';
export type { TimelineModel } from './features/timeline';
export type { NoticeAudience, NoticeFormat } from './features/notice';
export { NOTICE_AUDIENCES } from './features/notice';
export { REPORT_PROFILES, type ReportProfile } from './features/notice/reports';
export type { InsertSnippetArgs, SnippetSupport } from './util/snippet';
export { createLocalizer, resolveLocale, type Locale, type Localizer } from './l10n';

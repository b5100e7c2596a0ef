import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type InitializeParams, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, normalizeSettings, SETTINGS_SECTION, type PostmortemSettings } from '../protocol/settings';
import { INSERT_SNIPPET_COMMAND, type SnippetSupport } from '../protocol/snippets';
import { createPostmortemService, type PostmortemService } from '../service';
import { DiagnosticsPublisher } from './diagnostics';
import { documentUri, registerFeatureHandlers } from './handlers';
import { QuietTurns } from './quiet';
import { ParseJobs } from './slices';
import { TimelineAnswers } from './timelineAnswers';
import { WorkspaceFiles } from './workspace';
import { ProjectConfigTracker } from './projectConfig';
import { withToday } from './today';

// createConnection picks the transport from argv: --stdio, --node-ipc or --socket=N.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let service: PostmortemService = createPostmortemService();
let settings: PostmortemSettings = { ...DEFAULT_SETTINGS };
let pullMode = false;
let configurationPull = false;
// A pull that arrives before the client's settings are read waits for them, so the first answer is right.
let settingsReady: Promise<void> = Promise.resolve();

const log = (message: string) => connection.console.error(message);
const currentService = withToday(() => service);
// Long parses and checks run in slices, one parse per document shared by every request (slices.ts).
const jobs = new ParseJobs(currentService, log, (uri) => documents.get(uri) !== undefined);
// Diagnostics and the preview's answers both wait for the first turn without a change (quiet.ts).
const quiet = new QuietTurns();
const timelineAnswers = new TimelineAnswers();
const publisher = new DiagnosticsPublisher(connection, documents, currentService, () => pullMode, log, jobs, quiet, (uri) => workspace.documentChecked(uri));
const projectConfig = new ProjectConfigTracker(connection, documents, currentService, () => publisher.refreshAll(), log);
// Other language versions of an edited incident are re-checked: pushed, or re-pulled once per turn.
let refreshQueued = false;
const recheck = (uris: string[]) => {
  if (!pullMode) return uris.forEach((uri) => publisher.schedule(uri));
  if (refreshQueued) return;
  refreshQueued = true;
  setImmediate(() => {
    refreshQueued = false;
    publisher.refreshAll();
  });
};
const workspace = new WorkspaceFiles(connection, documents, currentService, recheck, log, () => settings.maxDocumentBytes);
connection.onDidChangeWatchedFiles((params) => {
  projectConfig.onWatchedFiles(params.changes);
  workspace.onWatchedFiles(params.changes);
});

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const capabilities = params.capabilities;
  pullMode = Boolean(capabilities.textDocument?.diagnostic);
  configurationPull = Boolean(capabilities.workspace?.configuration);
  const initial = normalizeSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
  settings = initial;
  workspace.initialize(params);
  service = createPostmortemService({ locale: params.locale ?? 'en', settings: { disclosureDeadlineDays: initial.disclosureDeadlineDays, maxDocumentBytes: initial.maxDocumentBytes }, snippets: snippetSupport(params) });
  projectConfig.initialize(params);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { triggerCharacters: [' ', ':', '-', '[', ','], resolveProvider: false },
      hoverProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentLinkProvider: { resolveProvider: false },
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.sortTimeline'] },
      ...projectConfig.capabilities(),
      ...(pullMode ? { diagnosticProvider: { identifier: 'postmortem', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'postmortem-language-server', version: '0.1.0' },
  };
});

/** How this client takes quick fixes with places to fill in (protocol/snippets). */
function snippetSupport(params: InitializeParams): SnippetSupport {
  if ((params.initializationOptions as { insertSnippetCommand?: unknown } | undefined)?.insertSnippetCommand === true) return { command: INSERT_SNIPPET_COMMAND };
  // LSP 3.18; the 3.17 types do not name the flag yet.
  const workspaceEdit = params.capabilities.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined;
  return workspaceEdit?.snippetEditSupport === true ? 'lsp' : 'none';
}

connection.onInitialized(() => {
  projectConfig.watch();
  if (configurationPull) settingsReady = refreshSettings();
  void workspace.start().catch((error: unknown) => log(`reading the workspace failed: ${String(error)}`));
});

connection.onDidChangeConfiguration((change) => {
  if (configurationPull) void refreshSettings();
  else applySettings(normalizeSettings((change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION]));
});

async function refreshSettings(): Promise<void> {
  try {
    applySettings(normalizeSettings(await connection.workspace.getConfiguration(SETTINGS_SECTION)));
  } catch (error) {
    log(`could not read settings: ${String(error)}`);
  }
}

function applySettings(next: PostmortemSettings): void {
  const changed = next.disclosureDeadlineDays !== settings.disclosureDeadlineDays || next.maxDocumentBytes !== settings.maxDocumentBytes;
  settings = next;
  service.configure({ disclosureDeadlineDays: next.disclosureDeadlineDays, maxDocumentBytes: next.maxDocumentBytes });
  if (changed) publisher.refreshAll();
}

// Every document a client opens with us is checked, whatever languageId it says (editors say `yaml`).
documents.onDidOpen((event) => {
  quiet.changed();
  workspace.documentChanged(event.document.uri);
  publisher.schedule(event.document.uri);
});
documents.onDidChangeContent((event) => {
  quiet.changed();
  workspace.documentChanged(event.document.uri);
  publisher.schedule(event.document.uri);
});
documents.onDidClose((event) => {
  service.forget(event.document.uri);
  jobs.forget(event.document.uri);
  timelineAnswers.forget(event.document.uri);
  publisher.clear(event.document.uri);
  // Its file on disk (if any) stands for it again in the other versions' checks.
  workspace.documentChanged(event.document.uri);
});

connection.languages.diagnostics.on(async (params, token) => {
  await settingsReady;
  return publisher.pull(documentUri(params), token);
});
registerFeatureHandlers(connection, documents, currentService, log, jobs, { quiet, answers: timelineAnswers });

documents.listen(connection);
connection.listen();

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DidChangeWatchedFilesNotification, type Connection, type InitializeParams, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isProjectConfigUri, PROJECT_CONFIG_NAMES, readProjectConfigText, type PostmortemService } from '../service';

/**
 * Finds `postmortem.config.yaml` at each workspace root, gives what it declares to the service, and
 * keeps it current: from the editor's buffer while the file is open (so every keystroke counts),
 * from the disk otherwise, re-read when the client reports the file created, changed or deleted.
 * Whenever a root's configuration changes, every open postmortem is checked again.
 */
export class ProjectConfigTracker {
  private folders: string[] = [];
  private dynamicWatch = false;
  private folderEvents = false;
  /** What each root's configuration was last, to re-check only when it really changed. */
  private readonly applied = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: () => PostmortemService,
    private readonly recheck: () => void,
    private readonly log: (message: string) => void,
  ) {
    documents.onDidOpen((event) => this.onDocument(event.document.uri));
    documents.onDidChangeContent((event) => this.onDocument(event.document.uri));
    // Closed unsaved edits no longer count: the file on disk does again.
    documents.onDidClose((event) => this.onDocument(event.document.uri));
  }

  /** Watched-file events (main.ts dispatches them: the connection takes one handler). */
  onWatchedFiles(changes: readonly { uri: string }[]): void {
    for (const change of changes) this.onDocument(change.uri);
  }

  /** Called from `initialize`, once the service exists: reads every root's file before the first check. */
  initialize(params: InitializeParams): void {
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.folders = folders.map((folder) => folder.replace(/\/+$/, ''));
    this.dynamicWatch = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    this.folderEvents = Boolean(params.capabilities.workspace?.workspaceFolders);
    for (const folder of this.folders) this.apply(folder, false);
  }

  /** What `initialize` answers for this part: roots added or removed later are reported too. */
  capabilities() {
    return this.folderEvents ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {};
  }

  private setFolder(uri: string, present: boolean): void {
    const folder = uri.replace(/\/+$/, '');
    if (present && !this.folders.includes(folder)) {
      this.folders.push(folder);
      this.apply(folder, true);
    } else if (!present && this.folders.includes(folder)) {
      this.folders = this.folders.filter((known) => known !== folder);
      this.applied.delete(folder);
      this.service().configureProject(undefined, folder);
      this.recheck();
    }
  }

  /** Called from `initialized`: asks the client to report changes of the file on disk, and of the roots. */
  watch(): void {
    if (this.folderEvents) {
      this.connection.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const removed of event.removed) this.setFolder(removed.uri, false);
        for (const added of event.added) this.setFolder(added.uri, true);
      });
    }
    if (!this.dynamicWatch) return;
    // Any depth: a root added later is covered by the same registration; onDocument keeps roots only.
    const watchers = PROJECT_CONFIG_NAMES.map((name) => ({ globPattern: `**/${name}` }));
    this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch((error: unknown) => this.log(`could not watch ${PROJECT_CONFIG_NAMES[0]}: ${String(error)}`));
  }

  private onDocument(uri: string): void {
    if (!isProjectConfigUri(uri)) return;
    const folder = uri.slice(0, uri.lastIndexOf('/'));
    // Only a root's file is the project's; one deeper down (a sample, a fixture) is just a file.
    if (this.folders.includes(folder)) this.apply(folder, true);
  }

  private apply(folder: string, recheck: boolean): void {
    const text = this.read(folder);
    const config = text === undefined ? undefined : readProjectConfigText(text);
    const key = JSON.stringify(config ?? null);
    if (this.applied.get(folder) === key) return;
    this.applied.set(folder, key);
    this.service().configureProject(config, folder);
    if (recheck) this.recheck();
  }

  /** The open buffer's text if the file is open in the editor, else the file's, else undefined. */
  private read(folder: string): string | undefined {
    for (const name of PROJECT_CONFIG_NAMES) {
      const open = this.documents.get(`${folder}/${name}`);
      if (open) return open.getText();
    }
    if (!folder.startsWith('file:')) return undefined;
    for (const name of PROJECT_CONFIG_NAMES) {
      try {
        // Synchronous on purpose: a few hundred bytes, read before the check that depends on them.
        return readFileSync(fileURLToPath(`${folder}/${name}`), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log(`could not read ${folder}/${name}: ${String(error)}`);
      }
    }
    return undefined;
  }
}

import { watch, type FSWatcher } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, type Connection, type FileEvent, type InitializeParams, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PostmortemService, TextDocumentLike } from '../service';

const POSTMORTEM_FILE = /\.postmortem\.ya?ml$/;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'out', 'dist']);
/** A workspace with more postmortems than this is not read in full: parity is for versions of a notice, not an archive. */
const MAX_FILES = 2000;

/**
 * The workspace's postmortem files, read from disk and kept current by file watching, so the service
 * can compare each open document with its other language versions. Open documents take precedence
 * over their file on disk. The service stays pure: this module does the I/O and hands it the texts.
 */
export class WorkspaceFiles {
  private readonly onDisk = new Map<string, TextDocumentLike>();
  private folders: string[] = [];
  private watchers: FSWatcher[] = [];
  // Versions of disk texts count down from -1 so they never collide with an editor's versions of the same URI.
  private nextVersion = -1;
  private dynamicWatching = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: () => PostmortemService,
    private readonly recheck: (uris: string[]) => void,
    private readonly log: (message: string) => void,
  ) {}

  initialize(params: InitializeParams): void {
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.folders = folders.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
    this.dynamicWatching = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
  }

  /** Reads every postmortem under the workspace folders, then starts watching them. */
  async start(): Promise<void> {
    const files: string[] = [];
    for (const folder of this.folders) await this.collect(folder, files);
    await Promise.all(files.map((file) => this.readFromDisk(file)));
    this.sync();
    this.recheck(this.documents.all().map((document) => document.uri));
    if (this.dynamicWatching) {
      await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.postmortem.{yaml,yml}' }] });
    } else {
      for (const folder of this.folders) this.watchFolder(folder);
    }
  }

  /** Watched-file events (main.ts dispatches them: the connection takes one handler). */
  onWatchedFiles(changes: readonly FileEvent[]): void {
    void Promise.all(changes.map((change) => this.onFileEvent(change.uri, change.type === FileChangeType.Deleted)));
  }

  /** An open document changed (or opened, or closed): the service sees the new text; its other versions are re-checked. */
  documentChanged(uri: string): void {
    const before = this.counterpartsOf(uri);
    this.sync();
    const after = this.counterpartsOf(uri);
    const affected = [...new Set([...before, ...after])].filter((other) => this.documents.get(other));
    if (affected.length > 0) this.recheck(affected);
  }

  dispose(): void {
    for (const watcher of this.watchers) watcher.close();
  }

  private counterpartsOf(uri: string): string[] {
    const document = this.documents.get(uri) ?? this.onDisk.get(uri);
    return document ? this.service().counterparts(document) : [];
  }

  private sync(): void {
    const merged = new Map(this.onDisk);
    for (const document of this.documents.all()) merged.set(document.uri, document);
    this.service().setWorkspaceDocuments(merged.values());
  }

  private async onFileEvent(uri: string, deleted: boolean): Promise<void> {
    if (!uri.startsWith('file:') || !POSTMORTEM_FILE.test(uri)) return;
    const before = this.counterpartsOf(uri);
    if (deleted) this.onDisk.delete(uri);
    else await this.readFromDisk(fileURLToPath(uri));
    this.sync();
    const affected = [...new Set([...before, ...this.counterpartsOf(uri)])].filter((other) => this.documents.get(other));
    if (affected.length > 0) this.recheck(affected);
  }

  private async readFromDisk(file: string): Promise<void> {
    const uri = pathToFileURL(file).href;
    try {
      const text = await readFile(file, 'utf8');
      this.onDisk.set(uri, { uri, version: this.nextVersion--, getText: () => text });
    } catch {
      // Gone between listing and reading, or unreadable: it simply is not part of the workspace.
      this.onDisk.delete(uri);
    }
  }

  private async collect(directory: string, files: string[]): Promise<void> {
    let entries;
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (files.length >= MAX_FILES) return;
      if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED_DIRECTORIES.has(entry.name)) await this.collect(join(directory, entry.name), files);
      else if (entry.isFile() && POSTMORTEM_FILE.test(entry.name)) files.push(join(directory, entry.name));
    }
  }

  /** For clients that cannot watch files for us. */
  private watchFolder(folder: string): void {
    try {
      const watcher = watch(folder, { recursive: true }, (_event, name) => {
        if (typeof name !== 'string' || !POSTMORTEM_FILE.test(name)) return;
        const file = join(folder, name);
        void readFile(file, 'utf8').then(
          () => this.onFileEvent(pathToFileURL(file).href, false),
          () => this.onFileEvent(pathToFileURL(file).href, true),
        );
      });
      watcher.on('error', (error) => this.log(`watching ${folder} failed: ${String(error)}`));
      this.watchers.push(watcher);
    } catch (error) {
      this.log(`cannot watch ${folder}: ${String(error)}`);
    }
  }
}

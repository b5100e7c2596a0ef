import { watch, type FSWatcher } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, type Connection, type FileEvent, type InitializeParams, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PostmortemService, TextDocumentLike } from '../service';
import { hasPostmortemSuffix, POSTMORTEM_SUFFIXES } from '../contracts/ids';

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
  /** Open documents edited since they were last checked: their pairing may have changed. */
  private readonly changed = new Set<string>();
  /** The counterparts each open document had when it was last checked. */
  private readonly paired = new Map<string, string[]>();
  /** The open document objects the service holds (an edit updates its object in place). */
  private readonly handedOver = new WeakSet<TextDocument>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: () => PostmortemService,
    private readonly recheck: (uris: string[]) => void,
    private readonly log: (message: string) => void,
    /** Files above the size limit are never checked, so they are not read either (a 16 MB file would be kept in memory for nothing). */
    private readonly maxBytes: () => number,
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
    // Pairings found before the files were read are incomplete: every open document finds its own again when re-checked.
    for (const document of this.documents.all()) this.changed.add(document.uri);
    this.recheck(this.documents.all().map((document) => document.uri));
    if (this.dynamicWatching) {
      await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/*{${POSTMORTEM_SUFFIXES.join(',')}}` }] });
    } else {
      for (const folder of this.folders) this.watchFolder(folder);
    }
  }

  /** Watched-file events (main.ts dispatches them: the connection takes one handler). */
  onWatchedFiles(changes: readonly FileEvent[]): void {
    void Promise.all(changes.map((change) => this.onFileEvent(change.uri, change.type === FileChangeType.Deleted)));
  }

  /**
   * An open document changed (or opened, or closed): the service sees the new text at once, but its
   * other versions are found only after it has been checked (`documentChecked`). Finding them needs
   * the document's parse; asking for it here would parse on every keystroke inside the message
   * handler, defeating the burst coalescing and the sliced parse of the diagnostics.
   */
  documentChanged(uri: string): void {
    const document = this.documents.get(uri);
    // An edit updates the document object the service already holds: only an opened or closed one
    // changes the set (merging every workspace file on each keystroke was work for nothing).
    if (!document || !this.handedOver.has(document)) this.sync();
    if (document) {
      this.changed.add(uri);
      return;
    }
    // Closed: its file on disk (if any) stands for it again; whoever it was paired with is re-checked then.
    this.changed.delete(uri);
    const before = this.paired.get(uri) ?? [];
    this.paired.delete(uri);
    void this.reread(uri).then(() => {
      this.sync();
      this.recheckOpen(uri, before, this.counterpartsOf(uri));
    });
  }

  /** The diagnostics of `uri` were just computed (its parse is cached): re-check the versions it is, or was, paired with. */
  documentChecked(uri: string): void {
    if (!this.changed.delete(uri)) return;
    const before = this.paired.get(uri) ?? [];
    const after = this.counterpartsOf(uri);
    this.paired.set(uri, after);
    this.recheckOpen(uri, before, after);
  }

  dispose(): void {
    for (const watcher of this.watchers) watcher.close();
  }

  private counterpartsOf(uri: string): string[] {
    const document = this.documents.get(uri) ?? this.onDisk.get(uri);
    return document ? this.service().counterparts(document) : [];
  }

  private recheckOpen(uri: string, before: readonly string[], after: readonly string[]): void {
    const affected = [...new Set([...before, ...after])].filter((other) => other !== uri && this.documents.get(other));
    if (affected.length > 0) this.recheck(affected);
  }

  /** A closed document's file, read again: while it was open only the editor's text was kept. */
  private async reread(uri: string): Promise<void> {
    const file = this.workspaceFile(uri);
    if (file) await this.readFromDisk(file);
  }

  /**
   * The path of `uri` when it is a postmortem the workspace scan would read: under a workspace
   * folder, in no hidden or skipped directory (the rule of `collect`, for a single file).
   */
  private workspaceFile(uri: string): string | undefined {
    if (!uri.startsWith('file:') || !hasPostmortemSuffix(uri)) return undefined;
    const file = fileURLToPath(uri);
    const inside = this.folders.some((folder) => {
      const path = relative(folder, file);
      if (path === '' || path.startsWith('..') || isAbsolute(path)) return false;
      return path.split(sep).slice(0, -1).every((name) => !name.startsWith('.') && !SKIPPED_DIRECTORIES.has(name));
    });
    return inside ? file : undefined;
  }

  private sync(): void {
    // An open document stands for its file on disk, whose text is then not kept twice.
    for (const document of this.documents.all()) this.onDisk.delete(document.uri);
    const merged = new Map(this.onDisk);
    for (const document of this.documents.all()) {
      merged.set(document.uri, document);
      this.handedOver.add(document);
    }
    this.service().setWorkspaceDocuments(merged.values());
  }

  private async onFileEvent(uri: string, deleted: boolean): Promise<void> {
    const file = this.workspaceFile(uri);
    if (!file) return;
    const before = this.counterpartsOf(uri);
    if (deleted) this.onDisk.delete(uri);
    // An open document stands for its file: the file is read again when the document closes.
    else if (!this.documents.get(uri)) await this.readFromDisk(file);
    this.sync();
    this.recheckOpen(uri, before, this.counterpartsOf(uri));
  }

  private async readFromDisk(file: string): Promise<void> {
    const uri = pathToFileURL(file).href;
    try {
      if ((await stat(file)).size > this.maxBytes()) {
        this.onDisk.delete(uri);
        return;
      }
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
      else if (entry.isFile() && hasPostmortemSuffix(entry.name)) files.push(join(directory, entry.name));
    }
  }

  /** For clients that cannot watch files for us. */
  private watchFolder(folder: string): void {
    try {
      const watcher = watch(folder, { recursive: true }, (_event, name) => {
        if (typeof name !== 'string' || !hasPostmortemSuffix(name)) return;
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

import { DocumentDiagnosticReportKind, ResponseError, type CancellationToken, type Connection, type FullDocumentDiagnosticReport, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PostmortemService } from '../service';
import type { QuietTurns } from './quiet';
import { requestCancelled, slicer, superseded, type ParseJobs } from './slices';

/**
 * Publishes diagnostics to clients that cannot pull, and answers pulls for those that can; both read
 * the same cached result. There is no fixed debounce: the check runs after the quiet turn (quiet.ts,
 * shared with the preview's answers), so a burst of keystrokes is checked once, at its end. A
 * result is dropped if the document moved on while it was computed: no older version is published.
 */
export class DiagnosticsPublisher {
  private readonly pending = new Set<string>();
  private flushQueued = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: () => PostmortemService,
    private readonly pullMode: () => boolean,
    private readonly log: (message: string) => void,
    private readonly jobs: ParseJobs,
    private readonly quiet: QuietTurns,
    /** Told after each document's findings are computed, so work that needs its parse can follow (parity). */
    private readonly checked: (uri: string) => void = () => undefined,
  ) {}

  /** Called on open and change (after `quiet.changed()`); a no-op for pull clients, who ask when they want. */
  schedule(uri: string): void {
    if (this.pullMode()) return;
    this.pending.add(uri);
    if (this.flushQueued) return;
    this.flushQueued = true;
    this.quiet.whenQuiet(() => this.flush());
  }

  /** After a settings change: everything open is re-checked (push) or re-pulled (pull). */
  refreshAll(): void {
    if (this.pullMode()) {
      void this.connection.languages.diagnostics.refresh();
      return;
    }
    for (const document of this.documents.all()) this.schedule(document.uri);
  }

  clear(uri: string): void {
    this.pending.delete(uri);
    if (!this.pullMode()) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /**
   * A pull: the findings of the version current when it came. When the document changes meanwhile
   * the answer is ServerCancelled (the client pulls again for the new version); when the client
   * cancels, RequestCancelled. Either way the work stops at its next slice.
   */
  async pull(uri: string, token?: CancellationToken): Promise<FullDocumentDiagnosticReport> {
    const document = this.documents.get(uri);
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const version = document.version;
    if (!(await this.jobs.parsed(document, token))) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    if (document.version !== version) throw superseded();
    const stop = () => (token?.isCancellationRequested ? requestCancelled() : this.documents.get(uri)?.version !== version ? superseded() : undefined);
    const items = await this.compute(document, stop);
    if (!items) throw superseded();
    this.checked(uri);
    return { kind: DocumentDiagnosticReportKind.Full, items };
  }

  private flush(): void {
    this.flushQueued = false;
    const uris = [...this.pending];
    this.pending.clear();
    for (const uri of uris) void this.publish(uri);
  }

  private async publish(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const version = document.version;
    // A newer change arrived while this one was checked: its own flush will publish.
    const stale = () => this.documents.get(uri)?.version !== version;
    try {
      if (!(await this.jobs.parsed(document)) || stale()) return;
      const diagnostics = await this.compute(document, () => (stale() ? superseded() : undefined));
      if (!diagnostics || stale()) return;
      void this.connection.sendDiagnostics({ uri, version, diagnostics });
      this.checked(uri);
    } catch (error) {
      // Superseded: the newer version publishes. Anything else is a bug, logged: this runs detached
      // (`void`), and a rejection nobody handles would end the server process.
      if (!(error instanceof ResponseError)) this.log(`publishing diagnostics for ${uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }

  /** The findings, computed in slices; undefined when the parse was taken over by a newer version. */
  private async compute(document: TextDocument, stop: () => ResponseError<unknown> | undefined) {
    const { shouldYield, run } = slicer();
    try {
      return await run(this.service().validateSteps(document, shouldYield), stop);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      // A bug in one rule must not take the server down or leave stale squiggles.
      this.log(`validation failed for ${document.uri}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return [];
    }
  }
}

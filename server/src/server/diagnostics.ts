import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import { DocumentDiagnosticReportKind } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PostmortemService } from '../service';

/**
 * Publishes diagnostics to clients that cannot pull, and answers pulls for those that can; both read
 * the same cached result. There is no fixed debounce: the check runs after the first turn of the
 * event loop in which no change arrived. The JSON-RPC reader hands over one message per turn, so a
 * burst of keystrokes is checked once, at its end, while an idle server waits a single turn. A
 * result is dropped if the document moved on while it was computed: no older version is published.
 */
export class DiagnosticsPublisher {
  private readonly pending = new Set<string>();
  private scheduled: NodeJS.Immediate | undefined;
  private changedSinceTurn = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: () => PostmortemService,
    private readonly pullMode: () => boolean,
    private readonly log: (message: string) => void,
  ) {}

  /** Called on open and change; a no-op for pull clients, who ask when they want. */
  schedule(uri: string): void {
    if (this.pullMode()) return;
    this.pending.add(uri);
    this.changedSinceTurn = true;
    this.scheduled ??= setImmediate(() => this.afterTurn());
  }

  private afterTurn(): void {
    if (this.changedSinceTurn) {
      this.changedSinceTurn = false;
      this.scheduled = setImmediate(() => this.afterTurn());
      return;
    }
    this.flush();
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

  pull(uri: string) {
    const document = this.documents.get(uri);
    const items = document ? this.compute(document) : [];
    return { kind: DocumentDiagnosticReportKind.Full, items } as const;
  }

  private flush(): void {
    this.scheduled = undefined;
    const uris = [...this.pending];
    this.pending.clear();
    for (const uri of uris) {
      const document = this.documents.get(uri);
      if (!document) continue;
      const version = document.version;
      const diagnostics = this.compute(document);
      // A newer change arrived while this one was checked: its own flush will publish.
      if (this.documents.get(uri)?.version !== version) continue;
      void this.connection.sendDiagnostics({ uri, version, diagnostics });
    }
  }

  private compute(document: TextDocument) {
    try {
      return this.service().validate(document);
    } catch (error) {
      // A bug in one rule must not take the server down or leave stale squiggles.
      this.log(`validation failed for ${document.uri}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return [];
    }
  }
}

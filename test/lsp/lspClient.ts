import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const serverPath = join(__dirname, '..', '..', 'server', 'out', 'server.js');

export interface ClientOptions {
  /** Announce pull-diagnostics support (LSP 3.17) so the server stops pushing. */
  pull?: boolean;
  /** Answer `workspace/configuration` with these settings; without it the client lacks that capability. */
  configuration?: Record<string, unknown>;
  locale?: string;
  /** Node flags for the server process (e.g. `-r` a preload). */
  execArgv?: string[];
  /** Another server to drive (e.g. yaml-language-server): node arguments instead of this server's. */
  serverArgs?: string[];
  /** Answers `workspace/configuration` per section; takes precedence over `configuration`. */
  settings?: (section: string | undefined) => unknown;
  /** The workspace root the server is told about (where it looks for postmortem.config.yaml). */
  rootUri?: string;
  /** Announce `workspace/didChangeWatchedFiles` dynamic registration, as VS Code does. */
  watchFiles?: boolean;
  /** Workspace folders (multi-root), announced with the `workspaceFolders` capability. */
  workspaceFolders?: string[];
  /** Sent as `initializationOptions` (our VS Code client sends its settings and `insertSnippetCommand`). */
  initializationOptions?: Record<string, unknown>;
  /** Announce LSP 3.18's `workspace.workspaceEdit.snippetEditSupport`. */
  snippetEdits?: boolean;
}

/**
 * A tiny LSP client over the built server's stdio, as any editor would drive it. Waits are on the
 * server's own notifications, with a timeout so a broken server fails the test instead of hanging.
 */
export class TestClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: { uri: string; predicate: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void }[] = [];
  stderr = '';
  capabilities: Record<string, unknown> = {};
  /** What the server registered dynamically (`client/registerCapability`), e.g. file watchers. */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];

  constructor(private readonly options: ClientOptions = {}) {
    this.process = spawn(process.execPath, options.serverArgs ?? [...(options.execArgv ?? []), serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const list = this.published.get(params.uri) ?? [];
      list.push(params);
      this.published.set(params.uri, list);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.predicate(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((item) => (this.options.settings ? this.options.settings(item.section) : (this.options.configuration ?? null))));
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.connection.listen();
  }

  async initialize(): Promise<void> {
    const result = await this.connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: this.options.rootUri ?? null,
      ...(this.options.workspaceFolders ? { workspaceFolders: this.options.workspaceFolders.map((uri, index) => ({ uri, name: `root${index}` })) } : {}),
      locale: this.options.locale ?? 'en',
      capabilities: {
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { versionSupport: true },
          ...(this.options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
        },
        workspace: {
          configuration: this.options.configuration !== undefined || this.options.settings !== undefined,
          ...(this.options.watchFiles ? { didChangeWatchedFiles: { dynamicRegistration: true } } : {}),
          ...(this.options.workspaceFolders ? { workspaceFolders: true } : {}),
          ...(this.options.snippetEdits ? { workspaceEdit: { documentChanges: true, snippetEditSupport: true } } : {}),
        },
      },
      ...(this.options.initializationOptions ? { initializationOptions: this.options.initializationOptions } : {}),
    });
    this.capabilities = result.capabilities;
    await this.connection.sendNotification('initialized', {});
  }

  // open/change/close do not wait for the write: the connection writes and the server handles
  // messages in order, so the next request sees them, and a write that failed fails that request.
  open(uri: string, text: string, languageId = 'postmortem', version = 1): void {
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: unknown[]): void {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The first publication for `uri` (already received or future) that satisfies the predicate. */
  waitForDiagnostics(uri: string, predicate: (params: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const earlier = this.published.get(uri)?.find(predicate);
    if (earlier) return Promise.resolve(earlier);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ uri, predicate, resolve: (params) => (clearTimeout(timer), resolve(params)) });
    });
  }

  publications(uri: string): PublishDiagnosticsParams[] {
    return this.published.get(uri) ?? [];
  }

  pull(uri: string): Promise<{ kind: string; items: Diagnostic[] }> {
    return this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  async shutdown(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // The process may already be gone; killing below is enough.
    }
    this.connection.dispose();
    this.process.kill();
  }
}

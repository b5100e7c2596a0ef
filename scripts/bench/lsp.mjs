// A minimal LSP client over a child's stdio, enough to time a server the way an editor drives it.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

const CLOCK_TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux; /proc/<pid>/stat counts in these.
const WAIT_LIMIT_MS = 120_000;

/**
 * The Node flags the VS Code client starts our server with (package.json `postmortemServer`):
 * every measurement starts it the same way.
 * @param {string} root the repository's folder
 * @returns {string[]}
 */
export function clientServerFlags(root) {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).postmortemServer?.execArgv ?? [];
}

/**
 * Memory figures of a process from /proc/<pid>/status, in MB: `VmRSS` (resident), `VmHWM` (its
 * high-water mark), `RssAnon` (heap and malloc) and `RssFile` (mapped files: Node's own binary).
 * @param {number | undefined} pid
 */
export function processMemoryMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mb = (/** @type {string} */ field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024;
  return { VmRSS: mb('VmRSS'), VmHWM: mb('VmHWM'), RssAnon: mb('RssAnon'), RssFile: mb('RssFile') };
}

export class LspSession {
  // Set by start().
  /** @type {import('node:child_process').ChildProcessWithoutNullStreams} */
  child;
  /** @type {import('vscode-jsonrpc').MessageConnection} */
  connection;
  /** @type {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} */
  exited;

  /**
   * @param {{ name: string, command: string, args: string[], languageId: string, settings: Record<string, unknown> }} options
   *   settings: answers to workspace/configuration, by section (`yaml`, `[yaml]`, `postmortem`…).
   */
  constructor(options) {
    this.options = options;
    this.publishes = [];
    this.waiters = [];
    this.stderr = '';
  }

  async start(rootUri) {
    const { command, args } = this.options;
    this.child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.on('data', (chunk) => {
      // Only the tail matters when a server dies; keep memory flat on chatty servers.
      this.stderr = (this.stderr + chunk.toString()).slice(-8000);
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
    // `exited` never rejects; this only fails the waiters when the server dies unasked.
    void this.exited.then(({ code, signal }) => {
      if (this.closing) return;
      const error = new Error(`${this.options.name} exited (code ${code}, signal ${signal}): ${this.stderr.slice(-2000)}`);
      for (const waiter of this.waiters.splice(0)) waiter.reject(error);
    });
    const connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection = connection;
    connection.onRequest('workspace/configuration', (params) => params.items.map((item) => this.configuration(item.section)));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('window/showMessageRequest', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.onRequest('workspace/semanticTokens/refresh', () => null);
    connection.onNotification('textDocument/publishDiagnostics', (params) => this.onPublish(params));
    connection.onNotification(() => undefined);
    connection.listen();

    const initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          // No `diagnostic` capability: both servers must push, as they do for editors without pull.
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
      initializationOptions: {},
    });
    this.capabilities = initializeResult?.capabilities ?? {};
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('workspace/didChangeConfiguration', { settings: this.options.settings });
    return initializeResult;
  }

  configuration(section) {
    if (!section) return this.options.settings;
    if (section in this.options.settings) return this.options.settings[section];
    // Dotted sections (`yaml.schemas`) are read from the nested settings.
    /** @type {unknown} */
    let value = this.options.settings;
    for (const part of section.split('.')) value = value && typeof value === 'object' ? value[part] : undefined;
    return value ?? null;
  }

  onPublish(params) {
    const publish = { ...params, at: performance.now(), seq: this.publishes.length };
    this.publishes.push(publish);
    for (const waiter of [...this.waiters]) {
      if (waiter.matches(publish)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(publish);
      }
    }
  }

  /** Sequence number to pass to `diagnosticsFor`: publishes after this point count. */
  mark() {
    return this.publishes.length;
  }

  /**
   * The diagnostics that answer a change: the publish for exactly `version` when the server sends
   * versions (older ones are stale work, not an answer), else the first publish after `afterSeq`.
   */
  diagnosticsFor(uri, version, afterSeq) {
    const matches = (publish) => publish.uri === uri && publish.seq >= afterSeq && (publish.version === undefined || publish.version === null ? true : publish.version === version);
    const already = this.publishes.find(matches);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`${this.options.name}: no diagnostics for ${uri} v${version} within ${WAIT_LIMIT_MS} ms`));
      }, WAIT_LIMIT_MS);
      const waiter = {
        matches,
        resolve: (publish) => {
          clearTimeout(timer);
          resolve(publish);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.push(waiter);
    });
  }

  open(uri, version, text) {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: this.options.languageId, version, text } });
  }

  change(uri, version, contentChanges) {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  request(method, params) {
    return this.connection.sendRequest(method, params);
  }

  /** CPU time (user + system) of the server process so far, in milliseconds. */
  cpuMs() {
    const stat = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
    // The command name may contain spaces; fields are counted after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
  }

  /** Resident memory of the server process, in MB. */
  rssMb() {
    return processMemoryMb(this.child.pid).VmRSS;
  }

  async stop() {
    this.closing = true;
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), delay(3000)]);
      await this.connection.sendNotification('exit');
    } catch {
      // A server that is already gone needs no goodbye.
    }
    const exited = await Promise.race([this.exited.then(() => true), delay(3000).then(() => false)]);
    if (!exited) this.child.kill('SIGKILL');
    this.connection.dispose();
  }
}

export function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

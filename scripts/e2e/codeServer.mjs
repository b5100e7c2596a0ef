// Start and stop a real VS Code (code-server) on 127.0.0.1, in its own process group.
// Used by the e2e runner (run.mjs) and by `npm start` (start.mjs).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { codeServerDir } from './paths.mjs';

/** Asks the OS for a free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts code-server. Returns { url, port, pid, tmpDir, userDataDir, extensionsDir, stop(), exited }.
 * @param {object} [opts]
 * @param {number} [opts.port]            port to bind (default: a free one)
 * @param {string} [opts.extensionsDir]   default: a fresh temp folder
 * @param {string} [opts.userDataDir]     default: a fresh temp folder
 * @param {(line: string) => void} [opts.onLog]  receives code-server's stdout/stderr lines
 * @param {number} [opts.healthTimeoutMs] default 60 s
 * @param {string[]} [opts.extraArgs]
 * @param {boolean} [opts.workspaceTrust] keep workspace trust (and restricted mode) on
 * @param {Record<string, string>} [opts.env]  extra environment (reaches the extension host)
 */
export async function startCodeServer(opts = {}) {
  const port = opts.port ?? (await freePort());
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-code-server-'));
  const home = path.join(tmpDir, 'home');
  const userDataDir = opts.userDataDir ?? path.join(tmpDir, 'user-data');
  const extensionsDir = opts.extensionsDir ?? path.join(tmpDir, 'extensions');
  for (const d of [home, userDataDir, extensionsDir]) fs.mkdirSync(d, { recursive: true });
  // Quiet, deterministic workbench: no welcome page, no trust prompt, no telemetry.
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile)) {
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      'update.mode': 'none',
      'git.enabled': false,
      'workbench.enableExperiments': false,
      'chat.disableAIFeatures': true,
    }, null, 2));
  }

  const entry = path.join(codeServerDir, 'out', 'node', 'entry.js');
  const args = [
    entry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    // Workspace trust is off unless a run checks restricted mode itself.
    ...(opts.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...(opts.extraArgs ?? []),
  ];
  /** @type {NodeJS.ProcessEnv} */
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    EXTENSIONS_GALLERY: '{}',
    ...opts.env,
  };
  delete env.VSCODE_IPC_HOOK_CLI;
  delete env.ELECTRON_RUN_AS_NODE;

  const child = spawn(process.execPath, args, {
    env,
    cwd: tmpDir,
    detached: true, // own process group: stop() kills it and everything it spawned
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const onLog = opts.onLog ?? (() => {});
  const recent = [];
  const pipeLines = (stream) => {
    let buf = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      buf += chunk;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        recent.push(line);
        if (recent.length > 50) recent.shift();
        onLog(line);
      }
    });
  };
  pipeLines(child.stdout);
  pipeLines(child.stderr);

  let exitInfo = null;
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => { exitInfo = { code, signal }; resolve(exitInfo); });
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    killGroup(child.pid, 'SIGTERM');
    const graceful = await Promise.race([exited.then(() => true), sleep(3000).then(() => false)]);
    // The extension host (and the language server it spawned) can outlive the server:
    // always finish the whole group off.
    killGroup(child.pid, 'SIGKILL');
    if (!graceful) await Promise.race([exited, sleep(2000)]);
    try { fs.rmSync(tmpDir, { recursive: true, force: true, maxRetries: 3 }); } catch { /* best effort */ }
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.healthTimeoutMs ?? 60_000);
  for (;;) {
    if (exitInfo) {
      await stop();
      throw new Error(`code-server exited before it was healthy (${JSON.stringify(exitInfo)}):\n${recent.join('\n')}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer ${url}/healthz within ${opts.healthTimeoutMs ?? 60_000} ms:\n${recent.join('\n')}`);
    }
    await sleep(100);
  }

  return { url, port, pid: child.pid, tmpDir, home, userDataDir, extensionsDir, stop, exited };
}

/** Sends a signal to a whole process group; ignores "no such process". */
export function killGroup(pid, signal) {
  if (!pid) return;
  try { process.kill(-pid, signal); } catch (e) { if (e.code !== 'ESRCH') throw e; }
}

/**
 * Builds the workbench URL: open `folder`, and optionally load an extension under
 * development and run extension tests, through the `payload` query parameter
 * (code-server rejects --extensionTestsPath on its command line).
 * @param {{url: string, port: number}} server
 * @param {{folder: string, extensionDevelopmentPath?: string, extensionTestsPath?: string}} o
 */
export function workbenchUrl(server, o) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [];
  if (o.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(o.extensionDevelopmentPath)]);
  if (o.extensionTestsPath) payload.push(['extensionTestsPath', remote(o.extensionTestsPath)]);
  let q = `?folder=${encodeURIComponent(o.folder).replace(/%2F/g, '/')}`;
  if (payload.length) q += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return `${server.url}/${q}`;
}

// The Mocha entry the VS Code extension host calls (`extensionTestsPath` → test/e2e/out/index.js).
// Same entry for code-server's remote extension host (scripts/e2e/run.mjs) and for
// @vscode/test-electron (scripts/e2e/electron.mjs). Runs every compiled `*.test.js` beside it,
// writes a results JSON, and rejects when any test fails.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';

export interface E2EFailure {
  title: string;
  fullTitle: string;
  file?: string;
  message: string;
  stack?: string;
}

export interface E2EResults {
  passed: number;
  failed: number;
  pending: number;
  total: number;
  durationMs: number;
  startedAt: string;
  host: string;
  tests: { fullTitle: string; state: 'passed' | 'failed' | 'pending'; durationMs?: number | undefined }[];
  failures: E2EFailure[];
  error?: string;
}

/** Where this file was bundled to (test/e2e/out/, or the runner's own folder for this run). */
const outDir = __dirname;
/** The nearest folder above outDir with a package.json: the repository. */
const repoRoot = ((): string => {
  for (let dir = path.dirname(outDir); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(outDir, '..', '..', '..');
  }
})();

/**
 * Where the results go: POSTMORTEM_E2E_RESULTS (both runners set it; code-server passes its
 * environment on to the extension host), else test-results/e2e-results.json in the repo.
 */
export function resultsPath(): string {
  return process.env.POSTMORTEM_E2E_RESULTS || path.join(repoRoot, 'test-results', 'e2e-results.json');
}

function findTestFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.test.js')) found.push(p);
    }
  };
  walk(dir);
  return found.sort();
}

function writeResults(results: E2EResults): void {
  const file = resultsPath();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
}

function hostName(): string {
  // vscode.env.remoteName is 'ssh-remote'/'wsl'/… ; code-server's extension host is a plain Node
  // process, test-electron's runs under Electron.
  return process.versions.electron ? `electron ${process.versions.electron}` : `node ${process.version}`;
}

export function run(): Promise<void> {
  // Stack traces of the bundled tests point at test/e2e/suite/*.ts (inline source maps).
  process.setSourceMapsEnabled?.(true);
  const startedAt = new Date();
  const results: E2EResults = {
    passed: 0, failed: 0, pending: 0, total: 0, durationMs: 0,
    startedAt: startedAt.toISOString(), host: hostName(), tests: [], failures: [],
  };
  // Remove a stale file first, so a crash cannot be mistaken for an old green run.
  try { fs.rmSync(resultsPath(), { force: true }); } catch { /* ignore */ }

  // Reporters print printf-style (`'%s) %s'`, args); the extension host forwards console calls to
  // the window as joined strings, which would leave the `%s` in: format before printing.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(util.format(...args));

  const timeout = Number(process.env.POSTMORTEM_E2E_TIMEOUT_MS) || 30_000;
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout,
    reporter: 'spec',
    ...(process.env.POSTMORTEM_E2E_GREP ? { grep: process.env.POSTMORTEM_E2E_GREP } : {}),
  });

  return new Promise<void>((resolve, reject) => {
    const finish = (err?: unknown): void => {
      results.durationMs = Date.now() - startedAt.getTime();
      results.total = results.passed + results.failed + results.pending;
      if (err) results.error = err instanceof Error ? (err.stack ?? err.message) : String(err);
      try { writeResults(results); } catch (e) { console.error(`[e2e] could not write ${resultsPath()}: ${String(e)}`); }
      console.log(`[e2e] results: ${results.passed} passed, ${results.failed} failed, ${results.pending} pending → ${resultsPath()}`);
      if (err) reject(err instanceof Error ? err : new Error(String(err)));
      else if (results.failed > 0) reject(new Error(`${results.failed} end-to-end test(s) failed`));
      else if (results.passed === 0) reject(new Error('no end-to-end tests ran'));
      else resolve();
    };

    try {
      const files = findTestFiles(outDir);
      if (files.length === 0) throw new Error(`no *.test.js files under ${outDir}`);
      for (const f of files) mocha.addFile(f);
      console.log(`[e2e] running ${files.length} file(s) in ${results.host}: ${files.map((f) => path.relative(outDir, f)).join(', ')}`);

      const runner = mocha.run(() => finish());
      runner.on('pass', (test) => {
        results.passed++;
        results.tests.push({ fullTitle: test.fullTitle(), state: 'passed', durationMs: test.duration });
      });
      runner.on('pending', (test) => {
        results.pending++;
        results.tests.push({ fullTitle: test.fullTitle(), state: 'pending' });
      });
      runner.on('fail', (test, err: Error) => {
        // 'fail' also fires for hooks; count each runnable once.
        results.failed++;
        results.tests.push({ fullTitle: test.fullTitle(), state: 'failed', durationMs: test.duration });
        results.failures.push({
          title: test.title,
          fullTitle: test.fullTitle(),
          ...(test.file ? { file: path.relative(repoRoot, test.file) } : {}),
          message: err?.message ?? String(err),
          ...(err?.stack ? { stack: err.stack } : {}),
        });
      });
    } catch (err) {
      finish(err);
    }
  });
}

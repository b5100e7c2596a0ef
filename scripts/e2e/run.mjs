#!/usr/bin/env node
// `npm run test:e2e`: the extension inside a real VS Code (code-server) driven by headless
// Chromium (playwright-core).
//
//  1. setup (cached code-server), compile test/e2e/suite into this run's own folder
//     (test-results/e2e-runs/<pid>/out, removed at the end), build the extension if stale;
//  2. code-server on 127.0.0.1:<free port>, workspace = temp copy of samples/;
//  3. the extension-host suite: workbench URL with payload extensionDevelopmentPath +
//     extensionTestsPath; the page reports codeAutomationExit(code), and the entry writes the
//     run's results file (copied to test-results/e2e-results.json) — both are checked;
//  4. Playwright-level checks of what a person sees (squiggles, a hover on a time, the Problems
//     panel), screenshots in test-results/screenshots/;
//  5. always kills code-server's process group and the browser.
//
// Options: --extension-path DIR (default: the repo), --samples DIR (default: samples/),
//   --grep PATTERN (mocha grep), --timeout SECONDS (whole run, default 300), --no-build, --no-ui,
//   --no-package (skip the installed-.vsix phase, packaged.mjs), --verbose (print the browser console too).
//
// This file holds the order of the phases; session.mjs what they share (clock, deadline, checks,
// screenshots), suitePhase.mjs, uiPhase.mjs and packaged.mjs the phases, report.mjs the totals,
// runDirs.mjs this run's own folders, chromium.mjs the browser.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from './chromium.mjs';
import { startCodeServer } from './codeServer.mjs';
import { compileE2E } from './compile.mjs';
import { copySamples, ensureBuilt } from './ensureBuilt.mjs';
import { repoRoot, resultsDir, samplesDir, screenshotsDir } from './paths.mjs';
import { runPackagedChecks } from './packaged.mjs';
import { report } from './report.mjs';
import { LOGS_DIR, RUN_DIR, RUN_OUT, RUN_RESULTS, removeStaleRunDirs } from './runDirs.mjs';
import { createSession } from './session.mjs';
import { setup } from './setup.mjs';
import { runExtensionHostSuite } from './suitePhase.mjs';
import { runUiChecks } from './uiPhase.mjs';

const { values: argv } = parseArgs({
  options: {
    'extension-path': { type: 'string' },
    samples: { type: 'string' },
    grep: { type: 'string' },
    timeout: { type: 'string', default: '300' },
    'no-build': { type: 'boolean', default: false },
    'no-ui': { type: 'boolean', default: false },
    'no-package': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});

const extensionPath = path.resolve(argv['extension-path'] ?? repoRoot);
const samplesFrom = path.resolve(argv.samples ?? samplesDir);
const session = createSession({ overallMs: Number(argv.timeout) * 1000, verbose: argv.verbose });
const { say, check, screenshot, attachPageLogging } = session;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  let server;
  let browser;
  let workspace;
  let uiWorkspace;
  let fatal = null;
  let suite = null;
  let interrupted = false;

  const onSignal = (sig) => {
    interrupted = true;
    say(`${sig}: stopping`);
    // allSettled never rejects; the process exits once both are down, whatever happened to them.
    void Promise.allSettled([browser?.close(), server?.stop()]).finally(() => { workspace?.cleanup(); process.exit(130); });
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    fs.mkdirSync(resultsDir, { recursive: true });
    fs.rmSync(screenshotsDir, { recursive: true, force: true });
    fs.rmSync(LOGS_DIR, { recursive: true, force: true });
    session.browserLog = fs.createWriteStream(path.join(resultsDir, 'e2e-browser.log'));
    const serverLog = fs.createWriteStream(path.join(resultsDir, 'e2e-code-server.log'));

    await session.beforeDeadline(setup(), 'setup');
    removeStaleRunDirs();
    await compileE2E({ outDir: RUN_OUT });
    if (!fs.existsSync(path.join(extensionPath, 'package.json'))) throw new Error(`no package.json in extension path ${extensionPath}`);
    if (extensionPath === repoRoot && !argv['no-build']) ensureBuilt({ prefix: 'e2e' });

    workspace = copySamples(samplesFrom);
    say(`workspace: ${workspace.dir} (copy of ${samplesFrom})`);

    const env = { POSTMORTEM_E2E_RESULTS: RUN_RESULTS };
    if (argv.grep) env.POSTMORTEM_E2E_GREP = argv.grep;
    server = await session.beforeDeadline(startCodeServer({
      env,
      onLog: (line) => {
        serverLog.write(line + '\n');
        // Once we are tearing down, code-server may print a long minified stack trace
        // ("Canceled") for half-open connections: keep that in the log file only.
        if (!session.stopping && line.trim() && (argv.verbose || !/^\s+at |File not found: .*vsda|ManagementConnection|ExtensionHostConnection\] New connection|default profile extensions|ComputeTargetPlatform/.test(line))) console.log(`[code-server] ${line.length > 300 ? line.slice(0, 300) + '…' : line}`);
      },
    }), 'starting code-server');
    say(`code-server up at ${server.url} (pid/group ${server.pid})`);

    browser = await launchChromium();
    say(`chromium ${browser.version()} launched`);

    const suiteStart = Date.now();
    suite = await runExtensionHostSuite(session, { browser, server, workspace: workspace.dir, extensionPath });
    say(`extension-host suite finished in ${((Date.now() - suiteStart) / 1000).toFixed(1)} s`);

    if (!argv['no-ui']) {
      const uiStart = Date.now();
      // A fresh copy: the suite may have edited and saved files in its workspace.
      uiWorkspace = copySamples(samplesFrom);
      await runUiChecks(session, { browser, server, workspace: uiWorkspace.dir, extensionPath });
      say(`UI checks finished in ${((Date.now() - uiStart) / 1000).toFixed(1)} s`);
    }
    if (!argv['no-package'] && extensionPath === repoRoot) {
      const packagedStart = Date.now();
      await runPackagedChecks({ browser, check, screenshot, say, attachPageLogging });
      say(`packaged-extension checks finished in ${((Date.now() - packagedStart) / 1000).toFixed(1)} s`);
    }
  } catch (e) {
    fatal = e;
  } finally {
    session.stopping = true;
    await Promise.race([browser?.close(), sleep(10_000)]).catch(() => {});
    await server?.stop().catch(() => {});
    workspace?.cleanup();
    uiWorkspace?.cleanup();
    session.browserLog?.end();
    fs.rmSync(RUN_DIR, { recursive: true, force: true });
  }
  if (interrupted) return 130;

  return report(session, { suite, fatal });
}

main().then((code) => process.exit(code), (e) => {
  console.error(e);
  console.log('E2E: 0 passed, 1 failed');
  process.exit(1);
});

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
/* global document, NodeFilter -- in page.evaluate() callbacks, which run in the browser */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startCodeServer, workbenchUrl } from './codeServer.mjs';
import { compileE2E } from './compile.mjs';
import { copySamples, ensureBuilt } from './ensureBuilt.mjs';
import { escapeRegExp, findBrokenSample, firstTimeOf } from './sampleText.mjs';
import { CHROMIUM, repoRoot, resultsDir, samplesDir, screenshotsDir } from './paths.mjs';
import { runPackagedChecks } from './packaged.mjs';
import { setup, SetupError } from './setup.mjs';

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
const overallMs = Number(argv.timeout) * 1000;
const RESULTS_JSON = path.join(resultsDir, 'e2e-results.json');
// This run's own compiled suite and results file: other runs in the same tree (several people,
// or CI and a person) must not delete or overwrite them mid-run. The results are copied to
// test-results/e2e-results.json at the end.
const RUNS_DIR = path.join(resultsDir, 'e2e-runs');
const RUN_DIR = path.join(RUNS_DIR, String(process.pid));
const RUN_OUT = path.join(RUN_DIR, 'out');
const RUN_RESULTS = path.join(RUN_DIR, 'e2e-results.json');
const LOGS_DIR = path.join(resultsDir, 'e2e-logs');

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const say = (...a) => console.log(`[e2e ${elapsed()}]`, ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

class TimeoutError extends Error {}

/** Rejects when the whole run's deadline passes. */
const deadline = t0 + overallMs;
function beforeDeadline(promise, phase) {
  let timer;
  const left = Math.max(0, deadline - Date.now());
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new TimeoutError(`overall timeout of ${overallMs / 1000}s reached during: ${phase}`)), left);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Checks the UI tests record (counted into the totals). */
const uiChecks = [];
let browserLog;
let stopping = false;

async function screenshot(page, name) {
  fs.mkdirSync(screenshotsDir, { recursive: true });
  const file = path.join(screenshotsDir, `${name}.png`);
  try {
    await page.screenshot({ path: file, timeout: 10_000 });
    say(`screenshot ${path.relative(repoRoot, file)}`);
  } catch (e) {
    say(`(screenshot ${name} failed: ${e.message.split('\n')[0]})`);
  }
  return file;
}

function attachPageLogging(page, label) {
  page.on('console', (m) => {
    const line = `[${label} console.${m.type()}] ${m.text()}`;
    browserLog.write(line + '\n');
    if (argv.verbose) console.log(line);
  });
  page.on('pageerror', (err) => {
    browserLog.write(`[${label} pageerror] ${err.stack || err.message}\n`);
    if (argv.verbose) console.log(`[${label} pageerror] ${err.message}`);
  });
}

/** Workbench chatter that says nothing about our extension (kept in test-results/e2e-exthost.log). */
const NOISE = /Ignoring fetching additional builtin extensions|Resolving connection token|Resolved connection token|Creating a socket|\[Service Worker\]|ChatSessionStore|Updating additional builtin extensions cache|Long running operations during shutdown/;

function formatAutomationLog(type, args) {
  const parts = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a)));
  return parts.join(' ').split('\n').map((l) => `[exthost${type && type !== 'info' && type !== 'log' ? ' ' + type : ''}] ${l}`).join('\n');
}

/** Phase 1: the extension-host Mocha suite. Returns { exitCode, results }. */
async function runExtensionHostSuite(browser, server, workspace) {
  fs.rmSync(RUN_RESULTS, { force: true });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  attachPageLogging(page, 'suite');

  let resolveExit;
  const exited = new Promise((r) => { resolveExit = r; });
  const exthostLog = fs.createWriteStream(path.join(resultsDir, 'e2e-exthost.log'));
  context.on('close', () => exthostLog.end());
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = formatAutomationLog(type, args);
    exthostLog.write(text + '\n');
    if (!stopping && (argv.verbose || !NOISE.test(text))) console.log(text);
  });
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    // The workbench hands over its log files with the exit code: keep them as artifacts.
    try {
      if (Array.isArray(logs)) {
        for (const l of logs) {
          if (!l?.relativePath || typeof l.contents !== 'string') continue;
          const f = path.join(LOGS_DIR, l.relativePath.replace(/^(\.\.[/\\])+/, ''));
          fs.mkdirSync(path.dirname(f), { recursive: true });
          fs.writeFileSync(f, l.contents);
        }
      }
    } catch (e) { say(`(could not save workbench logs: ${e.message})`); }
    resolveExit(code);
  });
  const crashed = new Promise((_, reject) => {
    page.on('crash', () => reject(new Error('the workbench page crashed')));
    page.on('close', () => reject(new Error('the workbench page closed before codeAutomationExit')));
  });
  crashed.catch(() => {});

  const url = workbenchUrl(server, {
    folder: workspace,
    extensionDevelopmentPath: extensionPath,
    extensionTestsPath: path.join(RUN_OUT, 'index.js'),
  });
  say(`extension-host suite: ${url}`);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  let exitCode;
  try {
    exitCode = await beforeDeadline(Promise.race([exited, crashed]), 'the extension-host suite (waiting for codeAutomationExit)');
  } catch (e) {
    await screenshot(page, 'suite-failure');
    await context.close().catch(() => {});
    throw e;
  }
  say(`codeAutomationExit(${exitCode})`);
  await context.close().catch(() => {});

  let results = null;
  try {
    results = JSON.parse(fs.readFileSync(RUN_RESULTS, 'utf8'));
    fs.copyFileSync(RUN_RESULTS, RESULTS_JSON);
  } catch (e) {
    say(`results file ${path.relative(repoRoot, RUN_RESULTS)} not readable: ${e.message}`);
  }
  return { exitCode, results };
}

/** Runs one UI check; records its outcome. Later checks still run. */
async function check(name, page, fn, timeoutMs = 30_000) {
  const start = Date.now();
  try {
    await beforeDeadline(withTimeout(fn(), timeoutMs, name), `UI check "${name}"`);
    uiChecks.push({ name, state: 'passed', ms: Date.now() - start });
    say(`  ✓ ${name} (${Date.now() - start} ms)`);
    return true;
  } catch (e) {
    if (e instanceof TimeoutError) throw e;
    uiChecks.push({ name, state: 'failed', ms: Date.now() - start, message: e.message });
    say(`  ✗ ${name}: ${e.message.split('\n').slice(0, 6).join('\n      ')}`);
    await screenshot(page, `failed-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
    return false;
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

/** Removes the folders of earlier runs whose process is gone (killed runs leave theirs). */
function removeStaleRunDirs() {
  if (!fs.existsSync(RUNS_DIR)) return;
  for (const name of fs.readdirSync(RUNS_DIR)) {
    const pid = Number(name);
    let alive = false;
    try { process.kill(pid, 0); alive = Number.isInteger(pid) && pid > 0; } catch (e) { alive = e.code === 'EPERM'; }
    if (!alive || pid === process.pid) fs.rmSync(path.join(RUNS_DIR, name), { recursive: true, force: true });
  }
}


/** Phase 2: what a person sees. */
async function runUiChecks(browser, server, workspace) {
  const broken = findBrokenSample(workspace);
  if (!broken) {
    say('UI checks skipped: no *broken*.postmortem.yaml sample in the workspace');
    uiChecks.push({ name: 'UI checks (no broken sample)', state: 'skipped' });
    return;
  }
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  attachPageLogging(page, 'ui');
  page.setDefaultTimeout(20_000);
  const url = workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: extensionPath });
  say(`UI checks on ${path.basename(broken)}: ${url}`);
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const base = path.basename(broken);

    const opened = await check('the workbench opens the broken sample', page, async () => {
      await page.locator('.monaco-workbench').waitFor();
      // The explorer lists the workspace once the remote connection is up.
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
      await page.locator('.monaco-workbench').click({ position: { x: 700, y: 450 } }).catch(() => {});
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill(base);
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: base }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator(`.tabs-container .tab[aria-label*="${base}"], .title-label:has-text("${base}")`).first().waitFor();
      await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
    });

    await check('squiggles are drawn in the editor', page, async () => {
      if (!opened) throw new Error('the broken sample did not open');
      const squiggles = page.locator('.editor-instance .monaco-editor .squiggly-error, .editor-instance .monaco-editor .squiggly-warning');
      await squiggles.first().waitFor();
      const errors = await page.locator('.editor-instance .monaco-editor .squiggly-error').count();
      const warnings = await page.locator('.editor-instance .monaco-editor .squiggly-warning').count();
      say(`    ${errors} error and ${warnings} warning squiggle decoration(s) in view`);
      await screenshot(page, 'editor-squiggles');
    });

    await check('hovering a time shows its instant in UTC', page, async () => {
      if (!opened) throw new Error('the broken sample did not open');
      const time = firstTimeOf(path.join(workspace, broken));
      if (!time) throw new Error(`no \`key: <time with a clock>\` line in ${base}`);
      // Monaco renders spaces as U+00A0: \s matches both.
      const line = page.locator('.editor-instance .monaco-editor .view-line', { hasText: new RegExp(`${time.key}:\\s${escapeRegExp(time.value)}`) }).first();
      await line.waitFor();
      // The middle of the time's text, measured in the DOM (tokens split it into spans).
      const point = await line.evaluate((el, needle) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        const nodes = [];
        let full = '';
        while (walker.nextNode()) { nodes.push({ node: walker.currentNode, start: full.length }); full += walker.currentNode.textContent; }
        const at = full.indexOf(needle) + Math.floor(needle.length / 2);
        for (const { node, start } of nodes) {
          if (at >= start && at < start + (node.textContent ?? '').length) {
            const range = document.createRange();
            range.setStart(node, at - start);
            range.setEnd(node, at - start + 1);
            const r = range.getBoundingClientRect();
            return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
          }
        }
        return null;
      }, time.value);
      if (!point) throw new Error(`could not locate ${time.value} in the rendered line`);
      await page.mouse.move(point.x - 40, point.y);
      await page.mouse.move(point.x, point.y, { steps: 4 });
      const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'UTC' }).first();
      await hover.waitFor();
      const text = (await hover.innerText()).replace(/\s+/g, ' ').trim();
      say(`    hover on ${time.value}: ${text.slice(0, 160)}`);
      if (!text.includes(time.value)) throw new Error(`the hover does not name ${time.value}: ${text}`);
      if (!/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/.test(text)) throw new Error(`the hover shows no UTC instant: ${text}`);
      await screenshot(page, 'hover-time');
      await page.keyboard.press('Escape');
      await page.mouse.move(5, 5);
    });

    await check('the Problems panel lists the diagnostics', page, async () => {
      await page.keyboard.press('Control+Shift+M');
      const panel = page.locator('.markers-panel');
      await panel.waitFor();
      const markerRows = panel.locator('.monaco-list-row:has(.marker-icon)');
      await markerRows.first().waitFor();
      const texts = await markerRows.allInnerTexts();
      say(`    Problems panel: ${texts.length} marker row(s)`);
      for (const t of texts.slice(0, 15)) say(`      ${t.replace(/\s+/g, ' ').trim()}`);
      if (!texts.some((t) => t.includes('Ln') || /\[\d+,\s*\d+\]|\(\d+,\s*\d+\)/.test(t))) {
        // rows always show a position; log the raw text to help when the DOM changes
        say('    (rows have no recognisable position; DOM may have changed)');
      }
      await screenshot(page, 'problems-panel');
    });

    await check('the timeline preview is restored after a window reload', page, async () => {
      if (!opened) throw new Error('the broken sample did not open');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Shift+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill('>Postmortem: Open Timeline Preview to the Side');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Open Timeline Preview' }).first().waitFor();
      await page.keyboard.press('Enter');
      const eventRows = () => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('.list [data-row] .when');
      await eventRows().first().waitFor();
      const before = await eventRows().count();
      await screenshot(page, 'preview-before-reload');
      // "Developer: Reload Window", as a person would: an orderly shutdown saves the layout (a bare
      // page reload may not), the workbench starts over, and only the webview serializer can bring
      // the preview back with its document.
      await page.keyboard.press('Control+Shift+P');
      await input.waitFor();
      await input.fill('>Developer: Reload Window');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Reload Window' }).first().waitFor();
      await Promise.all([page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout: 30_000 }), page.keyboard.press('Enter')]);
      await page.locator('.monaco-workbench').waitFor();
      await eventRows().first().waitFor({ timeout: 45_000 });
      const after = await eventRows().count();
      say(`    preview rows: ${before} before the reload, ${after} after`);
      if (after === 0) throw new Error('the restored preview shows no events');
      await screenshot(page, 'preview-after-reload');
    }, 60_000);

    await screenshot(page, 'workbench');
  } finally {
    await context.close().catch(() => {});
  }
}

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
    browserLog = fs.createWriteStream(path.join(resultsDir, 'e2e-browser.log'));
    const serverLog = fs.createWriteStream(path.join(resultsDir, 'e2e-code-server.log'));

    await beforeDeadline(setup(), 'setup');
    removeStaleRunDirs();
    await compileE2E({ outDir: RUN_OUT });
    if (!fs.existsSync(path.join(extensionPath, 'package.json'))) throw new Error(`no package.json in extension path ${extensionPath}`);
    if (extensionPath === repoRoot && !argv['no-build']) ensureBuilt({ prefix: 'e2e' });

    workspace = copySamples(samplesFrom);
    say(`workspace: ${workspace.dir} (copy of ${samplesFrom})`);

    const env = { POSTMORTEM_E2E_RESULTS: RUN_RESULTS };
    if (argv.grep) env.POSTMORTEM_E2E_GREP = argv.grep;
    server = await beforeDeadline(startCodeServer({
      env,
      onLog: (line) => {
        serverLog.write(line + '\n');
        // Once we are tearing down, code-server may print a long minified stack trace
        // ("Canceled") for half-open connections: keep that in the log file only.
        if (!stopping && line.trim() && (argv.verbose || !/^\s+at |File not found: .*vsda|ManagementConnection|ExtensionHostConnection\] New connection|default profile extensions|ComputeTargetPlatform/.test(line))) console.log(`[code-server] ${line.length > 300 ? line.slice(0, 300) + '…' : line}`);
      },
    }), 'starting code-server');
    say(`code-server up at ${server.url} (pid/group ${server.pid})`);

    const browserTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-chromium-'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      env: {
        ...process.env,
        HOME: browserTmp,
        XDG_CONFIG_HOME: path.join(browserTmp, 'config'),
        XDG_CACHE_HOME: path.join(browserTmp, 'cache'),
      },
    });
    browser.on('disconnected', () => fs.rmSync(browserTmp, { recursive: true, force: true }));
    say(`chromium ${browser.version()} launched`);

    const suiteStart = Date.now();
    suite = await runExtensionHostSuite(browser, server, workspace.dir);
    say(`extension-host suite finished in ${((Date.now() - suiteStart) / 1000).toFixed(1)} s`);

    if (!argv['no-ui']) {
      const uiStart = Date.now();
      // A fresh copy: the suite may have edited and saved files in its workspace.
      uiWorkspace = copySamples(samplesFrom);
      await runUiChecks(browser, server, uiWorkspace.dir);
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
    stopping = true;
    await Promise.race([browser?.close(), sleep(10_000)]).catch(() => {});
    await server?.stop().catch(() => {});
    workspace?.cleanup();
    uiWorkspace?.cleanup();
    browserLog?.end();
    fs.rmSync(RUN_DIR, { recursive: true, force: true });
  }
  if (interrupted) return 130;

  // ---- report ----
  let passed = 0;
  let failed = 0;
  const problems = [];
  if (suite) {
    const r = suite.results;
    if (r) {
      passed += r.passed;
      failed += r.failed;
      for (const f of r.failures ?? []) problems.push(`${f.fullTitle}: ${f.message.split('\n').slice(0, 8).join('\n      ')}`);
      if (r.error) { failed++; problems.push(`suite error: ${r.error.split('\n')[0]}`); }
      if (suite.exitCode !== 0 && r.failed === 0 && !r.error) {
        failed++;
        problems.push(`the extension host exited with code ${suite.exitCode} although the results file reports no failure`);
      }
      if (suite.exitCode === 0 && r.failed > 0) problems.push(`(the extension host exited 0 although ${r.failed} test(s) failed)`);
    } else {
      failed++;
      problems.push(`no results file (${path.relative(repoRoot, RUN_RESULTS)}); codeAutomationExit(${suite.exitCode}): the test entry did not run or crashed — see the [exthost] lines above and test-results/e2e-logs/`);
    }
  }
  for (const c of uiChecks) {
    if (c.state === 'passed') passed++;
    else if (c.state === 'failed') { failed++; problems.push(`UI: ${c.name}: ${c.message.split('\n')[0]}`); }
  }
  if (fatal) {
    failed++;
    problems.push(`${fatal instanceof TimeoutError ? 'TIMEOUT' : 'ERROR'}: ${fatal.message}`);
    if (!(fatal instanceof TimeoutError) && !(fatal instanceof SetupError) && fatal.stack) console.error(fatal.stack);
  }
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, 'e2e-summary.json'), JSON.stringify({
    passed, failed, seconds: (Date.now() - t0) / 1000, suite: suite?.results ?? null, suiteExitCode: suite?.exitCode ?? null, ui: uiChecks, problems,
  }, null, 2) + '\n');
  if (problems.length) {
    console.log('\nE2E problems:');
    for (const p of problems) console.log(`  - ${p}`);
  }
  console.log(`\nE2E: ${passed} passed, ${failed} failed (${elapsed()})`);
  return failed > 0 || passed === 0 ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => {
  console.error(e);
  console.log('E2E: 0 passed, 1 failed');
  process.exit(1);
});

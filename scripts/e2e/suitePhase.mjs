// Phase 1 of the e2e run: the extension-host Mocha suite (test/e2e/suite) in a workbench page.
// The page reports codeAutomationExit(code) and the suite's entry writes this run's results file:
// both are returned for the report.
import fs from 'node:fs';
import path from 'node:path';
import { workbenchUrl } from './codeServer.mjs';
import { repoRoot, resultsDir } from './paths.mjs';
import { LOGS_DIR, RESULTS_JSON, RUN_OUT, RUN_RESULTS } from './runDirs.mjs';

/** Workbench chatter that says nothing about our extension (kept in test-results/e2e-exthost.log). */
const NOISE = /Ignoring fetching additional builtin extensions|Resolving connection token|Resolved connection token|Creating a socket|\[Service Worker\]|ChatSessionStore|Updating additional builtin extensions cache|Long running operations during shutdown/;

function formatAutomationLog(type, args) {
  const parts = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a)));
  return parts.join(' ').split('\n').map((l) => `[exthost${type && type !== 'info' && type !== 'log' ? ' ' + type : ''}] ${l}`).join('\n');
}

/**
 * @param {ReturnType<typeof import('./session.mjs').createSession>} session
 * @returns {Promise<{ exitCode: number, results: any }>}
 */
export async function runExtensionHostSuite(session, { browser, server, workspace, extensionPath }) {
  const { say } = session;
  fs.rmSync(RUN_RESULTS, { force: true });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  session.attachPageLogging(page, 'suite');

  let resolveExit;
  const exited = new Promise((r) => { resolveExit = r; });
  const exthostLog = fs.createWriteStream(path.join(resultsDir, 'e2e-exthost.log'));
  context.on('close', () => exthostLog.end());
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = formatAutomationLog(type, args);
    exthostLog.write(text + '\n');
    if (!session.stopping && (session.verbose || !NOISE.test(text))) console.log(text);
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
    exitCode = await session.beforeDeadline(Promise.race([exited, crashed]), 'the extension-host suite (waiting for codeAutomationExit)');
  } catch (e) {
    await session.screenshot(page, 'suite-failure');
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

// Extension activation in a real VS Code: code-server (installed by scripts/e2e/setup.mjs) loads
// this working tree as the extension under development and runs activation/entry.ts as its
// "tests", once per fresh workbench window (each window gets a new extension host). Never fails the
// benchmark: when it cannot run, the reason is the result.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { startCodeServer, workbenchUrl } from '../e2e/codeServer.mjs';
import { stampFile } from '../e2e/paths.mjs';
import { median } from './measure.mjs';

const REPEATS = 3;
const WINDOW_LIMIT_MS = 30_000;
/** Preferred sample: Japanese, with one diagnostic (an info), so its first check publishes something. */
const SAMPLE = 'clova-bot-invites.postmortem.yaml';

function pickSample(samplesDir) {
  if (fs.existsSync(path.join(samplesDir, SAMPLE))) return SAMPLE;
  return fs.readdirSync(samplesDir).filter((name) => name.endsWith('.postmortem.yaml') && !/broken/.test(name)).sort()[0] ?? null;
}

/**
 * @param {string} root the repository
 * @param {{ chromium: string, install: boolean }} options install: run the e2e setup when needed
 * @returns {Promise<{ activation: object | null, note: string | null }>}
 */
export async function measureActivation(root, { chromium, install }) {
  if (!fs.existsSync(stampFile)) {
    if (!install) return { activation: null, note: 'code-server is not installed: run npm run test:e2e once to install it (or npm run bench -- --with-vscode)' };
    const { setup } = await import('../e2e/setup.mjs');
    await setup();
  }
  if (!fs.existsSync(chromium)) return { activation: null, note: `no Chromium at ${chromium}` };
  if (!fs.existsSync(path.join(root, 'client', 'out', 'extension.js'))) return { activation: null, note: 'client/out/extension.js is missing: run npm run build' };
  const sample = pickSample(path.join(root, 'samples'));
  if (!sample) return { activation: null, note: 'no sample in samples/' };

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-bench-activation-'));
  const workspace = path.join(work, 'workspace');
  fs.mkdirSync(workspace);
  fs.copyFileSync(path.join(root, 'samples', sample), path.join(workspace, sample));
  const entry = path.join(work, 'out', 'index.js');
  const resultFile = path.join(work, 'result.json');
  await esbuild.build({
    entryPoints: [path.join(root, 'scripts', 'bench', 'activation', 'entry.ts')],
    outfile: entry, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'warning',
  });

  let server;
  let browser;
  const samples = [];
  try {
    server = await startCodeServer({ env: { POSTMORTEM_BENCH_ACTIVATION: resultFile, POSTMORTEM_BENCH_SAMPLE: sample } });
    const { launchChromium } = await import('../e2e/chromium.mjs');
    browser = await launchChromium({ executablePath: chromium });
    const url = workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: root, extensionTestsPath: entry });
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      fs.rmSync(resultFile, { force: true });
      const exitCode = await oneWindow(browser, url);
      const sampleResult = fs.existsSync(resultFile) ? JSON.parse(fs.readFileSync(resultFile, 'utf8')) : null;
      if (!sampleResult) return { activation: null, note: `the extension host wrote no result (exit ${exitCode})` };
      if (sampleResult.error) return { activation: null, note: `activation failed: ${sampleResult.error}` };
      samples.push(sampleResult);
    }
  } catch (error) {
    return { activation: null, note: `could not measure: ${String(error.message).split('\n')[0]}` };
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
    fs.rmSync(work, { recursive: true, force: true });
  }
  const firsts = samples.map((s) => s.firstDiagnosticsMs).filter((ms) => typeof ms === 'number');
  return {
    activation: {
      sample,
      windows: samples.length,
      activateMs: median(samples.map((s) => s.activateMs)),
      firstDiagnosticsMs: firsts.length === samples.length ? median(firsts) : null,
      samples,
    },
    note: samples.some((s) => s.wasActive) ? 'the extension was already active in some window' : null,
  };
}

/** Loads the workbench in a new window and waits for the extension host to finish the entry. */
async function oneWindow(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  try {
    const page = await context.newPage();
    let resolveExit;
    // The workbench calls this when the extension-host entry settles (scripts/e2e/run.mjs too).
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
    let timer;
    const exited = new Promise((resolve, reject) => {
      resolveExit = resolve;
      timer = setTimeout(() => reject(new Error(`no result within ${WINDOW_LIMIT_MS / 1000} s`)), WINDOW_LIMIT_MS);
      page.on('crash', () => reject(new Error('the workbench page crashed')));
    });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    return await exited.finally(() => clearTimeout(timer));
  } finally {
    await context.close().catch(() => {});
  }
}

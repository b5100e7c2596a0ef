#!/usr/bin/env node
// `npm start`: open samples/ in a real VS Code (code-server, in your browser) with the extension
// installed from this working tree. Runs until Ctrl-C.
//
//   npm start                      # free port, prints http://127.0.0.1:PORT/?folder=…/samples
//   npm start -- --port 8080       # fixed port
//   npm start -- --no-open         # don't try to open a desktop browser
//   npm start -- --check           # headless self-check: open the URL in Chromium, wait for the
//                                  # broken sample's squiggles, screenshot, exit 0/1
//
// The extension is installed by a symlink of the repo into code-server's extensions folder
// (named publisher.name-version), so a rebuild (`npm run build`) plus "Developer: Reload Window"
// in the browser picks up changes.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startCodeServer, workbenchUrl } from './codeServer.mjs';
import { ensureBuilt } from './ensureBuilt.mjs';
import { CHROMIUM, repoRoot, samplesDir, screenshotsDir } from './paths.mjs';
import { setup } from './setup.mjs';

const { values: argv } = parseArgs({
  options: {
    port: { type: 'string' },
    'no-open': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    folder: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});

const say = (...a) => console.log('[start]', ...a);

function tryOpenBrowser(url) {
  const hasDesktop = process.platform === 'darwin' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
  if (!hasDesktop) return false;
  const cmd = process.platform === 'darwin' ? 'open' : 'xdg-open';
  try {
    const p = spawn(cmd, [url], { stdio: 'ignore', detached: true });
    p.on('error', () => {});
    p.unref();
    return true;
  } catch { return false; }
}

/** Headless check that the printed URL really shows the extension working. */
async function selfCheck(url, folder) {
  const { chromium } = await import('playwright-core');
  const { CHROMIUM_ARGS } = { CHROMIUM_ARGS: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'] };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS,
    env: { ...process.env, HOME: tmp, XDG_CONFIG_HOME: path.join(tmp, 'config'), XDG_CACHE_HOME: path.join(tmp, 'cache') },
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(30_000);
    await page.goto(url);
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
    const broken = fs.readdirSync(folder).find((f) => /broken.*\.postmortem\.ya?ml$/.test(f))
      ?? fs.readdirSync(folder).find((f) => /\.postmortem\.ya?ml$/.test(f));
    if (!broken) throw new Error(`no sample in ${folder}`);
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: broken }).first().click();
    await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
    // The language mode in the status bar comes from our extension's contribution.
    await page.locator('.statusbar-item', { hasText: /^Postmortem$/ }).first().waitFor();
    say(`check: ${broken} opened as Postmortem`);
    if (/broken/.test(broken)) {
      await page.locator('.editor-instance .squiggly-error, .editor-instance .squiggly-warning').first().waitFor();
      say('check: diagnostics are drawn (squiggles)');
    }
    fs.mkdirSync(screenshotsDir, { recursive: true });
    const shot = path.join(screenshotsDir, 'start-check.png');
    await page.screenshot({ path: shot });
    say(`check: screenshot ${path.relative(repoRoot, shot)}`);
  } finally {
    await browser.close().catch(() => {});
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function main() {
  await setup();
  if (!argv['no-build']) ensureBuilt({ prefix: 'start' });

  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const extName = `${pkg.publisher}.${pkg.name}-${pkg.version}`;
  const tmpExt = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-start-ext-'));
  fs.symlinkSync(repoRoot, path.join(tmpExt, extName), 'dir');

  const folder = path.resolve(argv.folder ?? samplesDir);
  let stopping = false;
  const server = await startCodeServer({
    ...(argv.port ? { port: Number(argv.port) } : {}),
    extensionsDir: tmpExt,
    onLog: (line) => { if (!stopping && line.trim() && (argv.verbose || !/^\s+at |File not found: .*vsda/.test(line))) console.log(`[code-server] ${line.length > 300 ? line.slice(0, 300) + '…' : line}`); },
  });

  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    say('stopping code-server…');
    await server.stop();
    fs.rmSync(tmpExt, { recursive: true, force: true });
    process.exit(code);
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  process.on('SIGHUP', () => stop(0));
  server.exited.then((info) => {
    if (!stopping) { say(`code-server exited unexpectedly (${JSON.stringify(info)})`); stop(1); }
  });

  const url = workbenchUrl(server, { folder });
  console.log('');
  say(`VS Code with the postmortem extension (${extName} → ${repoRoot}) is running:`);
  console.log(`\n    ${url}\n`);
  say('extension changes: `npm run build`, then "Developer: Reload Window" in the browser. Ctrl-C stops.');

  if (argv.check) {
    try {
      await selfCheck(url, folder);
      say('check passed');
      await stop(0);
    } catch (e) {
      say(`check FAILED: ${e.message}`);
      await stop(1);
    }
    return;
  }
  if (!argv['no-open'] && tryOpenBrowser(url)) say('opened in your browser');
}

main().catch((e) => {
  console.error(`[start] ${e.stack || e.message}`);
  process.exit(1);
});

#!/usr/bin/env node
// `npm start`: check samples/ with postmortem-lint, then open samples/ in a real VS Code
// (code-server, in your browser) with the extension installed from this working tree. Runs until
// Ctrl-C. The checker's findings are printed, never fatal: samples/ carries information
// diagnostics on purpose, and VS Code opens either way.
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
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startCodeServer, workbenchUrl } from './codeServer.mjs';
import { ensureBuilt } from './ensureBuilt.mjs';
import { repoRoot, samplesDir, screenshotsDir } from './paths.mjs';
import { setup, SetupError } from './setup.mjs';

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

/**
 * Runs the command-line checker over the folder (the deliberately broken sample excluded) and
 * prints its output. Returns its exit status: 0 no errors, 1 errors found, 2 bad usage; null when
 * it could not run at all.
 */
function lintFolder(folder) {
  const cli = path.join(repoRoot, 'bin', 'postmortem-lint.js');
  const target = path.relative(repoRoot, folder) || '.';
  const shown = `node ${path.relative(repoRoot, cli)} ${target.includes(' ') ? JSON.stringify(target) : target} --exclude broken`;
  say(`checking ${target}/ with postmortem-lint: ${shown}`);
  const r = spawnSync(process.execPath, [cli, target, '--exclude', 'broken'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.error) {
    say(`postmortem-lint could not run: ${r.error.message}`);
    return null;
  }
  const status = r.status;
  if (status === 0) say('postmortem-lint: no errors');
  else if (status === 1) say('postmortem-lint found errors (listed above); opening VS Code anyway');
  else say(`postmortem-lint exited ${status ?? r.signal} (see above); opening VS Code anyway`);
  return status;
}

/** Headless check that the printed URL really shows the extension working. */
async function selfCheck(url, folder) {
  // Loaded only for --check: a plain `npm start` needs no browser driver.
  const { launchChromium } = await import('./chromium.mjs');
  const browser = await launchChromium();
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
  }
}

async function main() {
  await setup();
  if (!argv['no-build']) ensureBuilt({ prefix: 'start' });

  const folder = path.resolve(argv.folder ?? samplesDir);
  const lintStatus = lintFolder(folder);

  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const extName = `${pkg.publisher}.${pkg.name}-${pkg.version}`;
  const tmpExt = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-start-ext-'));
  fs.symlinkSync(repoRoot, path.join(tmpExt, extName), 'dir');

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
  // `exited` never rejects, and stop() ends the process: nothing is left to wait for.
  void server.exited.then((info) => {
    if (!stopping) { say(`code-server exited unexpectedly (${JSON.stringify(info)})`); void stop(1); }
  });

  const url = workbenchUrl(server, { folder });
  console.log('');
  say(`VS Code with the postmortem extension (${extName} → ${repoRoot}) is running:`);
  console.log(`\n    ${url}\n`);
  say('extension changes: `npm run build`, then "Developer: Reload Window" in the browser. Ctrl-C stops.');

  if (argv.check) {
    try {
      // Findings are fine (exit 1); a checker that could not run is not.
      if (lintStatus !== 0 && lintStatus !== 1) throw new Error(`postmortem-lint did not run properly (exit ${lintStatus})`);
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
  console.error(e instanceof SetupError ? `[start] ${e.message}` : `[start] ${e.stack || e.message}`);
  process.exit(1);
});

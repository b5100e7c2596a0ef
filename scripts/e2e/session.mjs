// What the phases of one e2e run (run.mjs) share: the clock and the whole run's deadline, the
// progress lines, the browser console log, the UI checks recorded so far, and whether the run is
// tearing down (then code-server's and the workbench's dying words go to the log files only).
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, screenshotsDir } from './paths.mjs';

/** The whole run's deadline passed: the run stops, unlike a failed check. */
export class TimeoutError extends Error {}

/**
 * @param {{ overallMs: number, verbose: boolean }} options
 */
export function createSession({ overallMs, verbose }) {
  const t0 = Date.now();
  const deadline = t0 + overallMs;
  const session = {
    t0,
    verbose,
    /** Set when tearing down. */
    stopping: false,
    /** @type {fs.WriteStream | undefined} the browser consoles of every page, set once results/ exists */
    browserLog: undefined,
    /** @type {{ name: string, state: 'passed' | 'failed' | 'skipped', ms?: number, message?: string }[]} counted into the totals */
    uiChecks: [],
    elapsed: () => `${((Date.now() - t0) / 1000).toFixed(1)}s`,
    say: (...a) => console.log(`[e2e ${session.elapsed()}]`, ...a),

    /** Rejects with a TimeoutError when the whole run's deadline passes. */
    beforeDeadline(promise, phase) {
      let timer;
      const left = Math.max(0, deadline - Date.now());
      return Promise.race([
        promise,
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new TimeoutError(`overall timeout of ${overallMs / 1000}s reached during: ${phase}`)), left);
        }),
      ]).finally(() => clearTimeout(timer));
    },

    async screenshot(page, name) {
      fs.mkdirSync(screenshotsDir, { recursive: true });
      const file = path.join(screenshotsDir, `${name}.png`);
      try {
        await page.screenshot({ path: file, timeout: 10_000 });
        session.say(`screenshot ${path.relative(repoRoot, file)}`);
      } catch (e) {
        session.say(`(screenshot ${name} failed: ${e.message.split('\n')[0]})`);
      }
      return file;
    },

    attachPageLogging(page, label) {
      page.on('console', (m) => {
        const line = `[${label} console.${m.type()}] ${m.text()}`;
        session.browserLog?.write(line + '\n');
        if (verbose) console.log(line);
      });
      page.on('pageerror', (err) => {
        session.browserLog?.write(`[${label} pageerror] ${err.stack || err.message}\n`);
        if (verbose) console.log(`[${label} pageerror] ${err.message}`);
      });
    },

    /** Runs one UI check; records its outcome. Later checks still run. */
    async check(name, page, fn, timeoutMs = 30_000) {
      const start = Date.now();
      try {
        await session.beforeDeadline(withTimeout(fn(), timeoutMs, name), `UI check "${name}"`);
        session.uiChecks.push({ name, state: 'passed', ms: Date.now() - start });
        session.say(`  ✓ ${name} (${Date.now() - start} ms)`);
        return true;
      } catch (e) {
        if (e instanceof TimeoutError) throw e;
        session.uiChecks.push({ name, state: 'failed', ms: Date.now() - start, message: e.message });
        session.say(`  ✗ ${name}: ${e.message.split('\n').slice(0, 6).join('\n      ')}`);
        await session.screenshot(page, `failed-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
        return false;
      }
    },
  };
  return session;
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

// Headless Chromium for the e2e runner, `npm start`'s self-check and the activation benchmark:
// one set of flags and a throwaway home, so nothing of the machine's profile leaks in.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './paths.mjs';

/** No GPU, no network chatter, no shared-memory limits (containers have a small /dev/shm). */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Launches Chromium with HOME/XDG in a fresh temporary folder, removed when the browser goes.
 * @param {{ executablePath?: string }} [options] another Chromium than the system one
 */
export async function launchChromium({ executablePath = CHROMIUM } = {}) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-chromium-'));
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: path.join(home, 'cache') },
  });
  browser.on('disconnected', () => fs.rmSync(home, { recursive: true, force: true }));
  return browser;
}

/**
 * The preview's page outside VS Code: the real shell (CSP, nonce), the built bundle and the
 * stylesheet, served from a fake webview origin to headless Chromium, with a stand-in for
 * `acquireVsCodeApi` and the theme variables VS Code would set. Shared by run.ts (screenshots,
 * hostile text) and paint.ts (the benchmark's first paint and update times).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { previewShell } from '../../client/src/preview/html';
import type { ToWebview } from '../../client/shared/messages';
import { THEMES } from './themes';

export const root = join(__dirname, '..', '..');
const ORIGIN = 'https://webview.test';
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** The flags of scripts/e2e/chromium.mjs (this TypeScript project reads no JavaScript): no GPU, no network chatter, no shared-memory limits. */
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Headless Chromium with a throwaway home: Playwright gives every launch a fresh temporary
 * user-data-dir, and HOME/XDG point at a fresh folder so nothing of the machine's profile leaks in.
 */
export async function launchBrowser(): Promise<Browser> {
  const home = mkdtempSync(join(tmpdir(), 'postmortem-harness-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache') },
  });
  browser.on('disconnected', () => rmSync(home, { recursive: true, force: true }));
  return browser;
}

export interface PreviewPage {
  page: Page;
  close: () => Promise<void>;
  posted: () => Promise<unknown>;
}

/** A new page (its own context) with the preview loaded and its script waiting for a model. */
export async function openPreview(browser: Browser, theme: 'light' | 'dark' = 'dark', width = 900): Promise<PreviewPage> {
  const context = await browser.newContext({ viewport: { width, height: 1100 } });
  const page = await context.newPage();
  const html = previewShell({ cspSource: ORIGIN, scriptUri: `${ORIGIN}/preview.js`, styleUri: `${ORIGIN}/preview.css`, language: 'en', title: 'Timeline' });
  const files: Record<string, [string, string]> = {
    '/': [html, 'text/html'],
    '/preview.js': [readFileSync(join(root, 'client/out/webview/preview.js'), 'utf8'), 'text/javascript'],
    '/preview.css': [`${readFileSync(join(root, 'media/preview.css'), 'utf8')}\n${THEMES[theme]}`, 'text/css'],
  };
  await page.route(`${ORIGIN}/**`, (route) => {
    const file = files[new URL(route.request().url()).pathname];
    return file ? route.fulfill({ body: file[0], contentType: file[1] }) : route.fulfill({ status: 404 });
  });
  // Strings, not functions: the TypeScript loader would wrap functions in helpers the page lacks.
  // `__renders` keeps when each `rendered` message arrived and how many event rows the DOM held
  // then, so a measurement can start before the message is posted (structured clone included).
  await page.addInitScript(`
    const posted = [];
    const renders = [];
    let state;
    window.__posted = posted;
    window.__renders = renders;
    window.acquireVsCodeApi = () => ({
      postMessage: (m) => {
        posted.push(m);
        if (m && m.type === 'rendered') renders.push({ at: performance.now(), selfMs: m.ms, rows: document.querySelectorAll('.row.event').length });
      },
      getState: () => state,
      setState: (s) => { state = s; },
    });
  `);
  await page.goto(`${ORIGIN}/`);
  await page.evaluate(`document.body.classList.add('vscode-${theme}')`);
  return { page, close: () => context.close(), posted: () => page.evaluate('window.__posted') };
}

/** Posts a message and resolves with the render time the webview reports (message to painted frame). */
export async function send(page: Page, message: ToWebview): Promise<number | undefined> {
  return page.evaluate(`new Promise((resolve) => {
    const posted = window.__posted;
    const before = posted.length;
    window.postMessage(${JSON.stringify(message)}, '*');
    const started = performance.now();
    const poll = () => {
      const rendered = posted.slice(before).find((m) => m.type === 'rendered');
      if (rendered) resolve(rendered.ms);
      else if (performance.now() - started > 30000) resolve(undefined);
      else setTimeout(poll, 5);
    };
    poll();
  })`);
}

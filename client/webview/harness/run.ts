/**
 * The preview's webview outside VS Code: the real shell (CSP, nonce), the built bundle and the
 * stylesheet in headless Chromium, with a stand-in for `acquireVsCodeApi` and the theme variables
 * VS Code would set. Used to measure first paint and update time at 10,000 events, to check that
 * hostile text stays text under the real CSP, and to take the README's light and dark screenshots.
 *
 *   npx tsx client/webview/harness/run.ts bench [events]
 *   npx tsx client/webview/harness/run.ts screenshot <sample> <out.png> [light|dark]
 *   npx tsx client/webview/harness/run.ts hostile
 * Needs `npm run build` first (client/out/webview/preview.js).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { previewShell } from '../../src/preview/html';
import type { ModelPatch, ToWebview, ViewModel } from '../../src/preview/messages';
import { diffModels } from '../../src/preview/diff';
import { createPostmortemService } from '../../../server/src/service';
import { THEMES } from './themes';

const root = join(__dirname, '..', '..', '..');
const ORIGIN = 'https://webview.test';

function viewModel(text: string, uri = 'file:///harness.postmortem.yaml', version = 1): ViewModel {
  const { links: _links, ...view } = createPostmortemService({ locale: 'en' }).timelineModel({ uri, version, getText: () => text });
  return view;
}

export async function openPreview(theme: 'light' | 'dark' = 'dark', width = 900): Promise<{ page: Page; close: () => Promise<void>; posted: () => Promise<unknown[]> }> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width, height: 1100 } });
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
  await page.addInitScript(`
    const posted = [];
    let state;
    window.__posted = posted;
    window.acquireVsCodeApi = () => ({ postMessage: (m) => posted.push(m), getState: () => state, setState: (s) => { state = s; } });
  `);
  await page.goto(`${ORIGIN}/`);
  await page.evaluate(`document.body.classList.add('vscode-${theme}')`);
  return { page, close: () => browser.close(), posted: () => page.evaluate('window.__posted') };
}

/** Posts a message and resolves with the render time the webview reports (message to painted frame). */
async function send(page: Page, message: ToWebview): Promise<number | undefined> {
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

async function bench(count: number): Promise<void> {
  const { bigDocument } = await import('../../../test/unit/timelineFixtures');
  const text = bigDocument(count);
  const model = viewModel(text);
  const edited = viewModel(text.replace('Event number 5000 ', 'Event number 5000 edited '), model.uri, 2);
  const patch: ModelPatch = diffModels(model, edited);
  const { page, close } = await openPreview();
  const first = await send(page, { type: 'model', model, fileName: 'big.postmortem.yaml' });
  const updates: number[] = [];
  for (let round = 0; round < 5; round++) {
    const next = round % 2 === 0 ? patch : diffModels(edited, model);
    updates.push((await send(page, { type: 'patch', patch: next })) ?? NaN);
  }
  const scroll = await page.evaluate(`(async () => {
    const list = document.querySelector('.list');
    const started = performance.now();
    for (let i = 0; i < 20; i++) {
      list.scrollTop = (list.scrollHeight * i) / 20;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return (performance.now() - started) / 20;
  })()`);
  const rows = await page.evaluate("document.querySelectorAll('.row').length");
  const marks = await page.evaluate("document.querySelectorAll('.mark').length");
  console.log(JSON.stringify({ events: count, patchEvents: patch.events?.items.length, firstPaintMs: round(first), updateMs: updates.map(round), scrollFrameMs: round(scroll), rowsInDom: rows, marksInDom: marks }));
  await close();
}

async function screenshot(sample: string, out: string, theme: 'light' | 'dark'): Promise<void> {
  const { page, close } = await openPreview(theme, 760);
  await send(page, { type: 'model', model: viewModel(readFileSync(join(root, 'samples', sample), 'utf8')), fileName: sample });
  const clip = process.env.HARNESS_CLIP;
  if (clip) await (await page.$(clip))?.screenshot({ path: out });
  else await page.screenshot({ path: out, fullPage: true });
  await close();
}

async function hostile(): Promise<void> {
  const { hostileDocument } = await import('../../../test/unit/timelineFixtures');
  const { page, close } = await openPreview();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await send(page, { type: 'model', model: viewModel(hostileDocument()), fileName: 'hostile.postmortem.yaml' });
  const result = (await page.evaluate(`({
    injected: '__postmortemInjected' in window,
    tags: [...new Set([...document.querySelectorAll('*')].map((node) => node.tagName.toLowerCase()))].sort(),
    urls: [...document.querySelectorAll('[href], [src]')].map((node) => node.getAttribute('href') ?? node.getAttribute('src')),
    scriptTextShown: document.body.textContent.includes('<script>'),
  })`)) as Record<string, unknown>;
  console.log(JSON.stringify({ ...result, errors }));
  await close();
}

function round(value: number | undefined): number | undefined {
  return value === undefined ? undefined : Math.round(value);
}

const [command, ...rest] = process.argv.slice(2);
const task =
  command === 'bench' ? bench(Number(rest[0] ?? 10_000)) : command === 'screenshot' ? screenshot(rest[0] ?? 'clova-bot-invites.en.postmortem.yaml', rest[1] ?? 'preview.png', rest[2] === 'light' ? 'light' : 'dark') : command === 'hostile' ? hostile() : Promise.reject(new Error('usage: run.ts bench|screenshot|hostile'));
task.catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

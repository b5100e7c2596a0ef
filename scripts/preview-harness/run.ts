/**
 * The preview's webview outside VS Code: the real shell (CSP, nonce), the built bundle and the
 * stylesheet in headless Chromium, with a stand-in for `acquireVsCodeApi` and the theme variables
 * VS Code would set (page.ts). Used to measure first paint, update and scroll time at 10,000 events
 * (paint.ts; `npm run bench` runs the same measurement on the server's models), to check that
 * hostile text stays text under the real CSP, and to take the README's light and dark screenshots.
 *
 *   npx tsx scripts/preview-harness/run.ts bench [events]
 *   npx tsx scripts/preview-harness/run.ts screenshot <sample> <out.png> [light|dark]
 *   npx tsx scripts/preview-harness/run.ts hostile
 * Needs `npm run build` first (client/out/webview/preview.js).
 */
import { readFileSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import type { ViewModel } from '../../client/shared/messages';
import { createPostmortemService } from '../../server/src/service';
import { bigDocument, hostileDocument } from '../../test/unit/timelineFixtures';
import { launchBrowser, openPreview, root, send } from './page';
import { measurePaint } from './paint';

function viewModel(text: string, uri = 'file:///harness.postmortem.yaml', version = 1): ViewModel {
  // Today as the server has it (its local date), so overdue action items show as they would.
  const today = new Date().toISOString().slice(0, 10);
  const { links: _links, ...view } = createPostmortemService({ locale: 'en', settings: { today } }).timelineModel({ uri, version, getText: () => text });
  return view;
}

/** With the service's models of the unit tests' big document; `npm run bench` uses the server's. */
async function bench(count: number): Promise<void> {
  const text = bigDocument(count);
  const model = viewModel(text);
  const edited = viewModel(text.replace(`Event number ${count >> 1} `, `Event number ${count >> 1} edited `), model.uri, 2);
  const browser = await launchBrowser();
  try {
    const result = await measurePaint(browser, count, model, edited, 3, 6);
    const { page, close } = await openPreview(browser);
    await send(page, { type: 'model', model, fileName: 'big.postmortem.yaml' });
    const scroll = await page.evaluate(`(async () => {
      const list = document.querySelector('.list');
      const started = performance.now();
      for (let i = 0; i < 20; i++) {
        list.scrollTop = (list.scrollHeight * i) / 20;
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      return (performance.now() - started) / 20;
    })()`);
    const marks = await page.evaluate("document.querySelectorAll('.mark').length");
    await close();
    console.log(JSON.stringify({ ...result, scrollFrameMs: round(Number(scroll)), marksInDom: marks }));
  } finally {
    await browser.close();
  }
}

/** One browser for one page: the screenshot and hostile-text commands. */
async function withPreview(theme: 'light' | 'dark', width: number, use: (preview: Awaited<ReturnType<typeof openPreview>>) => Promise<void>): Promise<void> {
  const browser = await launchBrowser();
  try {
    await use(await openPreview(browser, theme, width));
  } finally {
    await browser.close();
  }
}

async function screenshot(sample: string, out: string, theme: 'light' | 'dark'): Promise<void> {
  await withPreview(theme, 760, async ({ page }) => {
    // A sample's name, or a path to any postmortem (one that is not a sample yet).
    const file = isAbsolute(sample) ? sample : join(root, 'samples', sample);
    await send(page, { type: 'model', model: viewModel(readFileSync(file, 'utf8')), fileName: basename(file) });
    const clip = process.env.HARNESS_CLIP;
    if (clip) await (await page.$(clip))?.screenshot({ path: out });
    else await page.screenshot({ path: out, fullPage: true });
  });
}

async function hostile(): Promise<void> {
  await withPreview('dark', 900, async ({ page }) => {
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
  });
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

/**
 * First paint and update time of the preview's webview, as `npm run bench` reports them.
 *
 *   tsx scripts/preview-harness/paint.ts <input.json>   prints one JSON line per size
 *
 * input.json: `{ "repeats": 5, "updates": 10, "sizes": [{ "events": 100, "before": <model>, "after": <model> }] }`
 * where the models are what the server's `postmortem/timeline` answered (links included: they are
 * dropped here, as the extension drops them before posting) and `after` differs from `before` by
 * one event's text. The patch is made by the server's own `makePatch` (protocol/patch.ts).
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { TimelineModel } from '../../server/src/protocol';
import { makePatch } from '../../server/src/protocol/patch';
import type { ModelPatch, ToWebview, ViewModel } from '../../client/src/preview/messages';
import { launchBrowser, openPreview } from './page';

export interface PaintResult {
  events: number;
  /** Median over `repeats` fresh pages: model posted → the frame after the render, rows in the DOM. */
  firstPaintMs: number;
  firstPaintSamplesMs: number[];
  /** Median over the updates: one-event patch posted → the frame after it. */
  updateMs: number;
  updateSamplesMs: number[];
  /** The same intervals as the webview measures them itself (from its message handler on). */
  selfFirstPaintMs: number;
  selfUpdateMs: number;
  /** `makePatch` on the two models, in Node (now the server's share). */
  diffMs: number;
  patchEvents: number;
  rowsInDom: number;
  modelBytes: number;
}

interface Render {
  ms: number;
  selfMs: number;
  rows: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

export function toView(model: TimelineModel | ViewModel): ViewModel {
  if (!('links' in model)) return model;
  const { links: _links, ...view } = model;
  return view;
}

/**
 * Posts the message stashed in `window.__next` and waits for the webview's `rendered` answer. The
 * clock starts before `postMessage`, so the structured clone of the message is counted, as it is
 * when VS Code hands a message to the webview's frame; the webview answers from a task after the
 * next animation frame, so the frame's style, layout and paint are counted too.
 */
async function post(page: Page, message: ToWebview): Promise<Render> {
  // Handed over as a JSON string and parsed in the page beforehand: not part of the measurement.
  await page.evaluate(`window.__next = JSON.parse(${JSON.stringify(JSON.stringify(message))})`);
  const render = (await page.evaluate(`new Promise((resolve, reject) => {
    const renders = window.__renders;
    const before = renders.length;
    const started = performance.now();
    window.postMessage(window.__next, '*');
    const poll = () => {
      const done = renders[before];
      if (done) resolve({ ms: done.at - started, selfMs: done.selfMs, rows: done.rows });
      else if (performance.now() - started > 60000) reject(new Error('no rendered message within 60 s'));
      else setTimeout(poll, 1);
    };
    poll();
  })`)) as Render;
  await page.evaluate('window.__next = undefined');
  return render;
}

/** A pause between updates, as between keystrokes, so one update's leftovers do not land in the next. */
const pause = (page: Page): Promise<void> => page.waitForTimeout(30);

export async function measurePaint(browser: Browser, events: number, beforeModel: ViewModel, afterModel: ViewModel, repeats: number, updates: number): Promise<PaintResult> {
  const diffStarted = performance.now();
  const forward: ModelPatch = makePatch(beforeModel, afterModel);
  const diffMs = performance.now() - diffStarted;
  const backward: ModelPatch = makePatch(afterModel, beforeModel);
  const firsts: Render[] = [];
  const patches: Render[] = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    // A fresh page each time: a first paint pays for the script's first run over a model.
    const preview = await openPreview(browser);
    try {
      firsts.push(await post(preview.page, { type: 'model', model: beforeModel, fileName: `bench-${events}.postmortem.yaml` }));
      for (let update = 0; update < Math.ceil(updates / repeats); update++) {
        await pause(preview.page);
        // Alternating forward and back keeps every update a real change.
        patches.push(await post(preview.page, { type: 'patch', patch: update % 2 === 0 ? forward : backward }));
      }
    } finally {
      await preview.close();
    }
  }
  const rows = Math.min(...firsts.map((render) => render.rows));
  if (rows === 0) throw new Error(`${events} events: the first frame had no event rows`);
  return {
    events,
    firstPaintMs: median(firsts.map((render) => render.ms)),
    firstPaintSamplesMs: firsts.map((render) => render.ms),
    updateMs: median(patches.map((render) => render.ms)),
    updateSamplesMs: patches.map((render) => render.ms),
    selfFirstPaintMs: median(firsts.map((render) => render.selfMs)),
    selfUpdateMs: median(patches.map((render) => render.selfMs)),
    diffMs,
    patchEvents: forward.splices.events?.items.length ?? 0,
    rowsInDom: rows,
    modelBytes: Buffer.byteLength(JSON.stringify(beforeModel)),
  };
}

interface Input {
  repeats?: number;
  updates?: number;
  sizes: { events: number; before: TimelineModel; after: TimelineModel }[];
}

async function main(file: string): Promise<void> {
  const input = JSON.parse(readFileSync(file, 'utf8')) as Input;
  const browser = await launchBrowser();
  try {
    for (const size of input.sizes) {
      const result = await measurePaint(browser, size.events, toView(size.before), toView(size.after), input.repeats ?? 5, input.updates ?? 10);
      console.log(JSON.stringify({ ...result, chromium: browser.version() }));
    }
  } finally {
    await browser.close();
  }
}

if (require.main === module) {
  const file = process.argv[2];
  (file ? main(file) : Promise.reject(new Error('usage: paint.ts <input.json>'))).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}

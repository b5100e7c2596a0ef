// Phase 2 of the e2e run: what a person sees, checked through the browser on the broken sample:
// squiggles, a hover on a time, the Problems panel, and the timeline preview surviving a reload.
// Screenshots go to test-results/screenshots/.
/* global document, NodeFilter -- in page.evaluate() callbacks, which run in the browser */
import path from 'node:path';
import { workbenchUrl } from './codeServer.mjs';
import { escapeRegExp, findBrokenSample, firstTimeOf } from './sampleText.mjs';
import { quickOpen } from './workbench.mjs';

/**
 * @param {ReturnType<typeof import('./session.mjs').createSession>} session
 */
export async function runUiChecks(session, { browser, server, workspace, extensionPath }) {
  const { say, check, screenshot } = session;
  const broken = findBrokenSample(workspace);
  if (!broken) {
    say('UI checks skipped: no *broken*.postmortem.yaml sample in the workspace');
    session.uiChecks.push({ name: 'UI checks (no broken sample)', state: 'skipped' });
    return;
  }
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  session.attachPageLogging(page, 'ui');
  page.setDefaultTimeout(20_000);
  const url = workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: extensionPath });
  say(`UI checks on ${path.basename(broken)}: ${url}`);
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const base = path.basename(broken);

    const opened = await check('the workbench opens the broken sample', page, async () => {
      await page.locator('.monaco-workbench').waitFor();
      // The explorer lists the workspace once the remote connection is up.
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
      await quickOpen(page, base);
      await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
    });

    await check('squiggles are drawn in the editor', page, async () => {
      if (!opened) throw new Error('the broken sample did not open');
      const squiggles = page.locator('.editor-instance .monaco-editor .squiggly-error, .editor-instance .monaco-editor .squiggly-warning');
      await squiggles.first().waitFor();
      const errors = await page.locator('.editor-instance .monaco-editor .squiggly-error').count();
      const warnings = await page.locator('.editor-instance .monaco-editor .squiggly-warning').count();
      say(`    ${errors} error and ${warnings} warning squiggle decoration(s) in view`);
      await screenshot(page, 'editor-squiggles');
    });

    await check('hovering a time shows its instant in UTC', page, async () => {
      if (!opened) throw new Error('the broken sample did not open');
      const time = firstTimeOf(path.join(workspace, broken));
      if (!time) throw new Error(`no \`key: <time with a clock>\` line in ${base}`);
      // Monaco renders spaces as U+00A0: \s matches both.
      const line = page.locator('.editor-instance .monaco-editor .view-line', { hasText: new RegExp(`${time.key}:\\s${escapeRegExp(time.value)}`) }).first();
      await line.waitFor();
      // The middle of the time's text, measured in the DOM (tokens split it into spans).
      const point = await line.evaluate((el, needle) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        const nodes = [];
        let full = '';
        while (walker.nextNode()) { nodes.push({ node: walker.currentNode, start: full.length }); full += walker.currentNode.textContent; }
        const at = full.indexOf(needle) + Math.floor(needle.length / 2);
        for (const { node, start } of nodes) {
          if (at >= start && at < start + (node.textContent ?? '').length) {
            const range = document.createRange();
            range.setStart(node, at - start);
            range.setEnd(node, at - start + 1);
            const r = range.getBoundingClientRect();
            return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
          }
        }
        return null;
      }, time.value);
      if (!point) throw new Error(`could not locate ${time.value} in the rendered line`);
      await page.mouse.move(point.x - 40, point.y);
      await page.mouse.move(point.x, point.y, { steps: 4 });
      const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'UTC' }).first();
      await hover.waitFor();
      const text = (await hover.innerText()).replace(/\s+/g, ' ').trim();
      say(`    hover on ${time.value}: ${text.slice(0, 160)}`);
      if (!text.includes(time.value)) throw new Error(`the hover does not name ${time.value}: ${text}`);
      if (!/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/.test(text)) throw new Error(`the hover shows no UTC instant: ${text}`);
      await screenshot(page, 'hover-time');
      await page.keyboard.press('Escape');
      await page.mouse.move(5, 5);
    });

    await check('the Problems panel lists the diagnostics', page, async () => {
      await page.keyboard.press('Control+Shift+M');
      const panel = page.locator('.markers-panel');
      await panel.waitFor();
      const markerRows = panel.locator('.monaco-list-row:has(.marker-icon)');
      await markerRows.first().waitFor();
      const texts = await markerRows.allInnerTexts();
      say(`    Problems panel: ${texts.length} marker row(s)`);
      for (const t of texts.slice(0, 15)) say(`      ${t.replace(/\s+/g, ' ').trim()}`);
      if (!texts.some((t) => t.includes('Ln') || /\[\d+,\s*\d+\]|\(\d+,\s*\d+\)/.test(t))) {
        // rows always show a position; log the raw text to help when the DOM changes
        say('    (rows have no recognisable position; DOM may have changed)');
      }
      await screenshot(page, 'problems-panel');
    });

    await check('the timeline preview is restored after a window reload', page, async () => {
      if (!opened) throw new Error('the broken sample did not open');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Shift+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill('>Postmortem: Open Timeline Preview to the Side');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Open Timeline Preview' }).first().waitFor();
      await page.keyboard.press('Enter');
      const eventRows = () => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('.list [data-row] .when');
      await eventRows().first().waitFor();
      const before = await eventRows().count();
      await screenshot(page, 'preview-before-reload');
      // "Developer: Reload Window", as a person would: an orderly shutdown saves the layout (a bare
      // page reload may not), the workbench starts over, and only the webview serializer can bring
      // the preview back with its document.
      await page.keyboard.press('Control+Shift+P');
      await input.waitFor();
      await input.fill('>Developer: Reload Window');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Reload Window' }).first().waitFor();
      await Promise.all([page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout: 30_000 }), page.keyboard.press('Enter')]);
      await page.locator('.monaco-workbench').waitFor();
      await eventRows().first().waitFor({ timeout: 45_000 });
      const after = await eventRows().count();
      say(`    preview rows: ${before} before the reload, ${after} after`);
      if (after === 0) throw new Error('the restored preview shows no events');
      await screenshot(page, 'preview-after-reload');
    }, 60_000);

    await screenshot(page, 'workbench');
  } finally {
    await context.close().catch(() => {});
  }
}

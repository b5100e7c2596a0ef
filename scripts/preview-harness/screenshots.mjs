#!/usr/bin/env node
// The README's screenshots of the timeline preview in a real VS Code (code-server + headless
// Chromium), light and dark: `node scripts/preview-harness/screenshots.mjs [sample]`.
// Needs `npm run build` and the e2e setup (`node scripts/e2e/setup.mjs`). Writes
// media/screenshots/preview-light.png and preview-dark.png.
/* global document */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startCodeServer, workbenchUrl } from '../e2e/codeServer.mjs';
import { CHROMIUM, repoRoot, samplesDir } from '../e2e/paths.mjs';

const sample = process.argv[2] ?? 'clova-bot-invites.en.postmortem.yaml';
const outDir = path.join(repoRoot, 'media', 'screenshots');
const themes = { light: 'Default Light Modern', dark: 'Default Dark Modern' };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function shoot(name, theme) {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-shots-'));
  fs.copyFileSync(path.join(samplesDir, sample), path.join(workspace, sample));
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-shots-user-'));
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.colorTheme': theme,
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'update.mode': 'none',
      'git.enabled': false,
      'chat.disableAIFeatures': true,
      'window.commandCenter': false,
      'workbench.activityBar.location': 'hidden',
      'editor.minimap.enabled': false,
      'breadcrumbs.enabled': false,
    }),
  );
  const server = await startCodeServer({ userDataDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    // code-server picks its default light or dark theme from the browser's preference.
    const page = await browser.newPage({ viewport: { width: 1500, height: 940 }, colorScheme: name.endsWith('dark') ? 'dark' : 'light' });
    await page.goto(workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: repoRoot }));
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await sleep(2000);
    {
      // The theme setting is not honoured by this code-server; pick the theme as a person would.
      await page.mouse.click(800, 500);
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+T');
      await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible', timeout: 10_000 });
      await sleep(1000);
      await page.keyboard.type(theme, { delay: 20 });
      await sleep(1000);
      if (process.env.SHOTS_DEBUG) await page.screenshot({ path: path.join(os.tmpdir(), 'postmortem-shots-2.png') });
      await page.keyboard.press('Enter');
      await sleep(1500);
    }
    // Open the file from the explorer, as a person would.
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: sample }).first().click({ timeout: 30_000 });
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });
    await sleep(1500);
    await page.keyboard.press('F1');
    await page.keyboard.type('Postmortem: Open Timeline Preview to the Side');
    await sleep(800);
    await page.keyboard.press('Enter');
    // The webview lives in nested iframes; wait for its event rows.
    const deadline = Date.now() + 60_000;
    for (;;) {
      let rows = 0;
      for (const frame of page.frames()) rows += await frame.locator('.row.event').count().catch(() => 0);
      if (rows > 0) break;
      if (Date.now() > deadline) {
        await page.screenshot({ path: path.join(os.tmpdir(), 'postmortem-shots-failure.png') });
        throw new Error(`the preview did not show events; frames: ${page.frames().map((f) => f.url()).join(' ')}`);
      }
      await sleep(250);
    }
    await page.keyboard.press('Escape');
    await sleep(1200);
    fs.mkdirSync(outDir, { recursive: true });
    const file = path.join(outDir, `${name}.png`);
    await page.screenshot({ path: file });
    console.log(`theme classes: ${await page.evaluate(() => document.querySelector('.monaco-workbench')?.className)}`);
    console.log(`wrote ${path.relative(repoRoot, file)}`);
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

for (const [name, theme] of Object.entries(themes)) await shoot(`preview-${name}`, theme);

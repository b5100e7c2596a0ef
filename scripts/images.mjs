#!/usr/bin/env node
// The packaged extension's images, rendered with headless Chromium (the e2e suite's browser) and
// committed, so `npm run package` needs no browser: media/icon.png (128×128, from media/icon.svg;
// the Marketplace and VS Code take no SVG icons) and the README screenshots as JPEG
// (media/screenshots/*.jpg, 1,000 px wide), small enough to inline as data: URIs in the packaged
// README, the only images VS Code's extension page loads from a .vsix (its policy is
// `img-src https: data:`, and this project has no public https home). Run after retaking the
// screenshots (scripts/preview-harness/screenshots.mjs): `node scripts/images.mjs`.
/* global document, Image -- in page.evaluate(), which runs in the browser */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, repoRoot } from './e2e/paths.mjs';

const media = path.join(repoRoot, 'media');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--headless'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${fs.readFileSync(path.join(media, 'icon.svg'), 'utf8')}</body></html>`);
  await page.screenshot({ path: path.join(media, 'icon.png'), omitBackground: true, clip: { x: 0, y: 0, width: 128, height: 128 } });
  console.log('wrote media/icon.png');
  for (const name of ['preview-light', 'preview-dark']) {
    const png = fs.readFileSync(path.join(media, 'screenshots', `${name}.png`)).toString('base64');
    const jpeg = await page.evaluate(async (source) => {
      const image = new Image();
      image.src = `data:image/png;base64,${source}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = 1000;
      canvas.height = Math.round((image.height * 1000) / image.width);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2D canvas');
      context.imageSmoothingQuality = 'high';
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      return canvas.toDataURL('image/jpeg', 0.8).split(',')[1];
    }, png);
    fs.writeFileSync(path.join(media, 'screenshots', `${name}.jpg`), Buffer.from(jpeg, 'base64'));
    console.log(`wrote media/screenshots/${name}.jpg (${Math.round(Buffer.from(jpeg, 'base64').length / 1024)} KB)`);
  }
} finally {
  await browser.close();
}

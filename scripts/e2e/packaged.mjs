// The e2e suite's last phase: the packaged extension as users get it. Builds the .vsix
// (scripts/package.mjs), installs it into a fresh code-server with `--install-extension` (its own
// extensions and user-data folders), and opens a window in Restricted Mode (workspace trust on,
// folder not trusted). Checks, through the browser, that the extension activates and validates
// the broken sample, and that the timeline preview renders an XSS corpus in every text field as
// text with no Content Security Policy violation (console errors and our page's own
// `securitypolicyviolation` warnings, from the webview frames of the real browser).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCodeServer, workbenchUrl } from './codeServer.mjs';
import { copySamples } from './ensureBuilt.mjs';
import { codeServerDir, repoRoot, samplesDir } from './paths.mjs';
import { hostileDocument } from '../../test/common/hostile.cjs';
import { findBrokenSample } from './sampleText.mjs';
import { quickOpen } from './workbench.mjs';

/** Hostile text: markup, handlers, script-closing tags mid-text, URLs with scripts and data, CSS. */
export const XSS = [
  '<script>window.__postmortemInjected=1</script>',
  'before </script><script>window.__postmortemInjected=2</script> after',
  '<img src=x onerror="window.__postmortemInjected=3">',
  '<svg onload="window.__postmortemInjected=4"><circle r=1 /></svg>',
  '<a href="javascript:window.__postmortemInjected=5">link</a> javascript:alert(5)',
  '<iframe src="data:text/html,<script>parent.__postmortemInjected=6</script>"></iframe> data:text/html;base64,PHNjcmlwdD4=',
  '<style>body{background:url(https://evil.example/x.png)}</style><div style="background:url(javascript:alert(7))">css</div>',
  '"><img src=https://evil.example/i.png> \' onmouseover=alert(8) x=\'',
].join(' ');

/** A postmortem with the corpus in every text field, the overview 1 MB long. */
export function xssDocument() {
  return hostileDocument(XSS, `${XSS} ${'<b>x</b>'.repeat(131_072)}`);
}

/** Runs the phase; `check(name, page, fn, ms)` records each outcome like the other UI checks. */
export async function runPackagedChecks({ browser, check, screenshot, say, attachPageLogging }) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-vsix-e2e-'));
  const workspace = copySamples(samplesDir);
  let server;
  let context;
  try {
    const vsix = path.join(tmp, 'postmortem.vsix');
    const extensionsDir = path.join(tmp, 'extensions');
    const userDataDir = path.join(tmp, 'user-data');
    fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    // Trust on, the folder untrusted, no prompt: the window opens in Restricted Mode.
    fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({
      'security.workspace.trust.enabled': true,
      'security.workspace.trust.startupPrompt': 'never',
      'security.workspace.trust.banner': 'always',
      'workbench.startupEditor': 'none',
      'telemetry.telemetryLevel': 'off',
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      'chat.disableAIFeatures': true,
    }));
    fs.writeFileSync(path.join(workspace.dir, 'xss.postmortem.yaml'), xssDocument());

    let installed = false;
    await check('the .vsix is packaged and installs with --install-extension', null, async () => {
      execFileSync(process.execPath, [path.join(repoRoot, 'scripts/package.mjs'), '--out', vsix], { cwd: repoRoot, stdio: 'pipe' });
      const home = path.join(tmp, 'home');
      fs.mkdirSync(home, { recursive: true });
      const output = execFileSync(process.execPath, [path.join(codeServerDir, 'out', 'node', 'entry.js'), '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix], { env: { ...process.env, HOME: home, EXTENSIONS_GALLERY: '{}' }, encoding: 'utf8', stdio: 'pipe', timeout: 120_000 });
      const folders = fs.readdirSync(extensionsDir).filter((name) => name.startsWith('postmortem-tools.postmortem-language-'));
      say(`    ${output.trim().split('\n').at(-1)}; installed as ${folders.join(', ')}`);
      if (folders.length !== 1) throw new Error(`expected one installed postmortem-language folder in ${extensionsDir}: ${fs.readdirSync(extensionsDir).join(', ')}`);
      if (fs.existsSync(path.join(extensionsDir, folders[0], 'client', 'out', 'extension.js.map'))) throw new Error('the installed extension carries source maps');
      installed = true;
    }, 180_000);
    if (!installed) return;

    server = await startCodeServer({ extensionsDir, userDataDir, workspaceTrust: true });
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    attachPageLogging(page, 'packaged');
    page.setDefaultTimeout(30_000);
    const cspErrors = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to (load|execute|apply|frame)|securitypolicyviolation|postmortem preview: (Content|ignored|could not)/i.test(message.text()) && /webview|postmortem/i.test(`${message.location()?.url ?? ''} ${message.text()}`)) cspErrors.push(message.text());
    });
    await page.goto(workbenchUrl(server, { folder: workspace.dir }), { waitUntil: 'domcontentloaded' });

    await check('packaged: the window is in Restricted Mode and the extension validates the broken sample', page, async () => {
      await page.locator('.monaco-workbench').waitFor();
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
      await page.getByText('Restricted Mode', { exact: false }).first().waitFor();
      await quickOpen(page, path.basename(findBrokenSample(workspace.dir)));
      await page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });
      await screenshot(page, 'packaged-restricted-squiggles');
    }, 90_000);

    await check('packaged: the preview shows the XSS corpus as text, with no script run and no CSP violation', page, async () => {
      await quickOpen(page, 'xss.postmortem.yaml');
      // The command shows in the palette only while a postmortem editor has focus (`editorLangId`);
      // right after opening, focus may still be moving. So: focus the editor, then look for the row,
      // and start over (bounded) when the palette was built before the context was there.
      const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Postmortem: Open Timeline Preview to the Side' }).first();
      for (let attempt = 1; ; attempt++) {
        await page.locator('.monaco-editor .view-lines:visible').first().click();
        await page.keyboard.press('Control+Shift+P');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor();
        await input.fill('>Postmortem: Open Timeline Preview to the Side');
        try {
          // A click on the row itself: Enter may land while the list is still being filtered.
          await row.click({ timeout: 10_000 });
          break;
        } catch (error) {
          if (attempt >= 3) throw error;
          await page.keyboard.press('Escape');
        }
      }
      const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await view.locator('h1').first().waitFor({ timeout: 60_000 });
      const seen = await view.locator('body').evaluate((body) => ({
        title: body.querySelector('h1')?.textContent ?? '',
        overview: Math.max(...[...body.querySelectorAll('p, div')].map((node) => node.textContent?.length ?? 0)),
        // The body only: VS Code puts its own <style> in every webview's head.
        tags: [...new Set([...body.querySelectorAll('*')].map((node) => node.tagName.toLowerCase()))],
        urls: [...body.ownerDocument.querySelectorAll('[href], [src]')].map((node) => node.getAttribute('href') ?? node.getAttribute('src')),
        injected: '__postmortemInjected' in body.ownerDocument.defaultView || '__postmortemInjected' in (body.ownerDocument.defaultView?.parent ?? {}),
        styled: body.ownerDocument.defaultView.getComputedStyle(body).backgroundImage,
      }));
      await screenshot(page, 'packaged-xss-preview');
      if (seen.title !== XSS) throw new Error(`the title is not the corpus as text: ${seen.title.slice(0, 120)}`);
      if (seen.overview < 1_000_000) throw new Error(`the 1 MB overview is not shown whole (${seen.overview} characters)`);
      if (seen.injected) throw new Error('an injected script ran');
      for (const tag of ['img', 'iframe', 'a', 'svg', 'style', 'object', 'embed', 'form', 'link']) if (seen.tags.includes(tag)) throw new Error(`a <${tag}> element from the document: ${seen.tags.join(' ')}`);
      if (seen.urls.length !== 2 || seen.urls.some((url) => /javascript:|data:|evil\.example/.test(url))) throw new Error(`unexpected URLs: ${seen.urls.join(' ')}`);
      if (seen.styled !== 'none') throw new Error(`document CSS applied: ${seen.styled}`);
      // Console messages arrive in order: once a marker logged now has arrived, so has any violation.
      const marker = `postmortem e2e console marker ${Date.now()}`;
      await Promise.all([page.waitForEvent('console', (message) => message.text() === marker), view.locator('body').evaluate((_, text) => console.log(text), marker)]);
      if (cspErrors.length) throw new Error(`Content Security Policy violations or dropped messages: ${cspErrors.slice(0, 3).join(' | ')}`);
      say(`    title as text (${seen.title.length} characters), longest text ${seen.overview} characters, tags: ${seen.tags.join(' ')}`);
    }, 120_000);
  } finally {
    await context?.close().catch(() => {});
    await server?.stop().catch(() => {});
    workspace.cleanup();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

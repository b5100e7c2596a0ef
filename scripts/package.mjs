#!/usr/bin/env node
// `npm run package`: the .vsix, built from a staging copy so the development bundles that the
// tests and F5 use (client/out, server/out: readable, with source maps and test hooks) stay as
// they are. The staging folder gets minified bundles without maps or test hooks, the manifest
// without scripts or devDependencies, and the user README without its development section and
// with the screenshots inlined as data: URIs (VS Code's extension page loads only https: and
// data: images, and a .vsix has no https home). Options: --out FILE (default
// postmortem-language-<version>.vsix in the repository root).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: argv } = parseArgs({ options: { out: { type: 'string' } } });
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const out = path.resolve(argv.out ?? path.join(root, `${manifest.name}-${manifest.version}.vsix`));
const stage = path.join(root, '.cache', 'package');

/** What the package holds besides the bundles; .vscodeignore (copied too) is the final filter. */
const COPY = ['LICENSE', 'CHANGELOG.md', 'SECURITY.md', 'package.nls.json', 'package.nls.ja.json', 'language-configuration.json', 'l10n', 'schemas', 'syntaxes', 'bin', 'docs/postmortem-format.md', 'media/preview.css', 'media/preview.svg', 'media/icon.png', '.vscodeignore'];

/** The README as users read it on the extension page. */
export function packagedReadme(text, readImage) {
  return text
    .replace(/<!-- repo-only -->[\s\S]*?<!-- \/repo-only -->\n?/g, '')
    .replace(/\]\((media\/screenshots\/[\w-]+)\.png\)/g, (_, base) => `](data:image/jpeg;base64,${readImage(`${base}.jpg`).toString('base64')})`)
    .trimEnd() + '\n';
}

function main() {
  const started = Date.now();
  fs.rmSync(stage, { recursive: true, force: true });
  fs.mkdirSync(stage, { recursive: true });
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--minify', '--production', '--out', stage], { stdio: 'inherit' });
  for (const item of COPY) fs.cpSync(path.join(root, item), path.join(stage, item), { recursive: true });
  const { scripts: _scripts, devDependencies: _dev, ...published } = manifest;
  fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify(published, null, 2) + '\n');
  const readme = packagedReadme(fs.readFileSync(path.join(root, 'README.md'), 'utf8'), (file) => fs.readFileSync(path.join(root, file)));
  fs.writeFileSync(path.join(stage, 'README.md'), readme);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  execFileSync(process.execPath, [path.join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', out], { cwd: stage, stdio: 'inherit' });
  console.log(`packaged ${path.relative(process.cwd(), out) || out} (${(fs.statSync(out).size / 1024 / 1024).toFixed(2)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

// Bundles the extension, the language server, the command line and the preview script with esbuild.
// `node scripts/build.mjs --watch` rebuilds on change; `--minify` for packaging.
import { build, context } from 'esbuild';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

const node = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, minify, logLevel: 'warning' };
const targets = [
  { ...node, entryPoints: [join(root, 'client/src/extension.ts')], outfile: join(root, 'client/out/extension.js'), external: ['vscode'] },
  { ...node, entryPoints: [join(root, 'server/src/server/main.ts')], outfile: join(root, 'server/out/server.js') },
  { ...node, entryPoints: [join(root, 'server/src/cli/main.ts')], outfile: join(root, 'server/out/cli.js') },
];
const webview = join(root, 'client/webview/preview.ts');
if (existsSync(webview)) {
  targets.push({ bundle: true, platform: 'browser', target: 'es2022', format: 'iife', sourcemap: true, minify, logLevel: 'warning', entryPoints: [webview], outfile: join(root, 'client/out/webview/preview.js') });
}

const started = Date.now();
if (watch) {
  for (const options of targets) await (await context(options)).watch();
  console.log('watching for changes…');
} else {
  await Promise.all(targets.map((options) => build(options)));
  console.log(`built ${targets.length} bundles in ${Date.now() - started} ms`);
}

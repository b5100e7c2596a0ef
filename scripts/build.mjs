// Bundles the extension, the language server, the command line and the preview script with esbuild.
// `node scripts/build.mjs --watch` rebuilds on change. Packaging (scripts/package.mjs) builds
// `--minify --out <staging folder>`: minified, no source maps, and the development bundles untouched.
import { build, context } from 'esbuild';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');
// Test hooks (the preview's probe commands) exist only in development builds; `--production`
// defines them away, and the minifier drops the code.
const define = { POSTMORTEM_TEST_HOOKS: String(!process.argv.includes('--production')) };
const outIndex = process.argv.indexOf('--out');
const outRoot = outIndex > 0 ? process.argv[outIndex + 1] : root;
if (outRoot === undefined) throw new Error('--out needs a folder');

/**
 * `yaml`'s parser and composer read `process.env.LOG_TOKENS` / `LOG_STREAM` (a call into the C++
 * environment) once per token to decide whether to print debug output: about 30 ms per 300,000
 * tokens, most of a 10,000-event document's open beyond the parse itself. A language server never
 * sets them; the bundle reads `false`. A `yaml` that no longer has the line fails the build, so the
 * saving cannot vanish unnoticed.
 * @type {import('esbuild').Plugin}
 */
const yamlDebugOff = {
  name: 'yaml-debug-off',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const contents = text.replace(/\bnode_process\.env\.LOG_(TOKENS|STREAM)\b/g, 'false');
      if (contents === text) throw new Error(`yaml-debug-off: ${args.path} no longer reads process.env.LOG_TOKENS/LOG_STREAM; update scripts/build.mjs`);
      return { contents, loader: 'js' };
    });
  },
};

/** @type {import('esbuild').BuildOptions} */
const node = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: !minify, minify, define, logLevel: 'warning', plugins: [yamlDebugOff] };
/** @type {import('esbuild').BuildOptions[]} */
const targets = [
  { ...node, entryPoints: [join(root, 'client/src/extension.ts')], outfile: join(outRoot, 'client/out/extension.js'), external: ['vscode'] },
  { ...node, entryPoints: [join(root, 'server/src/server/main.ts')], outfile: join(outRoot, 'server/out/server.js') },
  { ...node, entryPoints: [join(root, 'server/src/cli/main.ts')], outfile: join(outRoot, 'server/out/cli.js') },
];
const webview = join(root, 'client/webview/preview.ts');
if (existsSync(webview)) {
  targets.push({ bundle: true, platform: 'browser', target: 'es2022', format: 'iife', sourcemap: !minify, minify, logLevel: 'warning', entryPoints: [webview], outfile: join(outRoot, 'client/out/webview/preview.js') });
}

const started = Date.now();
if (watch) {
  // Info level prints "[watch] build started/finished": the F5 task's problem matcher waits on them.
  for (const options of targets) await (await context({ ...options, logLevel: 'info' })).watch();
  console.log('watching for changes…');
} else {
  await Promise.all(targets.map((options) => build(options)));
  console.log(`built ${targets.length} bundles in ${Date.now() - started} ms`);
}

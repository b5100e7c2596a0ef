// Compiles the end-to-end suite (test/e2e/suite/**/*.ts) with esbuild into test/e2e/out/ (or the
// given folder): index.js (the Mocha entry, Mocha bundled in) and one bundle per *.test.ts
// (helpers inlined).
// `vscode` stays external: the extension host provides it.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { e2eOutDir, repoRoot } from './paths.mjs';

const suiteDir = path.join(repoRoot, 'test', 'e2e', 'suite');

function testFiles(dir) {
  return fs.readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => path.join(dir, f))
    .sort();
}

/**
 * Builds `outDir` (default test/e2e/out/) from scratch. Returns the list of source test files.
 * The runner passes a folder of its own, so runs in parallel in one tree never delete each
 * other's bundles.
 */
export async function compileE2E({ quiet = false, outDir = e2eOutDir } = {}) {
  const t0 = Date.now();
  fs.rmSync(outDir, { recursive: true, force: true });
  const tests = testFiles(suiteDir);
  await esbuild.build({
    entryPoints: [path.join(suiteDir, 'index.ts'), ...tests],
    outbase: suiteDir,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'warning',
    // Mocha has optional requires that are never taken in the extension host.
    logOverride: { 'require-resolve-not-external': 'silent', 'unsupported-require-call': 'silent' },
  });
  if (!quiet) console.log(`[e2e] compiled ${tests.length} test file(s) + index.js into ${path.relative(repoRoot, outDir)}/ in ${Date.now() - t0} ms`);
  return tests;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  compileE2E().catch((e) => { console.error(e); process.exit(1); });
}

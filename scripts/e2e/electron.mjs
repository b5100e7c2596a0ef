#!/usr/bin/env node
// `npm run test:electron`: the same end-to-end suite (test/e2e/out/index.js) in desktop VS Code
// through @vscode/test-electron. It downloads VS Code into .vscode-test/ (git-ignored), so it
// needs network access to the VS Code update site; this machine has none, so it is expected to
// fail here at the download step. Everything else is the same as `npm run test:e2e`.
//
// Options: --version X (VS Code version, default: 'stable'; or set VSCODE_VERSION),
//   --code PATH (use an installed VS Code executable instead of downloading), --no-build,
//   --grep PATTERN. On Linux without a display, run under xvfb-run.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';
import { compileE2E } from './compile.mjs';
import { copySamples, ensureBuilt } from './ensureBuilt.mjs';
import { e2eEntry, repoRoot, resultsDir } from './paths.mjs';

const { values: argv } = parseArgs({
  options: {
    version: { type: 'string' },
    code: { type: 'string' },
    grep: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});

async function main() {
  await compileE2E();
  if (!argv['no-build']) ensureBuilt({ prefix: 'electron' });
  const workspace = copySamples();
  const resultsFile = path.join(resultsDir, 'e2e-results.json');
  fs.rmSync(resultsFile, { force: true });
  let exitCode = 1;
  try {
    exitCode = await runTests({
      ...(argv.code ? { vscodeExecutablePath: path.resolve(argv.code) } : { version: argv.version ?? process.env.VSCODE_VERSION ?? 'stable' }),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: e2eEntry,
      extensionTestsEnv: {
        POSTMORTEM_E2E_RESULTS: resultsFile,
        ...(argv.grep ? { POSTMORTEM_E2E_GREP: argv.grep } : {}),
      },
      launchArgs: [
        workspace.dir,
        '--disable-extensions', // only the extension under development
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-telemetry',
      ],
    });
  } catch (e) {
    // runTests rejects when VS Code exits non-zero (failing tests) or cannot be downloaded.
    console.error(`[electron] ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    workspace.cleanup();
  }
  let passed = 0;
  let failed = 0;
  try {
    const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    passed = r.passed;
    failed = r.failed + (r.error ? 1 : 0);
    for (const f of r.failures ?? []) console.log(`  - ${f.fullTitle}: ${f.message}`);
  } catch {
    failed = Math.max(failed, 1);
    console.log(`[electron] no results file at ${path.relative(repoRoot, resultsFile)}: the suite did not run`);
  }
  if (exitCode !== 0 && failed === 0) failed = 1;
  console.log(`\nE2E (electron): ${passed} passed, ${failed} failed`);
  return failed > 0 || passed === 0 ? 1 : 0;
}

main().then((c) => process.exit(c), (e) => { console.error(e); process.exit(1); });

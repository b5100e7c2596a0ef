// The end of an e2e run: totals over the extension-host suite's results file, its exit code, the
// UI checks and a fatal error; test-results/e2e-summary.json; the lines `npm test` reads.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, resultsDir } from './paths.mjs';
import { RUN_RESULTS } from './runDirs.mjs';
import { TimeoutError } from './session.mjs';
import { SetupError } from './setup.mjs';

/**
 * Prints and writes the summary; returns the process's exit code.
 * @param {ReturnType<typeof import('./session.mjs').createSession>} session
 * @param {{ suite: { exitCode: number, results: any } | null, fatal: any }} outcome
 */
export function report(session, { suite, fatal }) {
  let passed = 0;
  let failed = 0;
  const problems = [];
  if (suite) {
    const r = suite.results;
    if (r) {
      passed += r.passed;
      failed += r.failed;
      for (const f of r.failures ?? []) problems.push(`${f.fullTitle}: ${f.message.split('\n').slice(0, 8).join('\n      ')}`);
      if (r.error) { failed++; problems.push(`suite error: ${r.error.split('\n')[0]}`); }
      if (suite.exitCode !== 0 && r.failed === 0 && !r.error) {
        failed++;
        problems.push(`the extension host exited with code ${suite.exitCode} although the results file reports no failure`);
      }
      if (suite.exitCode === 0 && r.failed > 0) problems.push(`(the extension host exited 0 although ${r.failed} test(s) failed)`);
    } else {
      failed++;
      problems.push(`no results file (${path.relative(repoRoot, RUN_RESULTS)}); codeAutomationExit(${suite.exitCode}): the test entry did not run or crashed — see the [exthost] lines above and test-results/e2e-logs/`);
    }
  }
  for (const c of session.uiChecks) {
    if (c.state === 'passed') passed++;
    else if (c.state === 'failed') { failed++; problems.push(`UI: ${c.name}: ${(c.message ?? '').split('\n')[0]}`); }
  }
  if (fatal) {
    failed++;
    problems.push(`${fatal instanceof TimeoutError ? 'TIMEOUT' : 'ERROR'}: ${fatal.message}`);
    if (!(fatal instanceof TimeoutError) && !(fatal instanceof SetupError) && fatal.stack) console.error(fatal.stack);
  }
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, 'e2e-summary.json'), JSON.stringify({
    passed, failed, seconds: (Date.now() - session.t0) / 1000, suite: suite?.results ?? null, suiteExitCode: suite?.exitCode ?? null, ui: session.uiChecks, problems,
  }, null, 2) + '\n');
  if (problems.length) {
    console.log('\nE2E problems:');
    for (const p of problems) console.log(`  - ${p}`);
  }
  console.log(`\nE2E: ${passed} passed, ${failed} failed (${session.elapsed()})`);
  return failed > 0 || passed === 0 ? 1 : 0;
}

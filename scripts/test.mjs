// The one test command: build, type-check, lint, then unit, LSP and end-to-end suites.
// Ends with a single `Tests: N passed, N failed` line summing every suite.
// `--no-e2e` skips the real-VS-Code suite (for a quick loop); CI runs everything.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const withE2e = !process.argv.includes('--no-e2e');
const bin = (name) => join(root, 'node_modules', '.bin', name);

/** Runs a command with its output streamed, and hands the captured output back. */
function run(label, command, args) {
  console.log(`\n▶ ${label}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk;
        (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
      });
    }
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function mochaCounts(output) {
  const number = (pattern) => Number(pattern.exec(output)?.[1] ?? 0);
  return { passed: number(/(\d+) passing/), failed: number(/(\d+) failing/), skipped: number(/(\d+) pending/) };
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

for (const [label, command, args] of [
  ['build', process.execPath, [join(root, 'scripts/build.mjs')]],
  ['type-check (layers, tests, webview, harness, scripts)', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', bin('eslint'), ['.']],
]) {
  const { code } = await run(label, command, args);
  if (code !== 0) problems.push(label);
}
if (problems.includes('build')) {
  console.log('\nTests: 0 passed, 1 failed (the build failed)');
  process.exit(1);
}

for (const [label, config] of [
  ['unit tests (language service)', 'test/.mocharc.unit.json'],
  ['LSP tests (built server over stdio)', 'test/.mocharc.lsp.json'],
]) {
  const { code, output } = await run(label, bin('mocha'), ['--config', config]);
  const counts = mochaCounts(output);
  if (code !== 0 && counts.failed === 0) counts.failed = 1; // a crash before any report still fails
  for (const key of Object.keys(totals)) totals[key] += counts[key];
}

if (withE2e) {
  const { code, output } = await run('end-to-end tests (real VS Code via code-server)', process.execPath, [join(root, 'scripts/e2e/run.mjs')]);
  const match = /E2E: (\d+) passed, (\d+) failed/.exec(output);
  const passed = Number(match?.[1] ?? 0);
  let failed = Number(match?.[2] ?? 0);
  if (code !== 0 && failed === 0) failed = 1;
  totals.passed += passed;
  totals.failed += failed;
}

for (const label of problems) console.log(`✖ ${label} failed`);
const failed = totals.failed + problems.length;
console.log(`\nTests: ${totals.passed} passed, ${failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);

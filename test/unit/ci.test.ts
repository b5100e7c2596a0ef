import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { markerLine } from '../common/markers';
import { repoRoot, samplesDir } from './helpers';

interface ActionStep {
  name: string;
  id?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

/**
 * What CI integration can be checked without GitHub or pre-commit: the files parse, and the commands
 * they run do what they promise when run by hand, the way the runner or pre-commit would run them.
 */
describe('CI integration files', function () {
  // Child processes (the built bin, npm, bash) are slow on a loaded machine; none waits on a timer.
  this.timeout(30_000);
  const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as { runs: { using: string; steps: ActionStep[] }; inputs: Record<string, { default?: string }> };

  it('action.yml is a composite action with paths and args inputs that uploads SARIF', () => {
    assert.equal(action.runs.using, 'composite');
    assert.ok(action.inputs.paths && action.inputs.args);
    const upload = action.runs.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.ok(upload);
    assert.equal(upload.with?.sarif_file, '${{ inputs.sarif-file }}');
    for (const step of action.runs.steps) if (step.run) assert.equal(step.shell, 'bash', step.name);
  });

  function runLintStep(paths: string, args: string) {
    const step = action.runs.steps.find((candidate) => candidate.id === 'lint');
    assert.ok(step?.run);
    const dir = mkdtempSync(join(tmpdir(), 'pm-action-'));
    const output = join(dir, 'github_output');
    writeFileSync(output, '');
    const result = spawnSync('bash', ['-e', '-c', step.run], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C', POSTMORTEM_LINT: join(repoRoot, 'bin/postmortem-lint.js'), PATHS: paths, ARGS: args, SARIF_FILE: join(dir, 'out.sarif'), GITHUB_OUTPUT: output },
    });
    return { status: result.status, stdout: result.stdout, outputs: readFileSync(output, 'utf8'), sarif: JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')) as { version: string; runs: { results: unknown[] }[] } };
  }

  it('the action’s check step writes SARIF, prints the findings and hands the exit code on', () => {
    const clean = runLintStep('samples/', '--exclude broken');
    assert.equal(clean.status, 0);
    assert.equal(clean.outputs, 'exit-code=0\n');
    assert.equal(clean.sarif.version, '2.1.0');
    const dirty = runLintStep('samples/*.postmortem.yaml', '--quiet');
    assert.equal(dirty.status, 0, 'the step itself succeeds so the upload runs');
    assert.equal(dirty.outputs, 'exit-code=1\n');
    assert.ok((dirty.sarif.runs[0]?.results.length ?? 0) > 0);
    assert.match(dirty.stdout, /^samples\/broken\.postmortem\.yaml:\d+:\d+ error /m);
  });

  it('the pre-commit hook runs the packed package on the files it matches', function () {
    this.timeout(60_000);
    const [hook] = parse(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string }[];
    assert.ok(hook);
    assert.deepEqual([hook.id, hook.language], ['postmortem-lint', 'node']);
    // What pre-commit does for a node hook: pack the repository, install the package, run `entry`.
    const dir = mkdtempSync(join(tmpdir(), 'pm-hook-'));
    const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(pack.status, 0, pack.stderr);
    const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'));
    assert.ok(tarball);
    const install = spawnSync('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', join(dir, 'prefix'), join(dir, tarball)], { encoding: 'utf8' });
    assert.equal(install.status, 0, install.stderr);
    const matched = readdirSync(samplesDir).filter((name) => new RegExp(hook.files).test(name));
    assert.ok(matched.length > 3);
    const run = (files: string[]) => spawnSync(join(dir, 'prefix', 'bin', hook.entry), files, { cwd: samplesDir, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
    assert.equal(run(matched.filter((name) => !name.startsWith('broken'))).status, 0);
    const broken = run(matched);
    assert.equal(broken.status, 1);
    // The line of the sample's `# expect: period-order` marker, which moves when the sample grows.
    const periodLine = markerLine(readFileSync(join(samplesDir, 'broken.postmortem.yaml'), 'utf8'), 'period-order');
    assert.match(broken.stdout, new RegExp(`^broken\\.postmortem\\.yaml:${periodLine}:\\d+ error .+ \\[period-order\\]$`, 'm'));
  });
});

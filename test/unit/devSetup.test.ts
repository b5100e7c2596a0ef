// F5 in VS Code: .vscode/launch.json starts an Extension Development Host on samples/ after the
// `watch` task, whose problem matcher must recognise what `node scripts/build.mjs --watch` prints.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './helpers';

/** JSON with `//` comment lines, as VS Code's configuration files allow. */
const jsonc = (file: string): unknown => JSON.parse(readFileSync(join(repoRoot, file), 'utf8').replace(/^\s*\/\/.*$/gm, ''));

interface Task {
  label: string;
  command: string;
  isBackground: boolean;
  problemMatcher: { pattern: { regexp: string; file?: number; line?: number; column?: number; message?: number }[]; background: { activeAtBeginning: boolean; beginsPattern: string; endsPattern: string } };
}

describe('F5: launch configuration and watch task', () => {
  const tasks = (jsonc('.vscode/tasks.json') as { tasks: Task[] }).tasks;
  const launch = (jsonc('.vscode/launch.json') as { configurations: { name: string; type: string; args?: string[]; preLaunchTask?: string }[] }).configurations;

  it('runs the extension on samples/ after the watch task', () => {
    const run = launch.find((configuration) => configuration.type === 'extensionHost');
    assert.ok(run, 'an extensionHost configuration');
    assert.deepEqual(run.args, ['--extensionDevelopmentPath=${workspaceFolder}', '${workspaceFolder}/samples']);
    assert.equal(run.preLaunchTask, 'watch');
    const watch = tasks.find((task) => task.label === 'watch');
    assert.equal(watch?.command, 'node scripts/build.mjs --watch');
    assert.equal(watch?.isBackground, true);
  });

  it('has a problem matcher that reads esbuild watch output', () => {
    const { pattern, background } = (tasks.find((task) => task.label === 'watch') as Task).problemMatcher;
    // What esbuild prints in watch mode at info level (scripts/build.mjs), a rebuild with an error.
    const output = ['[watch] build started (change: "client/src/statusItem.ts")', '✘ [ERROR] Unexpected ";"', '', '    client/src/statusItem.ts:31:18:', '      31 │ const x: number = ;', '', '1 error', '[watch] build finished'];
    assert.match(output[0] ?? '', new RegExp(background.beginsPattern));
    assert.match(output.at(-1) ?? '', new RegExp(background.endsPattern));
    const start = output.findIndex((line) => new RegExp(pattern[0]?.regexp ?? '$^').test(line));
    const matches = pattern.map((step, index) => new RegExp(step.regexp).exec(output[start + index] ?? ''));
    assert.ok(matches.every(Boolean), 'each line of the pattern matches in turn');
    assert.equal(matches[0]?.[pattern[0]?.message ?? 0], 'Unexpected ";"');
    const location = matches[2] as RegExpExecArray;
    assert.deepEqual([location[pattern[2]?.file ?? 0], location[pattern[2]?.line ?? 0], location[pattern[2]?.column ?? 0]], ['client/src/statusItem.ts', '31', '18']);
  });
});

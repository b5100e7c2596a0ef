import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, fixture, lint, runBin } from './cliHelpers';
import { markerLine } from '../common/markers';
import { readSample, repoRoot, samplesDir, VALID } from './helpers';

const broken = join(samplesDir, 'broken.postmortem.yaml');
const LINE = /^(.+?):(\d+):(\d+) (error|warning|info|hint) (.+) \[([a-z0-9-]+)\]$/;

describe('postmortem-lint', function () {
  // Child processes (the built bin, npm, bash) are slow on a loaded machine; none waits on a timer.
  this.timeout(30_000);
  it('exits 0 on the samples without the broken one', async () => {
    const result = await lint([samplesDir, '--exclude', 'broken']);
    assert.equal(result.code, 0, result.out.join('\n'));
    assert.ok(result.out.every((line) => / info .*\[(disclosure-lag|regulatory-hint)\]$/.test(line)), result.out.join('\n'));
  });

  it('prints file:line:col severity message [code] and exits 1 on errors', async () => {
    const result = await lint([broken]);
    assert.equal(result.code, 1);
    // Lines come from the sample's own `# expect:` markers, so adding a check to it never breaks this test.
    const lineOf = (code: string) => markerLine(readSample('broken.postmortem.yaml'), code);
    assert.ok(result.out.some((line) => new RegExp(`broken\\.postmortem\\.yaml:${lineOf('period-order')}:\\d+ error .+ \\[period-order\\]$`).test(line)), result.out.join('\n'));
    assert.ok(result.out.some((line) => new RegExp(`:${lineOf('timeline-order')}:\\d+ warning .+ \\[timeline-order\\]$`).test(line)));
    assert.ok(result.out.every((line) => LINE.test(line)), 'every line parses');
    assert.match(result.err.at(-1) ?? '', /1 file\(s\) checked: \d+ error/);
  });

  it('finds postmortems in directories by name or by a first line `postmortem: 1`, and globs', async () => {
    const dir = fixture({ 'a/one.postmortem.yaml': VALID, 'b/two.yaml': VALID, 'b/other.yaml': 'name: not ours\n', 'c/three.postmortem.yml': 'postmortem: 1\n' });
    const all = await lint([dir]);
    assert.equal(all.code, 1, 'three.postmortem.yml is incomplete');
    assert.match(all.err.at(-1) ?? '', /^3 file/);
    const globbed = await lint([join(dir, '**/*.postmortem.yaml')]);
    assert.equal(globbed.code, 0);
    assert.match(globbed.err.at(-1) ?? '', /^1 file/);
  });

  it('accepts --opt=value and --opt value for every option with a value, in lint and export alike', async () => {
    for (const [flag, value] of [['--format', 'json'], ['--max-warnings', '3'], ['--exclude', 'broken'], ['--deadline-days', '400'], ['--locale', 'en']]) {
      const spaced = await lint([samplesDir, flag as string, value as string, ...(flag === '--exclude' ? [] : ['--exclude', 'broken'])]);
      const joined = await lint([samplesDir, `${flag}=${value}`, ...(flag === '--exclude' ? [] : ['--exclude', 'broken'])]);
      assert.deepEqual(joined, spaced, flag);
      assert.equal(spaced.code, 0, `${flag}: ${spaced.err.join('\n')}`);
    }
    assert.equal((await lint(['--stdin-filename=a.postmortem.yaml', '--stdin'], { stdin: VALID })).code, 0);
    const sample = join(samplesDir, 'face2face-videos.postmortem.yaml');
    const spaced = await lint(['export', sample, '--format', 'html', '--locale', 'ja']);
    const joined = await lint(['export', sample, '--format=html', '--locale=ja']);
    assert.equal(spaced.code, 0, spaced.err.join('\n'));
    assert.deepEqual(joined, spaced);
    assert.match(spaced.out.join('\n'), /^<!DOCTYPE html>/i);
  });

  it('exits 2 with a clear message on bad usage, and says so in Japanese', async () => {
    const cases: [string[], RegExp][] = [
      [[], /No files given/],
      [['--frobnicate', samplesDir], /Unknown option --frobnicate/],
      [['--deadline-days', 'soon', samplesDir], /whole number/],
      [['--max-warnings=-1', samplesDir], /whole number/],
      [['--format', 'xml', samplesDir], /Unknown output format "xml"/],
      [['--quiet=yes', samplesDir], /takes no value/],
      [[samplesDir, '--format'], /needs a value/],
      [['--stdin-filename', 'x.yaml', samplesDir], /--stdin-filename names standard input/],
      [['--stdin', samplesDir], /give no other files/],
      [['export', '--output=x.md'], /Which file/],
      [['export', broken, '--force=1'], /takes no value/],
    ];
    for (const [args, message] of cases) {
      const result = await lint(args);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.err.join('\n'), message, args.join(' '));
      assert.deepEqual(result.out, [], 'nothing on stdout');
    }
    const ja = await lint(['--locale=ja', '--frobnicate']);
    assert.match(ja.err.join('\n'), /不明なオプション --frobnicate/);
  });

  it('--help and --version print on stdout and exit 0', async () => {
    for (const flag of ['--help', '-h']) {
      const help = await lint([flag]);
      assert.equal(help.code, 0);
      assert.match(help.out.join('\n'), /^Usage: postmortem-lint/);
      assert.match(help.out.join('\n'), /Exit status: 0 /);
    }
    const version = await lint(['--version']);
    assert.deepEqual([version.code, version.out], [0, [JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version]]);
    assert.match((await lint(['export', '--help'])).out.join('\n'), /^Usage: postmortem-lint export/);
  });

  it('--quiet prints errors only; --max-warnings turns too many warnings into exit 1', async () => {
    const quiet = await lint([broken, '--quiet']);
    assert.ok(quiet.out.length > 0 && quiet.out.every((line) => LINE.exec(line)?.[4] === 'error'));
    const warningsOnly = fixture({ 'w.postmortem.yaml': VALID.replace('https://', 'http://') });
    const none = await lint([warningsOnly]);
    assert.equal(none.code, 0, 'warnings alone do not fail');
    const over = await lint([warningsOnly, '--max-warnings', '0']);
    assert.equal(over.code, 1);
    assert.match(over.err.join('\n'), /1 warning\(s\), more than --max-warnings 0/);
    assert.equal((await lint([warningsOnly, '--max-warnings=1'])).code, 0);
  });

  it('reads standard input with --stdin or -, reported under --stdin-filename', async () => {
    const text = readFileSync(broken, 'utf8');
    const named = await lint(['--stdin', '--stdin-filename', 'incidents/x.postmortem.yaml'], { stdin: text });
    const dash = await lint(['-', '--stdin-filename=incidents/x.postmortem.yaml'], { stdin: text });
    assert.equal(named.code, 1);
    assert.deepEqual(dash, named);
    // The line of the sample's `# expect: period-order` marker, not a number that moves when the sample grows.
    assert.ok(named.out.some((line) => new RegExp(`^incidents/x\\.postmortem\\.yaml:${markerLine(text, 'period-order')}:\\d+ error .+ \\[period-order\\]$`).test(line)), named.out.join('\n'));
    const anonymous = await lint(['-'], { stdin: text });
    assert.ok(anonymous.out.every((line) => line.startsWith('<stdin>:')));
  });

  it('compares the language versions among the files it is given', async () => {
    const ja = VALID.replace('language: en', 'language: ja').replace('value: 1053', 'value: 1054').replace('other: 4', 'other: 5');
    const dir = fixture({ 'a.en.postmortem.yaml': VALID, 'a.postmortem.yaml': ja });
    const both = await lint([dir]);
    assert.equal(both.out.filter((line) => line.endsWith('[parity-mismatch]')).length, 4, both.out.join('\n'));
    assert.ok(both.out.some((line) => /a\.en\.postmortem\.yaml:\d+:\d+ warning .*Japanese version \(a\.postmortem\.yaml\), which says `1054`/.test(line)), both.out.join('\n'));
    const one = await lint([join(dir, 'a.en.postmortem.yaml')]);
    assert.equal(one.out.filter((line) => line.endsWith('[parity-mismatch]')).length, 0);
  });

  it("export --profile writes a regulator's report items; an unknown profile is bad usage", async () => {
    const appi = await lint(['export', join(samplesDir, 'contact-form-logins.postmortem.yaml'), '--profile', 'appi']);
    assert.equal(appi.code, 0, appi.err.join('\n'));
    assert.match(appi.out.join('\n'), /## 9\. その他参考となる事項/);
    const bad = await lint(['export', join(samplesDir, 'contact-form-logins.postmortem.yaml'), '--profile=hipaa']);
    assert.equal(bad.code, 2);
    assert.match(bad.err.join('\n'), /Unknown profile "hipaa"/);
  });

  it('"no postmortem files" exits 2 without a summary of zero files', async () => {
    const empty = fixture({ 'notes.txt': 'hello\n' });
    const result = await lint([empty]);
    assert.equal(result.code, 2);
    assert.deepEqual(result.err, [`No postmortem files in ${empty}.`]);
  });

  it('the built bin: same results, exit codes, help on stdout; before a build, a clear message and exit 2', () => {
    const clean = runBin([samplesDir, '--exclude', 'broken']);
    assert.equal(clean.status, 0, clean.stderr);
    assert.equal(runBin([broken]).status, 1);
    const help = runBin(['--help']);
    assert.deepEqual([help.status, help.stderr], [0, '']);
    assert.match(help.stdout, /^Usage:/);
    assert.equal(runBin(['--nope']).status, 2);
    // The bin stub with no bundle next to it: a copy of bin/ in a folder without server/out.
    const unbuilt = fixture({ 'bin/postmortem-lint.js': readFileSync(bin, 'utf8') });
    const result = spawnSync(process.execPath, [join(unbuilt, 'bin/postmortem-lint.js'), samplesDir], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '' } });
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'postmortem-lint is not built yet: run `npm run build` first.\n');
  });

  it("the README's first command line example exits 0 on the project's samples", () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const example = /^npx postmortem-lint ([^#\n]+?)\s*(#.*)?$/m.exec(readme);
    assert.ok(example, 'the README has a postmortem-lint example');
    const result = runBin((example[1] as string).split(/\s+/));
    assert.equal(result.status, 0, `${example[0]}\n${result.stdout}${result.stderr}`);
  });
});

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../server/src/cli/main';
import type { CliIo } from '../../server/src/cli/export';
import { readExpectations } from '../common/markers';
import { readSample, repoRoot, samplesDir, VALID } from './helpers';

/** Runs the command line in-process with captured output. */
async function lint(args: string[], locale = 'en') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readFile: async (path) => (await import('node:fs/promises')).readFile(path, 'utf8'),
    writeFile: async () => undefined,
  };
  const code = await main(args, io, locale);
  return { code, out, err };
}

function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pm-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('postmortem-lint', () => {
  it('exits 0 on the samples without the broken one', async () => {
    const result = await lint([samplesDir, '--exclude', 'broken']);
    assert.equal(result.code, 0, result.out.join('\n'));
    assert.ok(result.out.every((line) => / info .*\[(disclosure-lag|regulatory-hint)\]$/.test(line)), result.out.join('\n'));
  });

  it('prints file:line:col severity message [code] and exits 1 on errors', async () => {
    const result = await lint([join(samplesDir, 'broken.postmortem.yaml')]);
    assert.equal(result.code, 1);
    // Lines come from the sample's own `# expect:` markers, so adding a check to it never breaks this test.
    const markers = readExpectations(readSample('broken.postmortem.yaml'));
    const lineOf = (code: string) => (markers.find((marker) => marker.code === code)?.line ?? -1) + 1;
    assert.ok(result.out.some((line) => new RegExp(`broken\\.postmortem\\.yaml:${lineOf('period-order')}:\\d+ error .+ \\[period-order\\]$`).test(line)), result.out.join('\n'));
    assert.ok(result.out.some((line) => new RegExp(`:${lineOf('timeline-order')}:\\d+ warning .+ \\[timeline-order\\]$`).test(line)));
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

  it('exits 2 with a clear message on bad usage or unreadable input', async () => {
    assert.equal((await lint([])).code, 2);
    const unknown = await lint(['--frobnicate', samplesDir]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err.join('\n'), /Unknown option --frobnicate/);
    const missing = await lint(['/no/such/file.postmortem.yaml']);
    assert.equal(missing.code, 2);
    assert.match(missing.err.join('\n'), /Cannot read \/no\/such\/file\.postmortem\.yaml/);
    assert.equal((await lint(['--deadline-days', 'soon', samplesDir])).code, 2);
  });

  it('applies the deadline setting and speaks Japanese', async () => {
    const face2face = join(samplesDir, 'face2face-videos.postmortem.yaml');
    assert.deepEqual((await lint([face2face, '--deadline-days', '400'])).out, []);
    const ja = await lint([join(samplesDir, 'broken.postmortem.yaml')], 'ja_JP.UTF-8');
    assert.ok(ja.out.some((line) => line.includes(' エラー ')));
  });

  // `npm test` builds first, so the bundle the bin starts is there.
  it('compares the language versions among the files it is given', async () => {
    const ja = VALID.replace('language: en', 'language: ja').replace('value: 1053', 'value: 1054').replace('other: 4', 'other: 5');
    const dir = fixture({ 'a.en.postmortem.yaml': VALID, 'a.postmortem.yaml': ja });
    const both = await lint([dir]);
    assert.equal(both.out.filter((line) => line.endsWith('[parity-mismatch]')).length, 4, both.out.join('\n'));
    assert.ok(both.out.some((line) => /a\.en\.postmortem\.yaml:\d+:\d+ warning .*Japanese version \(a\.postmortem\.yaml\), which says `1054`/.test(line)), both.out.join('\n'));
    const one = await lint([join(dir, 'a.en.postmortem.yaml')]);
    assert.equal(one.out.filter((line) => line.endsWith('[parity-mismatch]')).length, 0);
  });

  it('export --profile writes a regulator\'s report items; an unknown profile is bad usage', async () => {
    const appi = await lint(['export', join(samplesDir, 'contact-form-logins.postmortem.yaml'), '--profile', 'appi']);
    assert.equal(appi.code, 0, appi.err.join('\n'));
    assert.match(appi.out.join('\n'), /## 9\. その他参考となる事項/);
    const bad = await lint(['export', join(samplesDir, 'contact-form-logins.postmortem.yaml'), '--profile', 'hipaa']);
    assert.equal(bad.code, 2);
    assert.match(bad.err.join('\n'), /Unknown profile "hipaa"/);
  });

  it('the built bin behaves the same as a separate process', () => {
    const bin = join(repoRoot, 'bin', 'postmortem-lint.js');
    const clean = spawnSync(process.execPath, [bin, samplesDir, '--exclude', 'broken'], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
    assert.equal(clean.status, 0, clean.stderr);
    const broken = spawnSync(process.execPath, [bin, join(samplesDir, 'broken.postmortem.yaml')], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
    assert.equal(broken.status, 1);
    assert.equal(spawnSync(process.execPath, [bin, '--nope'], { encoding: 'utf8' }).status, 2);
  });
});

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, lint, runBin } from './cliHelpers';
import { FULL_11 } from './format11Fixture';
import { doc, service, VALID } from './helpers';

describe('postmortem-lint export', function () {
  // Child processes (the built bin, npm, bash) are slow on a loaded machine; none waits on a timer.
  this.timeout(30_000);
  it('prints the Markdown notice, the same as the service', async () => {
    const dir = fixture({ 'a.postmortem.yaml': VALID });
    const result = await lint(['export', 'a.postmortem.yaml', '--format', 'md'], { cwd: dir });
    assert.equal(result.code, 0, result.err.join('\n'));
    assert.equal(`${result.out.join('\n')}\n`, service().exportNotice(doc(VALID), 'md'));
  });

  it('writes HTML to --output, and takes the format from its extension', async () => {
    const dir = fixture({ 'a.postmortem.yaml': VALID });
    const result = await lint(['export', 'a.postmortem.yaml', '-o', 'notice.html'], { cwd: dir });
    assert.equal(result.code, 0);
    assert.match(readFileSync(join(dir, 'notice.html'), 'utf8'), /^<!DOCTYPE html>/);
    assert.deepEqual(result.out, []);
  });

  it('refuses bad usage with exit 2 and a message in the UI language', async () => {
    const dir = fixture({ 'a.postmortem.yaml': VALID });
    assert.equal((await lint(['export'], { cwd: dir })).code, 2);
    const bad = await lint(['export', 'a.postmortem.yaml', '--format', 'pdf'], { cwd: dir, locale: 'ja' });
    assert.equal(bad.code, 2);
    assert.match(bad.err.join(), /md か html/);
    assert.equal((await lint(['export', 'a.postmortem.yaml', '--bogus'], { cwd: dir })).code, 2);
    assert.equal((await lint(['export', 'a.postmortem.yaml', 'b.postmortem.yaml'], { cwd: dir })).code, 2);
    const missing = await lint(['export', 'nope.yaml'], { cwd: dir });
    assert.equal(missing.code, 2);
    assert.match(missing.err.join(), /^Cannot read nope\.yaml/);
  });

  it('leaves internal fields out by default and keeps them with --audience internal', async () => {
    const dir = fixture({ 'a.postmortem.yaml': FULL_11, 'late.postmortem.yaml': FULL_11.replace('due: 2028-06-30', 'due: 2001-01-01') });
    const publicRun = await lint(['export', 'a.postmortem.yaml', '--force'], { cwd: dir });
    assert.equal(publicRun.code, 0, publicRun.err.join('\n'));
    assert.ok(!publicRun.out.join('\n').includes('@rina'));
    assert.deepEqual((await lint(['export', 'a.postmortem.yaml', '--force', '--audience', 'public'], { cwd: dir })).out, publicRun.out);
    const internal = await lint(['export', 'a.postmortem.yaml', '--force', '--audience=internal'], { cwd: dir });
    assert.equal(internal.code, 0);
    assert.match(internal.out.join('\n'), /Owner: @rina/);
    const overdue = await lint(['export', 'late.postmortem.yaml', '--force', '--audience', 'internal'], { cwd: dir });
    assert.match(overdue.out.join('\n'), /Due 2001-01-01 \(Overdue\)/, 'the CLI passes its today');
    const bad = await lint(['export', 'a.postmortem.yaml', '--audience', 'everyone'], { cwd: dir, locale: 'ja' });
    assert.equal(bad.code, 2);
    assert.match(bad.err.join(), /public か internal/);
    assert.match((await lint(['export', '--help'], { cwd: dir })).out.join(), /--audience public\|internal/);
  });

  it('exits 1 and writes nothing for a document that does not parse', async () => {
    const dir = fixture({ 'a.postmortem.yaml': 'title: [unclosed\n' });
    const result = await lint(['export', 'a.postmortem.yaml', '-o', 'x.md'], { cwd: dir });
    assert.equal(result.code, 1);
    assert.equal(existsSync(join(dir, 'x.md')), false);
    assert.match(result.err.join(), /does not parse/);
  });

  it('never writes over its input, under the same name, through a link, or by another spelling', async () => {
    const dir = fixture({ 'a.postmortem.yaml': VALID });
    symlinkSync(join(dir, 'a.postmortem.yaml'), join(dir, 'link.md'));
    for (const output of ['a.postmortem.yaml', './a.postmortem.yaml', join(dir, 'a.postmortem.yaml'), 'link.md']) {
      const result = await lint(['export', 'a.postmortem.yaml', '--output', output], { cwd: dir });
      assert.equal(result.code, 2, output);
      assert.match(result.err.join(), /Refusing to write the notice over its postmortem/);
      assert.equal(readFileSync(join(dir, 'a.postmortem.yaml'), 'utf8'), VALID);
    }
  });

  it('refuses a document with errors unless --force, and a YAML file that is not a postmortem even then', async () => {
    const withError = VALID.replace(/^title: .*$/m, 'title: 42\ntitel: typo');
    const dir = fixture({ 'e.postmortem.yaml': withError, 'other.yaml': 'name: a build config\nsteps: [1, 2]\n' });
    const refused = await lint(['export', 'e.postmortem.yaml', '-o', 'e.md'], { cwd: dir });
    assert.equal(refused.code, 1);
    assert.match(refused.err.join(), /Not exporting e\.postmortem\.yaml: it has \d+ error\(s\)/);
    assert.equal(existsSync(join(dir, 'e.md')), false);
    assert.equal((await lint(['export', 'e.postmortem.yaml', '-o', 'e.md', '--force'], { cwd: dir })).code, 0);
    assert.ok(existsSync(join(dir, 'e.md')));
    for (const force of [[], ['--force']]) {
      const other = await lint(['export', 'other.yaml', '-o', 'o.md', ...force], { cwd: dir });
      assert.equal(other.code, 1);
      assert.match(other.err.join(), /not a postmortem/);
      assert.equal(existsSync(join(dir, 'o.md')), false);
    }
  });

  it('words a write failure as a write failure', async () => {
    const dir = fixture({ 'a.postmortem.yaml': VALID });
    const result = await lint(['export', 'a.postmortem.yaml', '-o', 'no/such/folder/n.md'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(result.err.join(), /^Cannot write no\/such\/folder\/n\.md: /);
    const ja = await lint(['export', 'a.postmortem.yaml', '-o', 'no/such/folder/n.md'], { cwd: dir, locale: 'ja' });
    assert.match(ja.err.join(), /に書き込めません/);
  });

  it('refuses a FIFO without waiting for a writer (the built bin)', () => {
    const dir = fixture({});
    execFileSync('mkfifo', [join(dir, 'pipe.postmortem.yaml')]);
    const result = runBin(['export', join(dir, 'pipe.postmortem.yaml')]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /not a regular file/);
  });
});

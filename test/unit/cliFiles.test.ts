import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_DOCUMENT_BYTES } from '../../server/src/cli/read';
import { fixture, lint, runBin } from './cliHelpers';
import { VALID } from './helpers';

const BROKEN = 'postmortem: 1\n';

describe('postmortem-lint: files it cannot or must not read', function () {
  // Child processes (the built bin, npm, bash) are slow on a loaded machine; none waits on a timer.
  this.timeout(30_000);
  it('follows symbolic links to files and folders, each file checked once', async () => {
    const dir = fixture({ 'real/a.postmortem.yaml': VALID });
    symlinkSync(join(dir, 'real/a.postmortem.yaml'), join(dir, 'alias.postmortem.yaml'));
    symlinkSync(join(dir, 'real'), join(dir, 'linked'));
    const explicit = await lint([join(dir, 'alias.postmortem.yaml')]);
    assert.equal(explicit.code, 0);
    assert.match(explicit.err.join(), /^1 file/);
    const other = fixture({});
    symlinkSync(join(dir, 'real/a.postmortem.yaml'), join(other, 'b.postmortem.yaml'));
    const walked = await lint([other]);
    assert.equal(walked.code, 0, walked.err.join('\n'));
    assert.match(walked.err.join(), /^1 file/, 'a symlinked file in a folder is checked');
    assert.match((await lint([dir])).err.join(), /^1 file/, 'the same file by three paths is checked once');
  });

  it('reports a symbolic link loop, named or met in a folder, as a loop and never enters it', async () => {
    const dir = fixture({ 'sub/a.postmortem.yaml': BROKEN });
    symlinkSync('loop-b.postmortem.yaml', join(dir, 'loop-a.postmortem.yaml'));
    symlinkSync('loop-a.postmortem.yaml', join(dir, 'loop-b.postmortem.yaml'));
    symlinkSync('..', join(dir, 'sub', 'up'));
    const named = await lint([join(dir, 'loop-a.postmortem.yaml')]);
    assert.equal(named.code, 2);
    assert.match(named.err.join('\n'), /loop-a\.postmortem\.yaml: its symbolic links form a loop/);
    const walked = await lint([dir]);
    assert.equal(walked.code, 2);
    assert.match(walked.err.join('\n'), /sub\/up: its symbolic links form a loop/);
    assert.match(walked.err.join('\n'), /loop-a\.postmortem\.yaml: its symbolic links form a loop/);
    assert.equal(walked.out.filter((line) => line.includes('a.postmortem.yaml:1:1')).length, walked.out.filter((line) => line.includes('sub/a.postmortem.yaml:1:1')).length, 'the file under the loop is checked once');
    assert.match(walked.err.at(-1) ?? '', /^1 file/);
  });

  it('refuses a FIFO and a device at once, without reading them (the built bin)', () => {
    const dir = fixture({ 'ok.postmortem.yaml': VALID });
    execFileSync('mkfifo', [join(dir, 'pipe.postmortem.yaml')]);
    const named = runBin([join(dir, 'pipe.postmortem.yaml'), '/dev/zero', join(dir, 'ok.postmortem.yaml')]);
    assert.equal(named.status, 2);
    assert.match(named.stderr, /pipe\.postmortem\.yaml: not a regular file/);
    assert.match(named.stderr, /\/dev\/zero: not a regular file/);
    assert.match(named.stderr, /^1 file\(s\) checked/m, 'the readable file is still checked');
    const walked = runBin([dir]);
    assert.equal(walked.status, 2);
    assert.match(walked.stderr, /pipe\.postmortem\.yaml: not a regular file/);
  });

  it(`refuses a file over ${(MAX_DOCUMENT_BYTES / 1e6).toFixed(1)} MB, also on standard input`, async () => {
    const dir = fixture({ 'big.postmortem.yaml': '' });
    truncateSync(join(dir, 'big.postmortem.yaml'), MAX_DOCUMENT_BYTES + 1);
    const result = await lint([join(dir, 'big.postmortem.yaml')]);
    assert.equal(result.code, 2);
    const mb = (MAX_DOCUMENT_BYTES / 1e6).toFixed(1).replace('.', '\\.');
    assert.match(result.err.join('\n'), new RegExp(`big\\.postmortem\\.yaml: ${mb} MB, more than the limit of ${mb} MB`));
    const stdin = await lint(['-'], { stdin: new Uint8Array(MAX_DOCUMENT_BYTES + 1) });
    assert.equal(stdin.code, 2);
    assert.match(stdin.err.join('\n'), /<stdin>: .*more than the limit/);
  });

  it("takes the size limit from the project configuration's max_document_bytes", async () => {
    const big = `${VALID}${'# padding\n'.repeat(250_000)}`;
    const dir = fixture({ 'postmortem.config.yaml': 'max_document_bytes: 2000000\n', 'elsewhere/postmortem.config.yaml': 'max_document_bytes: 3000000\n', 'big.postmortem.yaml': big });
    const result = await lint(['big.postmortem.yaml'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(result.err.join('\n'), /big\.postmortem\.yaml: 2\.5 MB, more than the limit of 2\.0 MB/);
    const raised = await lint(['big.postmortem.yaml', '--config', 'elsewhere'], { cwd: dir });
    assert.equal(raised.code, 0, raised.err.join('\n'));
  });

  it('reports every unreadable file and folder and exits 2, still checking the rest (as a user, not root)', () => {
    const dir = fixture({ 'a.postmortem.yaml': VALID, 'locked/b.postmortem.yaml': BROKEN, 'secret.postmortem.yaml': BROKEN });
    chmodSync(join(dir, 'locked'), 0o000);
    chmodSync(join(dir, 'secret.postmortem.yaml'), 0o000);
    try {
      const result = runBin([dir], { unprivileged: true });
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, /Cannot read the folder .*locked: .*permission denied.*Its files were not checked\./);
      assert.match(result.stderr, /Cannot read .*secret\.postmortem\.yaml: .*permission denied/);
      assert.match(result.stderr, /^1 file\(s\) checked/m);
    } finally {
      chmodSync(join(dir, 'locked'), 0o755);
    }
  });

  it('warns about invalid UTF-8 and checks the text with U+FFFD in place of the bad bytes', async () => {
    const [before, after] = VALID.split(/^title: .*$/m) as [string, string];
    const bytes = Buffer.concat([Buffer.from(`${before}title: "X`), Buffer.from([0xff, 0xfe]), Buffer.from(`"${after}`)]);
    const dir = fixture({ 'bad.postmortem.yaml': Buffer.from(VALID), 'latin1.postmortem.yaml': bytes });
    const result = await lint([dir]);
    assert.equal(result.code, 0, result.out.join('\n'));
    assert.deepEqual(result.err.filter((line) => /UTF-8/.test(line)), [`${join(dir, 'latin1.postmortem.yaml')}: not valid UTF-8; the invalid bytes were read as U+FFFD.`]);
    const ja = await lint([join(dir, 'latin1.postmortem.yaml')], { locale: 'ja' });
    assert.match(ja.err.join('\n'), /UTF-8 として正しくありません/);
  });

  it('words every problem in Japanese too', async () => {
    const dir = fixture({});
    symlinkSync('x', join(dir, 'x'));
    const result = await lint([join(dir, 'x'), '/dev/null', join(dir, 'none.yaml'), dir], { locale: 'ja' });
    assert.equal(result.code, 2);
    assert.match(result.err.join('\n'), /シンボリックリンクが循環/);
    assert.match(result.err.join('\n'), /通常のファイルではありません/);
    assert.match(result.err.join('\n'), /いずれもありません/);
  });
});

describe('postmortem-lint: folder scans', function () {
  // Child processes (the built bin, npm, bash) are slow on a loaded machine; none waits on a timer.
  this.timeout(30_000);
  it('skips node_modules and honours .gitignore: patterns, folders, negation, nested files, ancestors', async () => {
    const dir = fixture({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'drafts/\n*.tmp.postmortem.yaml\n!keep.tmp.postmortem.yaml\n/rooted.postmortem.yaml\n',
      'incidents/a.postmortem.yaml': VALID,
      'incidents/rooted.postmortem.yaml': VALID,
      'rooted.postmortem.yaml': BROKEN,
      'incidents/drafts/wip.postmortem.yaml': BROKEN,
      'incidents/x.tmp.postmortem.yaml': BROKEN,
      'incidents/keep.tmp.postmortem.yaml': VALID,
      'incidents/nested/.gitignore': 'local.postmortem.yaml\n',
      'incidents/nested/local.postmortem.yaml': BROKEN,
      'incidents/nested/kept.postmortem.yaml': VALID,
      'node_modules/pkg/n.postmortem.yaml': BROKEN,
    });
    const names = async (input: string) => {
      const result = await lint([input, '--format=json']);
      return (JSON.parse(result.out.join('\n')) as { path: string }[]).map((entry) => entry.path.slice(dir.length + 1)).sort();
    };
    const expected = ['incidents/a.postmortem.yaml', 'incidents/keep.tmp.postmortem.yaml', 'incidents/nested/kept.postmortem.yaml', 'incidents/rooted.postmortem.yaml'];
    assert.deepEqual(await names(dir), expected);
    // Scanning a subfolder still applies the repository's .gitignore above it.
    assert.deepEqual(await names(join(dir, 'incidents')), expected);
    assert.deepEqual(await names(join(dir, 'incidents/**/*.yaml')), expected);
    // A file named on the command line is checked even if ignored.
    assert.equal((await lint([join(dir, 'incidents/drafts/wip.postmortem.yaml')])).code, 1);
  });

  it('outside a repository only the scanned folder’s own .gitignore files count', async () => {
    const dir = fixture({ '.gitignore': 'inner/\n', 'inner/a.postmortem.yaml': BROKEN, 'b.postmortem.yaml': VALID });
    mkdirSync(join(dir, 'inner', 'deeper'));
    writeFileSync(join(dir, 'inner', 'deeper', 'c.postmortem.yaml'), VALID);
    assert.equal((await lint([dir])).code, 0);
    assert.equal((await lint([join(dir, 'inner')])).code, 1, 'scanned directly: its parent is not a repository');
  });
});

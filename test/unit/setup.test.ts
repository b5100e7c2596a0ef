import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './helpers';

/**
 * The first run's setup when it cannot install: a PATH without ripgrep (so a Debian package is
 * "missing"), an empty cache folder of its own, and a stand-in apt-get where one is needed. It must
 * say what to install and exit 1, never print a stack trace, and bound its wait for the dpkg lock.
 */
function runSetup(options: { aptGet?: string; asNobody?: boolean }) {
  const bin = mkdtempSync(join(tmpdir(), 'pm-setup-bin-'));
  chmodSync(bin, 0o755);
  symlinkSync(process.execPath, join(bin, 'node'));
  symlinkSync('/bin/sh', join(bin, 'sh'));
  if (options.aptGet) {
    writeFileSync(join(bin, 'apt-get'), options.aptGet);
    chmodSync(join(bin, 'apt-get'), 0o755);
  }
  const cache = mkdtempSync(join(tmpdir(), 'pm-setup-cache-'));
  chmodSync(cache, 0o777);
  const asNobody = options.asNobody === true && process.getuid?.() === 0;
  const command = asNobody ? ['/usr/bin/setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath] : [process.execPath];
  const result = spawnSync(command[0] as string, [...command.slice(1), join(repoRoot, 'scripts/e2e/setup.mjs')], {
    encoding: 'utf8',
    env: { PATH: bin, POSTMORTEM_E2E_CACHE: cache, HOME: cache },
  });
  return { ...result, output: `${result.stdout}${result.stderr}`, bin };
}

describe('first-run setup without the means to install', function () {
  // Child processes (the built bin, npm, bash) are slow on a loaded machine; none waits on a timer.
  this.timeout(30_000);
  it('without apt-get: names what to install and exits 1 without a stack trace', () => {
    const result = runSetup({});
    assert.equal(result.status, 1);
    assert.match(result.output, /missing ripgrep, and this is not a Debian\/Ubuntu system with apt-get: install ripgrep with your package manager/);
    assert.doesNotMatch(result.output, /^\s+at /m);
  });

  it('not root: gives the exact apt-get command and exits 1 without a stack trace', () => {
    const result = runSetup({ aptGet: '#!/bin/sh\nexit 99\n', asNobody: true });
    assert.equal(result.status, 1);
    assert.match(result.output, /missing Debian packages ripgrep\. Install them as root \(sudo apt-get install ripgrep\), then run again\./);
    assert.doesNotMatch(result.output, /^\s+at /m);
  });

  it('as root, waits a bounded time for the dpkg lock and says so when another apt holds it', () => {
    const log = join(mkdtempSync(join(tmpdir(), 'pm-setup-log-')), 'apt-args');
    const result = runSetup({ aptGet: `#!/bin/sh\necho "$@" >> ${log}\necho "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (apt-get)" >&2\nexit 100\n` });
    assert.equal(result.status, 1);
    assert.doesNotMatch(result.output, /^\s+at /m);
    if (process.getuid?.() === 0) {
      assert.match(readFileSync(log, 'utf8'), /^-o DPkg::Lock::Timeout=120 update$/m);
      assert.match(result.output, /another apt-get or dpkg held the package lock for over 120 s\. Wait for it to finish \(or run: sudo apt-get install ripgrep\)/);
    } else {
      assert.match(result.output, /Install them as root/);
    }
  });
});

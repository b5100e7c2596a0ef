import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatStylish } from '../../server/src/cli/formats';
import { localDate } from '../../server/src/contracts/today';
import { withToday } from '../../server/src/server/today';
import { parseProjectConfig, type PostmortemService, type ServiceSettings } from '../../server/src/service';
import { lint } from './cliHelpers';
import { service, VALID } from './helpers';

const CONFIG = 'severity:\n  - id: SEV-1\n  - id: SEV-2\nrules:\n  count-sum: error\ndisclosure_deadline_days: 10\n';
const POSTMORTEM = VALID.replace('status: published\n', 'status: published\nseverity: SEV-9\n').replace('      value: 1053', '      value: 1000');

function project(config = CONFIG): string {
  const dir = mkdtempSync(join(tmpdir(), 'pm-config-'));
  writeFileSync(join(dir, 'postmortem.config.yaml'), config);
  writeFileSync(join(dir, 'incident.postmortem.yaml'), POSTMORTEM);
  return dir;
}

describe('project configuration: postmortem-lint', () => {
  it('gives exactly the findings the editor gives with the same file', async () => {
    const dir = project();
    const file = join(dir, 'incident.postmortem.yaml');
    const result = await lint(['--config', join(dir, 'postmortem.config.yaml'), file]);
    const editor = service();
    editor.configureProject(parseProjectConfig(CONFIG).config);
    const uri = pathToFileURL(file).href;
    const expected = formatStylish([{ path: file, uri, text: POSTMORTEM, diagnostics: editor.validate({ uri, version: 1, getText: () => POSTMORTEM }) }]);
    assert.deepEqual(result.out, expected);
    assert.deepEqual(
      result.out.map((line) => /\[([a-z-]+)\]$/.exec(line)?.[1]),
      ['unknown-severity', 'disclosure-lag', 'count-sum'],
    );
    assert.ok(result.out.some((line) => / error .*\[count-sum\]$/.test(line)), 'rules: raised count-sum to an error');
    assert.equal(result.code, 1);
  });

  it('finds postmortem.config.yaml in the current directory, or through --config <folder>', async () => {
    const dir = project();
    const before = process.cwd();
    process.chdir(dir);
    try {
      const result = await lint(['incident.postmortem.yaml']);
      assert.ok(result.out.some((line) => line.endsWith('[unknown-severity]')), result.out.join('\n'));
      assert.match(result.err.at(-1) ?? '', /^2 file\(s\) checked/, 'the configuration itself is checked too');
    } finally {
      process.chdir(before);
    }
    const byFolder = await lint(['--config', dir, join(dir, 'incident.postmortem.yaml')]);
    assert.ok(byFolder.out.some((line) => line.endsWith('[unknown-severity]')));
    const without = await lint([join(dir, 'incident.postmortem.yaml')]);
    assert.ok(!without.out.some((line) => line.endsWith('[unknown-severity]')), 'no file in the current directory: no configuration');
  });

  it('reports the configuration file\'s own mistakes and fails on them', async () => {
    const dir = project('rules:\n  count-sum: loud\n');
    const result = await lint(['--config', dir, join(dir, 'incident.postmortem.yaml')]);
    assert.ok(result.out.some((line) => /postmortem\.config\.yaml:2:14 error .*\[schema-enum\]$/.test(line)), result.out.join('\n'));
    assert.equal(result.code, 1);
  });

  it('an explicit --deadline-days wins over the file', async () => {
    const dir = project();
    const result = await lint(['--config', dir, '--deadline-days', '60', join(dir, 'incident.postmortem.yaml')]);
    assert.ok(!result.out.some((line) => line.endsWith('[disclosure-lag]')), result.out.join('\n'));
  });

  it('export reads the same configuration (and refuses a bad --config)', async () => {
    const dir = project();
    const file = join(dir, 'incident.postmortem.yaml');
    // The incident has errors on purpose (the checks above); --force exports it anyway.
    const plain = await lint(['export', file, '--format', 'md', '--force']);
    const configured = await lint(['export', '--config', dir, file, '--format', 'md', '--force']);
    assert.equal(configured.code, 0, configured.err.join('\n'));
    assert.deepEqual(configured.out, plain.out);
    const refused = await lint(['export', '--config', join(dir, 'incident.postmortem.yaml'), file]);
    assert.equal(refused.code, 2);
    assert.match(refused.err.join('\n'), /postmortem\.config\.yaml/);
  });

  it('refuses a --config that is missing or not named postmortem.config.yaml (exit 2)', async () => {
    const dir = project();
    const wrongName = join(dir, 'team.yaml');
    writeFileSync(wrongName, CONFIG);
    for (const args of [['--config', wrongName], ['--config', join(dir, 'nowhere', 'postmortem.config.yaml')], ['--config', tmpdir()]]) {
      const result = await lint([...args, join(dir, 'incident.postmortem.yaml')]);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.err.join('\n'), /--config|Cannot read/);
    }
    assert.equal((await lint(['--config'])).code, 2);
  });
});

describe('today', () => {
  it('is the local calendar date', () => {
    assert.equal(localDate(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
    assert.equal(localDate(new Date(2026, 11, 31, 0, 0)), '2026-12-31');
  });

  it('the server passes the day to the service and changes it when the day changes, without a timer', () => {
    const configured: Partial<ServiceSettings>[] = [];
    const fake = { configure: (settings: Partial<ServiceSettings>) => configured.push(settings) } as unknown as PostmortemService;
    let now = new Date(2026, 2, 1, 23, 59);
    const current = withToday(() => fake, () => now);
    current();
    current();
    assert.deepEqual(configured, [{ today: '2026-03-01' }], 'set once while the day stays');
    now = new Date(2026, 2, 2, 0, 1);
    assert.equal(current(), fake);
    assert.deepEqual(configured, [{ today: '2026-03-01' }, { today: '2026-03-02' }]);
  });
});

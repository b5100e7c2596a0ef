// The contracts against what repeats them outside TypeScript: package.json (VS Code reads its
// contributions before any code runs). Its settings and the vocabularies are generated (npm run
// gen), and generated.test.ts fails while they are stale.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS, CONFIG_LANGUAGE_ID, FIRST_LINE_PATTERN, hasPostmortemSuffix, LANGUAGE_ID, POSTMORTEM_SUFFIXES, PREVIEW_VIEW_TYPE, PROJECT_CONFIG_NAMES } from '../../server/src/contracts/ids';
import { SETTING_FLAGS } from '../../server/src/contracts/settings';
import { FORMAT_VERSIONS } from '../../server/src/contracts/vocabulary';
import { SETTING_OPTIONS, settingFlagsSynopsis, settingFlagsUsage, settingsFromFlags } from '../../server/src/cli/settingFlags';
import { parseArguments, isUsageProblem } from '../../server/src/cli/options';
import { createLocalizer } from '../../server/src/service';
import { repoRoot } from './helpers';

interface Manifest {
  activationEvents: string[];
  contributes: {
    languages: { id: string; firstLine?: string; extensions?: string[]; filenames?: string[] }[];
    commands: { command: string }[];
  };
}
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Manifest;

describe('contracts and package.json', () => {
  it('contributes the languages of the contracts, with their first-line pattern', () => {
    assert.deepEqual(manifest.contributes.languages.map((language) => language.id), [LANGUAGE_ID, CONFIG_LANGUAGE_ID]);
    assert.equal(manifest.contributes.languages[0]?.firstLine, FIRST_LINE_PATTERN);
    assert.deepEqual(manifest.contributes.languages[0]?.extensions, [...POSTMORTEM_SUFFIXES]);
    assert.deepEqual(manifest.contributes.languages[1]?.filenames, [...PROJECT_CONFIG_NAMES]);
    assert.ok(manifest.activationEvents.includes(`onLanguage:${LANGUAGE_ID}`));
    assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${PREVIEW_VIEW_TYPE}`));
  });

  it('the first-line pattern names every format version and nothing else', () => {
    const pattern = new RegExp(FIRST_LINE_PATTERN);
    for (const version of FORMAT_VERSIONS) assert.match(`postmortem: ${version}`, pattern);
    for (const other of ['postmortem: 2', 'postmortem: 1.2', 'title: x']) assert.doesNotMatch(other, pattern);
  });

  it('tells a postmortem by its suffix, ignoring case only when asked', () => {
    assert.ok(hasPostmortemSuffix('file:///a/x.postmortem.yml'));
    assert.ok(!hasPostmortemSuffix('x.Postmortem.YAML'));
    assert.ok(hasPostmortemSuffix('x.Postmortem.YAML', true));
    assert.ok(!hasPostmortemSuffix('x.yaml', true));
  });

  it('contributes exactly the commands of the contracts', () => {
    assert.deepEqual(manifest.contributes.commands.map((command) => command.command).sort(), Object.values(COMMANDS).sort());
  });
});

describe('contracts: the command line flags of the settings table', () => {
  it('offers each flag of the table and reads it into the service settings', () => {
    assert.ok(SETTING_OPTIONS.some((option) => option.name === 'deadline-days'));
    for (const { key, flag } of SETTING_FLAGS) {
      const parsed = parseArguments([`--${flag}`, '7', 'a.postmortem.yaml'], SETTING_OPTIONS);
      assert.ok(!isUsageProblem(parsed));
      assert.deepEqual(settingsFromFlags(parsed), { [key]: 7 });
    }
    const none = parseArguments(['a.postmortem.yaml'], SETTING_OPTIONS);
    assert.ok(!isUsageProblem(none));
    assert.deepEqual(settingsFromFlags(none), {});
  });

  it('the help of lint and export lists each flag, in English and Japanese', () => {
    for (const locale of ['en', 'ja']) {
      const l10n = createLocalizer(locale);
      const usage = l10n.t('cli.usage', settingFlagsUsage(l10n));
      for (const { flag, help } of SETTING_FLAGS) assert.ok(usage.includes(`--${flag} `) && usage.includes(help[l10n.locale]), `${locale} cli.usage lacks --${flag}`);
      assert.ok(!usage.includes('{0}'));
    }
    // Composed from the table at run time, aligned with the hand-written options around them.
    assert.ok(createLocalizer('en').t('cli.usage', settingFlagsUsage(createLocalizer('en'))).includes('\n  --deadline-days <n>       disclosure deadline in days (default 30)\n'));
    assert.ok(createLocalizer('ja').t('cli.usage', settingFlagsUsage(createLocalizer('ja'))).includes('\n  --deadline-days <n>       公表期限の日数（既定 30）\n'));
    assert.ok(createLocalizer('en').t('notice.cli.usage', settingFlagsSynopsis()).includes('[--force] [--deadline-days <n>]'));
  });
});

describe('contracts: the layer projects', () => {
  it('the client project references the contracts only', () => {
    const text = readFileSync(join(repoRoot, 'client/tsconfig.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '');
    const config = JSON.parse(text) as { references: { path: string }[] };
    assert.deepEqual(config.references, [{ path: '../server/src/contracts' }]);
    const contracts = JSON.parse(readFileSync(join(repoRoot, 'server/src/contracts/tsconfig.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '')) as { references?: unknown };
    assert.equal(contracts.references, undefined);
  });
});

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { allRules } from '../../server/src/cli/rules';
import { createLocalizer } from '../../server/src/service/l10n';
import { CHECKS, checkOf, helpKeyOf, postmortemChecks } from '../../server/src/service/rules';
import type { Check } from '../../server/src/service/rules/rule';
import { doc, readSample, repoRoot, sampleFiles, service, unitTestsText } from './helpers';

/**
 * The check registry (server/src/service/rules/index.ts) is the one list of checks. These tests
 * fail when a place that must follow it does not: a check file whose export is not listed, a
 * finding with a code or severity the registry does not know. The documentation's tables and the
 * configuration schema's `rules` are generated from it (generated.test.ts).
 */

const rulesDir = join(repoRoot, 'server/src/service/rules');
const load = createRequire(__filename);

function isCheck(value: unknown): value is Check {
  return typeof value === 'object' && value !== null && typeof (value as Check).code === 'string' && typeof (value as Check).severity === 'number';
}

describe('the check registry', () => {
  it('lists each code once, each a stable lower-case name', () => {
    const codes = CHECKS.map((check) => check.code);
    assert.deepEqual(codes, [...new Set(codes)]);
    for (const code of codes) assert.match(code, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('holds every check a file in rules/ exports: a check missing from the list fails here', () => {
    const listed = new Set<unknown>(CHECKS);
    const files = readdirSync(rulesDir).filter((name) => name.endsWith('.ts') && name !== 'index.ts');
    let found = 0;
    for (const name of files) {
      // Loaded through the test runner's TypeScript hook (tsx), as the suite's own imports are.
      const module = load(join(rulesDir, name)) as Record<string, unknown>;
      for (const [exported, value] of Object.entries(module)) {
        if (!isCheck(value)) continue;
        found++;
        assert.ok(listed.has(value), `${name} exports the check ${exported} (${value.code}), which CHECKS in rules/index.ts does not list`);
      }
    }
    assert.equal(found, CHECKS.length, 'every listed check comes from a file in rules/');
  });

  it('gives every check a line of help in English and Japanese (SARIF shows it)', () => {
    const [en, ja] = [createLocalizer('en'), createLocalizer('ja')];
    for (const check of CHECKS) {
      const key = helpKeyOf(check.code);
      assert.notEqual(en.t(key), key, `${key} has no English text`);
      assert.notEqual(ja.t(key), en.t(key), `${key} has no Japanese text`);
    }
  });

  it('is the CLI\'s SARIF rule list, with the same severities', () => {
    assert.deepEqual(allRules(), postmortemChecks().map(({ code, severity }) => ({ code, severity })));
  });

  it('has each check that detects or fixes something named in a unit test, so a check without tests fails here', () => {
    const tests = unitTestsText();
    const named = (code: string) => [`'${code}'`, `"${code}"`, `\`${code}\``, `${code}:`].some((quoted) => tests.includes(quoted));
    const untested = CHECKS.filter((check) => (check.check ?? check.fixes ?? check.fixAll) && !named(check.code)).map((check) => check.code);
    assert.deepEqual(untested, [], 'these checks are named in no test of test/unit/ (their findings and fixes are untested)');
  });

  it('knows the code and default severity of every finding on the samples and the broken sample', () => {
    const checker = service({ settings: { today: '2031-01-01' } });
    let seen = 0;
    for (const name of [...sampleFiles(), 'postmortem.config.yaml']) {
      const text = readSample(name);
      const uri = `file:///samples/${name}`;
      for (const diagnostic of checker.validate(doc(text, uri))) {
        seen++;
        const check = checkOf(diagnostic.code);
        assert.ok(check, `${name}: ${String(diagnostic.code)} is not in the registry`);
        // What `yaml` only warns about stays a warning (features/validation.ts).
        if (check.code !== 'yaml-syntax' || diagnostic.severity === DiagnosticSeverity.Error) assert.equal(diagnostic.severity, check.severity, `${name}: the severity of ${check.code}`);
      }
    }
    assert.ok(seen >= 20, `only ${seen} findings`);
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, normalizeSettings, SETTING_KEYS, SETTINGS } from '../../server/src/contracts/settings';
import { DEFAULT_SERVICE_SETTINGS } from '../../server/src/service';
import { repoRoot, typeScriptFiles, unitTestsText } from './helpers';

describe('settings', () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { default: unknown; description?: string; markdownDescription?: string }> } };
  };
  const properties = manifest.contributes.configuration.properties;

  it('package.json documents every setting with the typed default', () => {
    assert.equal(properties['postmortem.disclosureDeadlineDays']?.default, DEFAULT_SETTINGS.disclosureDeadlineDays);
    assert.equal(properties['postmortem.trace.server']?.default, DEFAULT_SETTINGS['trace.server']);
    assert.equal(DEFAULT_SERVICE_SETTINGS.disclosureDeadlineDays, DEFAULT_SETTINGS.disclosureDeadlineDays);
    assert.equal(properties['postmortem.maxDocumentBytes']?.default, DEFAULT_SETTINGS.maxDocumentBytes);
    assert.equal(DEFAULT_SERVICE_SETTINGS.maxDocumentBytes, DEFAULT_SETTINGS.maxDocumentBytes);
    for (const [key, property] of Object.entries(properties)) assert.ok(property.description ?? property.markdownDescription, `${key} undocumented`);
  });

  it('every %placeholder% in package.json has an English and a Japanese text', () => {
    const text = readFileSync(join(repoRoot, 'package.json'), 'utf8');
    const en = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const ja = JSON.parse(readFileSync(join(repoRoot, 'package.nls.ja.json'), 'utf8')) as Record<string, string>;
    for (const [, key] of text.matchAll(/"%([\w.]+)%"/g)) {
      assert.ok(en[key!], `package.nls.json lacks ${key}`);
      assert.ok(ja[key!], `package.nls.ja.json lacks ${key}`);
    }
  });

  it('has each setting of the table named in a unit test, so a setting without tests fails here', () => {
    const tests = unitTestsText();
    assert.deepEqual(SETTING_KEYS.filter((key) => !new RegExp(`\\b${key.replace('.', '\\.')}\\b`).test(tests)), [], 'these settings are named in no test of test/unit/');
  });

  it('has each setting of the table read somewhere, so a setting nobody uses fails here', () => {
    const sourceOf = (dir: string): string =>
      typeScriptFiles(join(repoRoot, dir))
        .map((file) => readFileSync(file, 'utf8'))
        // Comments may name a setting without reading it.
        .map((text) => text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''))
        .join('\n');
    const service = sourceOf('server/src/service');
    const client = sourceOf('client/src');
    // vscode-languageclient reads `<client id>.trace.server` itself (client/src names the id).
    const readByTheLanguageClient = new Set(['trace.server']);
    const unread = SETTING_KEYS.filter((key) => {
      if (readByTheLanguageClient.has(key)) return false;
      const read = new RegExp(`\\.${key.replace('.', '\\.')}\\b`);
      return !read.test(SETTINGS[key].service ? service : client);
    });
    assert.deepEqual(unread, [], 'these settings are read nowhere: by the service (`context.settings(uri).<key>`) for a `service` row, by client/src otherwise');
  });

  it('normalizes whatever a client sends', () => {
    // Against the defaults, so that a setting added to the table does not break this test.
    assert.deepEqual(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, disclosureDeadlineDays: 30, maxDocumentBytes: 2_000_000, 'trace.server': 'off' });
    assert.deepEqual(normalizeSettings(undefined), DEFAULT_SETTINGS);
    assert.deepEqual(normalizeSettings({ disclosureDeadlineDays: '9', maxDocumentBytes: -1, trace: { server: 'loud' } }), DEFAULT_SETTINGS);
    assert.deepEqual(normalizeSettings({ disclosureDeadlineDays: 7, maxDocumentBytes: 1.5, trace: { server: 'verbose' } }), { ...DEFAULT_SETTINGS, disclosureDeadlineDays: 7, 'trace.server': 'verbose' });
    // Normalized settings (what the client sends at initialization) read back unchanged.
    const flat = { ...DEFAULT_SETTINGS, disclosureDeadlineDays: 7, maxDocumentBytes: 1000, 'trace.server': 'verbose' };
    assert.deepEqual(normalizeSettings(flat), flat);
  });
});

describe('client strings', () => {
  it('every vscode.l10n.t string of the client has a Japanese translation', () => {
    const files = typeScriptFiles(join(repoRoot, 'client', 'src'));
    const ja = JSON.parse(readFileSync(join(repoRoot, 'l10n', 'bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;
    const missing: string[] = [];
    for (const file of files) {
      for (const [, key] of readFileSync(file, 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
        if (!(key!.replace(/\\'/g, "'") in ja)) missing.push(key!);
      }
    }
    assert.ok(files.length > 5);
    assert.deepEqual(missing, []);
  });
});

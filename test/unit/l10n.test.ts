import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FULL_11 } from './format11Fixture';
import { doc, readSample, repoRoot, service } from './helpers';

/** Every message table of the service, read from its folder so a new module cannot be missed. */
function tables(): { file: string; en: Record<string, string>; ja: Record<string, string> }[] {
  const dir = join(repoRoot, 'server', 'src', 'service', 'l10n', 'messages');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .flatMap((file) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const module = require(join(dir, file)) as Record<string, unknown>;
      return Object.values(module)
        .filter((value): value is { en: Record<string, string>; ja: Record<string, string> } => typeof value === 'object' && value !== null && 'en' in value && 'ja' in value)
        .map((table) => ({ file, ...table }));
    });
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]/;
/** Messages that are the same in both languages on purpose: a bare placeholder, a YAML prefix, a unit. */
const SAME_IN_BOTH = /^(?:[`{}0-9:.,%\s/()|\-[\]#*+=<>]|YAML|MB|JSON|SARIF|LSP|URL|UTC|T[+-]|d|h|m|s)*$/u;
/** Keys whose Japanese text is rightly not Japanese: symbols, a US form's name, a YAML key. */
const NOT_WORDS = new Set(['notice.period.range', 'notice.duration.none', 'notice.value.missing', 'reg.stage.form_8k', 'reg.clock.clock_start', 'profile.clock.clock_start']);

describe('localization: Japanese throughout', () => {
  const all = tables();

  it('reads every message table of the service', () => {
    assert.ok(all.length >= 10, `only ${all.length} tables found`);
  });

  it('every message has a Japanese text that is written in Japanese', () => {
    const problems: string[] = [];
    for (const { file, en, ja } of all) {
      for (const [key, english] of Object.entries(en)) {
        const japanese = ja[key];
        if (!japanese) problems.push(`${file}: ${key} has no Japanese text`);
        else if (!JAPANESE.test(japanese) && !SAME_IN_BOTH.test(english) && !NOT_WORDS.has(key)) problems.push(`${file}: ${key} is not Japanese: ${japanese}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('every placeholder of an English message is used by its Japanese text', () => {
    const problems: string[] = [];
    for (const { file, en, ja } of all) {
      for (const [key, english] of Object.entries(en)) {
        const wanted = new Set(english.match(/\{\d+\}/g) ?? []);
        const have = new Set((ja[key] ?? '').match(/\{\d+\}/g) ?? []);
        for (const placeholder of wanted) if (!have.has(placeholder)) problems.push(`${file}: ${key} lacks ${placeholder} in Japanese`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('every finding on the broken sample and the 1.1 fixture reads in Japanese for a Japanese UI', () => {
    const japanese = service({ locale: 'ja', settings: { today: '2026-01-01' } });
    const codes = new Set<string>();
    for (const text of [readSample('broken.postmortem.yaml'), FULL_11, FULL_11.replace('timezone: Asia/Tokyo', 'timezone: BST')]) {
      for (const diagnostic of japanese.validate(doc(text))) {
        codes.add(String(diagnostic.code));
        assert.match(diagnostic.message, JAPANESE, `${String(diagnostic.code)}: ${diagnostic.message}`);
      }
    }
    assert.ok(codes.size >= 20, `only ${codes.size} codes seen: ${[...codes].join(', ')}`);
  });
});

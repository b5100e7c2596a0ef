import assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { parseProjectConfig, type PostmortemService } from '../../server/src/service';
import { doc, service, VALID } from './helpers';

// The English version is VALID; the Japanese one states the same facts in other words.
const EN = VALID.replace('countermeasures:\n  - action:', 'countermeasures:\n  - id: revert\n    action:');
const JA = EN.replace('language: en', 'language: ja')
  .replace('title: Messages shown in the wrong chat', 'title: 別のトークルームにメッセージが表示された')
  .replace('label: Users who saw a misplaced message', 'label: 誤表示を見た利用者数')
  .replace('event: Errors start after the setting change.', 'event: 設定変更の後にエラーが出始める');

const EN_URI = 'file:///ws/cache.en.postmortem.yaml';
const JA_URI = 'file:///ws/cache.postmortem.yaml';

interface Pair {
  en: Diagnostic[];
  ja: Diagnostic[];
  service: PostmortemService;
  enText: string;
  jaText: string;
}

function check(enText: string, jaText: string, locale = 'en'): Pair {
  const pm = service({ locale });
  const en = doc(enText, EN_URI);
  const ja = doc(jaText, JA_URI);
  pm.setWorkspaceDocuments([en, ja]);
  const parity = (diagnostics: Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.code === 'parity-mismatch');
  return { en: parity(pm.validate(en)), ja: parity(pm.validate(ja)), service: pm, enText, jaText };
}

function covered(text: string, diagnostic: Diagnostic | undefined): string {
  assert.ok(diagnostic, 'a finding');
  const { start, end } = diagnostic.range;
  return (text.split('\n')[start.line] ?? '').slice(start.character, end.character);
}

/** One finding in each file, on the given text, each linking to the other file's node. */
function assertBothWays(pair: Pair, enCovered: string, jaCovered: string): void {
  assert.equal(pair.en.length, 1, pair.en.map((d) => d.message).join('\n'));
  assert.equal(pair.ja.length, 1, pair.ja.map((d) => d.message).join('\n'));
  assert.equal(covered(pair.enText, pair.en[0]), enCovered);
  assert.equal(covered(pair.jaText, pair.ja[0]), jaCovered);
  assert.equal(pair.en[0]?.relatedInformation?.[0]?.location.uri, JA_URI);
  assert.equal(pair.ja[0]?.relatedInformation?.[0]?.location.uri, EN_URI);
}

describe('parity of language versions', () => {
  it('finds nothing when the facts agree and the free text differs', () => {
    const pair = check(EN, JA);
    assert.deepEqual(pair.en, []);
    assert.deepEqual(pair.ja, []);
  });

  it("follows the project configuration's rules: like every other finding", () => {
    const ja = JA.replace('value: 1053', 'value: 1054');
    const findings = (rules: Record<string, 'off' | 'error'>) => {
      const pm = service();
      pm.configureProject(parseProjectConfig(`rules:\n${Object.entries(rules).map(([code, level]) => `  ${code}: ${level}\n`).join('')}`).config);
      const en = doc(EN, EN_URI);
      pm.setWorkspaceDocuments([en, doc(ja, JA_URI)]);
      return pm.validate(en).filter((diagnostic) => diagnostic.code === 'parity-mismatch');
    };
    assert.deepEqual(findings({ 'parity-mismatch': 'off' }), []);
    assert.deepEqual(findings({ 'parity-mismatch': 'error' }).map((diagnostic) => diagnostic.severity), [DiagnosticSeverity.Error]);
  });

  it('compares only documents with the same id and another language', () => {
    assert.deepEqual(check(EN, JA.replace('id: cache-misdisplay', 'id: other-incident').replace('status: published', 'status: draft')).en, []);
    assert.deepEqual(check(EN, EN.replace('status: published', 'status: draft')).en, [], 'same language: not versions of each other');
  });

  it('a count value, both ways, naming the other file and its value', () => {
    const pair = check(EN, JA.replace('value: 1053', 'value: 1054').replace('other: 4', 'other: 5'));
    assert.equal(pair.en.length, 2);
    assert.match(pair.en[0]!.message, /`impact\.counts\[0\]\.value` differs from the Japanese version \(cache\.postmortem\.yaml\), which says `1054`/);
    assert.equal(covered(pair.enText, pair.en[0]), '1053');
    assert.equal(covered(pair.jaText, pair.ja[0]), '1054');
    assert.match(pair.ja[0]!.message, /English version \(cache\.en\.postmortem\.yaml\), which says `1053`/);
    assert.deepEqual(pair.ja[0]!.relatedInformation?.[0]?.location.range, pair.en[0]!.range);
  });

  it('a qualifier, and a breakdown key and number', () => {
    assertBothWays(check(EN.replace('value: 1053', 'value: 1053\n      qualifier: approximately'), JA.replace('value: 1053', 'value: 1053\n      qualifier: at_least')), 'approximately', 'at_least');
    const numbers = check(EN, JA.replace('TH: 729', 'TH: 730').replace('other: 4', 'other: 3'));
    assert.deepEqual(numbers.en.map((d) => covered(numbers.enText, d)), ['729', '4']);
    assert.deepEqual(numbers.ja.map((d) => covered(numbers.jaText, d)), ['730', '3']);
    const missingKey = check(EN, JA.replace('        other: 4\n', '').replace('value: 1053', 'value: 1049'));
    assert.ok(missingKey.en.some((d) => /`impact\.counts\[0\]\.breakdown\.other` is not in the Japanese version/.test(d.message)));
  });

  it('every time as an instant across zones, and a date as the date it names', () => {
    // 12:05 in Tokyo is 03:05Z: the same instant, written another way.
    assert.deepEqual(check(EN, JA.replace('  - at: 2021-06-30T12:05\n', '  - at: 2021-06-30T03:05Z\n')).en, []);
    assertBothWays(check(EN, JA.replace('  - at: 2021-06-30T12:05\n', '  - at: 2021-06-30T03:06Z\n')), '2021-06-30T12:05', '2021-06-30T03:06Z');
    assertBothWays(check(EN, JA.replace('    start: 2021-06-30T12:00', '    start: 2021-06-30T11:00')), '2021-06-30T12:00', '2021-06-30T11:00');
    assertBothWays(check(EN, JA.replace('published: 2021-07-15', 'published: 2021-07-16')), '2021-07-15', '2021-07-16');
  });

  it('the number and kinds of timeline events', () => {
    assertBothWays(check(EN, JA.replace('    kind: mitigated', '    kind: other')), 'mitigated', 'other');
    const extra = check(EN, JA.replace('timeline:\n', 'timeline:\n  - at: 2021-06-29\n    event: 前日の設定変更\n    kind: other\n'));
    assertBothWays(extra, 'timeline', 'timeline');
    assert.match(extra.en[0]!.message, /`timeline` has 5 entries here and 6 in the Japanese version/);
  });

  it('factor and countermeasure ids with status, dates and addresses', () => {
    const factor = check(EN, JA.replace('    - id: cache-config\n', '    - id: cache-conf\n').replace('addresses: [cache-config]', 'addresses: [cache-conf]'));
    assert.ok(factor.en.some((d) => /`cause\.factors` `cache-config` is not in the Japanese version/.test(d.message)));
    assert.ok(factor.ja.some((d) => /`cause\.factors` `cache-conf` is not in the English version/.test(d.message)));
    assertBothWays(check(EN, JA.replace('    status: done\n    date: 2021-07-02', '    status: done\n    date: 2021-07-03')), '2021-07-02', '2021-07-03');
    assertBothWays(check(EN, JA.replace('    status: done\n    date: 2021-07-02\n', '    status: in_progress\n    date: 2021-07-02\n')), 'done', 'in_progress');
  });

  it('status, severity and regulatory reports', () => {
    assertBothWays(check(EN.replace('status: published', 'status: review'), JA), 'review', 'published');
    assertBothWays(check(EN.replace('language: en\n', 'language: en\nseverity: SEV-1\n'), JA.replace('language: ja\n', 'language: ja\nseverity: SEV-2\n')), 'SEV-1', 'SEV-2');
    const reg = (at: string) => `regulatory:\n  - regime: appi\n    reports:\n      - {stage: preliminary, at: ${at}}\ncontact:\n`;
    assertBothWays(check(EN.replace('contact:\n', reg('2021-07-01')), JA.replace('contact:\n', reg('2021-07-02'))), '2021-07-01', '2021-07-02');
  });

  it('impact windows, `report`, and a top-level fact one version leaves out', () => {
    const windows = (end: string) => `  windows:\n    - {label: exposure, start: 2021-06-30T12:00, end: ${end}}\n  counts:\n`;
    assertBothWays(check(EN.replace('  counts:\n', windows('2021-06-30T12:12')), JA.replace('  counts:\n', windows('2021-06-30T12:13'))), '2021-06-30T12:12', '2021-06-30T12:13');
    const missing = check(EN.replace('  counts:\n', windows('2021-06-30T12:12')), JA);
    assert.match(missing.en[0]!.message, /`impact\.windows` is not in the Japanese version/);
    assertBothWays(check(EN.replace('language: en\n', 'language: en\nreport: final\n'), JA.replace('language: ja\n', 'language: ja\nreport: preliminary\n')), 'final', 'preliminary');
    const severity = check(EN.replace('language: en\n', 'language: en\nseverity: SEV-1\n'), JA);
    assert.match(severity.en[0]!.message, /`severity` is not in the Japanese version/);
    assert.deepEqual(severity.ja, []);
  });

  it('speaks Japanese', () => {
    const pair = check(EN, JA.replace('value: 1053', 'value: 1054').replace('other: 4', 'other: 5'), 'ja');
    assert.match(pair.en[0]!.message, /`impact\.counts\[0\]\.value` が日本語版（cache\.postmortem\.yaml）と異なります。日本語版では `1054` です。/);
  });

  it('offers a quick fix that copies the other version’s value', () => {
    const pair = check(EN, JA.replace('value: 1053', 'value: 1054').replace('other: 4', 'other: 5'));
    const finding = pair.ja[0]!;
    const actions = pair.service.codeActions(doc(pair.jaText, JA_URI), finding.range, [finding]);
    const action = actions.find((candidate) => candidate.title === 'Use the value of the English version: `1053`');
    assert.ok(action, actions.map((candidate) => candidate.title).join(', '));
    const edits = action.edit?.changes?.[JA_URI] as TextEdit[];
    assert.equal(edits[0]?.newText, '1053');
  });
});

describe('parity and the size limit', () => {
  it('a version above the size limit takes no part: it is not parsed to be compared', () => {
    const differs = JA.replace('value: 1053', 'value: 1054') + `# ${'x'.repeat(4000)}\n`;
    assert.notEqual(differs, JA, 'the Japanese version states another count');
    const pm = service({ settings: { maxDocumentBytes: 3000 } });
    const en = doc(EN, EN_URI);
    const ja = doc(differs, JA_URI);
    pm.setWorkspaceDocuments([en, ja]);
    const own = pm.validate(en);
    assert.ok(!own.some((diagnostic) => diagnostic.code === 'document-too-large'), 'the English version itself is checked');
    assert.deepEqual(own.filter((diagnostic) => diagnostic.code === 'parity-mismatch'), []);
    // Within the limit, the same pair differs.
    const roomy = service({ settings: { maxDocumentBytes: 100_000 } });
    roomy.setWorkspaceDocuments([en, ja]);
    assert.equal(roomy.validate(en).filter((diagnostic) => diagnostic.code === 'parity-mismatch').length, 1);
  });
});

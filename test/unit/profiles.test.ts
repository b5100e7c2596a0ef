import assert from 'node:assert/strict';
import { fixture, lint, TODAY as CLI_TODAY } from './cliHelpers';
import type { ReportProfile } from '../../server/src/service';
import { golden } from './goldenFiles';
import { doc, readSample, service, VALID } from './helpers';

const TODAY = '2026-01-01';

const exportOf = (text: string, profile: ReportProfile, options: { locale?: string; today?: string; format?: 'md' | 'html' } = {}) =>
  service({ locale: options.locale ?? 'en', settings: { today: options.today ?? TODAY } }).exportReport(doc(text), profile, options.format ?? 'md');

/** The `## ` sections of a Markdown export: heading → body. */
function sections(markdown: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of markdown.split(/^## /m).slice(1)) {
    const [heading = '', ...body] = part.split('\n');
    map.set(heading, body.join('\n').trim());
  }
  return map;
}

const NOTHING = 'postmortem: 1\n';

const APPI_ITEMS = [
  '1. 概要',
  '2. 漏えい等が発生し、又は発生したおそれがある個人データの項目',
  '3. 漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数',
  '4. 原因',
  '5. 二次被害又はそのおそれの有無及びその内容',
  '6. 本人への対応の実施状況',
  '7. 公表の実施状況',
  '8. 再発防止のための措置',
  '9. その他参考となる事項',
];
const TELECOM_ITEMS = ['1. 報告日時', '2. 発生日時', '3. 復旧日時', '4. 継続時間', '5. 発生場所', '6. 影響役務', '7. 影響範囲', '8. 影響利用者数', '9. 原因', '10. 措置', '11. 再発防止策', '12. 利用者への周知', '13. その他'];
const GDPR_ITEMS = [
  'Art. 33(3)(a) Nature of the personal data breach',
  'Art. 33(3)(b) Data protection officer or other contact point',
  'Art. 33(3)(c) Likely consequences of the breach',
  'Art. 33(3)(d) Measures taken or proposed',
];

/** A GDPR-relevant incident: aware 2024-03-01 09:00 in Berlin, notified 2024-03-05 (late), with a reason. */
const GDPR_LATE = `postmortem: 1
id: newsletter-export
title: Newsletter export sent to the wrong recipient
status: published
language: en
timezone: Europe/Berlin
overview: A CSV export of newsletter subscribers was e-mailed to a wrong address.
impact:
  counts:
    - label: Subscribers in the export
      value: 1200
      qualifier: approximately
      unit: subscribers
  data_exposed: [e-mail address, first name]
timeline:
  - at: 2024-03-01T09:00
    event: A colleague reports the misdirected e-mail
    kind: detected
  - at: 2024-03-01T11:30
    event: The recipient confirms deletion
    kind: mitigated
regulatory:
  - regime: gdpr
    note: The recipient's deletion had to be confirmed before the scope was known.
    reports:
      - {stage: notification, at: 2024-03-05T10:00, to: Berlin DPA}
contact:
  url: https://example.com/privacy
`;

describe('export profiles: appi', () => {
  it('writes the nine items of 施行規則 8条1項 in order, in Japanese whatever the UI language', () => {
    for (const locale of ['en', 'ja']) {
      const headings = [...sections(exportOf(readSample('contact-form-logins.en.postmortem.yaml'), 'appi', { locale })).keys()];
      assert.deepEqual(headings.slice(1), APPI_ITEMS, locale);
      assert.equal(headings[0], '個人情報保護法に基づく報告');
    }
  });

  it('fills the items from the document: data items, persons, countermeasures with their dates', () => {
    const items = sections(exportOf(readSample('contact-form-logins.postmortem.yaml'), 'appi'));
    assert.match(items.get(APPI_ITEMS[0] as string) ?? '', /\*\*発覚日時\*\*：2021年1月19日/);
    assert.equal(items.get(APPI_ITEMS[1] as string), '- 電話番号\n- ユーザー識別子\n- メールアドレス（ログインに使うID）');
    assert.match(items.get(APPI_ITEMS[2] as string) ?? '', /：3,035件（内訳: 日本 2,888/);
    assert.match(items.get(APPI_ITEMS[5] as string) ?? '', /^- 2021年1月21日 18:40 社内調査をもとに/);
    assert.match(items.get(APPI_ITEMS[6] as string) ?? '', /\*\*公表日\*\*：2021年2月9日/);
    assert.match(items.get(APPI_ITEMS[7] as string) ?? '', /二段階認証を適用する（2021年2月8日 完了）/);
  });

  it('heads the draft with the regime: not reportable, with the entry\'s note', () => {
    const head = sections(exportOf(readSample('contact-form-logins.postmortem.yaml'), 'appi')).get('個人情報保護法に基づく報告') ?? '';
    assert.match(head, /報告対象外と判断（reportable: false）/);
    assert.match(head, /備考：2021年1月当時/);
  });

  it('gives the reports made and pending with their deadlines from the engine (速報・確報, malicious)', () => {
    const text = readSample('contact-form-logins.postmortem.yaml').replace(
      /regulatory:[\s\S]*?(?=contact:)/,
      'regulatory:\n  - regime: appi\n    malicious: true\n    reports:\n      - {stage: preliminary, at: 2021-01-22, to: 個人情報保護委員会}\n',
    );
    const head = sections(exportOf(text, 'appi', { today: '2021-02-01' })).get('個人情報保護法に基づく報告') ?? '';
    assert.match(head, /起算点：2021年1月19日（覚知）/);
    assert.match(head, /不正の目的をもって行われたおそれがある/);
    assert.match(head, /速報：2021年1月22日 報告（報告先：個人情報保護委員会）（期限 2021-01-24 以内）/);
    assert.match(head, /確報：未報告（期限 2021-03-20）/);
    // Past the deadline, a pending stage says so.
    const later = sections(exportOf(text.replace('malicious: true', 'malicious: false'), 'appi', { today: '2021-03-01' })).get('個人情報保護法に基づく報告') ?? '';
    assert.match(later, /確報：未報告（期限 2021-02-18 を経過）/);
  });

  it('lists the reports made under other regimes among the other matters (face2face-videos)', () => {
    const other = sections(exportOf(readSample('face2face-videos.postmortem.yaml'), 'appi')).get(APPI_ITEMS[8] as string) ?? '';
    assert.match(other, /telecom-jp、速報：報告済み（文書に日付なし）（報告先：監督官庁）/);
    assert.match(other, /telecom-jp、2021年の再検証で/);
  });

  it('fills an English document too: its text as written under the Japanese headings', () => {
    const items = sections(exportOf(VALID, 'appi'));
    assert.match(items.get(APPI_ITEMS[0] as string) ?? '', /For twelve minutes/);
    assert.equal(items.get(APPI_ITEMS[1] as string), '未記入');
  });

  it('says 「未記入」 for every item of a document that says nothing, and data_exposed: none as なし', () => {
    const items = sections(exportOf(NOTHING, 'appi'));
    for (const item of APPI_ITEMS) assert.equal(items.get(item), '未記入', item);
    assert.match(items.get('個人情報保護法に基づく報告') ?? '', /regulatory に appi の記載がありません/);
    const none = sections(exportOf(`${NOTHING}impact:\n  data_exposed: none\n`, 'appi'));
    assert.equal(none.get(APPI_ITEMS[1] as string), 'なし');
  });
});

describe('export profiles: telecom-jp', () => {
  it('writes the accident-report items in order, from the document (face2face-videos)', () => {
    const items = sections(exportOf(readSample('face2face-videos.postmortem.yaml'), 'telecom-jp'));
    assert.deepEqual([...items.keys()].slice(1), TELECOM_ITEMS);
    assert.equal(items.get('2. 発生日時'), '2020年9月12日');
    assert.equal(items.get('3. 復旧日時'), '2020年10月28日');
    assert.match(items.get('8. 影響利用者数') ?? '', /参加ユーザーの数：最大4,133人/);
    assert.match(items.get('10. 措置') ?? '', /2020年10月28日 20:47 動画共有サイトに掲載された動画をすべて削除し終える/);
    assert.match(items.get('11. 再発防止策') ?? '', /社内研修を随時行う（対応中）/);
    assert.match(items.get('電気通信事業法に基づく報告') ?? '', /速報：報告済み（文書に日付なし）（報告先：監督官庁）/);
  });

  it('shows times in Japan time whatever the document\'s zone, with services, regions and dated reports', () => {
    const text = `postmortem: 1
timezone: UTC
services: [SMS gateway]
regions: [Tokyo data center]
impact:
  period: {start: 2024-05-01T15:30, end: 2024-05-01T18:00}
timeline:
  - {at: 2024-05-01T15:30, event: Messages stop, kind: occurred}
regulatory:
  - regime: telecom-jp
    reports:
      - {stage: preliminary, at: 2024-05-02T01:00, to: 総務省}
`;
    const items = sections(exportOf(text, 'telecom-jp'));
    assert.equal(items.get('1. 報告日時'), '- 2024年5月2日 10:00 速報（総務省）');
    assert.equal(items.get('2. 発生日時'), '2024年5月2日 00:30');
    assert.equal(items.get('3. 復旧日時'), '2024年5月2日 03:00');
    assert.equal(items.get('4. 継続時間'), '2時間30分');
    assert.equal(items.get('5. 発生場所'), '- Tokyo data center');
    assert.equal(items.get('6. 影響役務'), '- SMS gateway');
  });

  it('says 「未記入」 for every item of a document that says nothing', () => {
    const items = sections(exportOf(NOTHING, 'telecom-jp'));
    for (const item of TELECOM_ITEMS) assert.equal(items.get(item), '未記入', item);
  });
});

describe('export profiles: gdpr', () => {
  it('writes Art. 33(3)(a)-(d) in English whatever the UI language', () => {
    const items = sections(exportOf(readSample('contact-form-logins.postmortem.yaml'), 'gdpr', { locale: 'ja' }));
    assert.deepEqual([...items.keys()].slice(1, 5), GDPR_ITEMS);
    const nature = items.get(GDPR_ITEMS[0] as string) ?? '';
    assert.match(nature, /\*\*Categories and approximate number of data subjects\*\*\n\n- 不正ログインの被害を受けたアカウント数/);
    assert.match(nature, /\*\*Categories of personal data records\*\*\n\n- 電話番号/);
    assert.match(items.get(GDPR_ITEMS[1] as string) ?? '', /https:\/\/contact-cc\.line\.me\/detailId\/10092/);
  });

  it('gives the Art. 33(1) reasons for a notification later than 72 hours, from the entry\'s note', () => {
    const items = sections(exportOf(GDPR_LATE, 'gdpr'));
    const delay = items.get('Art. 33(1) Reasons for the delay') ?? '';
    assert.match(delay, /The notification was made 2024-03-05 10:00, 4d 1h after becoming aware \(2024-03-01T09:00\); the 72-hour deadline was 2024-03-04 09:00\./);
    assert.match(delay, /Reasons for the delay: The recipient's deletion had to be confirmed/);
    assert.match(items.get('Reports under GDPR (EU)') ?? '', /notification: made 2024-03-05 10:00 to Berlin DPA \(after the deadline 2024-03-04 09:00\)/);
    assert.match(items.get(GDPR_ITEMS[0] as string) ?? '', /Subscribers in the export: about 1,200 subscribers/);
    assert.match(items.get(GDPR_ITEMS[3] as string) ?? '', /2024-03-01 11:30 The recipient confirms deletion/);
  });

  it('says a notification within 72 hours needs no reasons, and an overdue one does', () => {
    const inTime = sections(exportOf(GDPR_LATE.replace('at: 2024-03-05T10:00', 'at: 2024-03-02T10:00'), 'gdpr')).get('Art. 33(1) Reasons for the delay');
    assert.equal(inTime, 'Not applicable: the notification was made within 72 hours.');
    const overdue = sections(exportOf(GDPR_LATE.replace(/ {4}reports:\n.*\n/, ''), 'gdpr', { today: '2024-03-10' })).get('Art. 33(1) Reasons for the delay') ?? '';
    assert.match(overdue, /Not notified yet; the 72-hour deadline \(2024-03-04 09:00\) has passed\./);
    assert.match(overdue, /Reasons for the delay: The recipient's deletion/);
  });

  it('says "Not stated" for every item of a document that says nothing', () => {
    const items = sections(exportOf(NOTHING, 'gdpr'));
    for (const item of GDPR_ITEMS) assert.equal(items.get(item), 'Not stated', item);
    assert.equal(items.get('Art. 33(1) Reasons for the delay'), 'Not applicable so far: no late notification is recorded.');
  });
});

describe('export profiles: every profile', () => {
  for (const profile of ['appi', 'telecom-jp', 'gdpr'] as const) {
    it(`${profile}: says at the top that it is a draft, not legal advice, also in the UI language when it differs`, () => {
      const language = profile === 'gdpr' ? 'en' : 'ja';
      const own = exportOf(NOTHING, profile, { locale: language }).split('\n\n');
      assert.match(own[1] ?? '', language === 'ja' ? /^\*\*確認用の下書きです。.*法的助言ではありません。/ : /^\*\*Draft to be checked: .*not legal advice\./);
      assert.match(own[2] ?? '', /^- /, 'one warning only in the profile language');
      const other = exportOf(NOTHING, profile, { locale: language === 'ja' ? 'en' : 'ja' }).split('\n\n');
      assert.match(other[2] ?? '', language === 'ja' ? /^\*\*Draft to be checked/ : /^\*\*確認用の下書きです/);
    });

    it(`${profile}: HTML is the notice's standalone page, document text escaped`, () => {
      const html = exportOf(`${NOTHING}title: <script>alert(1)</script>\noverview: "a <b>bold</b> & claim"\n`, profile, { format: 'html' });
      assert.match(html, /^<!DOCTYPE html>\n<html lang="(ja|en)">/);
      assert.match(html, /default-src 'none'/);
      assert.ok(!html.includes('<script>'), 'no markup from the document');
      assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    });
  }
});

describe('export profiles: golden files', () => {
  for (const [sample, profile] of [
    ['contact-form-logins.postmortem.yaml', 'appi'],
    ['face2face-videos.postmortem.yaml', 'telecom-jp'],
    ['contact-form-logins.en.postmortem.yaml', 'gdpr'],
  ] as const) {
    it(`${sample} as ${profile} matches golden/${profile}.${sample.replace('.postmortem.yaml', '')}.md`, () => {
      const name = `${profile}.${sample.replace('.postmortem.yaml', '')}.md`;
      golden(name, exportOf(readSample(sample), profile, { locale: profile === 'gdpr' ? 'en' : 'ja' }));
    });
  }
});

describe('postmortem-lint export --profile', () => {
  // The face2face sample has no errors, so the export needs no --force; the CLI runs on its fixed day.
  const run = (args: string[], locale = 'en') => lint(['export', ...args], { cwd: fixture({ 'f2f.yaml': readSample('face2face-videos.postmortem.yaml') }), locale });

  it('prints the profile, the same as the service', async () => {
    const result = await run(['f2f.yaml', '--profile', 'telecom-jp']);
    assert.equal(result.code, 0, result.err.join('\n'));
    const text = readSample('face2face-videos.postmortem.yaml');
    assert.equal(`${result.out.join('\n')}\n`, service({ settings: { today: CLI_TODAY } }).exportReport(doc(text), 'telecom-jp', 'md'));
    assert.match(result.out[0] ?? '', /^# 電気通信事故の報告/);
  });

  it('takes --profile=gdpr with --format html', async () => {
    const result = await run(['f2f.yaml', '--profile=gdpr', '--format', 'html']);
    assert.equal(result.code, 0);
    assert.match(result.out.join('\n'), /<h2>Art\. 33\(3\)\(a\) Nature of the personal data breach<\/h2>/);
  });

  it('refuses an unknown or missing profile with exit 2 and the valid names, in the UI language', async () => {
    const bad = await run(['f2f.yaml', '--profile', 'hipaa']);
    assert.equal(bad.code, 2);
    assert.deepEqual(bad.err, ['Unknown profile "hipaa": use appi, telecom-jp or gdpr.']);
    assert.deepEqual(bad.out, []);
    const ja = await run(['f2f.yaml', '--profile', 'hipaa'], 'ja');
    assert.deepEqual(ja.err, ['プロファイル「hipaa」はありません。appi、telecom-jp、gdpr のいずれかを指定してください。']);
    const missing = await run(['f2f.yaml', '--profile']);
    assert.equal(missing.code, 2);
  });

  it('documents --profile in --help', async () => {
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.out.join('\n'), /--profile appi\|telecom-jp\|gdpr/);
  });
});

import assert from 'node:assert/strict';
import { formatNumber } from '../../server/src/service/views/format';
import { FULL_11 } from './format11Fixture';
import { doc, service, VALID } from './helpers';

const exportOf = (text: string, format: 'md' | 'html', audience?: 'public' | 'internal') => service().exportNotice(doc(text), format, audience);
const JA = VALID.replace('language: en', 'language: ja');

describe('notice export: inline code', () => {
  const text = VALID.replace('summary: A cache connection setting was changed.', 'summary: "The `maxmemory-policy` flag was set to `<allkeys>` & the `a``b` key."');

  it('renders backticks as code in Markdown, with a fence longer than any backtick inside', () => {
    const markdown = exportOf(text, 'md');
    assert.match(markdown, /^The `maxmemory-policy` flag was set to `<allkeys>` &amp; the `a``b` key\.$/m);
  });

  it('renders backticks as <code> in HTML, escaped', () => {
    const html = exportOf(text, 'html');
    assert.ok(html.includes('<p>The <code>maxmemory-policy</code> flag was set to <code>&lt;allkeys&gt;</code> &amp; the <code>a</code><code>b</code> key.</p>') || html.includes('<code>&lt;allkeys&gt;</code>'), html);
    assert.doesNotMatch(html, /<allkeys>/);
  });

  it('leaves a lone backtick as an escaped character', () => {
    const markdown = exportOf(VALID.replace('summary: A cache connection setting was changed.', 'summary: "It`s one backtick."'), 'md');
    assert.match(markdown, /^It\\`s one backtick\.$/m);
  });

  it('works inside list items: factors, events and countermeasures', () => {
    const coded = VALID.replace('description: The new connection setting mixed up keys.', 'description: "`cache.pool` mixed up keys."').replace('event: The cache server is restarted.', 'event: "`systemctl restart redis` is run."').replace('action: Revert the connection setting.', 'action: "Revert `cache.pool`."');
    const markdown = exportOf(coded, 'md');
    assert.match(markdown, /^- \*\*Factor 1\*\*: `cache\.pool` mixed up keys\.$/m);
    assert.match(markdown, /\*\* `systemctl restart redis` is run\.$/m);
    assert.match(markdown, /^- Revert `cache\.pool`\. \(done 2021-07-02; addresses factor 1\)$/m);
  });
});

describe('notice export: folded Japanese text', () => {
  const folded = JA.replace('overview: For twelve minutes some messages appeared in the wrong chat room.', 'overview: >\n  一部のメッセージが\n  別のトークルームに表示されました。\n  Redis の設定が原因です。\n');

  it('drops the space YAML folding put between two Japanese characters, and keeps the one before Latin text', () => {
    const markdown = exportOf(folded, 'md');
    assert.match(markdown, /^一部のメッセージが別のトークルームに表示されました。Redis の設定が原因です。$/m);
    assert.match(exportOf(folded, 'html'), /<p>一部のメッセージが別のトークルームに表示されました。Redis の設定が原因です。<\/p>/);
  });

  it('shows the same text in the preview model', () => {
    assert.equal(service().timelineModel(doc(folded)).overview, '一部のメッセージが別のトークルームに表示されました。Redis の設定が原因です。\n');
  });

  it('keeps spaces between English words', () => {
    assert.match(exportOf(VALID.replace('overview: For twelve', 'overview: >\n  For\n  twelve'), 'md'), /^For twelve minutes/m);
  });
});

describe('notice export: Japanese numbers', () => {
  it('groups round figures by 万 and 億 and keeps exact ones in commas', () => {
    assert.equal(formatNumber(30_910_000, 'ja'), '3,091万');
    assert.equal(formatNumber(120_000_000, 'ja'), '1億2,000万');
    assert.equal(formatNumber(2_000_000_000_000, 'ja'), '2兆');
    assert.equal(formatNumber(121_221, 'ja'), '121,221');
    assert.equal(formatNumber(9_999, 'ja'), '9,999');
    assert.equal(formatNumber(30_910_000, 'en'), '30,910,000');
  });

  it('writes 約3,091万人 in a Japanese notice and about 30,910,000 users in an English one', () => {
    const count = (text: string) => text.replace(/ {4}- label: Users who saw a misplaced message\n[\s\S]*?(?=cause:)/, '    - label: 影響を受けたお客様\n      value: 30910000\n      qualifier: approximately\n      unit: 人\n');
    assert.match(exportOf(count(JA), 'md'), /影響を受けたお客様：約3,091万人/);
    assert.match(exportOf(count(VALID).replace('unit: 人', 'unit: users'), 'md'), /影響を受けたお客様: about 30,910,000 users/);
  });
});

describe('notice export: format 1.1', () => {
  const JA_11 = FULL_11.replace('language: en', 'language: ja');

  it('puts the report in the title: (Final report) in English, 【速報】 in Japanese', () => {
    assert.match(exportOf(FULL_11, 'md'), /^# Order confirmations delayed by a queue backlog \(Final report\)$/m);
    assert.match(exportOf(JA_11.replace('report: final', 'report: preliminary'), 'md'), /^# 【速報】Order confirmations/m);
    assert.match(exportOf(FULL_11, 'html'), /<title>Order confirmations delayed by a queue backlog \(Final report\)<\/title>/);
    assert.match(exportOf(VALID, 'md'), /^# Messages shown in the wrong chat$/m);
  });

  it('states that no personal data was exposed, in both languages', () => {
    assert.match(exportOf(FULL_11, 'md'), /^No personal data was exposed in this incident\.$/m);
    assert.match(exportOf(JA_11, 'html'), /<p>本件による個人情報の流出はありません。<\/p>/);
    assert.doesNotMatch(exportOf(VALID, 'md'), /personal data was exposed/);
  });

  it('lists the impact windows with their lengths and the key durations, approximate ones as such', () => {
    const markdown = exportOf(FULL_11, 'md');
    assert.match(markdown, /### Impact windows\n\n- Confirmations delayed in eu-west-1: \d{4}-03-02 09:14 to 10:02 \(48m\)\n- Confirmations delayed in us-east-1: \d{4}-03-02 09:40 to 10:49 \(1h 09m\)/);
    assert.match(markdown, /### Key durations\n\n- Time to detect: about 16m\n- Time to mitigate: 48m\n- Time to resolve: 1h 35m\n/);
    assert.match(exportOf(JA_11, 'md'), /- 検知までの時間：約16分/);
  });

  it('shows approximate times: "around" in English, 頃 in Japanese', () => {
    assert.match(exportOf(FULL_11, 'md'), /^- \*\*around \d{4}-03-02 09:30\*\* Support notices/m);
    assert.match(exportOf(JA_11, 'md'), /^- \*\*\d{4}年3月2日 09:30頃\*\* Support notices/m);
  });

  it('numbers the factors and says which countermeasure answers which, with the reason of a wont_do', () => {
    const markdown = exportOf(FULL_11, 'md');
    assert.match(markdown, /^- \*\*Factor 2\*\*: Both regions drain one shared queue\. \(Accepted risk: Splitting the queue/m);
    assert.match(markdown, /^- Roll back the consumer build\. \(done \d{4}-03-02; addresses factor 1\)$/m);
    assert.match(markdown, /^- Split the shared queue by region\. \(will not be done: The risk is accepted; see the factor; addresses factor 2\)$/m);
    assert.match(exportOf(JA_11, 'md'), /^- Roll back the consumer build\.（\d{4}年3月2日 完了、要因1への対策）$/m);
  });

  it('writes decimals and units as reported', () => {
    assert.match(exportOf(FULL_11, 'md'), /Confirmations sent on time: about 97\.5 %/);
    assert.match(exportOf(JA_11, 'md'), /Confirmations sent on time：約97\.5%/);
  });
});

describe('notice export: audience', () => {
  // Every internal value of the fixture, each written once in it and nowhere else in a notice.
  const INTERNAL = ['@rina', 'sre-team', 'OPS-1412', 'OPS-1413', 'P1', 'Thread counts belong', 'The rollback took four minutes', 'Nobody was paged', 'outside the sales campaign', 'grafana.example.com', 'x-team', 'payments', 'x-ticket-count', 'mailer logs', 'x-dashboard-id', 'RB-7', '3 weeks', 'support-team', '2028-06-30', '2028年6月30日'];
  const documents = { en: FULL_11, ja: FULL_11.replace('language: en', 'language: ja') };

  for (const [language, text] of Object.entries(documents)) {
    for (const format of ['md', 'html'] as const) {
      it(`leaves every internal value out of the public ${language} ${format} notice, and keeps them in the internal one`, () => {
        const exporter = service({ settings: { today: '2029-01-01' } });
        const publicNotice = exporter.exportNotice(doc(text), format);
        assert.equal(publicNotice, exporter.exportNotice(doc(text), format, 'public'), 'public is the default');
        for (const value of INTERNAL) assert.ok(!publicNotice.includes(value), `the public notice shows "${value}"`);
        const internalNotice = exporter.exportNotice(doc(text), format, 'internal');
        const dates = language === 'ja' ? INTERNAL.filter((value) => value !== '2028-06-30') : INTERNAL.filter((value) => value !== '2028年6月30日');
        for (const value of dates) assert.ok(internalNotice.includes(value), `the internal notice lacks "${value}"`);
        assert.match(internalNotice, language === 'ja' ? /期限超過/ : /Overdue/);
      });
    }
  }

  it('links an https ticket in the internal HTML notice and marks it as not for publication', () => {
    const html = exportOf(FULL_11, 'html', 'internal');
    assert.match(html, /<a href="https:\/\/tracker\.example\.com\/browse\/OPS-1413" rel="noopener noreferrer">/);
    assert.match(html, /<strong>Internal version: not for publication\.<\/strong>/);
  });
});

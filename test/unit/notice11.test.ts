import assert from 'node:assert/strict';
import { formatNumber } from '../../server/src/service/features/timeline/format';
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

import assert from 'node:assert/strict';
import { escapeLine } from '../../server/src/service/features/notice/markdown';
import { golden } from './goldenFiles';
import { doc, readSample, service, VALID } from './helpers';
import { hostileDocument } from './timelineFixtures';

const exportOf = (text: string, format: 'md' | 'html', locale = 'en') => service({ locale }).exportNotice(doc(text), format);

describe('notice export: golden files', () => {
  for (const [sample, base] of [
    ['clova-bot-invites.postmortem.yaml', 'clova-bot-invites.ja'],
    ['clova-bot-invites.en.postmortem.yaml', 'clova-bot-invites.en'],
  ] as const) {
    for (const format of ['md', 'html'] as const) {
      it(`${sample} as ${format}`, () => golden(`${base}.${format}`, exportOf(readSample(sample), format)));
    }
  }

  it('does not depend on the UI locale', () => {
    const text = readSample('clova-bot-invites.postmortem.yaml');
    assert.equal(exportOf(text, 'md', 'en'), exportOf(text, 'md', 'ja'));
  });
});

describe('notice export: structure', () => {
  const sections = (markdown: string) => [...markdown.matchAll(/^## \d+\. (.*)$/gm)].map((match) => match[1]);

  it('follows the seeds: overview, impact, cause, timeline, countermeasures, contact, revisions', () => {
    const text = `${VALID}revisions:\n  - date: 2021-07-15\n    note: First published\n`;
    assert.deepEqual(sections(exportOf(text, 'md')), ['Overview', 'Impact', 'Cause', 'Timeline (Japan time)', 'Countermeasures', 'Contact', 'Revisions']);
    assert.deepEqual(sections(exportOf(text.replace('language: en', 'language: ja'), 'md')), ['概要', '影響', '原因', '時系列（日本時間）', '再発防止策', 'お問い合わせ', '更新履歴']);
  });

  it('leaves out revisions when there are none and numbers the rest without a hole', () => {
    const markdown = exportOf(VALID, 'md');
    assert.deepEqual([...markdown.matchAll(/^## (\d+)\./gm)].map((match) => match[1]), ['1', '2', '3', '4', '5', '6']);
  });

  it('writes times in the document zone, whatever offset the source used', () => {
    const text = VALID.replace('  - at: 2021-06-30T12:05\n', '  - at: 2021-06-30T03:05Z\n');
    assert.match(exportOf(text, 'md'), /\*\*2021-06-30 12:05\*\* Reports of send errors/);
    const utc = VALID.replace('timezone: Asia/Tokyo\n', '').replace('  - at: 2021-06-30T12:05\n', '  - at: 2021-06-30T12:05+09:00\n');
    assert.match(exportOf(utc, 'md'), /## 4\. Timeline \(UTC\)[\s\S]*\*\*2021-06-30 03:05\*\*/);
  });

  it('shortens a range that stays on one day and words the countermeasure status', () => {
    const text = VALID.replace('  - at: 2021-06-30T12:00\n', '  - at: 2021-06-30T12:00\n    until: 2021-06-30T12:12\n');
    const markdown = exportOf(text, 'md');
    assert.match(markdown, /\*\*2021-06-30 12:00 to 12:12\*\* Errors start/);
    assert.match(markdown, /Revert the connection setting\. \(done 2021-07-02; addresses factor 1\)/);
    assert.match(exportOf(text.replace('language: en', 'language: ja'), 'md'), /\*\*2021年6月30日 12:00〜12:12\*\*/);
  });

  it('links the contact only when it is https', () => {
    assert.match(exportOf(VALID, 'md'), /^<https:\/\/example\.com\/contact>$/m);
    assert.match(exportOf(VALID, 'html'), /<a href="https:\/\/example\.com\/contact" rel="noopener noreferrer">/);
    const http = VALID.replace('url: https://example.com/contact', 'url: http://example.com/contact');
    assert.doesNotMatch(exportOf(http, 'html'), /<a /);
    assert.match(exportOf(http, 'md'), /^http:\/\/example\.com\/contact$/m);
  });

  it('never throws on broken input', () => {
    const sample = readSample('clova-bot-invites.en.postmortem.yaml');
    for (let cut = 0; cut < sample.length; cut += 131) {
      for (const format of ['md', 'html'] as const) assert.equal(typeof exportOf(sample.slice(0, cut), format), 'string');
    }
    assert.equal(typeof exportOf('', 'html'), 'string');
  });
});

describe('notice export: hostile text stays text', () => {
  it('HTML has no element, attribute or link from the document', () => {
    const html = exportOf(hostileDocument(), 'html');
    const tags = [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)];
    const allowed = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'article', 'h1', 'h2', 'h3', 'p', 'ul', 'li', 'strong', 'br', 'code']);
    assert.deepEqual(tags.filter((tag) => !allowed.has(tag[1] ?? '')).map((tag) => tag[0]), []);
    assert.deepEqual(tags.filter((tag) => /\son\w+=/i.test(tag[2] ?? '')).map((tag) => tag[0]), []);
    assert.ok(html.includes('&lt;script&gt;window.__postmortemInjected=1&lt;/script&gt;'), 'shown as text');
    assert.ok(html.includes('javascript:alert(5)'), 'the unsafe contact URL is shown, not linked');
    assert.ok(html.includes('&amp;amp;'), 'entities in the source are shown literally');
  });

  it('Markdown has no raw HTML, link, image or emphasis from the document', () => {
    // Code spans are the one place where document text is not escaped: CommonMark shows their
    // content literally, markup and HTML included. Outside them, nothing may open markup.
    const markdown = exportOf(hostileDocument(), 'md').replace(/(?<!\\)`c`/g, '');
    assert.doesNotMatch(markdown, /<(?!https:)/, 'no raw < except our own https autolinks');
    assert.doesNotMatch(markdown, /(?<!\\)\[|(?<!\\)`|(?<!\\)\|/);
    assert.ok(markdown.includes('&lt;script&gt;window.\\_\\_postmortemInjected=1&lt;/script&gt;'));
  });

  it('escapes Markdown line starts that would become structure', () => {
    assert.equal(escapeLine('# not a heading'), '\\# not a heading');
    assert.equal(escapeLine('- not a list'), '\\- not a list');
    assert.equal(escapeLine('1. not a list'), '1\\. not a list');
    assert.equal(escapeLine('=== not a rule'), '\\=== not a rule');
    assert.equal(escapeLine('a # b - c 1. d'), 'a # b - c 1. d');
  });
});

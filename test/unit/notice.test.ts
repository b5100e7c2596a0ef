import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runExport } from '../../server/src/cli/export';
import { escapeLine } from '../../server/src/service/features/notice/markdown';
import { FULL_11 } from './format11Fixture';
import { doc, readSample, repoRoot, service, VALID } from './helpers';
import { hostileDocument } from './timelineFixtures';

const goldenDir = join(repoRoot, 'test', 'unit', 'golden');
/** `UPDATE_GOLDEN=1 npm run test:unit` rewrites the files; review the diff before committing. */
const update = process.env.UPDATE_GOLDEN === '1';

function golden(name: string, actual: string): void {
  const file = join(goldenDir, name);
  if (update || !existsSync(file)) {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(file, actual);
    if (!update) assert.fail(`${name} did not exist and was written; check it and run again`);
    return;
  }
  assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs from the golden file (UPDATE_GOLDEN=1 to accept)`);
}

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

describe('postmortem-lint export', () => {
  function memoryIo(files: Record<string, string>) {
    const out: string[] = [];
    const err: string[] = [];
    const written: Record<string, string> = {};
    return {
      out,
      err,
      written,
      io: {
        stdout: (text: string) => void out.push(text),
        stderr: (text: string) => void err.push(text),
        readFile: async (path: string) => {
          const text = files[path];
          if (text === undefined) throw new Error('ENOENT: no such file');
          return text;
        },
        writeFile: async (path: string, text: string) => void (written[path] = text),
      },
    };
  }
  const run = async (args: string[], files: Record<string, string> = { 'a.postmortem.yaml': VALID }, locale = 'en') => {
    const memory = memoryIo(files);
    return { code: await runExport(args, memory.io, locale), ...memory };
  };

  it('prints the Markdown notice, the same as the service', async () => {
    const result = await run(['a.postmortem.yaml', '--format', 'md']);
    assert.equal(result.code, 0);
    assert.equal(`${result.out.join('\n')}\n`, service().exportNotice(doc(VALID), 'md'));
  });

  it('writes HTML to --output, and takes the format from its extension', async () => {
    const result = await run(['a.postmortem.yaml', '-o', 'notice.html']);
    assert.equal(result.code, 0);
    assert.match(result.written['notice.html'] ?? '', /^<!DOCTYPE html>/);
    assert.deepEqual(result.out, []);
    assert.equal((await run(['a.postmortem.yaml', '--format=html'])).out.join('').startsWith('<!DOCTYPE html>'), true);
  });

  it('refuses bad usage with exit 2 and a message in the UI language', async () => {
    assert.equal((await run([])).code, 2);
    const bad = await run(['a.postmortem.yaml', '--format', 'pdf'], undefined, 'ja');
    assert.equal(bad.code, 2);
    assert.match(bad.err.join(), /md か html/);
    assert.equal((await run(['a.postmortem.yaml', '--bogus'])).code, 2);
    assert.equal((await run(['a.postmortem.yaml', 'b.postmortem.yaml'])).code, 2);
    const missing = await run(['nope.yaml']);
    assert.equal(missing.code, 2);
    assert.match(missing.err.join(), /nope\.yaml/);
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.err.join(), /--format md\|html/);
  });

  it('leaves internal fields out by default and keeps them with --audience internal', async () => {
    const files = { 'a.postmortem.yaml': FULL_11 };
    const publicRun = await run(['a.postmortem.yaml'], files);
    assert.equal(publicRun.code, 0);
    assert.ok(!publicRun.out.join('\n').includes('@rina'));
    assert.deepEqual((await run(['a.postmortem.yaml', '--audience', 'public'], files)).out, publicRun.out);
    const internal = await run(['a.postmortem.yaml', '--audience=internal'], files);
    assert.equal(internal.code, 0);
    assert.match(internal.out.join('\n'), /Owner: @rina/);
    const overdue = await run(['a.postmortem.yaml', '--audience', 'internal'], { 'a.postmortem.yaml': FULL_11.replace('due: 2028-06-30', 'due: 2001-01-01') });
    assert.match(overdue.out.join('\n'), /Due 2001-01-01 \(Overdue\)/, 'the CLI passes its today');
    const bad = await run(['a.postmortem.yaml', '--audience', 'everyone'], files, 'ja');
    assert.equal(bad.code, 2);
    assert.match(bad.err.join(), /public か internal/);
    assert.match((await run(['--help'])).err.join(), /--audience public\|internal/);
  });

  it('exits 1 and writes nothing for a document that does not parse', async () => {
    const result = await run(['a.postmortem.yaml', '-o', 'x.md'], { 'a.postmortem.yaml': 'title: [unclosed\n' });
    assert.equal(result.code, 1);
    assert.deepEqual(result.written, {});
    assert.match(result.err.join(), /does not parse/);
  });
});

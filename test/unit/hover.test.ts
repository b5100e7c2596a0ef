import assert from 'node:assert/strict';
import type { Hover, MarkupContent, Range } from 'vscode-languageserver-types';
import type { ServiceOptions } from '../../server/src/service';
import { doc, service, VALID, withCursor } from './helpers';

function hover(textWithCursor: string, options: ServiceOptions = {}): Hover | null {
  const { text, position } = withCursor(textWithCursor);
  return service(options).hover(doc(text), position);
}

function markdown(result: Hover | null): string {
  assert.ok(result, 'a hover');
  const contents = result.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

function rangeOf(result: Hover | null): Range {
  assert.ok(result?.range, 'a hover with a range');
  return result.range;
}

const line = (n: number, start: number, end: number): Range => ({ start: { line: n, character: start }, end: { line: n, character: end } });

/** The seed's album-thumbnail incident, in Japan time, for the brief's own example. */
const ALBUM = `postmortem: 1
id: album-thumbnails
title: Album thumbnails shown to other users
status: draft
timezone: Asia/Tokyo
overview: Some thumbnails of albums were shown to other users.
impact:
  period:
    start: 2020-10-31T07:23
    end: 2020-11-02T10:38
cause:
  summary: A cache kept thumbnails too long.
  factors:
    - id: cache-kept-too-long
      description: Thumbnails stayed in a shared cache.
    - id: no-review
      description: The cache change was not reviewed.
timeline:
  - at: 2020-10-31T07:23
    event: Thumbnails start to leak.
    kind: occurred
  - at: 2020-11-02T10:38
    until: 2020-11-02T13:38
    event: The cache is cleared.
    kind: mitigated
  - at: 2020-11-04
    event: Notice published.
    kind: published
countermeasures:
  - action: Shorten the cache lifetime.
    status: done
    date: 2020-11-02
    addresses:
      - cache-kept-too-long
contact:
  url: https://example.com/contact
`;

describe('hover: keys', () => {
  it('shows the field documentation, whether it is required and its allowed values', () => {
    const result = hover(VALID.replace('status: published', 'sta|tus: published'));
    const text = markdown(result);
    assert.match(text, /^\*\*status\*\* · required · text · one of `draft`, `review`, `published`/);
    assert.match(text, /Editorial state of this document/);
    assert.deepEqual(rangeOf(result), line(3, 0, 6));
  });

  it('says optional, or required under a condition', () => {
    assert.match(markdown(hover(VALID.replace('language: en', 'langu|age: en'))), /^\*\*language\*\* · optional · text\n\nBCP 47 tag/);
    assert.match(markdown(hover(VALID.replace('published: 2021-07-15', 'pub|lished: 2021-07-15'))), /required when `status: published` · date \(YYYY-MM-DD\)/);
  });

  it('documents nested keys with their own description, not their definition', () => {
    const kind = markdown(hover(VALID.replace('    kind: detected', '    ki|nd: detected')));
    assert.match(kind, /optional · text · one of `occurred`.*· default `other`/);
    const id = hover(VALID.replace('    - id: cache-config', '    - i|d: cache-config'));
    assert.match(markdown(id), /^\*\*id\*\* · required · id \(a-z, 0-9, -\)\n\nIdentifier of the factor/);
    assert.deepEqual(rangeOf(id), line(23, 6, 8));
    assert.match(markdown(hover(VALID.replace('  counts:', '  cou|nts:'))), /list of mapping/);
  });

  it('speaks Japanese for a Japanese UI', () => {
    const text = markdown(hover(VALID.replace('status: published', 'sta|tus: published'), { locale: 'ja' }));
    assert.match(text, /必須 · 文字列/);
    assert.match(text, /この文書の編集状態です/);
  });

  it('names the country of a breakdown key', () => {
    const result = hover(VALID.replace('        TH: 729', '        T|H: 729'));
    assert.match(markdown(result), /Breakdown key `TH`: Thailand\./);
    assert.deepEqual(rangeOf(result), line(17, 8, 10));
    assert.match(markdown(hover(VALID.replace('        TH: 729', '        T|H: 729'), { locale: 'ja' })), /タイ/);
  });
});

describe('hover: times', () => {
  it('shows the instant in the zone and in UTC, and its offset from the impact start', () => {
    const result = hover(ALBUM.replace('  - at: 2020-11-02T10:38', '  - at: 2020-11-02T1|0:38'));
    const text = markdown(result);
    assert.match(text, /2020-11-02 10:38 \(Asia\/Tokyo, \+09:00\) = 2020-11-02 01:38 UTC/);
    assert.match(text, /T\+2d 03:15 from the impact start \(2020-10-31T07:23\)/);
    assert.deepEqual(rangeOf(result), line(21, 8, 24));
  });

  it('marks the impact start itself and says how long the impact lasted at its end', () => {
    assert.match(markdown(hover(ALBUM.replace('    start: 2020-10-31T07:23', '    start: 2020-|10-31T07:23'))), /T\+00:00: this is the impact start/);
    assert.match(markdown(hover(ALBUM.replace('    end: 2020-11-02T10:38', '    end: 2020-|11-02T10:38'))), /The impact lasted 2d 3h/);
  });

  it('gives the length of an event with `until`', () => {
    assert.match(markdown(hover(ALBUM.replace('until: 2020-11-02T13:38', 'until: 2020-11-02T13:3|8'))), /Lasts 3h 00m \(from `at` 2020-11-02T10:38\)/);
  });

  it('names the whole period of a reduced-precision time', () => {
    const text = markdown(hover(ALBUM.replace('  - at: 2020-11-04', '  - at: 2020-11-0|4')));
    assert.match(text, /The whole day 2020-11-04 in Asia\/Tokyo: 2020-11-03 15:00 – 2020-11-04 15:00 UTC/);
    assert.match(text, /T\+3d 16:37/);
    const month = markdown(hover(ALBUM.replace('  - at: 2020-11-04', '  - at: 2020-1|1').replace('timezone: Asia/Tokyo\n', '')));
    assert.match(month, /The whole month 2020-11 \(a calendar period; no zone is needed for it\)/);
    assert.doesNotMatch(month, /Ambiguous/);
  });

  it('warns that a clock time without any zone is ambiguous', () => {
    const text = markdown(hover(ALBUM.replace('  - at: 2020-11-02T10:38', '  - at: 2020-11-02T1|0:38').replace('timezone: Asia/Tokyo\n', '')));
    assert.match(text, /2020-11-02 10:38 \(no zone known\)/);
    assert.match(text, /Ambiguous: this time has a clock part but no offset/);
  });

  it('converts a written offset into the document zone, or shows it when the document has none', () => {
    assert.match(markdown(hover(ALBUM.replace('  - at: 2020-11-02T10:38', '  - at: 2020-11-02T0|1:38Z'))), /2020-11-02 10:38 \(Asia\/Tokyo, \+09:00\) = 2020-11-02 01:38 UTC/);
    const fixed = markdown(hover(ALBUM.replace('  - at: 2020-11-02T10:38', '  - at: 2020-11-02T1|0:38+09:00').replace('timezone: Asia/Tokyo\n', '')));
    assert.match(fixed, /2020-11-02 10:38 \(\+09:00\) = 2020-11-02 01:38 UTC/);
  });

  it('writes the time lines in Japanese for a Japanese UI', () => {
    const text = markdown(hover(ALBUM.replace('  - at: 2020-11-02T10:38', '  - at: 2020-11-02T1|0:38'), { locale: 'ja' }));
    assert.match(text, /2020-11-02 10:38（Asia\/Tokyo, \+09:00）= 2020-11-02 01:38 UTC/);
    assert.match(text, /影響開始（2020-10-31T07:23）から T\+2d 03:15/);
  });
});

describe('hover: factor ids', () => {
  it('describes a factor and lists the countermeasures that address it', () => {
    const result = hover(ALBUM.replace('    - id: cache-kept-too-long', '    - id: cache-kept|-too-long'));
    const text = markdown(result);
    assert.match(text, /^\*\*Cause factor `cache-kept-too-long`\*\*\n\nThumbnails stayed in a shared cache\./);
    assert.match(text, /Addressed by:\n- Shorten the cache lifetime\. \(`done`\)/);
    assert.deepEqual(rangeOf(result), line(13, 10, 29));
  });

  it('says when no countermeasure addresses a factor', () => {
    assert.match(markdown(hover(ALBUM.replace('    - id: no-review', '    - id: no-rev|iew'))), /Not addressed by any countermeasure\./);
  });

  it('works on an id inside addresses, in block and flow form', () => {
    const block = hover(ALBUM.replace('      - cache-kept-too-long', '      - cache|-kept-too-long'));
    assert.match(markdown(block), /Thumbnails stayed in a shared cache/);
    assert.deepEqual(rangeOf(block), line(33, 8, 27));
    assert.match(markdown(hover(VALID.replace('addresses: [cache-config]', 'addresses: [cache-con|fig]'))), /The new connection setting mixed up keys/);
    assert.match(markdown(hover(VALID.replace('addresses: [cache-config]', 'addresses: [nope|]'))), /No cause factor has the id `nope`/);
  });
});

describe('hover: values and nothing', () => {
  it('explains an enum value', () => {
    const result = hover(VALID.replace('    kind: mitigated', '    kind: miti|gated'));
    assert.match(markdown(result), /^\*\*kind: mitigated\*\*\n\nThe impact was stopped or reduced/);
    assert.deepEqual(rangeOf(result), line(34, 10, 19));
    assert.match(markdown(hover(VALID.replace('    status: done', '    status: do|ne'))), /^\*\*status: done\*\*\n\nThe measure is in place/);
    assert.match(markdown(hover(VALID.replace('    status: done', '    status: do|ne'), { locale: 'ja' })), /対策は実施済みです/);
    assert.match(markdown(hover(VALID.replace('    type: technical', '    type: tech|nical'))), /Systems, code or settings/);
  });

  it('tells the offset of the document zone at the impact start', () => {
    assert.match(markdown(hover(VALID.replace('timezone: Asia/Tokyo', 'timezone: Asia/|Tokyo'))), /Asia\/Tokyo: UTC\+09:00 at the impact start \(2021-06-30T12:00\)/);
  });

  it('puts the range on a value after Japanese text and an emoji', () => {
    const event = '  - {at: 2021-06-30T12:03, event: 障害を検知 🚨, kind: detected}';
    const text = VALID.replace('  - at: 2021-06-30T12:05\n', `${event}\n  - at: 2021-06-30T12:05\n`);
    const offset = event.indexOf('detected');
    const result = service().hover(doc(text), { line: 29, character: offset + 2 });
    assert.deepEqual(rangeOf(result), line(29, offset, offset + 'detected'.length));
    assert.equal(offset, 50);
  });

  it('returns null on blank lines, comments and free text', () => {
    assert.equal(hover(VALID.replace('cause:\n', '|\ncause:\n')), null);
    assert.equal(hover(VALID.replace('  - at: 2021-06-30T12:05\n', '\n  |\n  - at: 2021-06-30T12:05\n')), null);
    assert.equal(hover(VALID.replace('cause:\n', '# a com|ment\ncause:\n')), null);
    assert.equal(hover(VALID.replace('title: Messages', 'title: Mess|ages')), null);
    assert.equal(hover('|'), null);
  });
});

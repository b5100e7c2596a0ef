import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { closest } from '../../server/src/service/util/closest';
import { doc, service, VALID } from './helpers';

/** Findings that were wrong or confusing before format 1.1, and the words they use now. */

function variant(search: string, replacement: string, base = VALID): string {
  assert.ok(base.includes(search), `baseline lacks ${JSON.stringify(search)}`);
  return base.replace(search, replacement);
}

function all(text: string, locale = 'en'): Diagnostic[] {
  return service({ locale }).validate(doc(text));
}

const codes = (text: string) => all(text).map((diagnostic) => String(diagnostic.code));

describe('false findings removed', () => {
  it('a mailto: or tel: contact is not insecure; http: still is', () => {
    assert.deepEqual(codes(variant('url: https://example.com/contact', 'url: mailto:incident@example.com')), []);
    assert.deepEqual(codes(variant('url: https://example.com/contact', 'url: "tel:+81-3-0000-0000"')), []);
    assert.deepEqual(codes(variant('url: https://example.com/contact', 'url: http://example.com/contact')), ['insecure-contact']);
  });

  describe('ordering when one side has no zone', () => {
    // No document zone: the start has an offset (03:00Z); the end has none and could be anywhere from UTC−12 to UTC+14.
    const zoneless = variant('timezone: Asia/Tokyo\n', '').replace('    start: 2021-06-30T12:00\n', '    start: 2021-06-30T12:00+09:00\n');
    const order = (text: string) => codes(text).filter((code) => code.endsWith('-order'));
    it('period-order is quiet when the end could follow the start at some offset', () => {
      assert.deepEqual(order(variant('    end: 2021-06-30T12:12\n', '    end: 2021-06-30T02:30\n', zoneless)), []);
    });
    it('period-order still fires when the end precedes the start at every offset', () => {
      assert.deepEqual(order(variant('    end: 2021-06-30T12:12\n', '    end: 2021-06-29T10:00\n', zoneless)), ['period-order']);
    });
    it('timeline-order likewise, while two zoneless times still compare directly', () => {
      const withOffset = (text: string) => text.replace('  - at: 2021-06-30T12:00\n', '  - at: 2021-06-30T12:00+09:00\n');
      assert.deepEqual(order(withOffset(variant('  - at: 2021-06-30T12:05\n', '  - at: 2021-06-30T02:05\n', zoneless))), []);
      assert.deepEqual(order(withOffset(variant('  - at: 2021-06-30T12:05\n', '  - at: 2021-06-29T02:05\n', zoneless))), ['timeline-order']);
      assert.deepEqual(order(variant('  - at: 2021-06-30T12:12\n', '  - at: 2021-06-30T12:01\n', variant('timezone: Asia/Tokyo\n', ''))), ['timeline-order']);
    });
  });

  describe('"did you mean" only when close', () => {
    const keys = ['postmortem', 'id', 'title', 'status', 'language', 'timezone', 'published', 'overview', 'impact', 'cause', 'timeline', 'countermeasures', 'contact'];
    it('no noise for unrelated words', () => {
      assert.equal(closest('services', keys), undefined);
      assert.equal(closest('担当', keys), undefined);
      assert.equal(closest('owner', keys), undefined);
      assert.equal(closest('desc', keys), undefined);
    });
    it('still catches typos, swaps and half-typed words', () => {
      assert.equal(closest('stauts', keys), 'status');
      assert.equal(closest('titel', keys), 'title');
      assert.equal(closest('timezon', keys), 'timezone');
      assert.equal(closest('countermeasure', keys), 'countermeasures');
      assert.equal(closest('Timeline', keys), 'timeline');
      assert.equal(closest('detect', ['detected', 'occurred']), 'detected');
    });
    it('an unknown top-level key far from every key gets the list of allowed keys', () => {
      const [finding] = all(variant('overview:', '担当: 山田\noverview:'));
      assert.equal(finding?.code, 'schema-unknown-key');
      assert.doesNotMatch(finding!.message, /Did you mean/);
      assert.match(finding!.message, /Allowed here: .*overview/);
    });
    it('known synonyms name the key this format uses', () => {
      const [finding] = all(variant('contact:\n', 'action_items: []\ncontact:\n'));
      assert.match(finding?.message ?? '', /`action_items`: this format calls it `countermeasures`/);
      assert.deepEqual(finding?.data, { replacement: 'countermeasures' });
      const event = all(variant('    event: Reports of send errors reach the team.\n', '    description: Reports of send errors reach the team.\n')).find((diagnostic) => diagnostic.code === 'schema-unknown-key');
      assert.match(event?.message ?? '', /calls it `event`/);
    });
    it('enum values in other words: todo means planned', () => {
      const [finding] = all(variant('    status: done\n    date: 2021-07-02\n', '    status: todo\n'));
      assert.equal(finding?.code, 'schema-enum');
      assert.match(finding!.message, /Did you mean `planned`\?/);
      assert.deepEqual(finding!.data, { replacement: 'planned' });
    });
  });

  describe('messages in the user\'s terms', () => {
    it('a list item with nothing after its dash is "item N of `timeline`", not a bare index', () => {
      const text = variant('countermeasures:\n', '  -\ncountermeasures:\n');
      const [finding] = all(text);
      assert.equal(finding?.code, 'schema-type');
      assert.match(finding!.message, /^Item 6 of `timeline` is empty\. Write a mapping of keys after the `-`/);
      assert.doesNotMatch(finding!.message, /`5`/);
      assert.match(all(text, 'ja')[0]?.message ?? '', /`timeline` の 6 番目の項目が空です/);
    });
    it('a wrong type shows the value as written', () => {
      const finding = all(variant('addresses: [cache-config]', 'addresses: cache-config')).find((diagnostic) => diagnostic.code === 'schema-type');
      assert.equal(finding?.message, '`addresses` must be a list, but `cache-config` is text.');
    });
  });
});

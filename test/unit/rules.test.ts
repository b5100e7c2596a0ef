import assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { doc, service, VALID } from './helpers';

/** VALID with one exact piece of text replaced; fails loudly if the piece is not there. */
function variant(search: string, replacement: string): string {
  assert.ok(VALID.includes(search), `baseline lacks ${JSON.stringify(search)}`);
  return VALID.replace(search, replacement);
}

function findings(text: string, code: string, options = {}): Diagnostic[] {
  return service(options).validate(doc(text)).filter((diagnostic) => diagnostic.code === code);
}

/** The text a diagnostic's range covers, to prove it sits on the offending node. */
function covered(text: string, diagnostic: Diagnostic): string {
  const lines = text.split('\n');
  const { start, end } = diagnostic.range;
  assert.equal(start.line, end.line, 'single-line range expected');
  return (lines[start.line] ?? '').slice(start.character, end.character);
}

describe('rules', () => {
  describe('timeline-order', () => {
    it('flags an event that certainly precedes the one above it, on its `at` value', () => {
      const text = variant('  - at: 2021-06-30T12:12\n', '  - at: 2021-06-30T11:59\n');
      const [finding, ...rest] = findings(text, 'timeline-order');
      assert.ok(finding);
      assert.equal(rest.length, 0);
      assert.equal(finding.severity, DiagnosticSeverity.Warning);
      assert.equal(covered(text, finding), '2021-06-30T11:59');
    });
    it('accepts a date-only event after a timed one on the same day (the seeds do this)', () => {
      assert.deepEqual(findings(variant('  - at: 2021-07-02T15:11\n', '  - at: 2021-06-30\n'), 'timeline-order'), []);
    });
    it('accepts a month after a day inside it, and equal times', () => {
      assert.deepEqual(findings(variant('  - at: 2021-07-02T15:11\n', '  - at: 2021-06\n'), 'timeline-order'), []);
      assert.deepEqual(findings(variant('  - at: 2021-06-30T12:12\n', '  - at: 2021-06-30T12:05\n'), 'timeline-order'), []);
    });
    it('compares instants across offsets', () => {
      // 03:30Z is 12:30 in Tokyo: after 12:05 there, so in order.
      assert.deepEqual(findings(variant('  - at: 2021-06-30T12:12\n', '  - at: 2021-06-30T03:30Z\n'), 'timeline-order'), []);
      assert.equal(findings(variant('  - at: 2021-06-30T12:12\n', '  - at: 2021-06-30T02:30Z\n'), 'timeline-order').length, 1);
    });
  });

  describe('period-order', () => {
    it('is an error on `end` when the impact ends before it starts', () => {
      const text = variant('    end: 2021-06-30T12:12\n', '    end: 2021-06-29T12:12\n');
      const [finding] = findings(text, 'period-order');
      assert.equal(finding?.severity, DiagnosticSeverity.Error);
      assert.equal(covered(text, finding!), '2021-06-29T12:12');
    });
    it('accepts an end day that contains the start', () => {
      assert.deepEqual(findings(variant('    end: 2021-06-30T12:12\n', '    end: 2021-06-30\n'), 'period-order'), []);
    });
  });

  describe('count-sum', () => {
    it('warns on `value` when an exact breakdown does not add up, and carries the sum', () => {
      const text = variant('      value: 1053\n', '      value: 1000\n');
      const [finding] = findings(text, 'count-sum');
      assert.equal(finding?.severity, DiagnosticSeverity.Warning);
      assert.equal(covered(text, finding!), '1000');
      assert.deepEqual(finding?.data, { replacement: 1053 });
    });
    it('does not sum counts qualified as approximately or at_least', () => {
      for (const qualifier of ['approximately', 'at_least']) {
        const text = variant('      value: 1053\n', `      value: 1000\n      qualifier: ${qualifier}\n`);
        assert.deepEqual(findings(text, 'count-sum'), [], qualifier);
      }
    });
    it('sums an explicit exact qualifier', () => {
      assert.equal(findings(variant('      value: 1053\n', '      value: 1000\n      qualifier: exact\n'), 'count-sum').length, 1);
    });
  });

  describe('factors', () => {
    it('unknown-factor: an error on the unknown id inside addresses', () => {
      const text = variant('addresses: [cache-config]', 'addresses: [cache-config, cache-confg]');
      const [finding] = findings(text, 'unknown-factor');
      assert.equal(finding?.severity, DiagnosticSeverity.Error);
      assert.equal(covered(text, finding!), 'cache-confg');
      assert.match(finding!.message, /cache-config/);
    });
    it('unaddressed-factor: a warning on the factor id no countermeasure names', () => {
      const text = variant('addresses: [cache-config]', 'addresses: []');
      const [finding] = findings(text, 'unaddressed-factor');
      assert.equal(finding?.severity, DiagnosticSeverity.Warning);
      assert.equal(covered(text, finding!), 'cache-config');
    });
    it('duplicate-id: an error on the second factor with the same id', () => {
      const text = variant('      description: The new connection setting mixed up keys.\n', '      description: The new connection setting mixed up keys.\n    - id: cache-config\n      description: Again.\n');
      const all = findings(text, 'duplicate-id');
      assert.equal(all.length, 1);
      assert.equal(all[0]?.range.start.line, text.split('\n').findIndex((line, index, lines) => line.includes('- id: cache-config') && lines.slice(0, index).some((earlier) => earlier.includes('- id: cache-config'))));
    });
    it('duplicate-id: countermeasure ids too, but a factor and a countermeasure may share one', () => {
      const twice = variant('  - action: Revert the connection setting.\n', '  - action: Revert the connection setting.\n    id: revert\n').replace('contact:\n', '  - action: Again.\n    id: revert\n    status: planned\ncontact:\n');
      assert.equal(findings(twice, 'duplicate-id').length, 1);
      const shared = variant('  - action: Revert the connection setting.\n', '  - action: Revert the connection setting.\n    id: cache-config\n');
      assert.deepEqual(findings(shared, 'duplicate-id'), []);
    });
  });

  describe('ambiguous-time', () => {
    const zoneless = variant('timezone: Asia/Tokyo\n', '');
    it('warns on each clock time without offset when there is no timezone', () => {
      const all = findings(zoneless, 'ambiguous-time');
      assert.equal(all.length, 7);
      assert.ok(all.every((finding) => /^\d{4}-\d{2}-\d{2}T/.test(covered(zoneless, finding))));
    });
    it('needs no zone for date-only times or times with an offset', () => {
      const text = zoneless.replace(/(T\d{2}:\d{2})\n/g, '$1+09:00\n');
      assert.deepEqual(findings(text, 'ambiguous-time'), []);
      assert.deepEqual(findings(zoneless.replace(/T\d{2}:\d{2}\n/g, '\n'), 'ambiguous-time'), []);
    });
    it('is silent when the document has a timezone', () => {
      assert.deepEqual(findings(VALID, 'ambiguous-time'), []);
    });
  });

  describe('disclosure-lag', () => {
    const late = variant('published: 2021-07-15\n', 'published: 2021-09-01\n').replace('  - at: 2021-07-15T12:00\n', '  - at: 2021-09-01T12:00\n');
    it('is information on `published` when published more than the deadline after detection', () => {
      const [finding] = findings(late, 'disclosure-lag');
      assert.equal(finding?.severity, DiagnosticSeverity.Information);
      assert.equal(covered(late, finding!), '2021-09-01');
      assert.match(finding!.message, /62 days/);
    });
    it('counts from the earliest detection even when it is listed later, as the preview does', () => {
      const text = variant('published: 2021-07-15\n', 'published: 2021-07-25\n')
        .replace('  - at: 2021-07-15T12:00\n', '  - at: 2021-07-25T12:00\n')
        .replace('countermeasures:\n', '  - at: 2021-06-20T10:00\n    event: An earlier report, found later.\n    kind: detected\ncountermeasures:\n');
      const [finding] = findings(text, 'disclosure-lag');
      assert.match(finding?.message ?? '', /34 days .*2021-06-20T10:00/);
      assert.equal(service().timelineModel(doc(text)).disclosure.late, true);
    });
    it('follows the deadline setting', () => {
      assert.deepEqual(findings(late, 'disclosure-lag', { settings: { disclosureDeadlineDays: 90 } }), []);
    });
    it('is silent within the deadline or without a detected event', () => {
      assert.deepEqual(findings(VALID, 'disclosure-lag'), []);
      assert.deepEqual(findings(late.replace('kind: detected', 'kind: responded'), 'disclosure-lag'), []);
    });
  });

  describe('done-without-date', () => {
    it('warns on `status: done` without a date', () => {
      const text = variant('    date: 2021-07-02\n', '');
      const [finding] = findings(text, 'done-without-date');
      assert.equal(finding?.severity, DiagnosticSeverity.Warning);
      assert.equal(covered(text, finding!), 'done');
    });
    it('accepts planned measures without a date', () => {
      assert.deepEqual(findings(variant('    status: done\n    date: 2021-07-02\n', '    status: planned\n'), 'done-without-date'), []);
    });
  });

  describe('insecure-contact', () => {
    it('warns on an http contact URL', () => {
      const text = variant('url: https://example.com/contact', 'url: http://example.com/contact');
      const [finding] = findings(text, 'insecure-contact');
      assert.equal(covered(text, finding!), 'http://example.com/contact');
    });
    it('accepts https, and leaves a non-URL to the schema', () => {
      assert.deepEqual(findings(VALID, 'insecure-contact'), []);
      const text = variant('url: https://example.com/contact', 'url: not a url');
      assert.deepEqual(findings(text, 'insecure-contact'), []);
      assert.equal(findings(text, 'schema-format').length, 1);
    });
  });

  describe('times and zones the schema cannot judge', () => {
    it('reports an unknown zone name', () => {
      const text = variant('timezone: Asia/Tokyo', 'timezone: Asia/Tokio');
      assert.equal(covered(text, findings(text, 'schema-timezone')[0]!), 'Asia/Tokio');
    });
    it('accepts offsets and UTC as zones', () => {
      assert.deepEqual(findings(variant('timezone: Asia/Tokyo', 'timezone: "+09:00"'), 'schema-timezone'), []);
      assert.deepEqual(findings(variant('timezone: Asia/Tokyo', 'timezone: UTC'), 'schema-timezone'), []);
    });
    it('reports an impossible calendar date', () => {
      const text = variant('    start: 2021-06-30T12:00\n', '    start: 2021-02-30T12:00\n');
      assert.ok(service().validate(doc(text)).some((d) => String(d.code).startsWith('schema') && covered(text, d) === '2021-02-30T12:00'));
    });
  });
});

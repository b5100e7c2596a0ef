import assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { doc, readSample, service, VALID } from './helpers';

/** Format 1.1's checks, each both ways: it fires on the offending node, and stays quiet when all is well. */

function variant(search: string, replacement: string, base = VALID): string {
  assert.ok(base.includes(search), `baseline lacks ${JSON.stringify(search)}`);
  return base.replace(search, replacement);
}

function findings(text: string, code: string, options = {}): Diagnostic[] {
  return service(options).validate(doc(text)).filter((diagnostic) => diagnostic.code === code);
}

function covered(text: string, diagnostic: Diagnostic | undefined): string {
  assert.ok(diagnostic, 'expected a finding');
  const { start, end } = diagnostic.range;
  assert.equal(start.line, end.line, 'single-line range expected');
  return (text.split('\n')[start.line] ?? '').slice(start.character, end.character);
}

const TODAY = { settings: { today: '2021-07-10' } };

describe('checks of format 1.1', () => {
  describe('until-order', () => {
    it('is an error on `until` when an event ends before it starts', () => {
      const text = variant('  - at: 2021-06-30T12:05\n', '  - at: 2021-06-30T12:05\n    until: 2021-06-30T11:05\n');
      const [finding, ...rest] = findings(text, 'until-order');
      assert.equal(rest.length, 0);
      assert.equal(finding?.severity, DiagnosticSeverity.Error);
      assert.equal(covered(text, finding), '2021-06-30T11:05');
      assert.match(finding!.message, /until: 2021-06-30T11:05/);
    });
    it('accepts an until after at, or a day that contains it', () => {
      assert.deepEqual(findings(variant('  - at: 2021-06-30T12:05\n', '  - at: 2021-06-30T12:05\n    until: 2021-06-30T19:00\n'), 'until-order'), []);
      assert.deepEqual(findings(variant('  - at: 2021-06-30T12:05\n', '  - at: 2021-06-30T12:05\n    until: 2021-06-30\n'), 'until-order'), []);
    });
  });

  describe('detected-before-impact', () => {
    it('warns on a detected event that certainly precedes the impact start', () => {
      const text = variant('  - at: 2021-06-30T12:05\n', '  - at: 2021-06-30T11:05\n');
      const [finding] = findings(text, 'detected-before-impact');
      assert.equal(finding?.severity, DiagnosticSeverity.Warning);
      assert.equal(covered(text, finding), '2021-06-30T11:05');
    });
    it('is quiet when detection follows the start, is on its day, or could follow it in some zone', () => {
      assert.deepEqual(findings(VALID, 'detected-before-impact'), []);
      assert.deepEqual(findings(variant('  - at: 2021-06-30T12:05\n', '  - at: 2021-06-30\n'), 'detected-before-impact'), []);
      // No document zone: the start has an offset, the detection none, and could be at UTC−12.
      const zoneless = variant('timezone: Asia/Tokyo\n', '').replace('    start: 2021-06-30T12:00\n', '    start: 2021-06-30T12:00+09:00\n');
      assert.deepEqual(findings(variant('  - at: 2021-06-30T12:05\n', '  - at: 2021-06-30T10:05\n', zoneless), 'detected-before-impact'), []);
    });
  });

  describe('count-sum with at_most and decimals', () => {
    it('warns when an at_most breakdown adds up to more than its value', () => {
      const text = variant('      value: 1053\n', '      value: 1000\n      qualifier: at_most\n');
      const [finding] = findings(text, 'count-sum');
      assert.equal(finding?.severity, DiagnosticSeverity.Warning);
      assert.equal(covered(text, finding), '1000');
      assert.match(finding!.message, /at_most/);
    });
    it('accepts an at_most breakdown below its value and an at_least one below or above', () => {
      assert.deepEqual(findings(variant('      value: 1053\n', '      value: 2000\n      qualifier: at_most\n'), 'count-sum'), []);
      for (const value of ['2000', '10']) assert.deepEqual(findings(variant('      value: 1053\n', `      value: ${value}\n      qualifier: at_least\n`), 'count-sum'), [], value);
    });
  });

  describe('decimal counts', () => {
    const percent = (value: string, parts: string[], qualifier = '') =>
      variant('      value: 1053\n      breakdown:\n        JP: 264\n        TH: 729\n        TW: 56\n        other: 4\n', `      value: ${value}\n${qualifier}      unit: "%"\n      breakdown:\n${parts.map((part, index) => `        p${index}: ${part}\n`).join('')}`);
    it('sums with a tolerance for rounded decimals', () => {
      assert.deepEqual(findings(percent('100', ['33.3', '33.3', '33.3']), 'count-sum'), []);
      assert.deepEqual(findings(percent('0.3', ['0.1', '0.2']), 'count-sum'), []);
    });
    it('still warns when decimals are off by more than rounding', () => {
      const [finding] = findings(percent('99.9', ['50.5', '40.1']), 'count-sum');
      assert.match(finding?.message ?? '', /adds up to 90\.6, not 99\.9/);
      assert.equal(findings(percent('90', ['50.5', '40.1'], '      qualifier: at_most\n'), 'count-sum').length, 1);
    });
  });

  describe('accepted risk and approximate times', () => {
    it('a factor with `accepted: <why>` needs no countermeasure', () => {
      const addressedNowhere = variant('addresses: [cache-config]', 'addresses: []');
      assert.equal(findings(addressedNowhere, 'unaddressed-factor').length, 1);
      const accepted = variant('      description: The new connection setting mixed up keys.\n', '      description: The new connection setting mixed up keys.\n      accepted: Reverting is the fix; a second cache costs more than the risk.\n', addressedNowhere);
      assert.deepEqual(findings(accepted, 'unaddressed-factor'), []);
    });
    it('an approximate event is out of order only when it is off by more than an hour', () => {
      const around = (time: string) => variant('  - at: 2021-06-30T12:12\n    event: The cache server is restarted.\n', `  - at: ${time}\n    approximate: true\n    event: The cache server is restarted.\n`);
      assert.deepEqual(findings(around('2021-06-30T11:30'), 'timeline-order'), []);
      assert.equal(findings(around('2021-06-30T10:30'), 'timeline-order').length, 1);
    });
  });

  describe('done-in-future and overdue (relative to settings.today)', () => {
    const future = variant('    date: 2021-07-02\n', '    date: 2021-08-02\n');
    it('warns on the date of a countermeasure done after today', () => {
      const [finding] = findings(future, 'done-in-future', TODAY);
      assert.equal(finding?.severity, DiagnosticSeverity.Warning);
      assert.equal(covered(future, finding), '2021-08-02');
    });
    it('is silent for a date up to today, and whenever today is unknown', () => {
      assert.deepEqual(findings(VALID, 'done-in-future', TODAY), []);
      assert.deepEqual(findings(future, 'done-in-future'), []);
      assert.deepEqual(findings(future, 'done-in-future', { settings: { today: 'someday' } }), []);
    });
    const open = variant('    status: done\n    date: 2021-07-02\n', '    status: planned\n    due: 2021-07-05\n');
    it('warns on the due date of an open countermeasure when it has passed', () => {
      const [finding] = findings(open, 'overdue', TODAY);
      assert.equal(finding?.severity, DiagnosticSeverity.Warning);
      assert.equal(covered(open, finding), '2021-07-05');
    });
    it('is silent before the due date, once done or wont_do, and without today', () => {
      assert.deepEqual(findings(open, 'overdue', { settings: { today: '2021-07-05' } }), []);
      assert.deepEqual(findings(open.replace('status: planned', 'status: done\n    date: 2021-07-04'), 'overdue', TODAY), []);
      assert.deepEqual(findings(open.replace('status: planned', 'status: wont_do'), 'overdue', TODAY), []);
      assert.deepEqual(findings(open, 'overdue'), []);
    });
  });

  describe('duplicate-address', () => {
    it('warns on the second mention of a factor in one addresses list', () => {
      const text = variant('addresses: [cache-config]', 'addresses: [cache-config, cache-config]');
      const [finding, ...rest] = findings(text, 'duplicate-address');
      assert.equal(rest.length, 0);
      assert.equal(finding?.severity, DiagnosticSeverity.Warning);
      assert.equal(finding?.range.start.character, text.split('\n')[finding!.range.start.line]!.lastIndexOf('cache-config'));
    });
    it('accepts the same factor in two different countermeasures', () => {
      const text = variant('contact:\n', '  - action: Alert on key mix-ups.\n    status: planned\n    addresses: [cache-config]\ncontact:\n');
      assert.deepEqual(findings(text, 'duplicate-address'), []);
    });
  });

  describe('timezone-abbreviation', () => {
    for (const [abbreviation, zone] of [['BST', 'Europe/London'], ['CST', 'America/Chicago'], ['JST', 'Asia/Tokyo'], ['IST', 'Asia/Kolkata'], ['EDT', 'America/New_York']] as const) {
      it(`refuses ${abbreviation}, names ${zone}, and reads no time in a wrong zone`, () => {
        const text = variant('timezone: Asia/Tokyo', `timezone: ${abbreviation}`);
        const pm = service();
        const diagnostics = pm.validate(doc(text));
        const own = diagnostics.filter((diagnostic) => diagnostic.code === 'timezone-abbreviation');
        assert.equal(own.length, 1);
        assert.equal(own[0]?.severity, DiagnosticSeverity.Error);
        assert.equal(covered(text, own[0]), abbreviation);
        assert.ok(own[0]!.message.includes(zone), own[0]!.message);
        // The one finding on `timezone`, nothing on every time.
        assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['timezone-abbreviation']);
      });
    }
    it('accepts real IANA names, links and offsets', () => {
      for (const zone of ['Europe/London', 'UTC', '"+09:00"', 'US/Pacific']) assert.deepEqual(findings(variant('timezone: Asia/Tokyo', `timezone: ${zone}`), 'timezone-abbreviation'), [], zone);
    });
  });

  describe('a misspelt timezone', () => {
    it('gives one finding with "did you mean", not one per time', () => {
      const text = variant('timezone: Asia/Tokyo', 'timezone: Asia/Tokio');
      const diagnostics = service().validate(doc(text));
      assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['schema-timezone']);
      assert.match(diagnostics[0]!.message, /Did you mean `Asia\/Tokyo`\?/);
      assert.deepEqual(diagnostics[0]!.data, { replacement: 'Asia/Tokyo' });
    });
    it('says so in Japanese too', () => {
      const text = variant('timezone: Asia/Tokyo', 'timezone: Asia/Tokio');
      assert.match(service({ locale: 'ja' }).validate(doc(text))[0]?.message ?? '', /`Asia\/Tokyo` の誤りではありませんか/);
    });
    it('has no suggestion for a name that is nothing like a zone', () => {
      const [finding] = findings(variant('timezone: Asia/Tokyo', 'timezone: Nowhere/Qqqqqqqqqq'), 'schema-timezone');
      assert.doesNotMatch(finding?.message ?? '', /Did you mean/);
    });
  });

  it('every new check speaks Japanese to a Japanese user', () => {
    const codes = ['until-order', 'detected-before-impact', 'count-sum', 'duplicate-address', 'done-in-future', 'overdue'];
    const diagnostics = service({ locale: 'ja', settings: { today: '2026-01-01' } }).validate(doc(readSample('broken.postmortem.yaml')));
    for (const code of codes) {
      const found = diagnostics.filter((diagnostic) => diagnostic.code === code);
      assert.ok(found.length > 0, code);
      for (const diagnostic of found) assert.match(diagnostic.message, /[\u3040-\u30ff\u4e00-\u9fff]/, `${code}: ${diagnostic.message}`);
    }
    const zone = service({ locale: 'ja' }).validate(doc(variant('timezone: Asia/Tokyo', 'timezone: PST')));
    assert.match(zone[0]?.message ?? '', /略称.*America\/Los_Angeles/);
  });

    describe('ambiguous-time suggests a zone from the document\'s language', () => {
    const zoneless = variant('timezone: Asia/Tokyo\n', '');
    it('UTC for an English document, with the offset it would mean', () => {
      const [finding] = findings(zoneless, 'ambiguous-time');
      assert.match(finding?.message ?? '', /Add `timezone: UTC`.*`2021-06-30T12:00\+00:00`/);
    });
    it('Asia/Tokyo for a Japanese one, and Europe/London in summer time for en-GB', () => {
      assert.match(findings(zoneless.replace('language: en', 'language: ja'), 'ambiguous-time')[0]?.message ?? '', /`timezone: Asia\/Tokyo`.*\+09:00/);
      assert.match(findings(zoneless.replace('language: en', 'language: en-GB'), 'ambiguous-time')[0]?.message ?? '', /`timezone: Europe\/London`.*\+01:00/);
    });
  });

    describe('one bad time, one finding', () => {
    for (const time of ['2021-13-01T12:00', '2021-02-30T12:00', '2021-06-30 12:00', '2021-06-30T12:00+0900', '2021-06-30T25:00']) {
      it(time, () => {
        const text = variant('    start: 2021-06-30T12:00\n', `    start: ${time}\n`);
        const diagnostics = service().validate(doc(text)).filter((diagnostic) => diagnostic.range.start.line === 10);
        assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
        assert.equal(covered(text, diagnostics[0]), time);
      });
    }
  });
});

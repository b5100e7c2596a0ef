import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { timeOrder } from '../../server/src/service/features/codeActions/sortTimeline';
import { parsePostmortem } from '../../server/src/service/parse/parse';
import { factsOf } from '../../server/src/service/model/facts';
import { applyEdits, doc, service, VALID } from './helpers';

const URI = 'file:///work/cache-misdisplay.postmortem.yaml';

/** The actions offered for every diagnostic of a code, one request per diagnostic, as an editor does. */
function actionsFor(text: string, code: string, locale = 'en'): { actions: CodeAction[]; diagnostics: Diagnostic[] } {
  const pm = service({ locale });
  const document = doc(text, URI);
  const diagnostics = pm.validate(document).filter((diagnostic) => diagnostic.code === code);
  assert.ok(diagnostics.length > 0, `expected a ${code} diagnostic`);
  const first = diagnostics[0] as Diagnostic;
  return { actions: pm.codeActions(document, first.range, diagnostics), diagnostics };
}

function apply(text: string, action: CodeAction | undefined): string {
  assert.ok(action, 'expected an action');
  assert.deepEqual(Object.keys(action.edit?.changes ?? {}), [URI]);
  return applyEdits(text, action.edit?.changes?.[URI] ?? []);
}

/** Re-validates with a fresh service, so nothing cached from the first parse can hide a problem. */
function codesOf(text: string): string[] {
  return service().validate(doc(text)).map((diagnostic) => String(diagnostic.code));
}

function byTitle(actions: CodeAction[], pattern: RegExp): CodeAction | undefined {
  return actions.find((action) => pattern.test(action.title));
}

const sortedLines = (text: string) => text.split(/\r?\n/).sort();

describe('code actions', () => {
  describe('sort timeline', () => {
    const UNSORTED_TIMELINE = `timeline:
  # 復旧 🔁
  - at: 2021-06-30T12:12
    event: キャッシュサーバーを再起動 🔁
    kind: mitigated
  - at: 2021-06-30T12:00   # first error
    event: Errors start after the setting change.
    kind: occurred

  # 検知 — reported by users 📱
  # second comment line
  - at: 2021-06-30T12:05
    event: |
      Reports of send errors reach the team.
      # this line is text, not a comment
    kind: detected
  - at: 2021-07-15T12:00
    event: This notice is published.
    kind: published
  - at: 2021-07-02T15:11
    event: The setting is changed back.
    kind: resolved
`;
    const withTimeline = (timeline: string) => VALID.replace(/timeline:\n( {2}.*\n)+/, timeline);
    const eventsOf = (text: string) => (parsePostmortem({ uri: 'x', version: 1, text }).value as { timeline: unknown[] }).timeline.map((event) => JSON.stringify(event));

    function checkSorted(before: string, after: string) {
      assert.ok(!codesOf(after).includes('timeline-order'), after);
      assert.deepEqual(codesOf(after), codesOf(before).filter((code) => code !== 'timeline-order'));
      assert.deepEqual(sortedLines(after), sortedLines(before));
      assert.deepEqual(eventsOf(after).sort(), eventsOf(before).sort());
      const ats = factsOf(parsePostmortem({ uri: 'x', version: 1, text: after })).events.map((event) => event.at?.text);
      assert.deepEqual(ats, [...ats].sort());
    }

    it('reorders the events and keeps every comment with its event', () => {
      const before = withTimeline(UNSORTED_TIMELINE);
      const { actions, diagnostics } = actionsFor(before, 'timeline-order');
      const sort = byTitle(actions, /^Sort timeline$/);
      assert.equal(sort?.kind, 'quickfix');
      assert.equal(sort?.isPreferred, true);
      assert.deepEqual(sort?.diagnostics, diagnostics);
      const after = apply(before, sort);
      checkSorted(before, after);
      assert.match(after, / {2}# 復旧 🔁\n {2}- at: 2021-06-30T12:12\n/);
      assert.match(after, / {2}# 検知 — reported by users 📱\n {2}# second comment line\n {2}- at: 2021-06-30T12:05\n/);
      assert.match(after, / {6}# this line is text, not a comment\n/);
      assert.equal(codesOf(after).length, 0);
    });

    it('keeps CRLF line endings', () => {
      const before = withTimeline(UNSORTED_TIMELINE).replace(/\n/g, '\r\n');
      const after = apply(before, byTitle(actionsFor(before, 'timeline-order').actions, /^Sort/));
      checkSorted(before, after);
      assert.ok(!/[^\r]\n/.test(after), 'every line break is still CRLF');
      const lf = apply(withTimeline(UNSORTED_TIMELINE), byTitle(actionsFor(withTimeline(UNSORTED_TIMELINE), 'timeline-order').actions, /^Sort/));
      assert.equal(after, lf.replace(/\n/g, '\r\n'));
    });

    it('handles a timeline at the very end without a final line break', () => {
      const body = withTimeline('').replace(/\n$/, '\n');
      const before = body + UNSORTED_TIMELINE.replace(/\n$/, '');
      const after = apply(before, byTitle(actionsFor(before, 'timeline-order').actions, /^Sort/));
      checkSorted(before, after);
      assert.ok(!after.endsWith('\n'), 'still no final line break');
      assert.ok(after.endsWith('kind: resolved') || after.endsWith('kind: published'));
    });

    it('is offered in Japanese', () => {
      const { actions } = actionsFor(withTimeline(UNSORTED_TIMELINE), 'timeline-order', 'ja');
      assert.ok(byTitle(actions, /^時系列を並べ替える$/));
    });

    it('is a source action when no diagnostic is passed, and absent for a sorted or flow timeline', () => {
      const pm = service();
      const unsorted = pm.codeActions(doc(withTimeline(UNSORTED_TIMELINE)), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, []);
      assert.deepEqual(unsorted.map((action) => action.kind), ['source.sortTimeline']);
      assert.deepEqual(pm.codeActions(doc(VALID), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, []), []);
      const flow = withTimeline('timeline: [{at: 2021-06-30T12:12, event: b}, {at: 2021-06-30T12:00, event: a}]\n');
      const { actions } = actionsFor(flow, 'timeline-order');
      assert.equal(byTitle(actions, /^Sort/), undefined);
    });

    it('leaves a date-only event after a timed one on the same day where it is (the seeds do this)', () => {
      const quirk = withTimeline('timeline:\n  - at: 2021-06-30T20:47\n    event: a\n  - at: 2021-06-30\n    event: b\n');
      assert.ok(!codesOf(quirk).includes('timeline-order'));
      assert.deepEqual(service().codeActions(doc(quirk), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, []), []);
    });

    it('orders by whole periods, stably, and keeps events without a valid time near their place', () => {
      const events = factsOf(parsePostmortem({ uri: 'x', version: 1, text: 'timeline:\n- at: 2021-06-30T12:00\n- at: 2021-06-30T11:00\n- at: 2021-06-30\n- at: soon\n- at: 2021-06-29\n' })).events;
      // `soon` stays behind `2021-06-30`, the event it was written after; the day stays after its own 12:00.
      assert.deepEqual(timeOrder(events), [4, 1, 0, 2, 3]);
      const untimedFirst = factsOf(parsePostmortem({ uri: 'x', version: 1, text: 'timeline:\n- at: later\n- at: 2021-06-30T12:00\n- at: 2021-06-30T11:00\n' })).events;
      assert.deepEqual(timeOrder(untimedFirst), [0, 2, 1]);
    });
    it('on random timelines keeps every event, leaves none certainly before one above it, and moves nothing needlessly', () => {
      let seed = 7;
      const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
      const pad = (n: number) => String(n).padStart(2, '0');
      for (let round = 0; round < 300; round++) {
        const ats = Array.from({ length: 1 + random(10) }, () => {
          const kind = random(5);
          const day = `2021-06-${pad(1 + random(3))}`;
          return kind === 0 ? '2021-06' : kind === 1 ? day : kind === 2 ? 'unknown' : `${day}T${pad(random(3))}:00`;
        });
        const events = factsOf(parsePostmortem({ uri: 'x', version: 1, text: 'timeline:\n' + ats.map((at) => `- at: ${at}\n`).join('') })).events;
        const order = timeOrder(events);
        assert.deepEqual([...order].sort((a, b) => a - b), ats.map((_, index) => index));
        const timed = order.map((index) => events[index]?.at?.time).filter((time) => time !== undefined);
        timed.forEach((time, i) => timed.slice(i + 1).forEach((later) => assert.ok(later.end > time.start, ats.join())));
        const times = events.map((event) => event.at?.time);
        const inverted = times.some((time, i) => time && times.slice(i + 1).some((later) => later && later.end <= time.start));
        if (!inverted) assert.deepEqual(order, ats.map((_, index) => index), ats.join());
      }
    });

    // How fast is `npm run bench`'s question; here: the work completes and its edit is right.
    it('sorts 10,000 events: every event kept, in time order', () => {
      const events = Array.from({ length: 10_000 }, (_, i) => `  - at: 2021-06-30T${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}\n    event: e${i}\n`).reverse();
      const text = VALID.replace(/timeline:\n( {2}.*\n)+/, `timeline:\n${events.join('')}`);
      const pm = service();
      const document = doc(text);
      pm.parse(document);
      const [action] = pm.codeActions(document, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, []);
      assert.equal(action?.kind, 'source.sortTimeline');
      const sorted = applyEdits(text, action.edit?.changes?.[document.uri] ?? []);
      const ats = [...sorted.matchAll(/^ {2}- at: (\S+)\n {4}event: (e\d+)$/gm)];
      assert.equal(ats.length, 10_000);
      assert.deepEqual(new Set(ats.map((m) => m[2])).size, 10_000, 'every event once');
      assert.ok(ats.every((m, i) => i === 0 || ats[i - 1]![1]! <= m[1]!), 'in time order');
    });
  });

  describe('count-sum', () => {
    const wrong = VALID.replace('value: 1053', 'value: 1000');

    it('sets the value to the breakdown sum', () => {
      const { actions } = actionsFor(wrong, 'count-sum');
      const after = apply(wrong, byTitle(actions, /breakdown sum \(1053\)/));
      assert.equal(after, VALID);
    });

    it('marks the count as approximate at the count\'s indentation', () => {
      const after = apply(wrong, byTitle(actionsFor(wrong, 'count-sum').actions, /approximate/));
      assert.equal(after, wrong.replace('      value: 1000\n', '      value: 1000\n      qualifier: approximately\n'));
      assert.deepEqual(codesOf(after), []);
    });

    it('works in a flow mapping after Japanese text and emoji (UTF-16)', () => {
      const count = '    - {label: "利用者 👤🇯🇵", value: 1000, breakdown: {JP: 264, TH: 729, TW: 56, other: 4}}\n';
      const before = VALID.replace(/ {4}- label: Users[^]*?other: 4\n/, count);
      const { actions } = actionsFor(before, 'count-sum', 'ja');
      assert.equal(apply(before, byTitle(actions, /内訳の合計（1053）/)), before.replace('value: 1000', 'value: 1053'));
      assert.equal(apply(before, byTitle(actions, /概数/)), before.replace('value: 1000', 'value: 1000, qualifier: approximately'));
    });
  });

  describe('invalid enum values and unknown keys', () => {
    it('replaces `detect` with `detected`', () => {
      const before = VALID.replace('kind: detected', 'kind: detect');
      const fix = actionsFor(before, 'schema-enum').actions[0];
      assert.equal(fix?.title, 'Change `detect` to `detected`');
      assert.equal(fix?.isPreferred, true);
      assert.equal(apply(before, fix), VALID);
    });

    it('keeps quotes and counts UTF-16 units after emoji', () => {
      const event = '  - {event: "送信エラー 😱🔥", at: 2021-06-30T12:05, kind: "detect"}\n';
      const before = VALID.replace(/ {2}- at: 2021-06-30T12:05\n.*\n.*\n/, event);
      const after = apply(before, actionsFor(before, 'schema-enum').actions[0]);
      assert.equal(after, before.replace('"detect"', '"detected"'));
      assert.deepEqual(codesOf(after), []);
    });

    it('renames a misspelt key unless the intended key is already there', () => {
      const before = VALID.replace('  summary: A cache', '  sumary: A cache');
      const { actions } = actionsFor(before, 'schema-unknown-key');
      assert.equal(actions[0]?.title, 'Rename key `sumary` to `summary`');
      assert.equal(apply(before, actions[0]), VALID);
      const both = VALID.replace('  summary: A cache', '  summary: x\n  sumary: A cache');
      // The intended key is there already: removing the stray one is all that is left to offer.
      assert.deepEqual(actionsFor(both, 'schema-unknown-key').actions.map((action) => action.title), ['Remove `sumary`']);
    });
  });

  describe('missing required keys', () => {
    const without = (pattern: RegExp) => VALID.replace(pattern, '');

    it('adds `id` after `postmortem`, named after the file', () => {
      const before = without(/^id: .*\n/m);
      const fix = actionsFor(before, 'schema-required').actions[0];
      assert.equal(fix?.title, 'Add the missing `id` section');
      assert.equal(apply(before, fix), VALID);
    });

    it('adds `impact` after `overview` with the start of the first occurred event', () => {
      const before = without(/^impact:\n( {2}.*\n)+/m);
      const after = apply(before, actionsFor(before, 'schema-required').actions[0]);
      assert.equal(after, VALID.replace(/^impact:\n( {2}.*\n)+/m, 'impact:\n  period:\n    start: 2021-06-30T12:00\n'));
      assert.deepEqual(codesOf(after), []);
    });

    it('adds `contact` at the end, also when the last line has no line break', () => {
      const before = without(/^contact:\n( {2}.*\n)+/m).replace(/\n$/, '');
      const after = apply(before, actionsFor(before, 'schema-required').actions[0]);
      // Without snippet support the placeholder is plain text: a valid URL to type over.
      assert.equal(after, before + '\ncontact:\n  url: https://example.com/contact');
      assert.deepEqual(codesOf(after), []);
    });

    it('adds a timeline with one event to fill in, in a CRLF document with Japanese text', () => {
      const before = without(/^timeline:\n( {2}.*\n)+/m).replace('title: Messages', 'title: 誤表示 📨 Messages').replace(/\n/g, '\r\n');
      const after = apply(before, actionsFor(before, 'schema-required').actions[0]);
      const expected = before.replace('countermeasures:', 'timeline:\r\n  - at: 2021-06-30T12:00\r\n    event:\r\ncountermeasures:');
      assert.equal(after, expected);
      assert.ok(!codesOf(after).includes('schema-required'));
    });

    it('adds `status: planned` to a countermeasure at its indentation', () => {
      const before = VALID.replace('    status: done\n    date: 2021-07-02\n', '');
      const fix = actionsFor(before, 'schema-required').actions[0];
      assert.equal(fix?.title, 'Add `status: planned`');
      assert.equal(apply(before, fix), before.replace('[cache-config]\n', '[cache-config]\n    status: planned\n'));
      assert.deepEqual(codesOf(apply(before, fix)), []);
    });

    it('adds every missing top-level key at once, each in its place', () => {
      const before = without(/^title: .*\n/m).replace(/^overview: .*\n/m, '');
      const all = byTitle(actionsFor(before, 'schema-required').actions, /all missing/);
      assert.equal(all?.title, 'Add all missing required keys (title, overview)');
      assert.equal(apply(before, all), VALID.replace(/^title: .*$/m, 'title:').replace(/^overview: .*$/m, 'overview:'));
    });

    it('fills an empty document (or one of only comments) with a skeleton', () => {
      for (const before of ['', '# notes\n', '# notes']) {
        const fix = actionsFor(before, 'schema-required').actions[0];
        assert.equal(fix?.title, 'Insert a postmortem skeleton');
        const after = apply(before, fix);
        assert.ok(after.startsWith(before.replace(/[^\n]$/, '$&\n')));
        assert.match(after, /^postmortem: 1\nid: cache-misdisplay\ntitle:\nstatus: draft\n/m);
        assert.ok(!codesOf(after).includes('schema-required'), codesOf(after).join());
      }
    });
  });

  describe('timezone', () => {
    const before = VALID.replace('timezone: Asia/Tokyo\n', '');

    it('adds `timezone` after `language`; an English document gets no guessed zone, only UTC', () => {
      const { actions, diagnostics } = actionsFor(before, 'ambiguous-time');
      assert.deepEqual(actions.map((action) => action.title), ['Add `timezone: UTC`']);
      assert.ok(actions.every((action) => !action.isPreferred && action.diagnostics?.length === diagnostics.length));
      assert.equal(apply(before, actions[0]), VALID.replace('Asia/Tokyo', 'UTC'));
    });

    it('starts from the language: Asia/Tokyo preferred for `ja`, Europe/London for `en-GB`', () => {
      const ja = before.replace('language: en', 'language: ja');
      const jaActions = actionsFor(ja, 'ambiguous-time').actions;
      assert.deepEqual(jaActions.map((action) => [action.title, action.isPreferred === true]), [['Add `timezone: Asia/Tokyo`', true], ['Add `timezone: UTC`', false]]);
      assert.equal(apply(ja, jaActions[0]), VALID.replace('language: en', 'language: ja'));
      const gb = before.replace('language: en', 'language: en-GB');
      assert.equal(actionsFor(gb, 'ambiguous-time').actions[0]?.title, 'Add `timezone: Europe/London`');
    });

    it('offers the offset the other times are written with, and goes after `status` without `language`', () => {
      const noLanguage = before.replace('language: en\n', '').replace('    end: 2021-06-30T12:12\n', '    end: 2021-06-30T12:12+09:00\n');
      const actions = actionsFor(noLanguage, 'ambiguous-time').actions;
      assert.deepEqual(actions.map((action) => action.title), ['Add `timezone: +09:00`', 'Add `timezone: UTC`']);
      const after = apply(noLanguage, actions[0]);
      assert.equal(after, noLanguage.replace('published\n', 'published\ntimezone: "+09:00"\n'));
      assert.deepEqual(codesOf(after), []);
    });
  });

  describe('countermeasures and contact', () => {
    it('dates a done countermeasure with the latest timeline date', () => {
      const before = VALID.replace('    date: 2021-07-02\n', '');
      const fix = actionsFor(before, 'done-without-date').actions[0];
      assert.equal(fix?.title, 'Add `date: 2021-07-15` (the latest date in the timeline)');
      assert.equal(apply(before, fix), VALID.replace('date: 2021-07-02', 'date: 2021-07-15'));
    });

    it('switches an http contact to https', () => {
      const before = VALID.replace('https://example.com', 'http://example.com');
      assert.equal(apply(before, actionsFor(before, 'insecure-contact').actions[0]), VALID);
    });
  });

  describe('robustness', () => {
    it('ignores other sources and diagnostics that no longer match the text', () => {
      const before = VALID.replace('kind: detected', 'kind: detect');
      const pm = service();
      const [diagnostic] = pm.validate(doc(before)).filter((each) => each.code === 'schema-enum');
      assert.ok(diagnostic);
      assert.deepEqual(pm.codeActions(doc(before), diagnostic.range, [{ ...diagnostic, source: 'yaml' }]), []);
      assert.deepEqual(pm.codeActions(doc(VALID), diagnostic.range, [diagnostic]), []);
      assert.deepEqual(pm.codeActions(doc(before), diagnostic.range, [{ ...diagnostic, data: { replacement: 42, path: 'x' } }]), []);
    });

    it('offers no fix that inserts lines in a document with a syntax error, only in-place rewrites', () => {
      // `title` is missing, and a broken line hides `status` and `contact` from the tree: adding
      // them would write each key a second time.
      const before = VALID.replace(/^title: .*\n/m, '').replace('kind: detected', 'kind: detect').replace('overview: For', 'overview: "For');
      const pm = service();
      const document = doc(before);
      const diagnostics = pm.validate(document);
      assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'yaml-syntax'));
      const actions = diagnostics.flatMap((diagnostic) => pm.codeActions(document, diagnostic.range, [diagnostic]));
      assert.ok(!actions.some((action) => /^Add/.test(action.title)), actions.map((action) => action.title).join(', '));
      const missing = service().validate(doc(VALID.replace(/^title: .*\n/m, ''))).filter((diagnostic) => diagnostic.code === 'schema-required');
      assert.deepEqual(pm.codeActions(document, missing[0]!.range, missing), [], 'a missing-key diagnostic from before the error came gets nothing');
    });

    it('never adds a key that is already there (a diagnostic from an older version)', () => {
      const before = VALID.replace(/^title: .*\n/m, '');
      const stale = service().validate(doc(before)).filter((diagnostic) => diagnostic.code === 'schema-required');
      assert.ok(stale.length > 0);
      assert.deepEqual(service().codeActions(doc(VALID), stale[0]!.range, stale), []);
      const nested = VALID.replace('    event: Errors start after the setting change.\n', '');
      const staleNested = service().validate(doc(nested)).filter((diagnostic) => diagnostic.code === 'schema-required');
      assert.ok(staleNested.length > 0);
      assert.deepEqual(service().codeActions(doc(VALID), staleNested[0]!.range, staleNested), []);
    });
  });
});

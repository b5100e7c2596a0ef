import assert from 'node:assert/strict';
import type { TimelineModel } from '../../server/src/service';
import { doc, readSample, sampleFiles, service, VALID } from './helpers';
import { bigDocument, withTimeline } from './timelineFixtures';

const model = (text: string, options: Parameters<typeof service>[0] = {}): TimelineModel => service(options).timelineModel(doc(text));
const duration = (m: TimelineModel, key: string) => m.durations.find((d) => d.key === key);

describe('timeline model: header and language', () => {
  it('carries uri, version, header fields and the document language', () => {
    const m = service().timelineModel(doc(VALID, 'file:///x/a.postmortem.yaml', 7));
    assert.equal(m.uri, 'file:///x/a.postmortem.yaml');
    assert.equal(m.version, 7);
    assert.equal(m.header.title, 'Messages shown in the wrong chat');
    assert.equal(m.header.status, 'published');
    assert.equal(m.header.statusLabel, 'Published');
    assert.equal(m.header.published, '2021-07-15');
    assert.equal(m.header.languageName, 'English');
    assert.equal(m.problem, undefined);
  });

  it('labels headings in the document language, whatever the UI locale', () => {
    const ja = VALID.replace('language: en', 'language: ja');
    const m = model(ja, { locale: 'en' });
    assert.equal(m.language, 'ja');
    assert.equal(m.labels['notice.section.overview'], '概要');
    assert.equal(m.labels['notice.kind.detected'], '検知');
    assert.equal(m.header.languageName, '日本語');
    assert.equal(model(VALID, { locale: 'ja' }).labels['notice.section.overview'], 'Overview');
  });

  it('without `language` falls back to English headings', () => {
    assert.equal(model(VALID.replace('language: en\n', '')).language, 'en');
  });
});

describe('timeline model: times and zones', () => {
  it('shows times in the document zone, whatever offset they were written with', () => {
    const m = model(withTimeline(`  - at: 2021-06-30T03:00Z\n    event: UTC written\n  - at: 2021-06-30T12:05+09:00\n    event: offset written\n  - at: 2021-06-30T12:10\n    event: zone of the document\n`));
    assert.deepEqual(
      m.events.map((e) => e.at?.text),
      ['2021-06-30 12:00', '2021-06-30 12:05', '2021-06-30 12:10'],
    );
    assert.equal(m.zone.label, 'Japan time');
  });

  it('writes Japanese dates in a Japanese document and keeps the precision of the source', () => {
    const ja = withTimeline(`  - at: 2021-06-30T12:00\n    event: a\n  - at: 2021-07-05\n    event: b\n  - at: 2021-08\n    event: c\n`, VALID.replace('language: en', 'language: ja'));
    const m = model(ja);
    assert.deepEqual(m.events.map((e) => e.at?.text), ['2021年6月30日 12:00', '2021年7月5日', '2021年8月']);
    assert.equal(m.zone.label, '日本時間');
  });

  it('without a document zone shows UTC and marks clock times without offset as zone-unknown', () => {
    const m = model(withTimeline(`  - at: 2021-06-30T12:00\n    event: a\n  - at: 2021-06-30T12:00+09:00\n    event: b\n`).replace('timezone: Asia/Tokyo\n', ''));
    assert.equal(m.zone.name, undefined);
    assert.equal(m.zone.label, 'UTC');
    assert.deepEqual(m.events.map((e) => [e.at?.text, e.at?.zoneKnown]), [['2021-06-30 12:00', false], ['2021-06-30 03:00', true]]);
  });

  it('honours a fixed offset zone and daylight saving time in an IANA zone', () => {
    const offset = model(withTimeline(`  - at: 2021-06-30T00:00Z\n    event: a\n`).replace('timezone: Asia/Tokyo', 'timezone: "+05:30"'));
    assert.equal(offset.events[0]?.at?.text, '2021-06-30 05:30');
    assert.equal(offset.zone.label, 'UTC+05:30');
    const berlin = model(withTimeline(`  - at: 2021-01-15T12:00Z\n    event: winter\n  - at: 2021-07-15T12:00Z\n    event: summer\n`).replace('timezone: Asia/Tokyo', 'timezone: Europe/Berlin'));
    assert.deepEqual(berlin.events.map((e) => e.at?.text), ['2021-01-15 13:00', '2021-07-15 14:00']);
  });

  it('gives each event its offset from the impact start', () => {
    const m = model(VALID);
    assert.deepEqual(m.events.map((e) => e.relative), ['T+00:00', 'T+00:05', 'T+00:12', 'T+2d 03:11', 'T+15d 00:00']);
  });
});

describe('timeline model: key durations and the disclosure deadline', () => {
  it('computes the spec durations from period starts', () => {
    const m = model(VALID);
    assert.equal(duration(m, 'detect')?.ms, 5 * 60_000);
    assert.equal(duration(m, 'detect')?.text, '5m');
    assert.equal(duration(m, 'mitigate')?.ms, 12 * 60_000);
    assert.equal(duration(m, 'resolve')?.text, '2d 3h');
    assert.equal(duration(m, 'notify')?.ms, undefined, 'no notified event');
    assert.equal(duration(m, 'notify')?.text, '—');
    // published 2021-07-15 (start of that day in Tokyo) − detected 2021-06-30T12:05
    assert.equal(duration(m, 'disclose')?.ms, Date.UTC(2021, 6, 14, 15, 0) - Date.UTC(2021, 5, 30, 3, 5));
    assert.equal(duration(m, 'detect')?.fromId, 'impact');
    assert.equal(duration(m, 'detect')?.toId, 'event:1');
    assert.equal(duration(m, 'disclose')?.toId, 'header');
  });

  it('takes the earliest event of a kind, not the first written', () => {
    const m = model(withTimeline(`  - at: 2021-06-30T12:30\n    event: later detection\n    kind: detected\n  - at: 2021-06-30T12:10\n    event: earlier detection\n    kind: detected\n`));
    assert.equal(duration(m, 'detect')?.ms, 10 * 60_000);
    assert.equal(duration(m, 'detect')?.toId, 'event:1');
  });

  it('uses the deadline setting and flags a lag beyond it', () => {
    const within = model(VALID);
    assert.equal(within.disclosure.deadlineDays, 30);
    assert.equal(within.disclosure.late, false);
    assert.equal(within.disclosure.deadline?.text, '2021-07-30 12:05');
    const late = model(VALID, { settings: { disclosureDeadlineDays: 10 } });
    assert.equal(late.disclosure.late, true);
    assert.equal(late.disclosure.lagDays, 14);
    assert.equal(duration(late, 'disclose')?.late, true);
    assert.match(late.disclosure.text, /14 days .* 4 days beyond the 10-day deadline/);
    assert.ok(late.axis.deadline && late.axis.published && late.axis.deadline.pos < late.axis.published.pos);
  });

  it('agrees with the disclosure-lag diagnostic', () => {
    for (const days of [10, 14, 15, 30]) {
      const s = service({ settings: { disclosureDeadlineDays: days } });
      const d = doc(VALID);
      const flagged = s.validate(d).some((diagnostic) => diagnostic.code === 'disclosure-lag');
      assert.equal(s.timelineModel(d).disclosure.late, flagged, `deadline ${days}`);
    }
  });

  it('falls back to the first published event when there is no published date', () => {
    const m = model(VALID.replace('published: 2021-07-15\n', '').replace('status: published', 'status: draft'));
    assert.equal(duration(m, 'disclose')?.toId, 'event:4');
  });

  it('says so when nothing was detected yet', () => {
    const m = model(withTimeline(`  - at: 2021-06-30T12:00\n    event: a\n    kind: occurred\n`));
    assert.equal(duration(m, 'detect')?.ms, undefined);
    assert.equal(m.disclosure.deadline, undefined);
    assert.match(m.disclosure.text, /no detected event/);
  });
});

describe('timeline model: the axis', () => {
  const twelveMinutes = withTimeline(`  - at: 2021-06-30T12:00\n    event: a\n    kind: occurred\n  - at: 2021-06-30T12:05\n    event: b\n    kind: detected\n  - at: 2021-06-30T12:12\n    event: c\n    kind: resolved\n`)
    .replace('published: 2021-07-15\n', '')
    .replace('status: published', 'status: draft');

  it('draws a 12-minute incident to scale without any cut', () => {
    const m = model(twelveMinutes, { settings: { disclosureDeadlineDays: 0 } });
    assert.equal(m.axis.segments.filter((s) => s.compressed).length, 0);
    const [a, b, c] = m.events.map((e) => e.pos ?? NaN);
    assert.ok(a !== undefined && b !== undefined && c !== undefined);
    assert.ok(Math.abs((b - a) / (c - a) - 5 / 12) < 0.01, 'positions proportional to time');
    assert.ok(m.axis.ticks.length >= 3, 'minute ticks');
    assert.ok(m.axis.ticks.every((t) => /^\d\d:\d\d$|^\d\d-\d\d \d\d:\d\d$/.test(t.text)));
  });

  it('cuts long quiet gaps of a 19-day incident, labels them, and keeps the busy day wide', () => {
    const m = model(readSample('clova-bot-invites.en.postmortem.yaml'));
    const cuts = m.axis.segments.filter((s) => s.compressed);
    assert.ok(cuts.length >= 2);
    assert.ok(cuts.some((s) => s.label === '14d'), cuts.map((s) => s.label).join());
    const busy = m.events.filter((e) => e.at?.text.startsWith('2020-11-02'));
    const width = (busy.at(-1)?.pos ?? 0) - (busy[0]?.pos ?? 0);
    assert.ok(width > 0.05, `2 November spans ${width} of the axis`);
  });

  it('keeps segments contiguous from 0 to 1 and positions in time order', () => {
    for (const name of sampleFiles().filter((n) => !n.startsWith('broken'))) {
      const m = model(readSample(name));
      const segments = m.axis.segments;
      assert.equal(segments[0]?.from, 0, name);
      assert.equal(segments.at(-1)?.to, 1, name);
      segments.slice(1).forEach((s, i) => assert.ok(Math.abs(s.from - (segments[i]?.to ?? -1)) < 1e-9, name));
      const timed = m.events.filter((e) => e.at && e.pos !== undefined).sort((x, y) => (x.at?.instant ?? 0) - (y.at?.instant ?? 0));
      timed.slice(1).forEach((e, i) => assert.ok((e.pos ?? 0) >= (timed[i]?.pos ?? 0), `${name}: ${e.id}`));
    }
  });

  it('draws until ranges and date-only events as bars, the impact as a band', () => {
    const m = model(withTimeline(`  - at: 2021-06-30T12:00\n    until: 2021-06-30T12:12\n    event: ranged\n  - at: 2021-07-02\n    event: a whole day\n  - at: 2021-07-02T15:11\n    event: a point\n`));
    const [ranged, day, point] = m.events;
    assert.ok(ranged?.endPos !== undefined && ranged.pos !== undefined && ranged.endPos > ranged.pos);
    assert.ok(day?.endPos !== undefined && day.pos !== undefined && day.endPos > day.pos);
    assert.equal(point?.endPos, undefined);
    assert.ok(m.axis.impact && m.axis.impact.from === 0 && m.axis.impact.to > 0 && !m.axis.impact.ongoing);
  });

  it('marks an impact without end as ongoing to the end of the axis', () => {
    const m = model(VALID.replace('    end: 2021-06-30T12:12\n', ''));
    assert.equal(m.impact.ongoing, true);
    assert.equal(m.axis.impact?.to, 1);
  });

  it('copes with no valid time at all', () => {
    const m = model(withTimeline(`  - at: not-a-time\n    event: a\n`).replace(/impact:\n {2}period:\n {4}start: .*\n {4}end: .*\n/, 'impact:\n'));
    assert.equal(m.events[0]?.pos, undefined);
    assert.ok(Array.isArray(m.axis.segments));
  });
});

describe('timeline model: counts, factors, countermeasures', () => {
  it('shows counts with breakdowns named in the document language', () => {
    const en = model(VALID).counts[0];
    assert.equal(en?.valueText, '1,053');
    assert.deepEqual(en?.breakdown.map((b) => b.label), ['Japan', 'Thailand', 'Taiwan', 'Other']);
    assert.equal(en?.scale, 1);
    assert.equal(en?.sumMismatch, false);
    const ja = model(VALID.replace('language: en', 'language: ja')).counts[0];
    assert.deepEqual(ja?.breakdown.map((b) => b.label), ['日本', 'タイ', '台湾', 'その他']);
    assert.ok(Math.abs((ja?.breakdown[1]?.share ?? 0) - 729 / 1053) < 1e-9);
  });

  it('writes the sum of a breakdown that does not add up as figures are written in the document language', () => {
    const ja = VALID.replace('language: en', 'language: ja').replace('      value: 1053\n', '      value: 30910000\n').replace(/JP: \d+/, 'JP: 30900000').replace(/TH: \d+/, 'TH: 0').replace(/TW: \d+/, 'TW: 0').replace(/other: \d+/, 'other: 0');
    const count = model(ja).counts[0];
    assert.equal(count?.sumMismatch, true);
    assert.equal(count?.sumText, '3,090万');
  });

  it('words qualifiers and units, and flags an exact count whose breakdown does not add up', () => {
    const text = VALID.replace('      value: 1053\n', '      value: 1000\n      unit: users\n');
    const count = model(text).counts[0];
    assert.equal(count?.valueText, '1,000 users');
    assert.equal(count?.sumMismatch, true);
    assert.equal(count?.sumText, '1,053');
    const approx = model(text.replace('      unit: users\n', '      unit: users\n      qualifier: approximately\n')).counts[0];
    assert.equal(approx?.valueText, 'about 1,000 users');
    assert.equal(approx?.sumMismatch, false);
    const ja = model(text.replace('language: en', 'language: ja').replace('unit: users', 'unit: 人').replace('      value: 1000\n', '      value: 1000\n      qualifier: at_most\n')).counts[0];
    assert.equal(ja?.valueText, '最大1,000人');
  });

  it('links factors and countermeasures both ways and singles out unaddressed factors', () => {
    const text = VALID.replace(
      '    - id: cache-config\n      description: The new connection setting mixed up keys.\n',
      '    - id: cache-config\n      description: The new connection setting mixed up keys.\n    - id: no-guide\n      description: Nobody wrote it down.\n',
    ).replace(
      '    addresses: [cache-config]\n',
      '    addresses: [cache-config, ghost]\n  - action: Write a guide.\n    type: organizational\n    status: planned\n  - action: Talk about it.\n    status: in_progress\n',
    );
    const m = model(text);
    assert.deepEqual(m.factors.map((f) => [f.factorId, f.addressed, f.addressedBy]), [['cache-config', true, ['cm:0']], ['no-guide', false, []]]);
    assert.deepEqual(m.countermeasureGroups.map((g) => [g.type, g.items.map((i) => i.id)]), [['technical', ['cm:0']], ['organizational', ['cm:1']], ['unspecified', ['cm:2']]]);
    assert.deepEqual(m.countermeasureGroups[0]?.items[0]?.addresses, [{ factorId: 'cache-config', itemId: 'factor:0' }, { factorId: 'ghost', itemId: undefined }]);
    assert.equal(m.countermeasureGroups[0]?.items[0]?.statusLabel, 'Done');
    assert.equal(m.countermeasureGroups[0]?.items[0]?.dateText, '2021-07-02');
    assert.equal(m.countermeasureGroups[1]?.items[0]?.statusLabel, 'Planned');
  });
});

describe('timeline model: links to the source', () => {
  it('links every item to its lines, sorted and without overlap', () => {
    const m = model(VALID);
    const lines = VALID.split('\n');
    const first = (id: string) => m.links.find((l) => l.id === id)?.range;
    assert.match(lines[first('event:1')?.start.line ?? -1] ?? '', /at: 2021-06-30T12:05/);
    assert.match(lines[first('event:1')?.end.line ?? -1] ?? '', /kind: detected/);
    assert.match(lines[first('count:0')?.start.line ?? -1] ?? '', /label: Users/);
    assert.match(lines[first('factor:0')?.start.line ?? -1] ?? '', /id: cache-config/);
    assert.match(lines[first('cm:0')?.start.line ?? -1] ?? '', /action: Revert/);
    assert.match(lines[first('header')?.start.line ?? -1] ?? '', /postmortem: 1/);
    for (let i = 1; i < m.links.length; i++) {
      const previous = m.links[i - 1]?.range.end;
      const current = m.links[i]?.range.start;
      assert.ok(previous && current && (previous.line < current.line || (previous.line === current.line && previous.character <= current.character)), `links ${i - 1} and ${i} overlap`);
    }
  });

  it('counts positions in UTF-16 code units', () => {
    const m = model(VALID.replace('title: Messages shown in the wrong chat', 'title: 😀 誤表示').replace('    event: Reports of send errors reach the team.', '    event: 😀😀 報告'));
    const range = m.links.find((l) => l.id === 'event:1')?.range;
    assert.equal(range?.end.character, '    event: 😀😀 報告'.length);
  });
});

describe('timeline model: broken input', () => {
  it('reports a YAML error in the UI language and still returns what it could read', () => {
    const broken = VALID.replace('title: Messages shown in the wrong chat', 'title: [unclosed');
    const m = model(broken, { locale: 'ja' });
    assert.ok(m.problem);
    assert.match(m.problem.message, /解析できません/);
    assert.match(m.problem.keptMessage, /最後に解析できた版/);
    assert.equal(model(broken).language, 'en');
  });

  it('never throws, whatever the text', () => {
    const s = service();
    const texts = ['', '# only a comment\n', 'just text', '- a\n- b\n', 'timeline: 3\nimpact: []\ncounts: x\n', 'timeline:\n  - at: [1]\n    until: {a: 1}\n    event: 5\n    kind: 9\n', 'cause:\n  factors: [1, {id: [x]}]\ncountermeasures: [{addresses: 5}, {addresses: [[1]]}]\n'];
    const sample = readSample('clova-bot-invites.postmortem.yaml');
    for (let cut = 0; cut < sample.length; cut += 97) texts.push(sample.slice(0, cut));
    for (const text of texts) {
      const m = s.timelineModel(doc(text));
      assert.equal(typeof m.version, 'number');
      JSON.stringify(m);
    }
  });
});

describe('timeline model: 10,000 events', function () {
  this.timeout(60_000);
  // Speed is measured by `npm run bench`; here: the model is built from the parse the server already
  // has (no second parse), cached, and complete. The timings are printed as information only.
  it('is built from the cached parse, complete, and cached itself (prints timings)', () => {
    const text = bigDocument(10_000);
    const s = service();
    const document = doc(text);
    const t0 = performance.now();
    const parsed = s.parse(document);
    const t1 = performance.now();
    s.validate(document);
    const t2 = performance.now();
    const m = s.timelineModel(document);
    const t3 = performance.now();
    const again = s.timelineModel(document);
    const t4 = performance.now();
    const sameParse = s.parse(document) === parsed;
    const edited = doc(text.replace('Event number 5000 ', 'Event number 5000 edited '), document.uri, 2);
    s.validate(edited);
    const t5 = performance.now();
    const m2 = s.timelineModel(edited);
    const t6 = performance.now();
    assert.equal(m.events.length, 10_000);
    assert.equal(m2.events[5000]?.text, 'Event number 5000 edited with some words');
    assert.equal(again, m, 'cached per parse');
    const json = JSON.stringify(m).length;
    const ms = (a: number, b: number) => `${(b - a).toFixed(0)} ms`;
    console.log(`      10,000 events: first parse ${ms(t0, t1)}, validate ${ms(t1, t2)}, model ${ms(t2, t3)}, cached ${(t4 - t3).toFixed(2)} ms; after an edit: parse+validate ${ms(t4, t5)}, model ${ms(t5, t6)}; JSON ${(json / 1e6).toFixed(1)} MB`);
    assert.ok(sameParse, 'the model reused the parse: no second parse of 10,000 events');
    assert.equal(m2.version, 2, 'the edit gets its own model');
    assert.equal(m2.events.length, 10_000);
  });
});

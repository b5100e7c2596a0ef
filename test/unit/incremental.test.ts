import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { createPostmortemService } from '../../server/src/service';
import { IncrementalParser } from '../../server/src/service/parse/incremental';
import { parsePostmortem } from '../../server/src/service/parse/parse';
import { createRandom } from '../../scripts/bench/random.cjs';
import { readSample, sampleFiles, VALID } from './helpers';


/** A valid postmortem with nested lists, comments, a block scalar and, optionally, compact sequences. */
function generated(events: number, compact: boolean): string {
  const dash = compact ? '- ' : '  - ';
  const inner = compact ? '  ' : '    ';
  const lines = ['# generated', 'postmortem: 1', 'id: generated', 'title: 生成した障害報告', 'status: draft', 'timezone: Asia/Tokyo', 'overview: |', '  一行目', '', '  三行目', 'impact:', '  period:', '    start: 2021-06-30T12:00', '  counts:'];
  for (let i = 0; i < 3; i++) lines.push(`  ${dash}label: 件数${i}`, `  ${inner}value: ${10 + i}`, `  ${inner}breakdown: {JP: ${6 + i}, other: 4}`);
  lines.push('cause:', '  summary: 設定の変更', '  factors:');
  for (let i = 0; i < 3; i++) lines.push(`  ${dash}id: factor-${i}`, `  ${inner}description: 要因${i}`);
  lines.push('', '# the timeline', 'timeline:');
  for (let i = 0; i < events; i++) {
    lines.push(`${dash}at: 2021-06-30T${String(12 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`, `${inner}event: 出来事${i} # note`, `${inner}kind: ${i === 1 ? 'detected' : 'other'}`);
    if (i % 7 === 3) lines.push('  # a comment between events', '');
  }
  lines.push('countermeasures:');
  for (let i = 0; i < 3; i++) lines.push(`${dash}action: 対策${i}`, `${inner}status: planned`, `${inner}addresses: [factor-${i}]`);
  lines.push('contact:', '  url: https://example.com/contact', '');
  return lines.join('\n');
}

const SNIPPETS = ['a', 'あ', ' ', '  ', '\n', '\n  ', '\n    ', ':', ': ', '- ', '-', '#', ' # c', '"', "'", '&a ', '*a', '[', ']', '{', '}', ',', '|', '>-', '|+', '\t', '%', '---', '...', '?', '!', '!!str ', '\r\n', '\r', '\uFEFF', 'timeline:', 'x: 1\n', '__proto__: 1\n', 'true: 1\n', '\n  - at: 2021-06-30T12:00\n    event: 追加\n'];
const LINES = [
  '  - at: 2021-06-30T12:30',
  '    event: 追加した出来事',
  '    kind: detected',
  '- at: 2021-06-30T12:31',
  '# comment',
  '  # indented comment',
  '',
  '   ',
  'extra: value',
  'timeline:',
  'impact:',
  '  counts:',
  '  - label: x',
  '    value: 1',
  '  anchor: &a 1',
  '  alias: *a',
  '\tbad: tab',
  '---',
  '%YAML 1.2',
  '  - [a,',
  '    b]',
  'x: [a,',
  'b]',
  '    note: |',
  '      block text',
  'overview: |+',
  '  kept',
  '  - {at: 2021-06-30T12:31, event: flow}',
  '    until: 2021-06-30T13:00',
  '    event: "quoted',
  '      continued"',
  'title: "open',
  'close: "',
  '? complex',
  ': value',
  '  summary: >-',
  '    folded',
  'cause:',
  'contact:',
  '  url: http://example.com',
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

const SAFE_TYPING = ['a', 'あ', '1', ' ', '-'];
const SAFE_LINES = ['# comment', '', '  # indented comment', '  - at: 2021-06-30T12:30\n    event: 追加した出来事', '    until: 2021-06-30T13:00'];

/**
 * One random edit. Half are what a writer mostly does (typing, whole lines that keep the document
 * well-formed), a third may break anything, and the rest go back to an earlier version: undo, or
 * finishing what was being typed (`lastGood`: the last text that could be parsed in pieces).
 */
function edit(text: string, random: () => number, history: string[], lastGood: string): string {
  const at = Math.floor(random() * (text.length + 1));
  const lineStarts = [0, ...[...text.matchAll(/\r\n|\r|\n/g)].map((match) => (match.index ?? 0) + match[0].length)];
  const line = Math.floor(random() * lineStarts.length);
  const lineStart = lineStarts[line] ?? 0;
  const lineEnd = lineStarts[line + 1] ?? text.length;
  const roll = random();
  if (roll < 0.3) return text.slice(0, at) + pick(random, SAFE_TYPING) + text.slice(at);
  if (roll < 0.4) return text.slice(0, lineStart) + pick(random, SAFE_LINES) + '\n' + text.slice(lineStart);
  if (roll < 0.45) return text.slice(0, lineStart) + text.slice(lineEnd);
  if (roll < 0.6) return text.slice(0, at) + pick(random, SNIPPETS) + text.slice(at);
  if (roll < 0.66) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(random() * 8)));
  if (roll < 0.75) return text.slice(0, lineStart) + pick(random, LINES) + '\n' + text.slice(lineStart);
  if (roll < 0.8) return text.slice(0, lineStart) + text.slice(lineStart, lineEnd) + text.slice(lineStart);
  if (roll < 0.85) return history[Math.max(0, history.length - 1 - Math.floor(random() * 6))] ?? text;
  return lastGood;
}

const BASES: { name: string; text: () => string }[] = [
  { name: 'generated, 40 events', text: () => generated(40, false) },
  { name: 'generated, compact sequences', text: () => generated(25, true) },
  { name: 'generated, CRLF', text: () => generated(15, false).replace(/\n/g, '\r\n') },
  { name: 'generated, lone CR', text: () => generated(15, false).replace(/\n/g, '\r') },
  // LF, CRLF and CR in turn, so edits land between every kind of neighbour.
  { name: 'generated, CR/LF mixture', text: () => { let turn = 0; return generated(15, false).replace(/\n/g, () => ['\n', '\r\n', '\r'][turn++ % 3] ?? '\n'); } },
  { name: 'the valid baseline', text: () => VALID },
  ...sampleFiles().filter((name) => !name.includes('broken')).slice(0, 3).map((name) => ({ name, text: () => readSample(name) })),
];

describe('incremental parsing: identical to a fresh full parse', () => {
  // INCREMENTAL_ROUNDS=50 explores more seeds locally; the suite runs one round.
  const rounds = Number(process.env.INCREMENTAL_ROUNDS ?? 1);
  for (let round = 0; round < rounds; round++) for (const [index, base] of BASES.entries()) {
    it(`random edits of ${base.name}${rounds > 1 ? ` (round ${round})` : ''}`, () => {
      const seed = 1000 + index + round * 100;
      const random = createRandom(seed);
      const uri = `file:///incremental/${index}.postmortem.yaml`;
      const parser = new IncrementalParser();
      const service = createPostmortemService();
      const modes = { chunks: 0, full: 0 };
      let text = base.text();
      const history: string[] = [text];
      let lastGood = text;
      for (let step = 0; step < 70; step++) {
        const where = `seed ${seed}, step ${step}`;
        const input = { uri, version: step + 1, text };
        const incremental = parser.parse(input);
        modes[parser.lastMode]++;
        const full = parsePostmortem(input);
        // DUMP_FAILURE=file keeps the text of a failing step, to replay it outside the random walk.
        if (process.env.DUMP_FAILURE && !isDeepStrictEqual(incremental.root, full.root)) writeFileSync(process.env.DUMP_FAILURE, text);
        assert.deepEqual(incremental.root, full.root, `tree differs (${where})`);
        assert.deepEqual(incremental.value, full.value, `value differs (${where})`);
        assert.deepEqual(incremental.syntaxProblems, full.syntaxProblems, `syntax problems differ (${where})`);

        const document = { uri, version: step + 1, getText: () => text };
        const fresh = createPostmortemService();
        assert.deepEqual(service.validate(document), fresh.validate(document), `diagnostics differ (${where})`);
        assert.deepEqual(service.timelineModel(document), fresh.timelineModel(document), `timeline model differs (${where})`);

        history.push(text);
        if (parser.lastMode === 'chunks') lastGood = text;
        text = edit(text, random, history, lastGood);
      }
      // Both paths must have been exercised, or the comparison proves little.
      assert.ok(modes.chunks >= 10, `only ${modes.chunks} chunked parses`);
      assert.ok(modes.full >= 3, `only ${modes.full} full parses`);
    });
  }

  it('re-parses only the piece that changed', () => {
    const parser = new IncrementalParser();
    const text = generated(40, false);
    parser.parse({ uri: 'file:///one.postmortem.yaml', version: 1, text });
    const at = text.indexOf('出来事20') + 3;
    parser.parse({ uri: 'file:///one.postmortem.yaml', version: 2, text: text.slice(0, at) + 'あ' + text.slice(at) });
    assert.equal(parser.lastMode, 'chunks');
    assert.equal(parser.lastReparsed, 1);
  });
});

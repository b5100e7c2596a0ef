// The fast reading of a piece (parse/fastPiece.ts) against `yaml`'s own parse: for every text it
// accepts, `parseDocument` must report no error or warning and convert.ts must make the same tree
// of it (kinds, offsets, values, quoting, flow, pairs) with the same plain value. Declining is
// always allowed; the tests also check that it accepts what postmortems are made of.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isMap, isSeq, parseDocument } from 'yaml';
import { planChunks, type Chunk } from '../../server/src/service/parse/chunks';
import { convertDocument, type ConvertNotes } from '../../server/src/service/parse/convert';
import { fastPieceRoot } from '../../server/src/service/parse/fastPiece';
import { toPlainValue } from '../../server/src/service/parse/parse';
import { readSample, sampleFiles } from './helpers';

/** Checks one text; true when the fast path accepted it. */
function agrees(text: string): boolean {
  const fast = fastPieceRoot(text);
  if (!fast) return false;
  const document = parseDocument(text, { prettyErrors: false, keepSourceTokens: false });
  const where = JSON.stringify(text);
  assert.deepEqual([...document.errors, ...document.warnings].map((problem) => problem.code), [], `accepted, but yaml reports problems for ${where}`);
  const notes: ConvertNotes = { anchorsOrAliases: false, multiLineFlow: false };
  const slow = convertDocument(document, text, notes);
  assert.deepEqual(notes, { anchorsOrAliases: false, multiLineFlow: false }, `accepted, but convert.ts notes anchors or multi-line flow in ${where}`);
  assert.deepEqual(fast, slow, `tree differs for ${where}`);
  // The container range piece.ts takes from yaml's node is the root's range in our tree.
  const contents = document.contents;
  assert.ok(isMap(contents) || isSeq(contents));
  assert.deepEqual([fast.start, fast.end], [contents.range?.[0], contents.range?.[2]], `container range differs for ${where}`);
  assert.deepEqual(toPlainValue(fast), toPlainValue(slow), `value differs for ${where}`);
  return true;
}

/** Every piece the planner cuts out of a text, as the incremental parser would parse them. */
function piecesOf(text: string): string[] {
  const plan = planChunks(text);
  if (!plan) return [];
  const pieces: string[] = [];
  const walk = (chunk: Chunk): void => {
    if (chunk.kind === 'leaf') {
      pieces.push(text.slice(chunk.start, chunk.end));
      return;
    }
    pieces.push(text.slice(chunk.header.start, chunk.header.end));
    chunk.children.forEach(walk);
    for (let i = 0; i + 1 < chunk.itemBounds.length; i++) pieces.push(text.slice(chunk.itemBounds[i], chunk.itemBounds[i + 1]));
  };
  plan.chunks.forEach(walk);
  return pieces;
}

const SAMPLES = sampleFiles().map((name) => ({ name, text: readSample(name) }));
// The benchmark's generator is an ES module: loaded before the tests run.
let BENCH = '';
let REAL_PIECES: string[] = [];

// Plain scalars that the core schema reads as something else than text, and near misses.
const PLAINS = ['a', 'text', '日本語の文', '絵文字🎉です', '0', '-0', '+1', '12', '007', '0o17', '0o8', '0x1F', '0xg', '1_000', '1.5', '.5', '5.', '1e3', '1E-3', '.1e+2', '+.inf', '-.Inf', '.INF', '.nan', '.NaN', '.NAN', '-.nan', 'inf', 'true', 'True', 'TRUE', 'tRUE', 'false', 'no', 'yes', 'null', 'Null', 'NULL', 'nULL', '~', '2021-06-30T12:00', '2021-06-30', '12:30', 'http://example.com/a#b', 'a#b', 'a:b', 'x -y', "a'b", 'a"b', '-x', '!bang', '%pct', '?q'];
// Plain scalars that cannot start a value or that read as structure.
const TRAPS = ['a: b', '- z', '@at', '`tick', ',comma', '&amp', '*star', '|bar', '>gt', '? q', '[x', '{y', 'a # b: c'];
const QUOTED = ['""', "''", '"a b"', "'it''s'", '"\\n\\t\\u00e9\\U0001F389"', '"日本語"', "'#not a comment'", '"a # b"', '"multi\n  line"', "'multi\n\n  line'", '"a\\\n  b"'];
const BAD_QUOTED = ['"bad \\q escape"', '"open', "'open", '"a"b', "'x'y"];
const BLOCKS = ['|', '|-', '|+', '>', '>-', '>+', '|2', '>1-', '|0', '| # c'];
const KEYS = ['at', 'event', 'kind', 'id', 'title', 'a', '"quoted key"', "'single'", '1', 'null', 'true', '~', '<<', 'キー', 'a b', 'x-y_z', '__proto__'];
const BAD_KEYS = ['? a', '&a k', '!t k', '"multi\n  line"', '', 'at'];
const GAPS = ['', ' ', '  ', ' # comment', '  #c', '#no-space'];

// Constructs the fast path declines are rarer than the rest, so that whole nested pieces pass too.
const scalar = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom(...PLAINS) },
  { weight: 10, arbitrary: fc.constantFrom(...QUOTED) },
  { weight: 1, arbitrary: fc.constantFrom(...TRAPS, ...BAD_QUOTED, '&x a', '*x', '!!str 1', '!t v', '', ' ') },
);
const key = fc.oneof({ weight: 15, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.constantFrom(...BAD_KEYS) });
const flow = fc.tuple(fc.boolean(), fc.array(fc.tuple(fc.constantFrom(...PLAINS.slice(0, 30), ...QUOTED.slice(0, 4)), scalar), { maxLength: 4 }), fc.constantFrom(', ', ',', ' , ', ',\n  ', ', ,'))
  .map(([isMap, entries, comma]) => (isMap ? `{${entries.map(([k, v]) => `${k}: ${v}`).join(comma)}}` : `[${entries.map(([, v]) => v).join(comma)}]`));

interface Shape { text: (indent: number) => string }
/** A YAML-ish block node at an indentation, with random deviations: misindented lines, tabs, CRLF. */
const block: fc.Memo<Shape> = fc.memo((depth) => {
  const leaf = fc.oneof(
    scalar.map((value) => ({ text: () => ` ${value}` })),
    flow.map((value) => ({ text: () => ` ${value}` })),
    fc.tuple(fc.constantFrom(...BLOCKS), fc.array(fc.constantFrom('line', 'テキスト', '', '  more', '#x', '- y'), { maxLength: 3 }), fc.integer({ min: -1, max: 3 }))
      .map(([header, lines, shift]) => ({ text: (indent: number) => ` ${header}\n${lines.map((line) => (line ? ' '.repeat(Math.max(0, indent + 2 + shift)) + line : '')).join('\n')}` })),
    // A plain scalar continued on more lines, some less indented than they must be.
    fc.tuple(fc.constantFrom(...PLAINS.slice(0, 12)), fc.constantFrom('続き', 'more: x', '# c', '- y', ''), fc.integer({ min: -2, max: 3 }))
      .map(([first, next, shift]) => ({ text: (indent: number) => ` ${first}\n${' '.repeat(Math.max(0, indent + shift))}${next}` })),
    fc.constant({ text: () => '' }),
  );
  if (depth <= 1) return leaf;
  const entries = fc.array(fc.tuple(key, block(depth - 1), fc.constantFrom(...GAPS), fc.integer({ min: -1, max: 12 })), { minLength: 1, maxLength: 4 });
  const map = fc.tuple(entries, fc.integer({ min: 1, max: 3 })).map(([pairs, step]) => ({
    text: (indent: number) => '\n' + pairs.map(([key, value, gap, skew]) => `${' '.repeat(indent + step + (skew === 12 ? 1 : skew === -1 ? -1 : 0))}${key}:${value.text(indent + step)}${gap}`).join('\n'),
  }));
  const seq = fc.tuple(entries, fc.integer({ min: 0, max: 2 }), fc.boolean()).map(([items, step, compact]) => ({
    text: (indent: number) => '\n' + items.map(([key, value, gap, skew]) => `${' '.repeat(indent + step)}-${compact ? ` ${key}:` : ''}${value.text(indent + step + 2)}${gap}${skew >= 10 ? '\n' + ' '.repeat(indent + step) + '# between' : ''}`).join('\n'),
  }));
  return fc.oneof({ weight: 2, arbitrary: leaf }, { weight: 3, arbitrary: map }, { weight: 2, arbitrary: seq });
});

const grammarPiece = fc.tuple(fc.constantFrom(...KEYS.slice(0, 8)), block(4), fc.boolean(), fc.constantFrom('', '\n', '\n\n', '\n# trailing\n', '\n  # indented\n'), fc.nat({ max: 3 }))
  .map(([key, value, item, tail, lead]) => {
    const text = item ? `${' '.repeat(lead)}-${value.text(lead + 2)}` : `${key}:${value.text(0)}`;
    return text + tail;
  });

const FRAGMENTS = ['a', 'あ', '🎉', ' ', '  ', '\n', '\n  ', ':', ': ', '- ', '-', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '|', '>', '\t', '\r\n', '&a ', '*a', '!', '?', '%', '---\n', '...\n', '\\', '0x', '.', 'e5'];
const mutatedPiece = (): fc.Arbitrary<string> => fc
  .tuple(fc.constantFrom(...REAL_PIECES), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...FRAGMENTS), fc.nat({ max: 3 })), { minLength: 1, maxLength: 4 }))
  .map(([text, edits]) => edits.reduce((current, [seed, fragment, cut]) => {
    const at = seed % (current.length + 1);
    return current.slice(0, at) + fragment + current.slice(Math.min(current.length, at + cut));
  }, text));

const crlf = (arbitrary: fc.Arbitrary<string>) => fc.tuple(arbitrary, fc.boolean()).map(([text, windows]) => (windows ? text.replace(/\n/g, '\r\n') : text));

describe('fast piece reading agrees with yaml\'s parse', () => {
  before(async () => {
    const { generatePostmortem } = (await import('../../scripts/bench/generate.mjs')) as { generatePostmortem: (events: number) => string };
    BENCH = generatePostmortem(1000);
    REAL_PIECES = [...SAMPLES.flatMap((sample) => piecesOf(sample.text)), ...piecesOf(BENCH).slice(0, 400)];
  });

  it('on every piece of every sample, and accepts most of them', () => {
    let accepted = 0;
    let pieces = 0;
    for (const sample of SAMPLES) {
      for (const piece of piecesOf(sample.text)) {
        pieces++;
        if (agrees(piece)) accepted++;
      }
      agrees(sample.text);
    }
    assert.ok(pieces > 100 && accepted >= pieces * 0.9, `accepted ${accepted} of ${pieces} pieces`);
  });

  it('on every piece of a generated 1,000-event document, accepting all of them', () => {
    const pieces = piecesOf(BENCH);
    assert.ok(pieces.length > 1000);
    for (const piece of pieces) assert.ok(agrees(piece), `declined ${JSON.stringify(piece)}`);
    assert.ok(agrees(BENCH));
  });

  it('on hand-picked edge cases', () => {
    const accepted = ['a: 1\n', '- x\n', 'k:\n', 'k: # c\n', '- \n', '-\n  # c\n', 'k: [a, "b", 1]  # c\n', 'k: {x: 1, y: null}\n', 'k: |+\n  t\n\n', 'k: >-\n  a\n  b\n', 'k: "a\n  b"\n', '  - a: 1\n    b: 2\n  # c\n\n'];
    for (const text of accepted) assert.ok(agrees(text), `declined ${JSON.stringify(text)}`);
    const declined = ['a: &x 1\n', 'a: *x\n', 'a: !!str 1\n', '? a\n: b\n', 'a: 1\na: 2\n', '---\na: 1\n', 'a: 1\n...\n', 'a: [b,\n  c]\n', '"a\n b": 1\n', 'a:\tb\n', '%YAML 1.2\n---\na: 1\n', 'a: b: c\n', 'a: 1\n  b: 2\n'];
    for (const text of declined) assert.equal(fastPieceRoot(text), null, `accepted ${JSON.stringify(text)}`);
    // Too deep for the parser's stack: declined, and the slow path reports it as before.
    assert.equal(fastPieceRoot(`k: ${'['.repeat(20_000)}\n`), null);
    const nested = (depth: number) => `k:\n${Array.from({ length: depth }, (_, level) => `${' '.repeat(level)}- `).join('\n')}x\n`;
    assert.equal(fastPieceRoot(nested(3000)), null);
    assert.ok(agrees(nested(40)));
  });

  it('on random grammar-made pieces and random edits of real pieces', function () {
    this.timeout(120_000);
    let accepted = 0;
    const runs = Number(process.env.FAST_PIECE_RUNS ?? 12_000);
    fc.assert(
      fc.property(crlf(fc.oneof(grammarPiece, mutatedPiece())), (text) => {
        if (agrees(text)) accepted++;
      }),
      { numRuns: runs, reporter: (details) => { if (details.failed) throw new Error(`${String(details.errorInstance)}\ncounterexample: ${JSON.stringify(details.counterexample)}`); } },
    );
    // Both outcomes must be common, or the comparison proves little.
    if (process.env.FAST_PIECE_STATS) console.log(`accepted ${accepted} of ${runs}`);
    assert.ok(accepted > runs * 0.15 && accepted < runs * 0.9, `accepted ${accepted} of ${runs}`);
  });
});

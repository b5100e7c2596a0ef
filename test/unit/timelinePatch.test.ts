import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyPatch, isEmptyPatch, makePatch, sameJson } from '../../server/src/protocol/patch';
import { TimelineAnswers } from '../../server/src/server/timelineAnswers';
import type { TimelineModel } from '../../server/src/service';
import { doc, service, VALID } from './helpers';

/** What crosses JSON-RPC: fields set to undefined are gone. */
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A model-like record: scalars, optional fields, a nested object and arrays of items with ids. */
const item = fc.record(
  { id: fc.string({ maxLength: 3 }), n: fc.integer({ min: 0, max: 3 }), at: fc.record({ instant: fc.integer(), text: fc.string({ maxLength: 3 }) }), note: fc.string({ maxLength: 2 }) },
  { requiredKeys: ['id', 'n'] },
);
const record = fc.record(
  {
    version: fc.nat(),
    title: fc.string({ maxLength: 4 }),
    problem: fc.record({ line: fc.nat(), message: fc.string({ maxLength: 4 }) }),
    axis: fc.record({ start: fc.option(fc.integer(), { nil: undefined }), ticks: fc.array(fc.nat(9), { maxLength: 3 }) }),
    events: fc.array(item, { maxLength: 12 }),
    links: fc.array(fc.record({ id: fc.string({ maxLength: 2 }), line: fc.nat(5) }), { maxLength: 12 }),
    tags: fc.array(fc.nat(3), { maxLength: 3 }),
  },
  { requiredKeys: ['version', 'title', 'axis', 'events', 'links'] },
);
type Model = typeof record extends fc.Arbitrary<infer M> ? M : never;
type Edit = { kind: 'field' | 'insert' | 'delete' | 'replace'; key: keyof Model; at: number; from: number };
const edit: fc.Arbitrary<Edit> = fc.record({ kind: fc.constantFrom('field', 'insert', 'delete', 'replace'), key: fc.constantFrom('version', 'title', 'problem', 'axis', 'events', 'links', 'tags'), at: fc.nat(), from: fc.nat() });

/** The next model: a few edits of the first, taking new values from another random model. */
function edited(model: Model, other: Model, edits: Edit[]): Model {
  const next: Record<string, unknown> = structuredClone(model);
  for (const { kind, key, at, from } of edits) {
    const items = next[key];
    const source = other[key];
    if (kind === 'field' || !Array.isArray(items)) {
      next[key] = structuredClone(source);
    } else if (kind === 'delete') {
      items.splice(at % Math.max(1, items.length), 1);
    } else if (Array.isArray(source) && source.length > 0) {
      items.splice(at % (items.length + 1), kind === 'replace' ? 1 : 0, structuredClone(source[from % source.length]));
    }
  }
  return next as Model;
}

describe('timeline patches (protocol/patch.ts)', () => {
  it('apply(old, diff(old, new)) equals new, through JSON, for random models and edits', () => {
    fc.assert(
      fc.property(record, record, fc.array(edit, { maxLength: 6 }), (model, other, edits) => {
        const next = edited(model, other, edits);
        const patch = wire(makePatch(model, next));
        assert.deepEqual(applyPatch(wire(model), patch), wire(next));
        assert.ok(sameJson(model, next) === isEmptyPatch(patch), 'empty exactly when nothing changed');
      }),
      { numRuns: 500 },
    );
  });

  it('splices only what changed: one edited item is one item in the patch', () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 30 }), fc.nat(), (events, at) => {
        const model = { events: events.map((event, index) => ({ ...event, id: `event:${index}` })) };
        const index = at % events.length;
        const next = { events: model.events.map((event, i) => (i === index ? { ...event, note: `${event.note ?? ''}!` } : event)) };
        assert.deepEqual(makePatch(model, next).splices.events, { start: index, deleteCount: 1, items: [next.events[index]] });
      }),
    );
  });

  it('refuses a patch made for another model instead of applying half of it', () => {
    const patch = makePatch({ events: [1, 2, 3] }, { events: [1, 9, 3] });
    assert.throws(() => applyPatch({ events: [1] }, patch), RangeError);
    assert.throws(() => applyPatch({ events: undefined } as unknown as { events: number[] }, patch), RangeError);
  });
});

describe('timeline answers: the server\'s memory of the model each document\'s client holds', () => {
  const uri = 'file:///p.postmortem.yaml';
  const modelOf = (text: string, version: number): TimelineModel => service().timelineModel(doc(text, uri, version));
  const edited = VALID.replace('The cache server is restarted.', 'The cache server is restarted twice.');
  const broken = VALID.replace('title: Messages shown in the wrong chat', 'title: [broken');

  it('answers the whole model first, then patches against the revision the client names', () => {
    const answers = new TimelineAnswers();
    const first = answers.answer(uri, modelOf(VALID, 1), undefined);
    assert.equal(first.kind, 'model');
    const second = answers.answer(uri, modelOf(edited, 2), first.revision);
    assert.ok(second.kind === 'patch' && second.since === first.revision && second.revision !== first.revision);
    assert.deepEqual(applyPatch(wire(first.model), wire(second.patch)), wire(modelOf(edited, 2)));
    // The memory moved on: the first revision is no longer a base.
    assert.equal(answers.answer(uri, modelOf(edited, 3), first.revision).kind, 'model');
  });

  it('answers the whole model for an unknown revision, another server\'s, or after the document closed', () => {
    const answers = new TimelineAnswers();
    const first = answers.answer(uri, modelOf(VALID, 1), undefined);
    assert.equal(answers.answer(uri, modelOf(VALID, 2), 'nope').kind, 'model');
    const other = new TimelineAnswers();
    other.answer(uri, modelOf(VALID, 1), undefined);
    assert.equal(other.answer(uri, modelOf(VALID, 2), first.revision).kind, 'model', 'a restarted server holds none of the old revisions');
    const held = answers.answer(uri, modelOf(VALID, 3), undefined);
    answers.forget(uri);
    assert.equal(answers.size, 0);
    assert.equal(answers.answer(uri, modelOf(VALID, 4), held.revision).kind, 'model');
  });

  it('holds one model per document, whatever the number of answers', () => {
    const answers = new TimelineAnswers();
    let revision: string | undefined;
    for (let version = 1; version <= 5; version++) {
      for (const name of ['a', 'b', 'c']) {
        const answer = answers.answer(`file:///${name}.postmortem.yaml`, modelOf(VALID, version), name === 'a' ? revision : undefined);
        if (name === 'a') revision = answer.revision;
      }
    }
    assert.equal(answers.size, 3);
  });

  it('keeps the last model that parsed as the base while the text does not parse, as the client does', () => {
    const answers = new TimelineAnswers();
    const good = answers.answer(uri, modelOf(VALID, 1), undefined);
    const bad = answers.answer(uri, modelOf(broken, 2), good.revision);
    assert.equal(bad.kind, 'patch');
    const fixed = answers.answer(uri, modelOf(edited, 3), good.revision);
    assert.ok(fixed.kind === 'patch');
    assert.deepEqual(applyPatch(wire(modelOf(VALID, 1)), wire(fixed.patch)), wire(modelOf(edited, 3)));
  });

  it('sends the whole model when the patch would not be smaller', () => {
    const answers = new TimelineAnswers();
    const model = (value: object) => value as unknown as TimelineModel;
    const first = answers.answer(uri, model({ version: 1, title: 'a', events: [{ id: 'event:0' }] }), undefined);
    // Every field and item changed: the patch repeats the model and adds its own framing.
    assert.equal(answers.answer(uri, model({ version: 2, overview: 'b', events: [{ id: 'event:1' }] }), first.revision).kind, 'model');
    const many = (version: number, last: string) => model({ version, events: [...Array.from({ length: 300 }, (_, index) => ({ id: `event:${index}` })), { id: last }] });
    const big = answers.answer(uri, many(3, 'x'), undefined);
    assert.equal(answers.answer(uri, many(4, 'y'), big.revision).kind, 'patch');
  });
});

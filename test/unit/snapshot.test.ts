import assert from 'node:assert/strict';
import { factsOf } from '../../server/src/service/model/facts';
import { defineQuery, query } from '../../server/src/service/parse/snapshot';
import { doc, service, VALID } from './helpers';

describe('one snapshot per document version', () => {
  it('computes a query once per version and again for a new version', () => {
    const pm = service();
    const first = pm.parse(doc(VALID, 'file:///snap/a.postmortem.yaml', 1));
    const counted = defineQuery<number>('counted');
    let computed = 0;
    const ask = (parsed: typeof first) => query(parsed, counted, () => ++computed);
    assert.equal(ask(first), 1);
    assert.equal(ask(first), 1);
    assert.equal(factsOf(first), factsOf(first));
    const second = pm.parse(doc(VALID.replace('value: 1053', 'value: 1054'), 'file:///snap/a.postmortem.yaml', 2));
    assert.equal(ask(second), 2);
  });

  it('computes again when another input of the query changes (its key)', () => {
    const parsed = service().parse(doc(VALID));
    const keyed = defineQuery<string>('keyed');
    assert.equal(query(parsed, keyed, () => 'en', ['en']), 'en');
    assert.equal(query(parsed, keyed, () => 'never', ['en']), 'en');
    assert.equal(query(parsed, keyed, () => 'ja', ['ja']), 'ja');
  });

  it('refuses, under test, to read a version that the next parse of the same document replaced', () => {
    const pm = service();
    const uri = 'file:///snap/b.postmortem.yaml';
    const old = pm.parse(doc(VALID, uri, 1));
    pm.parse(doc(VALID.replace('value: 1053', 'value: 1054'), uri, 2));
    assert.throws(() => factsOf(old), /replaced/);
  });

  it('the preview model and the export share one timeline model per version', () => {
    const pm = service();
    const document = doc(VALID);
    const model = pm.timelineModel(document);
    assert.equal(pm.timelineModel(document), model);
  });
});

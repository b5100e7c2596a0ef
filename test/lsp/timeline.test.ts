import assert from 'node:assert/strict';
import { applyPatch, type Patch } from '../../server/src/protocol/patch';
import type { TimelineModel } from '../../server/src/service';
import { bigDocument } from '../unit/timelineFixtures';
import { TestClient } from './lspClient';

type Answer = { kind: 'model'; revision: string; model: TimelineModel } | { kind: 'patch'; revision: string; since: string; patch: Patch<TimelineModel> };

/** The preview's request over the wire: the whole model, or a patch against the revision it names. */
describe('LSP server over stdio: the timeline in revisions and patches', function () {
  const uri = 'file:///lsp/timeline-patches.postmortem.yaml';
  const text = bigDocument(2_000);
  let lines = text.split('\n');
  let line = lines.findIndex((candidate) => candidate.includes('Event number 1000 '));
  let client: TestClient;
  let version = 1;
  const timeline = (since?: string) => client.request<Answer | null>('postmortem/timeline', since === undefined ? { uri } : { uri, since });
  const typeAtEndOfEvent = (characters: string) => {
    const character = (lines[line] ?? '').length;
    lines[line] += characters;
    client.change(uri, ++version, [{ range: { start: { line, character }, end: { line, character } }, text: characters }]);
  };

  before(async () => {
    client = new TestClient({ pull: true });
    await client.initialize();
    client.open(uri, text);
  });
  after(() => client.shutdown());

  it('answers a one-event edit with a small patch that gives the model a fresh request gives', async () => {
    const first = await timeline();
    assert.equal(first?.kind, 'model');
    typeAtEndOfEvent('あ');
    const answer = await timeline(first.revision);
    assert.equal(answer?.kind, 'patch');
    assert.equal(answer.since, first.revision);
    const bytes = Buffer.byteLength(JSON.stringify(answer));
    const whole = await timeline();
    assert.equal(whole?.kind, 'model');
    const wholeBytes = Buffer.byteLength(JSON.stringify(whole));
    assert.ok(bytes < 3_000 && bytes * 100 < wholeBytes, `a patch of ${bytes} bytes for a model of ${wholeBytes}`);
    assert.deepEqual(Object.keys(answer.patch.set), ['version']);
    assert.equal(answer.patch.splices.events?.items.length, 1);
    // Through JSON, as the client sees both: no field set to undefined on either side.
    assert.deepEqual(applyPatch(first.model, answer.patch), JSON.parse(JSON.stringify(whole.model)));
    assert.equal(whole.model.version, version);
  });

  it('answers the whole model for a revision it does not hold: unknown, replaced or of a closed document', async () => {
    const first = await timeline();
    assert.equal(first?.kind, 'model');
    assert.equal((await timeline('another-server.1'))?.kind, 'model');
    // The answer above replaced `first` in the server's memory.
    assert.equal((await timeline(first.revision))?.kind, 'model');
    const held = await timeline();
    client.close(uri);
    client.open(uri, lines.join('\n'), 'postmortem', ++version);
    assert.equal((await timeline(held?.revision))?.kind, 'model');
  });

  it('makes the patches after a broken edit against the last model that parsed, as the client keeps it', async () => {
    // At 2,000 events this broken text overflows the stack inside `yaml`'s parser; the parse reports
    // it as one syntax error (parse/tooDeep.ts) and the preview shows the problem like any other.
    client.close(uri);
    lines = bigDocument(2_000).split('\n');
    line = lines.findIndex((candidate) => candidate.includes('Event number 50 '));
    client.open(uri, lines.join('\n'), 'postmortem', ++version);
    const good = await timeline();
    assert.equal(good?.kind, 'model');
    typeAtEndOfEvent(': [');
    const broken = await timeline(good.revision);
    assert.equal(broken?.kind, 'patch');
    assert.ok(applyPatch(good.model, broken.patch).problem, 'the broken text is reported');
    typeAtEndOfEvent(']');
    lines[line] = (lines[line] ?? '').slice(0, -': []'.length);
    client.change(uri, ++version, [{ range: { start: { line, character: lines[line]?.length ?? 0 }, end: { line, character: (lines[line]?.length ?? 0) + ': []'.length } }, text: '' }]);
    const fixed = await timeline(good.revision);
    assert.equal(fixed?.kind, 'patch');
    const model = applyPatch(good.model, fixed.patch);
    assert.equal(model.problem, undefined);
    assert.equal(model.version, version);
    assert.deepEqual(fixed.patch.splices, {}, 'the text is back to what it was: nothing but the version changed');
  });
});

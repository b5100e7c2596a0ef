import assert from 'node:assert/strict';
import { makePatch } from '../../server/src/contracts/patch';
import type { ViewModel } from '../../client/shared/messages';
import { accept, fromWebview, modelPatch, timelineAnswer, toWebview, viewModel } from '../../client/shared/validate';
import type { TimelineModel } from '../../server/src/service';
import { doc, readSample, sampleFiles, service, VALID } from './helpers';
import { FULL_11 } from './format11Fixture';
import { bigDocument, hostileDocument } from './timelineFixtures';

function view(model: TimelineModel): ViewModel {
  const { links: _links, ...rest } = model;
  return rest;
}
const modelOf = (text: string, version = 1) => view(service().timelineModel(doc(text, 'file:///p.postmortem.yaml', version)));
const clone = <T>(value: T): T => structuredClone(value);

/** Sets `value` at a dotted path (`events.0.pos`, or the keys themselves) in a copy of `object`. */
function withValue<T>(object: T, path: string | string[], value: unknown): T {
  const copy = clone(object) as Record<string, unknown>;
  const keys = typeof path === 'string' ? path.split('.') : path;
  let target = copy;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys.at(-1) as string] = value;
  return copy as T;
}

describe('preview messages: validation at the webview boundary', () => {
  it('accepts the model of every sample, of a hostile document and of a broken one', () => {
    const texts = [...sampleFiles().map(readSample), hostileDocument(), VALID.replace('title: Messages shown in the wrong chat', 'title: [broken'), FULL_11];
    for (const text of texts) assert.equal(viewModel(modelOf(text)), undefined);
  });

  it('accepts the patch of a 1.1 document whose windows, lessons and services change', () => {
    const before = modelOf(FULL_11);
    const after = modelOf(FULL_11.replace('services: [checkout-api, order-mailer]', 'services: [checkout-api]').replace('Thread counts belong', 'Thread counts always belong').replace(/ {6}end: \d{4}-03-02T10:02\n/, ''), 2);
    const patch = makePatch(before, after);
    assert.ok(['impact', 'axis'].every((key) => key in patch.set) && ['summary', 'lessons'].every((key) => key in patch.splices), JSON.stringify(patch));
    assert.equal(toWebview({ type: 'patch', patch }), undefined);
  });

  it('accepts a 10,000-event model and the patch for a one-event change', function () {
    // Two parses and models of 10,000 events: a fixed amount of work that took over the suite's
    // 10 s on the loaded shared machine. The timeout only guards against a hang; no duration is asserted.
    this.timeout(120_000);
    const text = bigDocument(10_000);
    const before = modelOf(text);
    const after = modelOf(text.replace('Event number 5000 ', 'Event number 5000 edited '), 2);
    assert.equal(toWebview({ type: 'model', model: before, fileName: 'big.postmortem.yaml' }), undefined);
    const patch = makePatch(before, after);
    assert.equal(patch.splices.events?.items.length, 1);
    assert.equal(toWebview({ type: 'patch', patch }), undefined);
  });

  it('accepts a patch that removes the problem field (listed in unset: JSON has no undefined)', () => {
    const broken = modelOf(VALID.replace('title: Messages shown in the wrong chat', 'title: [broken'));
    const patch = makePatch(broken, modelOf(VALID, 2));
    assert.ok(patch.unset.includes('problem') && !('problem' in patch.set));
    assert.equal(modelPatch(patch), undefined);
  });

  it('rejects null, primitives, arrays and unknown types in both directions without throwing', () => {
    for (const guard of [toWebview, fromWebview]) {
      for (const value of [null, undefined, 0, 'model', true, [], [{ type: 'ready' }], {}, { type: 'nope' }, { type: 7 }, { type: '__proto__' }, { type: 'toString' }]) {
        assert.match(guard(value) ?? '', /expected/, `${JSON.stringify(value)} is rejected`);
      }
    }
  });

  it('rejects out-of-range and wrongly typed fields, saying where', () => {
    const model = modelOf(VALID);
    const cases: [string, unknown, RegExp][] = [
      ['version', -1, /^\.version: -1 is not in/],
      ['version', 1.5, /^\.version: expected an integer/],
      ['version', Number.NaN, /^\.version: expected a finite number/],
      ['events.0.pos', 1.5, /^\.events\[0\]\.pos: 1\.5 is not in 0\.\.1/],
      ['events.0.kind', 'exploded', /^\.events\[0\]\.kind: expected "occurred"/],
      ['events.0.text', { toString: 'x' }, /^\.events\[0\]\.text: expected a string/],
      ['events.0.id', 'x'.repeat(201), /^\.events\[0\]\.id: a string longer than 200/],
      ['counts.0.scale', Number.POSITIVE_INFINITY, /^\.counts\[0\]\.scale: expected a finite number/],
      ['axis.segments', null, /^\.axis\.segments: expected an array, got null/],
      ['language', 'fr', /^\.language: expected "en" \| "ja"/],
      ['labels', { 'notice.preview.axis': 3 }, /^\.labels\.notice\.preview\.axis: expected a string/],
      ['header', null, /^\.header: expected an object, got null/],
      ['summary', [{ key: 'severity', label: 'Severity', value: 'SEV-1' }], /^\.summary\[0\]\.internal: expected a boolean/],
      ['summary', [{ key: 'chip x" onload', label: 'Severity', value: 'SEV-1', internal: false }], /^\.summary\[0\]\.key: "chip x\\" onload" does not match/],
      ['summary', [{ key: 'severity', label: 'Severity', value: 3, internal: false }], /^\.summary\[0\]\.value: expected a string/],
    ];
    for (const [path, value, expected] of cases) assert.match(viewModel(withValue(model, path, value)) ?? 'accepted', expected, path);
  });

  it('rejects patches with unknown fields, bad event ranges or bad events', () => {
    const model = modelOf(VALID);
    const patch = (parts: object) => ({ set: {}, unset: [], splices: {}, ...parts });
    assert.match(modelPatch(patch({ set: { innerHTML: '<b>' } })) ?? '', /^\.set\.innerHTML: not a field of the model/);
    assert.match(modelPatch(JSON.parse('{"set": {"__proto__": {"polluted": true}}, "unset": [], "splices": {}}')) ?? 'accepted', /^\.set\.__proto__: not a field/);
    assert.match(modelPatch(patch({ splices: { events: { start: -1, deleteCount: 0, items: [] } } })) ?? '', /^\.splices\.events\.start: -1 is not in/);
    assert.match(modelPatch(patch({ splices: { events: { start: 0, deleteCount: 0, items: [{ ...model.events[0], pos: -0.1 }] } } })) ?? '', /^\.splices\.events\.items\[0\]\.pos/);
    assert.match(modelPatch(patch({ splices: { uri: { start: 0, deleteCount: 0, items: [] } } })) ?? 'accepted', /^\.splices\.uri\.items: expected a string/);
    assert.match(modelPatch(patch({ unset: ['events'] })) ?? 'accepted', /events is not an optional field/);
    assert.match(modelPatch(patch({ unset: 'problem' })) ?? 'accepted', /^\.unset: expected an array/);
    assert.equal(modelPatch(patch({ unset: ['problem'], set: { version: 3 } })), undefined);
  });

  it('checks the server\'s timeline answers, links included, before the extension applies them', () => {
    const model = service().timelineModel(doc(VALID, 'file:///p.postmortem.yaml', 1));
    assert.equal(timelineAnswer({ kind: 'model', revision: 'a.1', model }), undefined);
    assert.equal(timelineAnswer({ kind: 'patch', revision: 'a.2', since: 'a.1', patch: { set: { version: 2 }, unset: [], splices: { links: { start: 0, deleteCount: 1, items: [model.links[0]] } } } }), undefined);
    assert.match(timelineAnswer({ kind: 'patch', revision: 'a.2', patch: { set: {}, unset: [], splices: {} } }) ?? 'accepted', /^\.since: expected a string/);
    assert.match(timelineAnswer({ kind: 'patch', revision: 'a.2', since: 'a.1', patch: { set: {}, unset: [], splices: { links: { start: 0, deleteCount: 0, items: [{ id: 'x', range: null }] } } } }) ?? 'accepted', /^\.patch\.splices\.links\.items\[0\]\.range/);
    assert.match(timelineAnswer({ kind: 'model', revision: 'a.1', model: { ...model, links: undefined } }) ?? 'accepted', /^\.model\.links: expected an array/);
    assert.match(timelineAnswer({ kind: 'diff', revision: 'a.1' }) ?? 'accepted', /^kind: expected "model" \| "patch"/);
  });

  it('checks every message the webview sends', () => {
    assert.equal(fromWebview({ type: 'ready' }), undefined);
    assert.equal(fromWebview({ type: 'openLink', url: 'https://tracker.example.com/OPS-1' }), undefined);
    assert.match(fromWebview({ type: 'openLink', url: 42 }) ?? '', /^\.url: expected a string/);
    assert.equal(fromWebview({ type: 'reveal', id: 'event:3' }), undefined);
    assert.match(fromWebview({ type: 'reveal', id: 3 }) ?? '', /^\.id: expected a string/);
    assert.match(fromWebview({ type: 'reveal' }) ?? '', /^\.id: expected a string, got undefined/);
    assert.equal(fromWebview({ type: 'rendered', kind: 'patch', ms: 12.5, events: 10 }), undefined);
    assert.match(fromWebview({ type: 'rendered', kind: 'patch', ms: -1, events: 10 }) ?? '', /^\.ms/);
    assert.match(fromWebview({ type: 'rendered', kind: 'frame', ms: 1, events: 10 }) ?? '', /^\.kind/);
    assert.equal(fromWebview({ type: 'probeResult', requestId: 1, result: true }), undefined);
    const snapshot = { version: 1, title: 't', eventTexts: ['a'], windowBands: [], overdue: ['Owner: a'], eventCount: 1, regimeTexts: [], stale: undefined, highlighted: undefined, tags: ['div'], urls: [], injected: false, cspViolations: [], lastRenderMs: 3 };
    assert.equal(fromWebview({ type: 'probeResult', requestId: 1, result: snapshot }), undefined);
    assert.match(fromWebview({ type: 'probeResult', requestId: 1, result: { ...snapshot, eventCount: 'x' } }) ?? '', /^\.result/);
  });

  it('checks every message the extension sends', () => {
    assert.equal(toWebview({ type: 'stale', message: undefined }), undefined);
    assert.equal(toWebview({ type: 'highlight', id: 'factor:1' }), undefined);
    assert.equal(toWebview({ type: 'diagnostics', byItem: { 'event:1': [{ severity: 'error', message: 'm', code: 'x' }] }, general: [] }), undefined);
    assert.match(toWebview({ type: 'diagnostics', byItem: { 'event:1': [{ severity: 'fatal', message: 'm', code: 'x' }] }, general: [] }) ?? '', /^\.byItem\.event:1\[0\]\.severity/);
    assert.equal(toWebview({ type: 'empty', message: 'Open a postmortem' }), undefined);
    assert.match(toWebview({ type: 'empty' }) ?? '', /^\.message/);
    assert.equal(toWebview({ type: 'probe', requestId: 2, action: 'click', id: 'event:0' }), undefined);
    assert.match(toWebview({ type: 'probe', requestId: 2, action: 'eval' }) ?? '', /^action: expected "snapshot" \| "click"/);
    assert.match(toWebview({ type: 'model', model: null, fileName: 'f' }) ?? '', /^\.model: expected an object, got null/);
  });

  it('drops an invalid message with one log line and hands a valid one back unchanged', () => {
    const lines: string[] = [];
    assert.equal(accept(fromWebview, null, (line) => lines.push(line)), undefined);
    assert.equal(accept(fromWebview, { type: 'reveal', id: ['x'] }, (line) => lines.push(line)), undefined);
    assert.deepEqual(lines, ['postmortem preview: ignored an invalid message (expected an object, got null)', 'postmortem preview: ignored an invalid "reveal" message (.id: expected a string, got an array)']);
    const message = { type: 'reveal', id: 'event:1' };
    assert.equal(accept(fromWebview, message, () => assert.fail('logged a valid message')), message);
  });

  it('never throws on mutations of a valid message (every field replaced by odd values)', () => {
    const model = modelOf(VALID);
    const odd: unknown[] = [null, undefined, -1, 0.5, 2, Number.NaN, '', 'x'.repeat(300), [], {}, true, [null]];
    const paths: string[][] = [];
    const walk = (value: unknown, prefix: string[]) => {
      if (typeof value !== 'object' || value === null) return;
      for (const [key, child] of Object.entries(value)) {
        paths.push([...prefix, key]);
        if (paths.length < 2_000) walk(child, [...prefix, key]);
      }
    };
    walk(model, []);
    let rejected = 0;
    for (const path of paths) {
      for (const value of odd) {
        const problem = toWebview({ type: 'model', model: withValue(model, path, value), fileName: 'f' });
        if (problem) rejected++;
      }
    }
    assert.ok(paths.length > 100, `walked ${paths.length} fields`);
    assert.ok(rejected > paths.length * 4, `most odd values are rejected (${rejected} of ${paths.length * odd.length})`);
  });
});

import assert from 'node:assert/strict';
import { previewShell } from '../../client/src/preview/html';
import { LinkIndex } from '../../client/src/preview/links';
import type { ViewModel } from '../../client/src/preview/messages';
import { applyPatch, makePatch } from '../../server/src/protocol/patch';
import type { TimelineModel } from '../../server/src/service';
import { doc, service, VALID } from './helpers';
import { bigDocument } from './timelineFixtures';

function view(model: TimelineModel): ViewModel {
  const { links: _links, ...rest } = model;
  return rest;
}
const modelOf = (text: string, version = 1) => service().timelineModel(doc(text, 'file:///p.postmortem.yaml', version));

describe('preview: patches between models', () => {
  it('sends only the event that changed when one event text is edited', () => {
    const before = view(modelOf(VALID));
    const after = view(modelOf(VALID.replace('The cache server is restarted.', 'The cache server is restarted twice.'), 2));
    const patch = makePatch(before, after);
    assert.deepEqual(Object.keys(patch.set), ['version']);
    const events = patch.splices.events;
    assert.deepEqual(events && { start: events.start, deleteCount: events.deleteCount, ids: events.items.map((e) => e.id) }, { start: 2, deleteCount: 1, ids: ['event:2'] });
    assert.deepEqual(applyPatch(before, patch), after);
  });

  it('sends nothing but the version when an edit only moves text (a blank line above)', () => {
    const before = modelOf(VALID);
    const after = modelOf(VALID.replace('overview:', '\noverview:'), 2);
    assert.notDeepEqual(before.links, after.links, 'the source ranges moved');
    const patch = makePatch(view(before), view(after));
    assert.deepEqual(Object.keys(patch.set), ['version']);
    assert.deepEqual(patch.splices, {});
  });

  it('round-trips insertions, deletions, changed fields and a vanished problem', () => {
    const texts = [VALID, VALID.replace('title: Messages shown in the wrong chat', 'title: [broken'), VALID.replace('  - at: 2021-06-30T12:05\n', '  - at: 2021-06-30T12:04\n    event: inserted\n  - at: 2021-06-30T12:05\n'), VALID.replace(/ {2}- at: 2021-07-02T15:11\n.*\n.*\n/, ''), VALID.replace('language: en', 'language: ja')];
    const models = texts.map((text, index) => view(modelOf(text, index + 1)));
    for (const from of models) {
      for (const to of models) assert.deepEqual(applyPatch(from, makePatch(from, to)), to);
    }
  });

  it('keeps a 10,000-event edit small', () => {
    const text = bigDocument(10_000);
    const s = service();
    const before = view(s.timelineModel(doc(text, 'file:///big', 1)));
    const after = view(s.timelineModel(doc(text.replace('Event number 5000 ', 'Event number 5000 edited '), 'file:///big', 2)));
    const patch = makePatch(before, after);
    // Small in what it carries (speed is `npm run bench`'s): one event, a tiny share of the model.
    assert.equal(patch.splices.events?.items.length, 1);
    const size = JSON.stringify(patch).length;
    assert.ok(size < 5_000, `patch of ${size} bytes`);
    assert.ok(size * 1_000 < JSON.stringify(after).length, `patch of ${size} bytes for a model of ${JSON.stringify(after).length}`);
    assert.deepEqual(applyPatch(before, patch), after);
  });
});

describe('preview: links between items and source', () => {
  const model = modelOf(VALID);
  const index = new LinkIndex(model.links);
  const lines = VALID.split('\n');
  const lineOf = (needle: string) => lines.findIndex((line) => line.includes(needle));

  it('finds the item under a cursor anywhere in its lines, and nothing between items', () => {
    assert.equal(index.idAt({ line: lineOf('event: Reports of send errors'), character: 8 }), 'event:1');
    assert.equal(index.idAt({ line: lineOf('kind: detected'), character: 0 }), 'event:1');
    assert.equal(index.idAt({ line: lineOf('TH: 729'), character: 9 }), 'count:0');
    assert.equal(index.idAt({ line: lineOf('id: cache-config'), character: 10 }), 'factor:0');
    assert.equal(index.idAt({ line: lineOf('title:'), character: 3 }), 'header');
    assert.equal(index.idAt({ line: lineOf('timeline:'), character: 2 }), undefined);
  });

  it('gives each item the range to reveal, and groups diagnostics by item', () => {
    assert.equal(index.rangeOf('cm:0')?.start.line, lineOf('action: Revert'));
    const range = (line: number) => ({ start: { line, character: 4 }, end: { line, character: 9 } });
    const grouped = index.group([{ range: range(lineOf('kind: mitigated')), message: 'a' }, { range: range(lineOf('timeline:')), message: 'b' }], (d) => ({ severity: 'warning', message: d.message, code: undefined }));
    assert.deepEqual(Object.keys(grouped.byItem), ['event:2']);
    assert.deepEqual(grouped.general.map((d) => d.message), ['b']);
  });
});

describe('preview: the webview page', () => {
  const page = previewShell({ cspSource: 'https://res.example', scriptUri: 'https://res.example/p.js', styleUri: 'https://res.example/p.css', language: 'en', title: 'T "<x>"' }, 'NONCE123');

  it('allows only our own script by nonce and our own stylesheet', () => {
    const csp = /Content-Security-Policy" content="([^"]*)"/.exec(page)?.[1] ?? '';
    assert.match(csp, /^default-src 'none'/);
    assert.match(csp, /script-src 'nonce-NONCE123'(;|$)/);
    assert.match(csp, /style-src https:\/\/res\.example(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    assert.match(page, /<script nonce="NONCE123" src="https:\/\/res\.example\/p\.js"><\/script>/);
    assert.doesNotMatch(page, /\son\w+=/i, 'no inline handlers');
    assert.ok(page.includes('T &quot;&lt;x&gt;&quot;') || page.includes('T "&lt;x&gt;"'));
  });

  it('makes a new nonce for every render', () => {
    const nonce = (html: string) => /nonce="([^"]+)"/.exec(html)?.[1];
    const input = { cspSource: 's', scriptUri: 'u', styleUri: 'v', language: 'en', title: 't' };
    const first = nonce(previewShell(input));
    const second = nonce(previewShell(input));
    assert.ok(first && second && first !== second && first.length >= 22);
  });
});

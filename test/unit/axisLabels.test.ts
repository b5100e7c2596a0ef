import assert from 'node:assert/strict';
import type { ViewModel } from '../../client/shared/messages';
import { axisLabels, overlapping, placeHanging, placeTicks, textWidth, type AxisLabel } from '../../client/webview/labels';
import { createRandom } from '../../scripts/bench/random.cjs';
import { FULL_11 } from './format11Fixture';
import { doc, readSample, sampleFiles, service } from './helpers';

const WIDTHS = [160, 240, 360, 480, 600, 760, 900, 1400];
const describeOverlap = (pair: [AxisLabel, AxisLabel]) => pair.map((label) => `${label.strip}/${label.row} "${label.text}" ${Math.round(label.left)}+${label.width}`).join(' and ');

describe('preview: time axis labels', () => {
  it('estimates full-width text at 1em and Latin text narrower', () => {
    assert.ok(textWidth('期限', 11) >= 22);
    assert.ok(textWidth('Deadline', 11) < textWidth('期限期限期限期限', 11));
  });

  it('keeps "Deadline 2020-11-14 17:56" and "Published 2020-11-17" of the CLOVA sample apart, in English and Japanese', () => {
    for (const sample of ['clova-bot-invites.en.postmortem.yaml', 'clova-bot-invites.postmortem.yaml']) {
      const model = service().timelineModel(doc(readSample(sample)));
      assert.ok(model.axis.deadline && model.axis.published);
      const lines = axisLabels(model.axis, 700).filter((label) => label.strip === 'lines');
      assert.equal(lines.length, 2);
      const [a, b] = lines as [AxisLabel, AxisLabel];
      assert.ok(a.row !== b.row || a.left + a.width + 6 <= b.left || b.left + b.width + 6 <= a.left, describeOverlap([a, b]));
    }
  });

  it('never lets two labels of a sample touch, at any width', () => {
    const documents = [...sampleFiles().map((sample) => [sample, readSample(sample)] as const), ['format 1.1 fixture', FULL_11] as const];
    for (const [sample, text] of documents) {
      const model = service().timelineModel(doc(text));
      for (const width of WIDTHS) {
        const labels = axisLabels(model.axis, width);
        assert.equal(labels.filter((label) => label.strip === 'windows').length, model.axis.windows.length, 'every window is labelled');
        const pair = overlapping(labels);
        assert.equal(pair, undefined, `${sample} at ${width}px: ${pair && describeOverlap(pair)}`);
        for (const label of labels) if (label.width <= width) assert.ok(label.left >= 0 && label.left + label.width <= width + 1e-9, `${sample} at ${width}px: "${label.text}" leaves the track`);
      }
    }
  });

  it('never lets two labels touch on random axes', () => {
    const random = createRandom(20261204);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const texts = ['Deadline 2020-11-14 17:56', 'Published 2020-11-17', '期限 2020年11月14日 17:56', '公開日 2020年11月17日', 'x', '14d', '19日17時間', '11-04', '10-15 17:00'];
    for (let round = 0; round < 500; round++) {
      const width = 100 + Math.floor(random() * 1300);
      const line = () => (random() < 0.8 ? { pos: random() < 0.2 ? pick([0, 1]) : random(), text: pick(texts) } : undefined);
      const ticks = Array.from({ length: Math.floor(random() * 14) }, () => ({ pos: random(), text: pick(texts), major: random() < 0.3 })).sort((a, b) => a.pos - b.pos);
      const cuts: ViewModel['axis']['segments'] = [];
      let from = 0;
      while (from < 1) {
        const to = Math.min(1, from + random() * 0.3);
        cuts.push({ start: 0, end: 1, from, to, compressed: random() < 0.3, label: pick(texts) });
        from = to;
      }
      const axis: ViewModel['axis'] = { start: 0, end: 1, segments: cuts, ticks, impact: undefined, deadline: line(), published: line(), windows: Array.from({ length: Math.floor(random() * 4) }, (_, index) => {
        const from = random();
        return { id: `window:${index}`, label: 'w', from, to: Math.min(1, from + random() * 0.5), ongoing: false, text: pick(texts) };
      }) };
      const labels = axisLabels(axis, width);
      const pair = overlapping(labels);
      assert.equal(pair, undefined, `round ${round} at ${width}px: ${pair && describeOverlap(pair)}`);
    }
  });

  it('hangs labels right of their line, left near the end, and stacks only when they would touch', () => {
    assert.deepEqual(placeHanging([{ x: 10, width: 50 }], 400), [{ left: 13, width: 50, row: 0 }]);
    assert.deepEqual(placeHanging([{ x: 390, width: 50 }], 400), [{ left: 337, width: 50, row: 0 }]);
    const [first, second] = placeHanging([{ x: 100, width: 150 }, { x: 160, width: 150 }], 800);
    assert.equal(first?.row, 0);
    assert.equal(second?.row, 1);
    assert.deepEqual(placeHanging([{ x: 100, width: 50 }, { x: 300, width: 50 }], 800).map((box) => box.row), [0, 0]);
    // Many labels on one spot: every one gets its own row, none is lost.
    const crowd = placeHanging(Array.from({ length: 6 }, () => ({ x: 200, width: 120 })), 400);
    assert.equal(new Set(crowd.map((box) => box.row)).size, 3);
  });

  it('drops a tick label that would touch the previous one and keeps edge labels inside the track', () => {
    const boxes = placeTicks([{ x: 0, width: 40 }, { x: 20, width: 40 }, { x: 200, width: 40 }, { x: 400, width: 40 }], 400);
    assert.deepEqual(boxes.map((box) => box?.left), [0, undefined, 180, 360]);
  });
});

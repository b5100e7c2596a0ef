import assert from 'node:assert/strict';
import type { CompletionList, MarkupContent } from 'vscode-languageserver-types';
import type { ServiceOptions } from '../../server/src/service';
import { doc, service, VALID, withCursor } from './helpers';

// VALID is in Asia/Tokyo; its first `detected` event is 2021-06-30T12:05.
const REGULATORY = `regulatory:
  - regime: appi
    reports:
      - {stage: preliminary, at: 2021-07-02}
      - {stage: final, at: 2021-08-02}
  - regime: gdpr
contact:
`;

function hoverText(textWithCursor: string, options: ServiceOptions = {}): string {
  const { text, position } = withCursor(textWithCursor);
  const result = service(options).hover(doc(text), position);
  assert.ok(result, 'a hover');
  return (result.contents as MarkupContent).value;
}

function completeAt(textWithCursor: string): CompletionList {
  const { text, position } = withCursor(textWithCursor);
  return service().complete(doc(text), position);
}

const withBlock = (block: string) => VALID.replace('contact:\n', block);

describe('regulatory: hover', () => {
  it('on a regime: every stage with its deadline and state, the clock, the citation and the disclaimer', () => {
    const value = hoverText(withBlock(REGULATORY.replace('regime: appi', 'regime: ap|pi')));
    assert.match(value, /\*\*APPI \(Japan, Act on the Protection of Personal Information\)\*\* \(`appi`\)/);
    assert.match(value, /Clock starts: becoming aware \(first `detected` event, 2021-06-30T12:05\)/);
    assert.match(value, /\*\*preliminary report\*\* \(`preliminary`\): promptly, guideline 3 days: 2021-07-03; due 2021-07-05 \(5 days\); made 2021-07-02, in time/);
    assert.match(value, /\*\*final report\*\* \(`final`\): due 2021-07-30 \(30 days\); made 2021-08-02, 3 days late/);
    assert.match(value, /Art\. 26/);
    assert.match(value, /not legal advice/);
  });
  it('on a pending stage: days left or past, relative to today', () => {
    const value = hoverText(withBlock(REGULATORY.replace('regime: gdpr', 'regime: gd|pr')), { settings: { today: '2021-07-01' } });
    assert.match(value, /due 2021-07-03 12:05 \(72 hours\); not reported yet, 2 days left/);
    assert.match(hoverText(withBlock(REGULATORY.replace('regime: gdpr', 'regime: gd|pr')), { settings: { today: '2021-07-10' } }), /7 days past/);
  });
  it('on a report: only its stage, then the time itself', () => {
    const value = hoverText(withBlock(REGULATORY.replace('at: 2021-08-02', 'at: 2021-08-0|2')));
    assert.doesNotMatch(value, /`preliminary`/);
    assert.match(value, /made 2021-08-02, 3 days late/);
    assert.match(value, /---/);
  });
  it('speaks Japanese', () => {
    const value = hoverText(withBlock(REGULATORY.replace('stage: final', 'stage: fin|al')), { locale: 'ja' });
    assert.match(value, /\*\*確報\*\* \(`final`\): 期限 2021-07-30（30日）; 2021-08-02 に報告、3日遅れ/);
    assert.match(value, /法的助言ではありません/);
  });
});

describe('regulatory: completion', () => {
  it('offers the regime ids', () => {
    const list = completeAt(withBlock('regulatory:\n  - regime: |\ncontact:\n'));
    assert.deepEqual(list.items.map((item) => item.label), ['appi', 'telecom-jp', 'gdpr', 'nis2', 'sec-8k']);
  });
  it("offers the stages of the entry's regime", () => {
    const list = completeAt(withBlock('regulatory:\n  - regime: nis2\n    reports:\n      - stage: |\ncontact:\n'));
    assert.deepEqual(list.items.map((item) => item.label), ['early_warning', 'notification', 'final']);
    assert.equal(list.items[0]?.detail, 'early warning · 24 hours');
  });
});

describe('regulatory: preview model', () => {
  it('gives each regime its row and places each deadline and report on the time axis', () => {
    const text = withBlock(REGULATORY);
    const model = service({ settings: { today: '2021-07-01' } }).timelineModel(doc(text));
    const [appi, gdpr] = model.regulatory;
    assert.equal(appi?.name, 'APPI (Japan, Act on the Protection of Personal Information)');
    assert.match(appi?.citation ?? '', /Art\. 26/);
    assert.deepEqual(
      appi?.stages.map((stage) => [stage.stage, stage.dueText, stage.ruleText, stage.reportText, stage.state]),
      [
        ['preliminary', '2021-07-05', '5 days', '2021-07-02', 'on_time'],
        ['final', '2021-07-30', '30 days', '2021-08-02', 'late'],
      ],
    );
    assert.equal(gdpr?.stages[0]?.state, 'pending');
    for (const stage of [...(appi?.stages ?? []), ...(gdpr?.stages ?? [])]) {
      assert.ok(stage.duePos !== undefined && stage.duePos >= 0 && stage.duePos <= 1, `${stage.stage} deadline on the axis`);
    }
    // The late final report is drawn after its deadline, the timely preliminary one before.
    assert.ok((appi?.stages[1]?.reportPos ?? 0) > (appi?.stages[1]?.duePos ?? 1));
    assert.ok((appi?.stages[0]?.reportPos ?? 1) < (appi?.stages[0]?.duePos ?? 0));
  });
  it('is empty for a document without `regulatory`', () => {
    assert.deepEqual(service().timelineModel(doc(VALID)).regulatory, []);
  });
});

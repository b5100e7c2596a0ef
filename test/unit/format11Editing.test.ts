import assert from 'node:assert/strict';
import { InsertTextFormat, type CompletionItem, type CompletionList, type MarkupContent } from 'vscode-languageserver-types';
import { FULL_11 } from './format11Fixture';
import { doc, service, VALID, withCursor } from './helpers';

type Locale = 'en' | 'ja';

/** FULL_11 with a `|` cursor put in place of `from` (which must be in the fixture). */
function at(from: string, to: string): string {
  assert.ok(FULL_11.includes(from), `fixture has no ${JSON.stringify(from)}`);
  return FULL_11.replace(from, to);
}

function complete(textWithCursor: string, locale: Locale = 'en'): CompletionList {
  const { text, position } = withCursor(textWithCursor);
  return service({ locale }).complete(doc(text), position);
}

function hoverText(textWithCursor: string, locale: Locale = 'en'): string {
  const { text, position } = withCursor(textWithCursor);
  const result = service({ locale }).hover(doc(text), position);
  assert.ok(result, 'a hover');
  return (result.contents as MarkupContent).value;
}

const labels = (list: CompletionList) => list.items.map((item) => item.label);

function item(list: CompletionList, label: string): CompletionItem {
  const found = list.items.find((candidate) => candidate.label === label);
  assert.ok(found, `no ${label} among ${labels(list).join(', ')}`);
  return found;
}

const newText = (completion: CompletionItem) => (completion.textEdit && 'newText' in completion.textEdit ? completion.textEdit.newText : '');
const docs = (completion: CompletionItem) => JSON.stringify(completion.documentation);

describe('format 1.1: completion', () => {
  it('offers the new top-level keys, described in English and in Japanese', () => {
    for (const key of ['severity', 'services', 'regions', 'report', 'lessons_learned', 'what_went_well', 'what_went_wrong', 'where_we_got_lucky', 'links']) {
      assert.ok(labels(complete('postmortem: 1\n|')).includes(key), key);
    }
    assert.match(docs(item(complete('postmortem: 1\n|'), 'severity')), /team's own scale/);
    assert.match(docs(item(complete('postmortem: 1\n|', 'ja'), 'severity')), /重大度/);
    assert.match(docs(item(complete('postmortem: 1\n|', 'ja'), 'where_we_got_lucky')), /偶然/);
    assert.equal(newText(item(complete('postmortem: 1\n|'), 'links')), 'links:\n  - title: $1\n    url: $2');
    assert.equal(newText(item(complete('postmortem: 1\n|'), 'services')), 'services:\n  - $1');
  });

  it('offers the new keys of the impact, the cause, a factor, an event and a countermeasure', () => {
    const impact = complete(VALID.replace('  counts:\n', '  |\n  counts:\n'));
    assert.equal(newText(item(impact, 'windows')), 'windows:\n    - label: $1\n      start: $2');
    assert.deepEqual(labels(complete(VALID.replace('  factors:\n', '  |\n  factors:\n'))).sort(), ['five_whys', 'trigger']);
    assert.deepEqual(labels(complete(at('      category: change-management\n', '      |\n'))).sort(), ['accepted', 'category']);
    const measure = labels(complete(at('    x-estimate: 3 weeks\n', '    |\n')));
    for (const key of ['owner', 'due', 'priority', 'ticket']) assert.ok(measure.includes(key), key);
    assert.deepEqual(labels(complete(at('    x-runbook: RB-7\n', '    |\n'))).sort(), ['approximate', 'until']);
  });

  it('writes `approximate: true` for a new flag and proposes true before false', () => {
    const flag = item(complete(at('    x-runbook: RB-7\n', '    |\n')), 'approximate');
    assert.equal(newText(flag), 'approximate: ${1|true,false|}');
    assert.equal(flag.insertTextFormat, InsertTextFormat.Snippet);
    const values = complete(at('    approximate: true\n', '    approximate: |\n'));
    assert.deepEqual(labels(values), ['true', 'false']);
    assert.match(item(values, 'true').detail ?? '', /approximate/);
    assert.match(item(complete(at('    approximate: true\n', '    approximate: |\n'), 'ja'), 'true').detail ?? '', /おおよそ/);
    assert.ok(!values.items.some((value) => value.preselect));
  });

  it('proposes the new values: wont_do, report levels, data_exposed none, the 1.1 version', () => {
    const statuses = complete(at('    status: wont_do\n', '    status: |\n'));
    assert.deepEqual(labels(statuses), ['done', 'in_progress', 'planned', 'wont_do']);
    assert.match(item(statuses, 'wont_do').detail ?? '', /`reason`/);
    const reports = complete(at('report: final\n', 'report: |\n'));
    assert.deepEqual(labels(reports), ['preliminary', 'final']);
    assert.match(item(complete(at('report: final\n', 'report: |\n'), 'ja'), 'preliminary').detail ?? '', /速報/);
    assert.deepEqual(labels(complete(at('  data_exposed: none\n', '  data_exposed: |\n'))), ['none']);
    assert.equal(newText(item(complete(at('  data_exposed: none\n', '  |\n')), 'data_exposed')), 'data_exposed:\n    - $1');
    assert.match(item(complete('postmortem: |'), '1.1').detail ?? '', /1\.1/);
  });

  it('counts `reason` as required once a countermeasure says wont_do, and not before', () => {
    const wontDo = complete(at('    reason: The risk is accepted; see the factor.\n', '    |\n'));
    assert.match(item(wontDo, 'reason').detail ?? '', /^required/);
    assert.ok((item(wontDo, 'reason').sortText ?? '') < (item(wontDo, 'owner').sortText ?? ''));
    const planned = complete(at('    priority: P1\n', '    |\n'));
    assert.match(item(planned, 'reason').detail ?? '', /^optional/);
    assert.match(item(complete(at('    reason: The risk is accepted; see the factor.\n', '    |\n'), 'ja'), 'reason').detail ?? '', /^必須/);
  });

  it('does not offer `x-` keys, which are the team\'s own', () => {
    assert.ok(!labels(complete('postmortem: 1\n|')).some((label) => label.startsWith('x-')));
  });
});

describe('format 1.1: hover', () => {
  it("says a countermeasure's `date` is the day it was done, and `due` the day it is planned for", () => {
    assert.match(hoverText(at('    date: 2025-03-02\n', '    da|te: 2025-03-02\n')), /The day the measure was done.*use `due`/);
    assert.match(hoverText(at('    due: 2028-06-30\n', '    d|ue: 2028-06-30\n')), /due to be done/);
    assert.match(hoverText(at('    date: 2025-03-02\n', '    da|te: 2025-03-02\n'), 'ja'), /対策を実施した日.*`due`/);
    assert.match(hoverText(at('    due: 2028-06-30\n', '    d|ue: 2028-06-30\n'), 'ja'), /期限/);
  });

  it('documents the new keys with their shape, in English and in Japanese', () => {
    assert.match(hoverText(at('  windows:\n', '  win|dows:\n')), /\*\*windows\*\* · optional · list of mapping/);
    assert.match(hoverText(at('    owner: sre-team\n', '    own|er: sre-team\n')), /Who is responsible/);
    assert.match(hoverText(at('    owner: sre-team\n', '    own|er: sre-team\n'), 'ja'), /担当者/);
    assert.match(hoverText(at('      value: 97.5\n', '      val|ue: 97.5\n')), /· number ·|· number\n/);
    assert.match(hoverText(at('      value: 97.5\n', '      val|ue: 97.5\n')), /decimal/);
    assert.match(hoverText(at('  data_exposed: none\n', '  data_exp|osed: none\n')), /· optional · `none` or list of text\n/);
    assert.match(hoverText(at('  data_exposed: none\n', '  data_exp|osed: none\n'), 'ja'), /· 任意 · `none`または文字列のリスト\n/);
    assert.match(hoverText(at('    ticket: OPS-1412\n', '    tick|et: OPS-1412\n')), /OPS-123/);
  });

  it('says when `reason` is required', () => {
    assert.match(hoverText(at('    reason: The risk', '    rea|son: The risk')), /required when `status: wont_do`/);
    assert.match(hoverText(at('    reason: The risk', '    rea|son: The risk'), 'ja'), /`status: wont_do` のとき必須/);
  });

  it('explains the new values: wont_do, report, data_exposed none, approximate, version 1.1', () => {
    assert.match(hoverText(at('    status: wont_do\n', '    status: wont|_do\n')), /\*\*status: wont_do\*\*\n\nDecided against/);
    assert.match(hoverText(at('report: final\n', 'report: fi|nal\n')), /final report/);
    assert.match(hoverText(at('report: final\n', 'report: fi|nal\n'), 'ja'), /確報/);
    assert.match(hoverText(at('  data_exposed: none\n', '  data_exposed: no|ne\n')), /No personal data/);
    assert.match(hoverText(at('    approximate: true\n', '    approximate: tr|ue\n')), /approximate/);
    assert.match(hoverText('postmortem: 1.|1\n'), /Format version 1\.1/);
    assert.match(hoverText('postmortem: 1.|1\n', 'ja'), /第1\.1版/);
  });

  it("describes an `x-` key as the team's own extension", () => {
    assert.match(hoverText(at('x-team: payments\n', 'x-te|am: payments\n')), /team extension/);
    assert.match(hoverText(at('        x-source: mailer logs\n', '        x-sou|rce: mailer logs\n'), 'ja'), /チーム独自の拡張/);
  });
});

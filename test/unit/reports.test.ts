import assert from 'node:assert/strict';
import { doc, readSample, service, VALID } from './helpers';

const sample = (name: string) => doc(readSample(name), `file:///samples/${name}`);

/** The text under each `## ` heading, by heading. */
function sections(markdown: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of markdown.split(/^## /m).slice(1)) {
    const [heading = '', ...body] = part.split('\n');
    out.set(heading, body.join('\n').trim());
  }
  return out;
}

describe('export profiles', () => {
  it('appi: the nine items of Enforcement Rules Art. 8(1), in Japanese, filled from the document', () => {
    const text = service().exportReport(sample('contact-form-logins.postmortem.yaml'), 'appi', 'md');
    const items = sections(text);
    assert.deepEqual([...items.keys()], [
      '1. 概要',
      '2. 漏えい等が発生し、又は発生したおそれがある個人データの項目',
      '3. 漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数',
      '4. 原因',
      '5. 二次被害又はそのおそれの有無及びその内容',
      '6. 本人への対応の実施状況',
      '7. 公表の実施状況',
      '8. 再発防止のための措置',
      '9. その他参考となる事項',
    ]);
    assert.match(items.get('2. 漏えい等が発生し、又は発生したおそれがある個人データの項目')!, /- 電話番号\n- ユーザー識別子/);
    assert.match(items.get('3. 漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数')!, /3,035件/);
    assert.match(items.get('6. 本人への対応の実施状況')!, /2021年1月21日 18:40 \(Asia\/Tokyo\)/);
    assert.match(items.get('8. 再発防止のための措置')!, /二段階認証.*（完了 2021-02-08）/);
    assert.match(text, /^# 漏えい等報告（個人情報保護法 26条・施行規則 8条1項の事項）：お問い合わせフォーム/);
    assert.match(text, /法的助言ではありません/);
  });

  it('says 「未記入」 for every item the document does not fill, in an English document too', () => {
    const items = sections(service().exportReport(doc(VALID), 'appi', 'md'));
    assert.equal(items.get('2. 漏えい等が発生し、又は発生したおそれがある個人データの項目'), '未記入');
    assert.equal(items.get('6. 本人への対応の実施状況'), '未記入');
    assert.match(items.get('1. 概要')!, /For twelve minutes/);
    const none = sections(service().exportReport(doc(VALID.replace('cause:\n', '  data_exposed: none\ncause:\n')), 'appi', 'md'));
    assert.equal(none.get('2. 漏えい等が発生し、又は発生したおそれがある個人データの項目'), '- なし');
  });

  it('telecom-jp: the accident report items, with the reports made under it', () => {
    const items = sections(service().exportReport(sample('face2face-videos.postmortem.yaml'), 'telecom-jp', 'md'));
    assert.deepEqual([...items.keys()].map((heading) => heading.replace(/^\d+\. /, '')), ['報告日時', '発生日時', '復旧日時', '発生場所', '影響役務', '影響範囲', '影響利用者数', '原因', '措置', '再発防止策']);
    assert.match(items.get('1. 報告日時')!, /速報 未記入（報告先：監督官庁）/);
    assert.equal(items.get('2. 発生日時'), '- 2020年9月12日');
    assert.equal(items.get('4. 発生場所'), '未記入');
    assert.match(items.get('7. 影響利用者数')!, /最大4,133人/);
  });

  it('gdpr: Art. 33(3)(a)–(d) in English, with the reasons for a late notification asked for', () => {
    const late = VALID.replace('contact:\n', 'regulatory:\n  - regime: gdpr\n    reports:\n      - {stage: notification, at: 2021-07-05}\ncontact:\n');
    const items = sections(service().exportReport(doc(late), 'gdpr', 'md'));
    assert.deepEqual([...items.keys()].map((heading) => heading.slice(0, 3)), ['(a)', '(b)', '(c)', '(d)', 'Tim']);
    assert.equal(items.get('(c) Likely consequences of the breach'), 'Not stated');
    assert.match(items.get('(b) Contact point where more information can be obtained')!, /https:\/\/example\.com\/contact/);
    const timing = items.get('Time of awareness and of this notification (Art. 33(1))')!;
    assert.match(timing, /Became aware: 2021-06-30 12:05 \(Asia\/Tokyo\)/);
    assert.match(timing, /notification: due 2021-07-03 12:05/);
    assert.match(timing, /reasons for the delay/);
  });

  it('renders HTML with the language of the form, document text escaped', () => {
    const html = service().exportReport(doc(VALID.replace('For twelve minutes', '<script>x</script> For twelve minutes')), 'appi', 'html');
    assert.match(html, /<html lang="ja"/);
    assert.ok(!html.includes('<script>x'));
    assert.match(service().exportReport(doc(VALID), 'gdpr', 'html'), /<html lang="en"/);
  });
});

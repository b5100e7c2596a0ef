import assert from 'node:assert/strict';
import type { TimelineModel } from '../../server/src/service';
import { FULL_11 } from './format11Fixture';
import { doc, service, VALID } from './helpers';

const modelOf = (text: string, today?: string) => service({ settings: { today } }).timelineModel(doc(text));
const JA_11 = FULL_11.replace('language: en', 'language: ja');
/** The fixture's year: the tests follow it rather than copy its dates. */
const YEAR = /published: (\d{4})/.exec(FULL_11)?.[1] ?? '';
const items = (model: TimelineModel) => model.countermeasureGroups.flatMap((group) => group.items);

describe('timeline model: format 1.1', () => {
  it('reads the report into the header, and severity, services and regions as summary fields', () => {
    const model = modelOf(FULL_11);
    assert.equal(model.header.report, 'final');
    assert.equal(model.header.reportLabel, 'Final report');
    assert.equal(modelOf(JA_11.replace('report: final', 'report: preliminary')).header.reportLabel, '速報');
    assert.deepEqual(model.summary, [
      { key: 'severity', label: 'Severity', value: 'SEV-2', internal: false },
      { key: 'services', label: 'Affected services', value: 'checkout-api, order-mailer', internal: false },
      { key: 'regions', label: 'Affected regions', value: 'eu-west-1, us-east-1', internal: false },
    ]);
    assert.deepEqual(
      modelOf(JA_11).summary.map((entry) => [entry.label, entry.value]),
      [
        ['深刻度', 'SEV-2'],
        ['影響を受けたサービス', 'checkout-api、order-mailer'],
        ['影響を受けた地域', 'eu-west-1、us-east-1'],
      ],
    );
  });

  it('gives each impact window its range, its length and its band on the axis, inside the impact', () => {
    const model = modelOf(FULL_11);
    assert.deepEqual(
      model.impact.windows.map((window) => [window.label, window.rangeText, window.lengthText, window.ongoing]),
      [
        ['Confirmations delayed in eu-west-1', `${YEAR}-03-02 09:14 to 10:02`, '48m', false],
        ['Confirmations delayed in us-east-1', `${YEAR}-03-02 09:40 to 10:49`, '1h 09m', false],
      ],
    );
    const [eu, us] = model.axis.windows;
    assert.ok(eu && us && model.axis.impact);
    assert.equal(eu.from, model.axis.impact.from);
    assert.equal(us.to, model.axis.impact.to);
    assert.ok(eu.from < us.from && us.from < eu.to && eu.to < us.to, 'the bands overlap as the windows do');
    assert.equal(eu.text, 'Confirmations delayed in eu-west-1 (48m)');
  });

  it('shows no length for a window without end (ongoing, to the axis end) or with its end before its start', () => {
    const open = modelOf(FULL_11.replace(`      end: ${YEAR}-03-02T10:02\n`, ''));
    assert.equal(open.impact.windows[0]?.ongoing, true);
    assert.equal(open.impact.windows[0]?.lengthText, undefined);
    assert.equal(open.axis.windows[0]?.to, 1);
    const backwards = modelOf(FULL_11.replace(`      end: ${YEAR}-03-02T10:02\n`, `      end: ${YEAR}-03-02T09:00\n`));
    assert.equal(backwards.impact.windows[0]?.lengthText, undefined);
  });

  it('flags planned work overdue only against the given today, never done or dropped work', () => {
    assert.deepEqual(items(modelOf(FULL_11, '2028-06-30')).map((item) => item.overdue), [false, false, false], 'due today is not overdue');
    assert.deepEqual(items(modelOf(FULL_11, '2028-07-01')).map((item) => item.overdue), [false, true, false]);
    assert.deepEqual(items(modelOf(FULL_11)).map((item) => item.overdue), [false, false, false], 'no today, nothing overdue');
    const doneLate = FULL_11.replace('    status: planned\n    owner: sre-team', '    status: done\n    owner: sre-team');
    assert.equal(items(modelOf(doneLate, '2029-01-01'))[1]?.overdue, false);
  });

  it('reads owners, due dates, priorities, tickets (https ones as links) and the reason of a wont_do', () => {
    const [rollback, alert, split] = items(modelOf(FULL_11, '2029-01-01'));
    assert.deepEqual([rollback?.owner, rollback?.ticket], ['@rina', { text: 'OPS-1412', url: undefined }]);
    assert.deepEqual([alert?.owner, alert?.dueText, alert?.priority, alert?.ticket?.url], ['sre-team', '2028-06-30', 'P1', 'https://tracker.example.com/browse/OPS-1413']);
    assert.deepEqual([split?.status, split?.statusLabel, split?.reason], ['wont_do', 'Will not be done', 'The risk is accepted; see the factor.']);
    assert.equal(items(modelOf(JA_11, '2029-01-01'))[1]?.dueText, '2028年6月30日');
  });

  it('links ticket keys through the ticket_url pattern of the project, https only', () => {
    const withPattern = (ticketUrl: string) => {
      const checker = service();
      checker.configureProject({ ticketUrl, rules: {} });
      return checker.timelineModel(doc(FULL_11));
    };
    assert.equal(items(withPattern('https://tracker.example.com/browse/{key}'))[0]?.ticket?.url, 'https://tracker.example.com/browse/OPS-1412');
    assert.equal(items(withPattern('http://tracker.example.com/browse/{key}'))[0]?.ticket?.url, undefined);
  });

  it('marks approximate events and the durations measured from them', () => {
    const model = modelOf(FULL_11);
    assert.deepEqual(model.events.map((event) => event.approximate), [false, true, false, false, false]);
    const byKey = Object.fromEntries(model.durations.map((duration) => [duration.key, duration]));
    assert.equal(byKey.detect?.approximate, true);
    assert.equal(byKey.detect?.text, 'about 16m');
    assert.equal(byKey.mitigate?.approximate, false);
    assert.equal(modelOf(JA_11).durations.find((duration) => duration.key === 'detect')?.text, '約16分');
  });

  it('reads accepted risks, lessons, links and x- fields', () => {
    const model = modelOf(FULL_11);
    assert.deepEqual(model.factors.map((factor) => factor.accepted), [undefined, 'Splitting the queue costs more than the rare backlog it prevents.']);
    assert.deepEqual(model.lessons.map((list) => [list.key, list.items.length]), [['lessons_learned', 1], ['what_went_well', 1], ['what_went_wrong', 1], ['where_we_got_lucky', 1]]);
    assert.deepEqual(model.references, [{ title: 'Queue dashboard', url: 'https://grafana.example.com/d/queue', https: true }]);
    assert.equal(modelOf(FULL_11.replace('url: https://grafana', 'url: http://grafana')).references[0]?.https, false);
    assert.deepEqual(model.extensions.find((extension) => extension.path === 'countermeasures[2].x-estimate'), { path: 'countermeasures[2].x-estimate', text: '3 weeks' });
    assert.equal(model.extensions.length, 7);
  });

  it('words decimal values with their unit and says data_exposed: none', () => {
    const model = modelOf(FULL_11);
    assert.equal(model.counts[1]?.valueText, 'about 97.5 %');
    assert.equal(modelOf(JA_11).counts[1]?.valueText, '約97.5%');
    assert.equal(modelOf(FULL_11.replace('unit: "%"', 'unit: USD').replace('value: 97.5', 'value: 1250.75')).counts[1]?.valueText, 'about 1,250.75 USD');
    assert.equal(model.impact.noDataExposed, true);
    assert.equal(modelOf(VALID).impact.noDataExposed, false);
  });

  it('keeps a version-1 document as it was: no windows, nothing overdue, no lessons', () => {
    const model = modelOf(VALID, '2099-01-01');
    assert.deepEqual([model.impact.windows, model.axis.windows, model.lessons, model.references, model.extensions, model.summary], [[], [], [], [], [], []]);
    assert.equal(model.header.report, undefined);
    assert.ok(items(model).every((item) => !item.overdue && item.owner === undefined));
  });
});

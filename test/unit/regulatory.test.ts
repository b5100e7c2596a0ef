import assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { addBusinessDays, dateOfDay, dayNumber, US_FEDERAL, usFederalHolidays, listedHolidays } from '../../server/src/service/regulatory/calendar';
import { parseProjectConfig } from '../../server/src/service';
import { parseDuration, readRegimes } from '../../server/src/service/regulatory/config';
import { doc, readSample, sampleFiles, service, VALID } from './helpers';

// VALID is in Asia/Tokyo: first `occurred` 2021-06-30T12:00, first `detected` 2021-06-30T12:05.
function withRegulatory(block: string, base = VALID): string {
  return base.replace('contact:\n', `regulatory:\n${block}contact:\n`);
}

function regulatoryFindings(text: string, options: { today?: string; config?: string; locale?: string } = {}): Diagnostic[] {
  const { locale, config, ...settings } = options;
  const checker = service({ settings, ...(locale ? { locale } : {}) });
  if (config) checker.configureProject(parseProjectConfig(config).config);
  return checker
    .validate(doc(text))
    .filter((diagnostic) => String(diagnostic.code).startsWith('regulatory-'));
}

function covered(text: string, diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  return (text.split('\n')[start.line] ?? '').slice(start.character, end.character);
}

function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => String(diagnostic.code));
}

const appi = (reports: string, extra = ''): string => withRegulatory(`  - regime: appi\n${extra}    reports:\n${reports}`);
const report = (stage: string, at: string): string => `      - {stage: ${stage}, at: ${at}}\n`;

describe('regulatory: calendar', () => {
  it('computes observed US federal holidays for any year', () => {
    const dates = (year: number) => [...usFederalHolidays(year)].map(dateOfDay).sort();
    assert.ok(dates(2026).includes('2026-11-26'), 'Thanksgiving 2026');
    assert.ok(dates(2026).includes('2026-01-19'), 'MLK Day 2026');
    assert.ok(dates(2026).includes('2026-05-25'), 'Memorial Day 2026');
    assert.ok(dates(2027).includes('2027-06-18'), 'Juneteenth 2027 falls on a Saturday: observed Friday');
    assert.ok(dates(2021).includes('2021-07-05'), 'Independence Day 2021 falls on a Sunday: observed Monday');
    assert.ok(!dates(2020).includes('2020-06-19'), 'Juneteenth is a holiday from 2021');
    assert.ok(US_FEDERAL(dayNumber('2021-12-31')), 'New Year 2022 (Saturday) is observed on 2021-12-31');
    assert.equal(dates(2031).length, 11);
  });
  it('counts business days past weekends and holidays', () => {
    assert.equal(dateOfDay(addBusinessDays(dayNumber('2021-07-01'), 4, US_FEDERAL)), '2021-07-08');
    assert.equal(dateOfDay(addBusinessDays(dayNumber('2026-11-24'), 4, US_FEDERAL)), '2026-12-01');
    assert.equal(dateOfDay(addBusinessDays(dayNumber('2026-11-24'), 4, listedHolidays([]))), '2026-11-30');
  });
});

describe('regulatory: appi', () => {
  it('accepts a preliminary report within 3 days and a final one within 30', () => {
    assert.deepEqual(regulatoryFindings(appi(report('preliminary', '2021-07-03') + report('final', '2021-07-30'))), []);
  });
  it('warns on a preliminary report after 3 days, on its `at`', () => {
    const text = appi(report('preliminary', '2021-07-04') + report('final', '2021-07-30'));
    const [finding, ...rest] = regulatoryFindings(text);
    assert.equal(rest.length, 0);
    assert.equal(finding?.code, 'regulatory-prompt');
    assert.equal(finding?.severity, DiagnosticSeverity.Warning);
    assert.equal(covered(text, finding!), '2021-07-04');
  });
  it('is an error after 5 days', () => {
    const text = appi(report('preliminary', '2021-07-06') + report('final', '2021-07-30'));
    const [finding, ...rest] = regulatoryFindings(text);
    assert.equal(rest.length, 0);
    assert.equal(finding?.code, 'regulatory-late');
    assert.equal(finding?.severity, DiagnosticSeverity.Error);
    assert.match(finding!.message, /due 2021-07-05 \(5 days after becoming aware .*2021-06-30T12:05\)/);
  });
  it('is an error for a final report after 30 days, and allows 60 when malicious', () => {
    const late = appi(report('preliminary', '2021-07-01') + report('final', '2021-07-31'));
    assert.deepEqual(codes(regulatoryFindings(late)), ['regulatory-late']);
    const malicious = appi(report('preliminary', '2021-07-01') + report('final', '2021-08-29'), '    malicious: true\n');
    assert.deepEqual(regulatoryFindings(malicious), []);
    const maliciousLate = appi(report('preliminary', '2021-07-01') + report('final', '2021-08-30'), '    malicious: true\n');
    assert.deepEqual(codes(regulatoryFindings(maliciousLate)), ['regulatory-late']);
  });
  it('counts from `clock_start` when given', () => {
    const text = appi(report('preliminary', '2021-07-05') + report('final', '2021-08-01'), '    clock_start: 2021-07-02\n');
    assert.deepEqual(regulatoryFindings(text), []);
  });
  it('announces a pending stage before it is due, relative to today', () => {
    const text = appi(report('preliminary', '2021-07-01'));
    const [due] = regulatoryFindings(text, { today: '2021-07-27' });
    assert.equal(due?.code, 'regulatory-due');
    assert.equal(due?.severity, DiagnosticSeverity.Information);
    assert.match(due!.message, /final report under `appi` is due 2021-07-30, 3 days left/);
    assert.equal(covered(text, due!), 'appi');
    assert.deepEqual(regulatoryFindings(text, { today: '2021-07-01' }), [], 'not yet within a week');
    assert.match(regulatoryFindings(text, { today: '2021-07-30' })[0]!.message, /due today/);
    assert.match(regulatoryFindings(text, { today: '2021-07-29' })[0]!.message, /1 day left/);
  });
  it('is an error once a pending stage is past its deadline, and silent without today', () => {
    const text = appi(report('preliminary', '2021-07-01'));
    const findings = regulatoryFindings(text, { today: '2021-07-31' });
    assert.deepEqual(codes(findings), ['regulatory-overdue']);
    assert.match(findings[0]!.message, /was due 2021-07-30/);
    assert.deepEqual(regulatoryFindings(text), []);
  });
  it('warns on a pending preliminary report after 3 days and errs after 5', () => {
    const text = withRegulatory('  - regime: appi\n');
    assert.deepEqual(codes(regulatoryFindings(text, { today: '2021-07-04' })).sort(), ['regulatory-due', 'regulatory-prompt']);
    assert.deepEqual(codes(regulatoryFindings(text, { today: '2021-07-06' })), ['regulatory-overdue']);
  });
  it('speaks Japanese', () => {
    const [finding] = regulatoryFindings(appi(report('preliminary', '2021-07-01')), { today: '2021-07-27', locale: 'ja' });
    assert.match(finding!.message, /`appi` の確報の期限は 2021-07-30、残り3日です/);
  });
});

describe('regulatory: telecom-jp', () => {
  const telecom = (reports: string) => withRegulatory(`  - regime: telecom-jp\n    reports:\n${reports}`);
  it('counts from the incident; a preliminary report after 3 days is a warning, never an error', () => {
    assert.deepEqual(regulatoryFindings(telecom(report('preliminary', '2021-07-03') + report('final', '2021-07-30'))), []);
    assert.deepEqual(codes(regulatoryFindings(telecom(report('preliminary', '2021-07-20') + report('final', '2021-07-30')))), ['regulatory-prompt']);
  });
  it('is an error for a detailed report after 30 days', () => {
    assert.deepEqual(codes(regulatoryFindings(telecom(report('preliminary', '2021-07-01') + report('final', '2021-07-31')))), ['regulatory-late']);
  });
});

describe('regulatory: gdpr', () => {
  const gdpr = (at: string) => withRegulatory(`  - regime: gdpr\n    reports:\n${report('notification', at)}`);
  it('allows 72 hours from becoming aware, compared as instants across offsets', () => {
    assert.deepEqual(regulatoryFindings(gdpr('2021-07-03T12:04')), []);
    assert.deepEqual(regulatoryFindings(gdpr('2021-07-03T03:04Z')), [], '03:04Z is 12:04 in Tokyo');
    const late = regulatoryFindings(gdpr('2021-07-03T03:06Z'));
    assert.deepEqual(codes(late), ['regulatory-late']);
    assert.match(late[0]!.message, /due 2021-07-03 12:05 .*reasons for the delay/);
  });
  it('warns on a report before the clock started', () => {
    const text = gdpr('2021-06-29');
    const [finding] = regulatoryFindings(text);
    assert.equal(finding?.code, 'regulatory-before-clock');
    assert.equal(covered(text, finding!), '2021-06-29');
  });
  it('announces the pending notification on the day it is due', () => {
    const text = withRegulatory('  - regime: gdpr\n');
    assert.match(regulatoryFindings(text, { today: '2021-07-03' })[0]!.message, /due today, 2021-07-03 12:05/);
    assert.deepEqual(codes(regulatoryFindings(text, { today: '2021-07-04' })), ['regulatory-overdue']);
  });
});

describe('regulatory: nis2', () => {
  const nis2 = (reports: string) => withRegulatory(`  - regime: nis2\n    reports:\n${reports}`);
  it('allows 24 hours for the early warning and 72 for the notification', () => {
    assert.deepEqual(regulatoryFindings(nis2(report('early_warning', '2021-07-01T12:00') + report('notification', '2021-07-03T12:00') + report('final', '2021-08-03'))), []);
    const late = regulatoryFindings(nis2(report('early_warning', '2021-07-01T12:06') + report('notification', '2021-07-03T12:06') + report('final', '2021-08-03')));
    assert.deepEqual(codes(late), ['regulatory-late', 'regulatory-late']);
  });
  it('counts the final report one month from the notification', () => {
    const onTime = nis2(report('early_warning', '2021-07-01T10:00') + report('notification', '2021-07-02T10:00') + report('final', '2021-08-02'));
    assert.deepEqual(regulatoryFindings(onTime), []);
    const late = nis2(report('early_warning', '2021-07-01T10:00') + report('notification', '2021-07-02T10:00') + report('final', '2021-08-03'));
    assert.deepEqual(codes(regulatoryFindings(late)), ['regulatory-late']);
  });
  it('counts the final report from the notification deadline while the notification is not made', () => {
    const text = nis2(report('early_warning', '2021-07-01T10:00'));
    const findings = regulatoryFindings(text, { today: '2021-07-30' });
    assert.deepEqual(codes(findings), ['regulatory-overdue', 'regulatory-due']);
    assert.match(findings[1]!.message, /final report under `nis2` is due 2021-08-03, 4 days left/);
  });
});

describe('regulatory: sec-8k', () => {
  it('needs `clock_start` (the materiality determination)', () => {
    const text = withRegulatory('  - regime: sec-8k\n');
    const [finding] = regulatoryFindings(text, { today: '2030-01-01' });
    assert.equal(finding?.code, 'regulatory-no-clock');
    assert.equal(covered(text, finding!), 'sec-8k');
  });
  it('allows four business days, skipping weekends and US federal holidays', () => {
    const sec = (at: string) => withRegulatory(`  - regime: sec-8k\n    clock_start: 2021-07-01\n    reports:\n${report('form_8k', at)}`);
    // Thursday 2021-07-01: Fri 2nd, (weekend, Monday 5th observed Independence Day), Tue 6th, Wed 7th, Thu 8th.
    assert.deepEqual(regulatoryFindings(sec('2021-07-08')), []);
    const late = regulatoryFindings(sec('2021-07-09'));
    assert.deepEqual(codes(late), ['regulatory-late']);
    assert.match(late[0]!.message, /due 2021-07-08 \(4 business days after `clock_start` 2021-07-01\)/);
  });
});

describe('regulatory: names', () => {
  it('flags an unknown regime with the closest one', () => {
    const text = withRegulatory('  - regime: apii\n');
    const [finding] = regulatoryFindings(text);
    assert.equal(finding?.code, 'regulatory-unknown-regime');
    assert.match(finding!.message, /Did you mean `appi`/);
    assert.equal(covered(text, finding!), 'apii');
    assert.match(regulatoryFindings(withRegulatory('  - regime: hipaa\n'))[0]!.message, /Built in: `appi`, `telecom-jp`, `gdpr`, `nis2`, `sec-8k`/);
  });
  it('flags a stage the regime does not have', () => {
    const text = appi(report('preliminary', '2021-07-01') + report('prelim', '2021-07-02') + report('final', '2021-07-02'));
    const [finding, ...rest] = regulatoryFindings(text);
    assert.equal(rest.length, 0);
    assert.equal(finding?.code, 'regulatory-unknown-stage');
    assert.equal(covered(text, finding!), 'prelim');
    assert.match(regulatoryFindings(withRegulatory(`  - regime: gdpr\n    reports:\n${report('final', '2021-07-01')}`))[0]!.message, /`final` is not a stage of `gdpr`/);
  });
  it('uses a team regime from postmortem.config.yaml, with its own holidays', () => {
    const config = 'regimes:\n  - id: acme-ciso\n    name: ACME CISO brief\n    holidays: [2021-07-01]\n    stages:\n      - {id: brief, within: 2 business days}\n      - {id: review, within: 1 month, from: brief}\n';
    assert.deepEqual(parseProjectConfig(config).diagnostics, []);
    const text = (at: string) => withRegulatory(`  - regime: acme-ciso\n    reports:\n${report('brief', at)}${report('review', '2021-07-20')}`);
    // Wed 2021-06-30: Thu 1st is a team holiday, Fri 2nd, Mon 5th.
    assert.deepEqual(regulatoryFindings(text('2021-07-05'), { config }), []);
    assert.deepEqual(codes(regulatoryFindings(text('2021-07-06'), { config })), ['regulatory-late']);
    assert.deepEqual(codes(regulatoryFindings(text('2021-07-05'))), ['regulatory-unknown-regime']);
  });
  it('reads durations as a team writes them', () => {
    assert.deepEqual(parseDuration('72 hours'), { amount: 72, unit: 'hours' });
    assert.deepEqual(parseDuration('1 month'), { amount: 1, unit: 'months' });
    assert.deepEqual(parseDuration('4 business days'), { amount: 4, unit: 'business_days' });
    assert.equal(parseDuration('soon'), undefined);
    assert.equal(readRegimes(null).length, 0);
  });
});

describe('regulatory: quick fixes and samples', () => {
  it('replaces a misspelt regime or stage with the closest one', () => {
    const pm = service();
    const fixFor = (text: string, code: string) => {
      const document = doc(text);
      const finding = pm.validate(document).find((diagnostic) => diagnostic.code === code);
      assert.ok(finding, code);
      const [action] = pm.codeActions(document, finding.range, [finding]);
      return action?.edit?.changes?.[document.uri]?.[0]?.newText;
    };
    assert.equal(fixFor(withRegulatory('  - regime: apii\n'), 'regulatory-unknown-regime'), 'appi');
    assert.equal(fixFor(appi(report('preliminery', '2021-07-01') + report('final', '2021-07-02')), 'regulatory-unknown-stage'), 'preliminary');
  });
  it('keeps every sample free of date-dependent findings, whatever the date', () => {
    for (const name of sampleFiles().filter((file) => !file.startsWith('broken'))) {
      for (const today of ['2000-01-01', '2021-02-01', '2099-12-31']) {
        const findings = service({ settings: { today } }).validate(doc(readSample(name))).filter((diagnostic) => /^regulatory-(overdue|due|prompt|late)$/.test(String(diagnostic.code)));
        assert.deepEqual(findings.map((diagnostic) => diagnostic.message), [], `${name} on ${today}`);
      }
    }
  });
});

describe('regulatory: APPI hint', () => {
  const exposed = VALID.replace('cause:\n', '  data_exposed:\n    - message text\ncause:\n');
  it('hints on `data_exposed` when more than 1,000 persons are affected and no `appi` entry exists', () => {
    const [finding, ...rest] = regulatoryFindings(exposed);
    assert.equal(rest.length, 0);
    assert.equal(finding?.code, 'regulatory-hint');
    assert.equal(finding?.severity, DiagnosticSeverity.Information);
    assert.equal(covered(exposed, finding!), 'data_exposed');
    assert.match(finding!.message, /1,053/);
  });
  it('is silent with an `appi` entry, no exposed data, 1,000 or fewer persons, or an at-most count', () => {
    assert.deepEqual(regulatoryFindings(withRegulatory(`  - regime: appi\n    reports:\n${report('preliminary', '2021-07-01')}${report('final', '2021-07-02')}`, exposed)), []);
    assert.deepEqual(regulatoryFindings(VALID), []);
    assert.deepEqual(regulatoryFindings(exposed.replace('value: 1053', 'value: 1000').replace('TH: 729', 'TH: 676')), []);
    assert.deepEqual(regulatoryFindings(exposed.replace('value: 1053', 'value: 1053\n      qualifier: at_most')), []);
    assert.deepEqual(regulatoryFindings(exposed.replace('label: Users who saw a misplaced message', 'label: Delayed confirmations')), [], 'not a count of persons');
    assert.equal(regulatoryFindings(exposed.replace('label: Users who saw a misplaced message', 'label: 誤表示を見た利用者数')).length, 1);
  });
});

describe('regulatory: assessments and undated reports', () => {
  it('checks no deadline of an entry that records `reportable: false`, and that silences the APPI hint', () => {
    const exposed = VALID.replace('cause:\n', '  data_exposed:\n    - message text\ncause:\n');
    const text = withRegulatory('  - regime: appi\n    reportable: false\n    note: Before the 2022 amendment reporting was voluntary.\n', exposed);
    assert.deepEqual(regulatoryFindings(text, { today: '2030-01-01' }), []);
  });
  it('counts a report without `at` as made, without checking its deadline', () => {
    const text = withRegulatory('  - regime: telecom-jp\n    reports:\n      - {stage: preliminary, to: 総務省}\n      - {stage: final, to: 総務省}\n');
    assert.deepEqual(regulatoryFindings(text, { today: '2030-01-01' }), []);
  });
});

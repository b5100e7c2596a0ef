import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { startsAsPostmortem } from '../../server/src/cli/files';
import { factsOf } from '../../server/src/service/model/facts';
import { parsePostmortem } from '../../server/src/service/parse/parse';
import { FULL_11 } from './format11Fixture';
import { doc, repoRoot, service, VALID } from './helpers';

const validate = (text: string, locale?: string): Diagnostic[] => service(locale ? { locale } : {}).validate(doc(text));
const factsFor = (text: string) => factsOf(parsePostmortem({ uri: 'file:///facts.postmortem.yaml', version: 1, text }));
const shown = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.range.start.line + 1} ${String(d.code)}: ${d.message}`);

/** FULL_11 with one line replaced; fails loudly when the line is not there, so tests do not pass vacuously. */
function variant(from: string, to: string, text = FULL_11): string {
  assert.ok(text.includes(from), `fixture has no ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

/** The only finding of `text`, which must sit on the line containing `lineText`. */
function onlyFinding(text: string, lineText: string, locale?: string): Diagnostic {
  const diagnostics = validate(text, locale);
  assert.equal(diagnostics.length, 1, shown(diagnostics).join('\n'));
  const finding = diagnostics[0] as Diagnostic;
  assert.equal(text.split('\n')[finding.range.start.line]?.includes(lineText), true, shown(diagnostics).join('\n'));
  return finding;
}

describe('format 1.1: the schema', () => {
  it('accepts a document that uses every new field, with no finding at all', () => {
    assert.deepEqual(shown(validate(FULL_11)), []);
  });

  it('accepts the new fields in a document that still says `postmortem: 1`', () => {
    assert.deepEqual(shown(validate(variant('postmortem: 1.1', 'postmortem: 1'))), []);
  });

  it('accepts `postmortem: 1.1` and refuses 1.2 and 2, naming the versions there are', () => {
    assert.deepEqual(shown(validate(VALID.replace('postmortem: 1', 'postmortem: 1.1'))), []);
    const next = onlyFinding(VALID.replace('postmortem: 1', 'postmortem: 1.2'), 'postmortem');
    assert.equal(next.code, 'schema-enum');
    assert.match(next.message, /`1\.2`.*1, 1\.1/);
    assert.equal(onlyFinding(VALID.replace('postmortem: 1', 'postmortem: 2'), 'postmortem').code, 'schema-enum');
    assert.equal(onlyFinding(VALID.replace('postmortem: 1', 'postmortem: "1.1"'), 'postmortem').code, 'schema-type');
  });

  it('allows `x-` keys at the top level and in nested mappings, and no other unknown key', () => {
    const nested = VALID.replace('  summary: A cache connection setting was changed.\n', '  summary: A cache connection setting was changed.\n  x-review: {done: true}\n')
      .replace('    kind: detected\n', '    kind: detected\n    x-pager: [a, b]\n')
      .replace('contact:\n', 'x-slack: "#inc-42"\ncontact:\n');
    assert.deepEqual(shown(validate(nested)), []);
    const unknown = onlyFinding(VALID.replace('contact:\n', 'xfoo: 1\ncontact:\n'), 'xfoo');
    assert.equal(unknown.code, 'schema-unknown-key');
  });

  it('ignores the content of `x-` keys in every check, even what would be a finding elsewhere', () => {
    // Outside `x-` each would be a finding: a bad kind, an http: URL, an unknown factor id, a bad date.
    const extended = VALID
      .replace('contact:\n', 'x-old-timeline:\n  - at: 2021-06-30T12:00\n    kind: nonsense\nx-mirror: {url: "http://example.com"}\ncontact:\n')
      .replace('    addresses: [cache-config]\n', '    addresses: [cache-config]\n    x-addresses: [no-such-factor]\n    x-date: soon\n');
    assert.deepEqual(shown(validate(extended)), []);
  });

  it('leaves `x-` keys out of a breakdown, so they never break its sum', () => {
    const withExtension = VALID.replace('        other: 4\n', '        other: 4\n        x-note: 999\n');
    assert.deepEqual(shown(validate(withExtension)), []);
    const count = factsFor(withExtension).counts[0];
    assert.deepEqual(count?.breakdown.map((part) => part.key), ['JP', 'TH', 'TW', 'other']);
  });

  it('accepts decimal counts and breakdowns, but not negative ones', () => {
    const decimal = VALID.replace('      value: 1053\n', '      value: 1053.5\n').replace('        other: 4\n', '        other: 4.5\n');
    assert.deepEqual(shown(validate(decimal)), []);
    assert.equal(onlyFinding(variant('      value: 97.5', '      value: -0.5'), 'value: -0.5').code, 'schema-minimum');
  });

  it('takes `data_exposed: none` or a list; one kind written as plain text is a list mistake, never "did you mean none"', () => {
    assert.deepEqual(shown(validate(variant('  data_exposed: none', '  data_exposed: [e-mail address]'))), []);
    // `phone` is two edits from `none`: suggesting it would turn exposed data into "nothing exposed".
    const word = onlyFinding(variant('  data_exposed: none', '  data_exposed: phone'), 'data_exposed');
    assert.equal(word.code, 'schema-type');
    assert.match(word.message, /`data_exposed` must be a list/);
    assert.doesNotMatch(word.message, /none/);
    const number = onlyFinding(variant('  data_exposed: none', '  data_exposed: 0'), 'data_exposed');
    assert.match(number.message, /`data_exposed` must be a list/);
    assert.match(onlyFinding(variant('  data_exposed: none', '  data_exposed: [""]'), '""').message, /empty/);
  });

  it('refuses wrong types of the new fields in plain words, on the offending value', () => {
    const cases: [string, string, RegExp][] = [
      ['severity: SEV-2', 'severity: [SEV-2]', /`severity` must be text, but `\[SEV-2\]` is a list/],
      ['services: [checkout-api, order-mailer]', 'services: checkout-api', /`services` must be a list, but `checkout-api` is text/],
      ['    approximate: true', '    approximate: yes', /`approximate` must be true or false, but `yes` is text/],
      ['report: final', 'report: finished', /`finished` is not a valid value for `report`.*final/],
      ['    due: 2028-06-30', '    due: 30/06/2028', /not a valid date/],
      ['    ticket: OPS-1412', '    ticket: fix it later', /`fix it later` is not a ticket/],
      ['    url: https://grafana.example.com/d/queue', '    url: grafana dashboard', /not an absolute URL/],
      ['      accepted: Splitting the queue costs more than the rare backlog it prevents.', '      accepted: true', /`accepted` must be text, but `true` is a true\/false value/],
      ['  five_whys:\n', '  five_whys: Because.\n  x-was-five_whys:\n', /`five_whys` must be a list, but `Because.` is text/],
    ];
    for (const [from, to, message] of cases) {
      const finding = onlyFinding(variant(from, to), to.split('\n')[0]?.trim().split(':')[0] ?? to);
      assert.match(finding.message, message, to);
    }
  });

  it('requires the label and start of a window, and the title and url of a link', () => {
    const noStart = onlyFinding(variant('      start: 2025-03-02T09:40\n', ''), 'label: Confirmations delayed in us-east-1');
    assert.equal(noStart.code, 'schema-required');
    assert.match(noStart.message, /`start`/);
    assert.match(onlyFinding(variant('  - title: Queue dashboard\n    url:', '  - url:'), 'url: https://grafana').message, /`title`/);
    assert.equal(onlyFinding(variant('      end: 2025-03-02T10:02\n', '      end: 2025-03-02T10:02\n      until: 2025-03-02T10:03\n'), 'until').code, 'schema-unknown-key');
  });

  it('requires a `reason` for a `wont_do` countermeasure, on its first line, with a quick fix', () => {
    const text = variant('    reason: The risk is accepted; see the factor.\n', '');
    const finding = onlyFinding(text, '- action: Split the shared queue by region.');
    assert.equal(finding.code, 'schema-required');
    assert.match(finding.message, /`reason`.*Why the measure will not be done/);
    assert.match(onlyFinding(text, '- action: Split', 'ja').message, /`reason`.*実施しない理由/);
    const fixes = service().codeActions(doc(text), finding.range, [finding]);
    assert.ok(fixes.some((fix) => /reason/.test(fix.title)), fixes.map((fix) => fix.title).join(', '));
  });
});

describe('format 1.1: the facts', () => {
  const facts = factsFor(FULL_11);

  it('reads the top-level fields with their nodes', () => {
    assert.equal(facts.severity?.text, 'SEV-2');
    assert.equal(FULL_11.slice(facts.severity?.node.start, facts.severity?.node.end), 'SEV-2');
    assert.equal(facts.report?.text, 'final');
    assert.deepEqual(facts.services.map((fact) => fact.text), ['checkout-api', 'order-mailer']);
    assert.deepEqual(facts.regions.map((fact) => fact.text), ['eu-west-1', 'us-east-1']);
    assert.deepEqual(facts.links.map((link) => [link.title, link.url?.text]), [['Queue dashboard', 'https://grafana.example.com/d/queue']]);
    assert.deepEqual(facts.fiveWhys.length, 2);
    assert.deepEqual(Object.fromEntries(Object.entries(facts.lessons).map(([key, list]) => [key, list.length])), { lessons_learned: 1, what_went_well: 1, what_went_wrong: 1, where_we_got_lucky: 1 });
  });

  it('reads the windows with their times, which also join `times`', () => {
    assert.deepEqual(facts.windows.map((window) => [window.label, window.start?.text, window.end?.text]), [
      ['Confirmations delayed in eu-west-1', '2025-03-02T09:14', '2025-03-02T10:02'],
      ['Confirmations delayed in us-east-1', '2025-03-02T09:40', '2025-03-02T10:49'],
    ]);
    assert.equal(facts.windows[0]?.start?.time?.start, Date.UTC(2025, 2, 2, 9, 14));
    for (const window of facts.windows) assert.ok(window.start && facts.times.includes(window.start));
  });

  it('reads data_exposed as none or as the kinds listed', () => {
    assert.equal(facts.dataExposed?.value, 'none');
    const listed = factsFor(variant('  data_exposed: none', '  data_exposed: [phone number, e-mail]'));
    assert.deepEqual(listed.dataExposed?.value, ['phone number', 'e-mail']);
    assert.equal(factsFor(VALID).dataExposed, undefined);
  });

  it('reads approximate events, decimal counts, factor and countermeasure details', () => {
    assert.deepEqual(facts.events.map((event) => event.approximate), [false, true, false, false, false]);
    assert.deepEqual(facts.counts.map((count) => count.value), [41250, 97.5]);
    assert.deepEqual(facts.factors.map((factor) => [factor.category?.text, factor.accepted !== undefined]), [['change-management', false], ['architecture', true]]);
    const [done, planned, wontDo] = facts.countermeasures;
    assert.deepEqual([done?.date, done?.dateNode?.value, done?.owner?.text, done?.ticket?.text], ['2025-03-02', '2025-03-02', '@rina', 'OPS-1412']);
    assert.deepEqual([planned?.due?.text, planned?.priority?.text, planned?.ticket?.text], ['2028-06-30', 'P1', 'https://tracker.example.com/browse/OPS-1413']);
    assert.deepEqual([wontDo?.status, wontDo?.reason?.text], ['wont_do', 'The risk is accepted; see the factor.']);
  });
});

describe('format 1.1: files named by their first line', () => {
  it('recognizes `postmortem: 1.1` in the CLI and in the editor the same way', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'pm-11-'));
    const languages = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { contributes: { languages: { firstLine: string }[] } }).contributes.languages;
    const editorPattern = new RegExp(languages[0]?.firstLine ?? '$^');
    for (const [line, expected] of [['postmortem: 1', true], ['postmortem: 1.1', true], ['postmortem: 1.1 # format 1.1', true], ['postmortem: 1.2', false], ['postmortem: 11', false]] as const) {
      const path = join(directory, `${line.replace(/\W+/g, '-')}.yaml`);
      await writeFile(path, `${line}\nid: x\n`);
      assert.equal(await startsAsPostmortem(path), expected, line);
      assert.equal(editorPattern.test(line), expected, line);
    }
  });
});

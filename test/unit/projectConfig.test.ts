import assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic, type MarkupContent } from 'vscode-languageserver-types';
import { createLocalizer, parseProjectConfig, readProjectConfigText, type PostmortemService } from '../../server/src/service';
import { doc, service, VALID, withCursor } from './helpers';

const CONFIG = `severity:
  - id: SEV-1
    description: Critical outage
  - id: SEV-2
    description: Major degradation
  - id: SEV-3
categories:
  - id: change
    description: A change we made
  - id: capacity
ticket_url: https://tracker.example.com/browse/{key}
`;

/** VALID with a severity, a factor category and a countermeasure ticket. */
function withFields(severity: string, category: string, ticket = 'OPS-123'): string {
  return VALID.replace('status: published\n', `status: published\nseverity: ${severity}\n`)
    .replace('      description: The new connection setting mixed up keys.\n', `      description: The new connection setting mixed up keys.\n      category: ${category}\n`)
    .replace('    addresses: [cache-config]\n', `    addresses: [cache-config]\n    ticket: ${ticket}\n`);
}

function configured(text = CONFIG, options: Parameters<typeof service>[0] = {}): PostmortemService {
  const checker = service(options);
  checker.configureProject(parseProjectConfig(text).config);
  return checker;
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((diagnostic) => String(diagnostic.code));
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle));

describe('project configuration: the file', () => {
  it('reads every field', () => {
    const { config, diagnostics } = parseProjectConfig(`${CONFIG}disclosure_deadline_days: 14\nmax_document_bytes: 1000\nrules:\n  count-sum: off\n  unaddressed-factor: error\nx-team: sre\n`);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(config.severity, [
      { id: 'SEV-1', description: 'Critical outage' },
      { id: 'SEV-2', description: 'Major degradation' },
      { id: 'SEV-3', description: undefined },
    ]);
    assert.deepEqual(config.categories?.map((entry) => entry.id), ['change', 'capacity']);
    assert.equal(config.ticketUrl, 'https://tracker.example.com/browse/{key}');
    assert.equal(config.disclosureDeadlineDays, 14);
    assert.equal(config.maxDocumentBytes, 1000);
    assert.deepEqual({ ...config.rules }, { 'count-sum': 'off', 'unaddressed-factor': 'error' });
  });

  it('the server and the CLI read the same configuration without its diagnostics', () => {
    const text = `${CONFIG}rules:\n  count-sum: loud\n  period-order: info\n`;
    assert.deepEqual(readProjectConfigText(text), parseProjectConfig(text).config);
  });

  it('an empty file is a valid configuration that declares nothing', () => {
    for (const text of ['', '# nothing agreed yet\n']) {
      const { config, diagnostics } = parseProjectConfig(text);
      assert.deepEqual(diagnostics, []);
      assert.deepEqual(config, { rules: {} });
    }
  });

  it('reports mistakes on the offending node and keeps the valid parts', () => {
    const text = 'severity:\n  - id: SEV-1\n  - id: SEV-1\nticket_url: tracker/{key}\nrules:\n  count-sum: loud\n  timline-order: off\n  period-order: warning\nseverty: []\n';
    const { config, diagnostics } = parseProjectConfig(text);
    const found = diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}`);
    assert.deepEqual(found, ['2:8 duplicate-id', '3:12 schema-format', '5:13 schema-enum', '6:2 unknown-rule', '8:0 schema-unknown-key']);
    const unknownRule = diagnostics.find((d) => d.code === 'unknown-rule');
    assert.equal(unknownRule?.severity, DiagnosticSeverity.Warning);
    assert.match(unknownRule?.message ?? '', /did you mean `timeline-order`/);
    assert.deepEqual(config.severity?.map((entry) => entry.id), ['SEV-1']);
    assert.equal(config.ticketUrl, undefined);
    assert.deepEqual({ ...config.rules }, { 'timline-order': 'off', 'period-order': 'warning' });
  });

  it('speaks Japanese to a Japanese user', () => {
    const { diagnostics } = parseProjectConfig('rules:\n  timline-order: off\n', { locale: 'ja' });
    assert.match(diagnostics[0]?.message ?? '', /誤りではありませんか/);
  });
});

describe('project configuration: the file in the editor', () => {
  const uri = 'file:///w/postmortem.config.yaml';
  let version = 0;
  const configDoc = (text: string) => ({ uri, version: ++version, getText: () => text });

  it('is checked against its own schema, not as a postmortem', () => {
    const checker = service();
    assert.deepEqual(checker.validate(configDoc(CONFIG)), []);
    assert.deepEqual(codes(checker.validate(configDoc('rules:\n  count-sum: loud\n'))), ['schema-enum']);
  });

  it('completes its keys, the check codes under rules and the levels', () => {
    const checker = service();
    const top = withCursor('|\n');
    const keys = checker.complete(configDoc(top.text), top.position).items.map((item) => item.label);
    assert.deepEqual(keys, ['severity', 'categories', 'ticket_url', 'disclosure_deadline_days', 'max_document_bytes', 'rules', 'regimes']);
    const rule = withCursor('rules:\n  count-sum: off\n  |\n');
    const ruleCodes = checker.complete(configDoc(rule.text), rule.position).items.map((item) => item.label);
    assert.ok(ruleCodes.includes('unknown-severity') && ruleCodes.includes('timeline-order'), ruleCodes.join(', '));
    assert.ok(!ruleCodes.includes('count-sum'), 'a code already set is not offered again');
    const level = withCursor('rules:\n  count-sum: |\n');
    assert.deepEqual(checker.complete(configDoc(level.text), level.position).items.map((item) => item.label), ['off', 'info', 'warning', 'error']);
  });

  it('a misspelt check code gets a quick fix renaming it', () => {
    const checker = service();
    const document = configDoc('rules:\n  timline-order: off\n');
    const [diagnostic] = checker.validate(document);
    assert.equal(diagnostic?.code, 'unknown-rule');
    const [fix] = checker.codeActions(document, diagnostic!.range, [diagnostic!]);
    const edits = (fix?.edit?.changes ?? {})[uri];
    assert.deepEqual(edits?.map((edit) => edit.newText), ['timeline-order']);
  });

  it('explains its keys and each check code on hover', () => {
    const checker = service({ locale: 'ja' });
    const { text, position } = withCursor('rules:\n  unaddressed-f|actor: error\n');
    const hover = checker.hover(configDoc(text), position);
    // The schema's entry for each code is its line of help, generated from the registry (npm run gen).
    assert.ok((hover?.contents as MarkupContent).value.includes(createLocalizer('ja').t('rule.unaddressed-factor')));
  });
});

describe('project configuration: effects on postmortems', () => {
  it('rules: off removes a check, a level replaces its severity', () => {
    const text = VALID.replace('      value: 1053', '      value: 1000');
    assert.deepEqual(codes(service().validate(doc(text))), ['count-sum']);
    assert.deepEqual(configured('rules:\n  count-sum: off\n').validate(doc(text)), []);
    const raised = configured('rules:\n  count-sum: error\n').validate(doc(text));
    assert.equal(raised[0]?.severity, DiagnosticSeverity.Error);
    const lowered = configured('rules:\n  count-sum: info\n').validate(doc(text));
    assert.equal(lowered[0]?.severity, DiagnosticSeverity.Information);
  });

  it('applies to schema and syntax findings too', () => {
    const text = `${VALID}stray_key: 1\n`;
    assert.deepEqual(codes(service().validate(doc(text))), ['schema-unknown-key']);
    assert.equal(configured('rules:\n  schema-unknown-key: warning\n').validate(doc(text))[0]?.severity, DiagnosticSeverity.Warning);
  });

  it('disclosure_deadline_days wins over the user setting', () => {
    // VALID is published 15 days after detection.
    const checker = configured('disclosure_deadline_days: 10\n', { settings: { disclosureDeadlineDays: 60 } });
    assert.deepEqual(codes(checker.validate(doc(VALID))), ['disclosure-lag']);
    checker.configureProject(undefined);
    assert.deepEqual(checker.validate(doc(VALID)), [], 'without the file the user setting counts again');
  });

  it('governs the documents of its folder only; the innermost folder wins', () => {
    const checker = service();
    const text = VALID.replace('      value: 1053', '      value: 1000');
    checker.configureProject(parseProjectConfig('rules:\n  count-sum: off\n').config, 'file:///root-a');
    checker.configureProject(parseProjectConfig('rules:\n  count-sum: error\n').config, 'file:///root-a/nested/');
    assert.deepEqual(checker.validate(doc(text, 'file:///root-a/x.postmortem.yaml')), []);
    assert.equal(checker.validate(doc(text, 'file:///root-a/nested/x.postmortem.yaml'))[0]?.severity, DiagnosticSeverity.Error);
    assert.deepEqual(codes(checker.validate(doc(text, 'file:///root-ab/x.postmortem.yaml'))), ['count-sum']);
  });

  it('unknown-severity and unknown-category: errors outside the declared scale, with a close value as quick fix', () => {
    const checker = configured();
    assert.deepEqual(checker.validate(doc(withFields('SEV-2', 'capacity'))), []);
    const text = withFields('SEV-5', 'chnage');
    const document = doc(text);
    const diagnostics = checker.validate(document);
    assert.deepEqual(codes(diagnostics), ['unknown-severity', 'unknown-category']);
    const [severity, category] = diagnostics;
    assert.equal(severity?.severity, DiagnosticSeverity.Error);
    assert.deepEqual(severity?.range, { start: { line: lineOf(text, 'severity:'), character: 10 }, end: { line: lineOf(text, 'severity:'), character: 15 } });
    assert.match(severity?.message ?? '', /SEV-1, SEV-2, SEV-3/);
    assert.equal(category?.range.start.line, lineOf(text, 'category:'));
    assert.match(category?.message ?? '', /did you mean `change`/);
    const fix = checker.codeActions(document, category!.range, [category!])[0];
    assert.equal(fix?.title.includes('change'), true, fix?.title);
  });

  it('free text stays free without a declared scale', () => {
    assert.deepEqual(configured('ticket_url: https://t.example/{key}\n').validate(doc(withFields('whatever', 'anything'))), []);
  });

  it('completion offers the levels and categories with their meanings', () => {
    const checker = configured();
    const severity = withCursor(withFields('SEV-2', 'change').replace('severity: SEV-2', 'severity: |'));
    const items = checker.complete(doc(severity.text), severity.position).items;
    assert.deepEqual(items.map((item) => [item.label, item.detail]), [
      ['SEV-1', 'Critical outage'],
      ['SEV-2', 'Major degradation'],
      ['SEV-3', 'From postmortem.config.yaml'],
    ]);
    const category = withCursor(withFields('SEV-2', 'change').replace('category: change', 'category: |'));
    assert.deepEqual(checker.complete(doc(category.text), category.position).items.map((item) => item.label), ['change', 'capacity']);
    assert.deepEqual(service().complete(doc(severity.text), severity.position).items, [], 'nothing to offer for free text');
  });

  it('hover shows what a level or a category means, and where a ticket links', () => {
    const checker = configured();
    const text = withFields('SEV-2', 'change');
    const hoverAt = (needle: string, offset: number) => {
      const line = lineOf(text, needle);
      const hover = checker.hover(doc(text), { line, character: text.split('\n')[line]!.indexOf(needle) + offset });
      return (hover?.contents as MarkupContent | undefined)?.value ?? '';
    };
    assert.match(hoverAt('SEV-2', 1), /Major degradation[\s\S]*Level 2 of 3/);
    assert.match(hoverAt('category: change', 12), /A change we made/);
    assert.match(hoverAt('OPS-123', 1), /\[OPS-123\]\(https:\/\/tracker\.example\.com\/browse\/OPS-123\)/);
  });

  it('ticket keys become document links through ticket_url; URLs and unconfigured projects get none', () => {
    const text = withFields('SEV-2', 'change', '"platform#482"');
    const links = configured().documentLinks(doc(text));
    const line = lineOf(text, 'ticket:');
    assert.deepEqual(links.map((link) => [link.range, link.target]), [
      [{ start: { line, character: 13 }, end: { line, character: 25 } }, 'https://tracker.example.com/browse/platform%23482'],
    ]);
    assert.deepEqual(configured().documentLinks(doc(withFields('SEV-2', 'change', 'https://t.example/1'))), []);
    assert.deepEqual(service().documentLinks(doc(text)), []);
  });
});

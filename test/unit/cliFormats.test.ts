import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { escapeData, escapeProperty } from '../../server/src/cli/formats';
import { allRules } from '../../server/src/cli/rules';
import { FINGERPRINT_KEY } from '../../server/src/cli/sarif';
import { fixture, lint, TODAY } from './cliHelpers';
import { repoRoot, samplesDir, service, doc, VALID } from './helpers';

const broken = join(samplesDir, 'broken.postmortem.yaml');
const brokenText = readFileSync(broken, 'utf8');

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; helpUri: string; help: { text: string }; shortDescription: { text: string } }[] } };
    columnKind: string;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

async function sarif(args: string[], options: Parameters<typeof lint>[1] = {}): Promise<SarifLog> {
  const result = await lint(['--format', 'sarif', ...args], options);
  return JSON.parse(result.out.join('\n')) as SarifLog;
}

/** GitHub's workflow command grammar: `::name key=value,key=value::message`, with the runner's escapes. */
function parseCommand(line: string): { command: string; properties: Record<string, string>; message: string } {
  const match = /^::([a-z]+)(?: ([^:]*))?::(.*)$/s.exec(line);
  assert.ok(match, line);
  const unescape = (text: string) => text.replace(/%(25|0D|0A|3A|2C)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',')) {
    const equals = pair.indexOf('=');
    properties[pair.slice(0, equals)] = unescape(pair.slice(equals + 1));
  }
  return { command: match[1] as string, properties, message: unescape(match[3] as string) };
}

describe('postmortem-lint output formats', function () {
  // Child processes (the built bin, npm, bash) are slow on a loaded machine; none waits on a timer.
  this.timeout(30_000);
  it('stylish lines are read by the VS Code problem matcher in package.json and the GitHub one', async () => {
    const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    const vscode = packageJson.contributes.problemMatchers.find((matcher: { name: string }) => matcher.name === 'postmortem-lint');
    const github = JSON.parse(readFileSync(join(repoRoot, '.github/postmortem-lint-matcher.json'), 'utf8')).problemMatcher[0].pattern[0];
    const expected = service({ locale: 'ja', settings: { today: TODAY } }).validate(doc(brokenText));
    for (const locale of ['en', 'ja']) {
      const result = await lint([broken], { locale, cwd: repoRoot });
      assert.equal(result.out.length, expected.length);
      result.out.forEach((line, index) => {
        const match = new RegExp(vscode.pattern.regexp).exec(line);
        assert.ok(match, line);
        const diagnostic = expected[index]!;
        assert.equal(match[vscode.pattern.file], join('samples', 'broken.postmortem.yaml'));
        assert.equal(Number(match[vscode.pattern.line]), diagnostic.range.start.line + 1);
        assert.equal(Number(match[vscode.pattern.column]), diagnostic.range.start.character + 1);
        assert.equal(match[vscode.pattern.code], diagnostic.code);
        assert.equal(match[vscode.pattern.severity], ['error', 'warning', 'info', 'hint'][(diagnostic.severity ?? 1) - 1]);
        if (locale === 'ja') assert.equal(match[vscode.pattern.message], diagnostic.message);
        const githubMatch = new RegExp(github.regexp).exec(line);
        assert.equal(Boolean(githubMatch), (diagnostic.severity ?? 1) <= 2, 'GitHub annotates errors and warnings');
        if (githubMatch) assert.equal(githubMatch[github.code], diagnostic.code);
      });
    }
  });

  it('json: the LSP diagnostics of each file, with its path', async () => {
    const result = await lint([broken, '--format=json'], { cwd: repoRoot });
    const parsed = JSON.parse(result.out.join('\n')) as { path: string; uri: string; diagnostics: unknown[] }[];
    assert.equal(parsed.length, 1);
    assert.equal(parsed[0]?.path, join('samples', 'broken.postmortem.yaml'));
    assert.deepEqual(parsed[0]?.diagnostics, JSON.parse(JSON.stringify(service({ settings: { today: TODAY } }).validate(doc(brokenText)))));
  });

  it('sarif: valid against the SARIF 2.1.0 schema, every rule listed with help, UTF-16 regions', async () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/sarif-schema-2.1.0.json'), 'utf8'));
    // The published schema is draft-04: its `id` is draft-07's `$id`, nothing else in it differs.
    // One of its patterns is not valid with the `u` flag, hence unicodeRegExp: false; formats (uri,
    // date-time) would need ajv-formats and are not what this test is about.
    const { id, $schema, ...rest } = schema;
    void $schema;
    const validate = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, validateFormats: false }).compile({ ...rest, $id: id });
    const log = await sarif([samplesDir], { cwd: repoRoot });
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const run = log.runs[0]!;
    assert.equal(log.runs.length, 1);
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(run.tool.driver.rules.map((rule) => rule.id), allRules().map((rule) => rule.code));
    for (const code of ['yaml-syntax', 'schema-required', 'timeline-order', 'insecure-contact', 'disclosure-lag']) assert.ok(run.tool.driver.rules.some((rule) => rule.id === code), code);
    for (const rule of run.tool.driver.rules) {
      assert.match(rule.helpUri, /^https?:\/\/.+docs\/postmortem-format\.md#checks-/);
      assert.ok(rule.help.text.length > 10 && rule.shortDescription.text !== 'A check of the postmortem format.', rule.id);
    }
    const expected = service({ settings: { today: TODAY } }).validate(doc(brokenText));
    const results = run.results.filter((result) => result.locations[0]?.physicalLocation.artifactLocation.uri === 'samples/broken.postmortem.yaml');
    assert.equal(results.length, expected.length);
    results.forEach((result, index) => {
      const diagnostic = expected[index]!;
      assert.equal(result.ruleId, diagnostic.code);
      assert.equal(run.tool.driver.rules[result.ruleIndex]?.id, result.ruleId);
      assert.equal(result.level, { 1: 'error', 2: 'warning', 3: 'note', 4: 'note' }[diagnostic.severity ?? 1]);
      const { region, artifactLocation } = result.locations[0]!.physicalLocation;
      assert.equal(artifactLocation.uriBaseId, '%SRCROOT%');
      assert.deepEqual([region.startLine, region.startColumn, region.endLine, region.endColumn], [diagnostic.range.start.line + 1, diagnostic.range.start.character + 1, diagnostic.range.end.line + 1, diagnostic.range.end.character + 1]);
    });
    const ja = await sarif([broken], { cwd: repoRoot, locale: 'ja' });
    assert.ok(validate(ja));
    assert.match(ja.runs[0]!.tool.driver.rules[0]!.shortDescription.text, /YAML として/);
  });

  it('sarif: columns count UTF-16 code units (Japanese and emoji before a finding on the same line)', async () => {
    const text = VALID.replace(/- at: 2021-06-30T12:05\n.*\n.*kind: detected/, '- {event: "障害🔥 reported", at: 2021-06-30T12:05, kind: detect}');
    assert.notEqual(text, VALID);
    const log = await sarif(['-', '--stdin-filename=x.postmortem.yaml'], { stdin: text });
    const result = log.runs[0]!.results.find((candidate) => candidate.ruleId === 'schema-enum');
    assert.ok(result, JSON.stringify(log.runs[0]!.results.map((r) => r.ruleId)));
    const line = text.split('\n')[result.locations[0]!.physicalLocation.region.startLine - 1]!;
    // 障 and 害 are one code unit each, 🔥 is two: the column is the JavaScript string index + 1.
    assert.equal(result.locations[0]!.physicalLocation.region.startColumn, line.indexOf('detect}') + 1);
  });

  it('sarif: fingerprints survive moved lines and another UI language, and tell repeated findings apart', async () => {
    const text = VALID.replace('https://', 'http://');
    const fingerprints = async (body: string, locale = 'en') =>
      (await sarif(['-', '--stdin-filename=a.postmortem.yaml'], { stdin: body, locale })).runs[0]!.results.map((result) => result.partialFingerprints[FINGERPRINT_KEY]);
    const first = await fingerprints(text);
    assert.equal(first.length, 1);
    assert.deepEqual(await fingerprints(`# a comment\n# and another\n${text}`), first);
    assert.deepEqual(await fingerprints(text, 'ja'), first);
    const twice = await fingerprints(brokenText);
    assert.equal(new Set(twice).size, twice.length, 'every finding has its own fingerprint');
  });

  it('github: workflow commands that parse by the runner grammar, with escaped properties and data', async () => {
    const result = await lint([broken, '--format', 'github'], { cwd: repoRoot });
    const expected = service({ settings: { today: TODAY } }).validate(doc(brokenText));
    assert.equal(result.out.length, expected.length);
    result.out.forEach((line, index) => {
      const { command, properties, message } = parseCommand(line);
      const diagnostic = expected[index]!;
      assert.equal(command, { 1: 'error', 2: 'warning', 3: 'notice', 4: 'notice' }[diagnostic.severity ?? 1]);
      assert.deepEqual(properties, {
        file: 'samples/broken.postmortem.yaml',
        line: String(diagnostic.range.start.line + 1),
        col: String(diagnostic.range.start.character + 1),
        endLine: String(diagnostic.range.end.line + 1),
        endColumn: String(diagnostic.range.end.character + 1),
        title: `postmortem-lint ${String(diagnostic.code)}`,
      });
      assert.equal(message, diagnostic.message);
    });
    assert.equal(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
    assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
    const dir = fixture({ 'odd, name: 100%.postmortem.yaml': 'postmortem: 1\n' });
    const odd = await lint(['--format=github', 'odd, name: 100%.postmortem.yaml'], { cwd: dir });
    assert.ok(odd.out.length > 0);
    for (const line of odd.out) assert.equal(parseCommand(line).properties.file, 'odd, name: 100%.postmortem.yaml');
  });
});

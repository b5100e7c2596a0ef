import assert from 'node:assert/strict';
import { InsertTextFormat, InsertTextMode, type CompletionItem, type CompletionList, type Position, type TextEdit } from 'vscode-languageserver-types';
import type { ServiceOptions } from '../../server/src/service';
import { doc, schemaKeys, service, VALID, withCursor } from './helpers';

function complete(textWithCursor: string, options: ServiceOptions = {}): { list: CompletionList; text: string; position: Position } {
  const { text, position } = withCursor(textWithCursor);
  return { list: service(options).complete(doc(text), position), text, position };
}

const labels = (list: CompletionList) => list.items.map((item) => item.label);

function item(list: CompletionList, label: string): CompletionItem {
  const found = list.items.find((candidate) => candidate.label === label);
  assert.ok(found, `no item ${label} among ${labels(list).join(', ')}`);
  return found;
}

function editOf(completion: CompletionItem): TextEdit {
  const edit = completion.textEdit;
  assert.ok(edit && 'range' in edit, `${completion.label} has a plain textEdit`);
  return edit;
}

/** The document after accepting an item, with snippet syntax reduced to its default text. */
function accept(text: string, completion: CompletionItem): string {
  const { range, newText } = editOf(completion);
  const lines = text.split('\n');
  const offset = (position: Position) => lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
  const inserted = completion.insertTextFormat === InsertTextFormat.Snippet ? expandSnippet(newText) : newText;
  return text.slice(0, offset(range.start)) + inserted + text.slice(offset(range.end));
}

function expandSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, 'x');
}

const TWO_FACTORS = VALID.replace(
  '      description: The new connection setting mixed up keys.\n',
  '      description: The new connection setting mixed up keys.\n    - id: no-canary\n      description: The change went out without a canary.\n',
);

describe('completion: keys', () => {
  it('offers every top-level key and a skeleton in an empty document', () => {
    const { list } = complete('|');
    const keys = list.items.filter((candidate) => candidate.kind !== 15);
    assert.equal(keys.length, schemaKeys([]).length);
    const sorted = [...keys].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((candidate) => candidate.label);
    assert.deepEqual(sorted.slice(0, 10), ['postmortem', 'id', 'title', 'status', 'overview', 'impact', 'cause', 'timeline', 'countermeasures', 'contact']);
    assert.equal(editOf(item(list, 'postmortem')).newText, 'postmortem: ${1|1,1.1|}');
  });

  it('expands the skeleton into a document that has every required key', () => {
    const { list, text } = complete('|');
    const skeleton = item(list, 'New postmortem');
    const filled = accept(text, skeleton);
    assert.match(filled, /^postmortem: 1\nid: x\ntitle: x\nstatus: draft\nlanguage: en\ntimezone: UTC\n/);
    assert.match(filled, /\nimpact:\n {2}period:\n {4}start: x\n/);
    assert.match(filled, /\ntimeline:\n {2}- at: x\n {4}event: x\n/);
    const diagnostics = service().validate(doc(filled));
    assert.deepEqual(diagnostics.filter((d) => d.code === 'schema-required' || d.code === 'yaml-syntax'), []);
  });

  it('offers the keys in a document of only comments, and no skeleton once there is content', () => {
    assert.ok(labels(complete('# draft notes\n|').list).includes('New postmortem'));
    assert.ok(!labels(complete('postmortem: 1\n|').list).includes('New postmortem'));
  });

  it('leaves out keys already present and lists the missing ones on an empty top-level line', () => {
    const { list } = complete(VALID.replace('cause:\n', '|\ncause:\n'));
    const present: string[] = VALID.match(/^[a-z_]+(?=:)/gm) ?? [];
    assert.deepEqual(labels(list).sort(), schemaKeys([]).filter((key) => !present.includes(key)).sort());
    assert.ok(labels(list).includes('detection') && labels(list).includes('severity') && !labels(list).includes('impact'));
  });

  it('replaces a partially typed key, required ones sorted first, described from the schema', () => {
    const { list } = complete('postmortem: 1\nsta|');
    const status = item(list, 'status');
    assert.deepEqual(editOf(status).range, { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } });
    assert.equal(editOf(status).newText, 'status: ${1|draft,review,published|}');
    assert.equal(status.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(status.insertTextMode, InsertTextMode.asIs);
    assert.match(JSON.stringify(status.documentation), /Editorial state of this document/);
    assert.ok((status.sortText ?? '') < (item(list, 'language').sortText ?? ''));
    assert.ok(!labels(list).includes('postmortem'));
  });

  it('describes keys in Japanese for a Japanese UI', () => {
    const { list } = complete('postmortem: 1\nsta|', { locale: 'ja' });
    assert.match(JSON.stringify(item(list, 'status').documentation), /この文書の編集状態です/);
    assert.match(item(list, 'status').detail ?? '', /^必須/);
  });

  it('replaces the whole word when the cursor is inside it, and only the name when a colon follows', () => {
    const inside = complete('postmortem: 1\nti|tl');
    assert.deepEqual(editOf(item(inside.list, 'title')).range.end, { line: 1, character: 4 });
    const renaming = complete('postmortem: 1\nstat|us: draft');
    assert.equal(editOf(item(renaming.list, 'status')).newText, 'status');
    assert.deepEqual(editOf(item(renaming.list, 'status')).range, { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } });
  });

  it('finds the mapping from indentation at several depths', () => {
    const impact = complete(VALID.replace('  counts:\n', '  |\n  counts:\n'));
    assert.deepEqual(labels(impact.list).sort(), ['data_exposed', 'effects', 'summary', 'windows']);
    const period = complete(VALID.replace('    end: 2021-06-30T12:12\n', '    |\n'));
    assert.deepEqual(labels(period.list), ['end']);
    const count = complete(VALID.replace('      value: 1053\n', '      value: 1053\n      |\n'));
    assert.deepEqual(labels(count.list).sort(), ['qualifier', 'unit']);
    const event = complete(VALID.replace('    kind: detected\n', '    |\n'));
    assert.deepEqual(labels(event.list).sort(), ['approximate', 'kind', 'until']);
  });

  it('offers the item keys on a new `- ` line, with the whole item as a snippet', () => {
    const factor = complete(VALID.replace('timeline:\n', '    - |\ntimeline:\n'));
    assert.deepEqual(labels(factor.list).slice(0, 2), ['id', 'description']);
    const { list } = complete(VALID.replace('  - at: 2021-06-30T12:05\n', '  - |\n  - at: 2021-06-30T12:05\n'));
    assert.deepEqual(labels(list).filter((label) => label !== 'New timeline event').sort(), ['approximate', 'at', 'event', 'kind', 'until']);
    const snippet = editOf(item(list, 'New timeline event'));
    assert.equal(snippet.newText, 'at: ${1:2021-06-30T12:00}\n    event: $2\n    kind: ${3|occurred,detected,responded,mitigated,resolved,notified,published,other|}');
    assert.equal(item(list, 'New timeline event').detail, 'at: 2021-06-30T12:00');
  });

  it('offers a timeline event with its time prefilled at the item column', () => {
    const end = complete(VALID.replace('countermeasures:\n', '  |\ncountermeasures:\n'));
    assert.deepEqual(labels(end.list), ['New timeline event']);
    const edit = editOf(end.list.items[0] as CompletionItem);
    assert.match(edit.newText, /^- at: \$\{1:2021-07-15T12:00\}\n {4}event: \$2\n {4}kind: /);
    // Above every event, the impact start is the best guess.
    const top = complete(VALID.replace('timeline:\n', 'timeline:\n  |\n'));
    assert.match(editOf(top.list.items[0] as CompletionItem).newText, /^- at: \$\{1:2021-06-30T12:00\}/);
    assert.match(JSON.stringify(top.list.items[0]?.documentation), /impact start/);
  });

  it('turns a typed `-` at the item column into a whole new event', () => {
    const { list, text } = complete(VALID.replace('countermeasures:\n', '  -|\ncountermeasures:\n'));
    const event = item(list, 'New timeline event');
    assert.deepEqual(editOf(event).range.start.character, 2);
    assert.deepEqual(editOf(event).range.end.character, 3);
    assert.equal(event.filterText, '- at');
    const after = accept(text, event);
    assert.equal(service().validate(doc(after)).filter((d) => d.severity === 1).length, 0);
  });

  it('offers a countermeasure with type, status and the unaddressed factors', () => {
    const { list } = complete(TWO_FACTORS.replace('contact:\n', '  |\ncontact:\n'));
    assert.deepEqual(labels(list), ['New countermeasure']);
    assert.equal(
      editOf(list.items[0] as CompletionItem).newText,
      '- action: $1\n    type: ${2|technical,organizational|}\n    status: ${3|done,in_progress,planned,wont_do|}\n    addresses: [${4:no-canary}]',
    );
  });

  it('writes snippets for mapping and list keys, indented like the document', () => {
    const { list } = complete('postmortem: 1\n|');
    assert.equal(editOf(item(list, 'impact')).newText, 'impact:\n  period:\n    start: $1');
    assert.equal(editOf(item(list, 'countermeasures')).newText, 'countermeasures:\n  - action: $1\n    status: ${2|done,in_progress,planned,wont_do|}');
    assert.equal(editOf(item(list, 'detection')).newText, 'detection:\n  method: ${1|internal_monitoring,user_report,bug_bounty,external_report,regulator,other|}');
    const four = complete('postmortem: 1\ncause:\n    summary: x\n|');
    assert.equal(editOf(item(four.list, 'contact')).newText, 'contact:\n    url: $1');
    const nested = complete(VALID.replace('  counts:\n', '  |\n  counts:\n'));
    assert.equal(editOf(item(nested.list, 'effects')).newText, 'effects:\n    - $1');
  });

  it('completes inside a half-typed document with syntax errors', () => {
    const broken = 'postmortem: 1\ntitle: "unterminated\nimpact:\n  period:\n    start: 2021-\n  |\ncause: [\n';
    const { list } = complete(broken);
    assert.deepEqual(labels(list).sort(), ['counts', 'data_exposed', 'effects', 'summary', 'windows']);
    const key = complete('postmortem: 1\ntimeline:\n  - at: 2021-06-30T12:00\n    ev|\n  - at: : :\n');
    assert.deepEqual(editOf(item(key.list, 'event')).range, { start: { line: 3, character: 4 }, end: { line: 3, character: 6 } });
  });

  it('offers nothing inside comments, block scalars and free text', () => {
    assert.deepEqual(complete('postmortem: 1\n# sta|').list.items, []);
    assert.deepEqual(complete('postmortem: 1\ntitle: Messages sh|').list.items, []);
    const text = 'postmortem: 1\noverview: >-\n  Some text\n  \nid: x\n';
    assert.deepEqual(service().complete(doc(text), { line: 3, character: 2 }).items, []);
    // In the indentation before existing content.
    assert.deepEqual(service().complete(doc(text), { line: 2, character: 1 }).items, []);
  });

  it('never fails and always replaces around the cursor, at every position of valid and broken text', function () {
    // A fixed amount of work, bounded by count: every position of these two texts (~1,300
    // completions, about a second on an idle machine). On a machine shared by many builds it may take
    // ten times longer, and the suite's 10 s would fail a test that found nothing wrong, so the
    // timeout is only a guard against a hang. No duration is asserted; speed is the bench's.
    this.timeout(300_000);
    const broken = 'postmortem: 1\ntitle: "x\n  - - a: [b, {c: d\n: :\n\t- x\n|\n>\n  ]}\n';
    // One service and one document per text: completion only reads the parse, so every position
    // shares it and the test costs one parse per text plus the completions (it used to re-parse at
    // each position).
    const languageService = service();
    for (const text of [VALID, broken]) {
      const document = doc(text);
      text.split('\n').forEach((content, lineNo) => {
        for (let character = 0; character <= content.length; character++) {
          for (const candidate of languageService.complete(document, { line: lineNo, character }).items) {
            const { range } = editOf(candidate);
            assert.ok(range.start.line === lineNo && range.end.line === lineNo && range.start.character <= character && range.end.character >= character);
          }
        }
      });
    }
  });
});

describe('completion: values', () => {
  it('offers enum values with their meanings and replaces the typed part', () => {
    const { list } = complete(VALID.replace('    kind: detected', '    kind: det|'));
    assert.deepEqual(labels(list), ['occurred', 'detected', 'responded', 'mitigated', 'resolved', 'notified', 'published', 'other']);
    const detected = item(list, 'detected');
    assert.deepEqual(editOf(detected).range, { start: { line: 31, character: 10 }, end: { line: 31, character: 13 } });
    assert.match(detected.detail ?? '', /noticed/);
    assert.ok(item(list, 'other').preselect);
    assert.deepEqual(labels(complete('postmortem: 1\nstatus: |').list), ['draft', 'review', 'published']);
    assert.deepEqual(labels(complete(VALID.replace('    type: technical', '    type: |')).list), ['technical', 'organizational']);
    assert.deepEqual(labels(complete(VALID.replace('      value: 1053\n', '      value: 1053\n      qualifier: |\n')).list), ['exact', 'approximately', 'at_most', 'at_least']);
    assert.equal(labels(complete('postmortem: 1\ndetection:\n  method: |').list).length, 6);
    assert.deepEqual(labels(complete('postmortem: |').list), ['1', '1.1']);
  });

  it('adds the space after a bare colon', () => {
    const { list } = complete('postmortem: 1\nstatus:|');
    assert.equal(editOf(item(list, 'draft')).newText, ' draft');
  });

  it('explains enum values in Japanese for a Japanese UI', () => {
    const { list } = complete('postmortem: 1\nstatus: |', { locale: 'ja' });
    assert.match(item(list, 'draft').detail ?? '', /執筆中/);
  });

  it('offers the factor ids inside addresses, flow and block forms', () => {
    const flow = complete(TWO_FACTORS.replace('addresses: [cache-config]', 'addresses: [cache-config, |]'));
    assert.deepEqual(labels(flow.list), ['no-canary']);
    assert.equal(item(flow.list, 'no-canary').detail, 'The change went out without a canary.');
    const empty = complete(TWO_FACTORS.replace('addresses: [cache-config]', 'addresses: [|]'));
    assert.deepEqual(labels(empty.list), ['cache-config', 'no-canary']);
    // A factor no other countermeasure addresses yet is proposed before one that is covered.
    const covered = complete(TWO_FACTORS.replace('contact:\n', '  - action: Add a canary.\n    status: planned\n    addresses: [|]\ncontact:\n'));
    assert.deepEqual(labels(covered.list), ['no-canary', 'cache-config']);
    assert.match(JSON.stringify(item(covered.list, 'cache-config').documentation), /addressed by 1 countermeasure/);
    const partial = complete(TWO_FACTORS.replace('addresses: [cache-config]', 'addresses: [no-c|]'));
    assert.deepEqual(editOf(item(partial.list, 'no-canary')).range, { start: { line: 48, character: 16 }, end: { line: 48, character: 20 } });
    const block = complete(TWO_FACTORS.replace('addresses: [cache-config]', 'addresses:\n      - cache-config\n      - |'));
    assert.deepEqual(labels(block.list), ['no-canary']);
    const noDash = complete(TWO_FACTORS.replace('addresses: [cache-config]', 'addresses:\n      - cache-config\n      |'));
    assert.deepEqual(noDash.list.items.map((candidate) => editOf(candidate).newText), ['- no-canary']);
  });

  it('offers IANA zones, first the zone of the document\'s language: Asia/Tokyo and UTC, plus +09:00 in Japanese', () => {
    const { list } = complete(VALID.replace('language: en', 'language: ja').replace('timezone: Asia/Tokyo', 'timezone: Asia/To|'));
    assert.deepEqual(labels(list).slice(0, 3), ['Asia/Tokyo', 'UTC', '+09:00']);
    assert.ok(labels(list).includes('Europe/Berlin'));
    assert.ok(list.items.length > 300);
    assert.deepEqual(editOf(item(list, 'Asia/Tokyo')).range, { start: { line: 5, character: 10 }, end: { line: 5, character: 17 } });
    assert.equal(item(list, 'UTC').detail, 'UTC+00:00 at the impact start');
    assert.equal(item(list, 'Asia/Tokyo').detail, 'UTC+09:00 at the impact start');
    const current = complete(VALID.replace('timezone: Asia/Tokyo', 'timezone: Asia/Tokyo|'));
    assert.equal(item(current.list, 'Asia/Tokyo').detail, 'the zone of this document');
  });

  it('puts UTC first in an English document (no zone guessed), Europe/London first for en-GB', () => {
    assert.deepEqual(labels(complete(VALID.replace('timezone: Asia/Tokyo', 'timezone: |')).list).slice(0, 1), ['UTC']);
    const gb = complete(VALID.replace('language: en', 'language: en-GB').replace('timezone: Asia/Tokyo', 'timezone: |')).list;
    assert.deepEqual(labels(gb).slice(0, 3), ['Europe/London', 'UTC', '+01:00']);
  });

  it('offers language tags', () => {
    const { list } = complete('postmortem: 1\nlanguage: |');
    assert.deepEqual(labels(list).slice(0, 2), ['ja', 'en']);
    assert.equal(item(list, 'ja').detail, 'Japanese');
  });

  it('offers ISO 3166 codes and `other` for breakdown keys, leaving out present ones', () => {
    const { list } = complete(VALID.replace('        other: 4\n', '        |\n'));
    assert.ok(list.items.length >= 240);
    assert.ok(!labels(list).includes('JP'));
    assert.ok(labels(list).includes('ID'));
    assert.ok(labels(list).includes('other'));
    assert.equal(editOf(item(list, 'ID')).newText, 'ID: ');
    assert.equal(item(list, 'ID').detail, 'Indonesia');
    const ja = complete(VALID.replace('        other: 4\n', '        |\n'), { locale: 'ja' });
    assert.equal(item(ja.list, 'ID').detail, 'インドネシア');
    assert.match(item(ja.list, 'KR').filterText ?? '', /韓国/);
    const flow = complete(VALID.replace(/breakdown:\n(.*\n){4}/, 'breakdown: {JP: 264, T|}\n'));
    assert.ok(!labels(flow.list).includes('JP'));
    assert.equal(editOf(item(flow.list, 'TW')).newText, 'TW: ');
  });
});

describe('completion: UTF-16 positions', () => {
  const line = '  - {at: 2021-06-30T12:03, event: 障害を検知 🚨 した, kind: det|}';

  it('puts the range right after Japanese text and an emoji on the same line', () => {
    const { list, text } = complete(VALID.replace('  - at: 2021-06-30T12:05\n', `${line}\n  - at: 2021-06-30T12:05\n`));
    const edit = editOf(item(list, 'detected'));
    const expected = line.indexOf('det|');
    // 52 code points before the cursor, but the emoji is two UTF-16 units, as LSP counts.
    assert.equal(expected, 53);
    assert.equal([...line.slice(0, expected)].length, 52);
    assert.deepEqual(edit.range, { start: { line: 29, character: expected }, end: { line: 29, character: expected + 3 } });
    assert.match(accept(text, item(list, 'detected')), /🚨 した, kind: detected\}\n/);
  });

  it('offers the missing keys of a flow mapping item', () => {
    const { list } = complete(VALID.replace('    kind: occurred\n', '    kind: occurred\n  - {at: 2021-06-30T12:01, event: 「障害」🔥, |}\n'));
    assert.deepEqual(labels(list).sort(), ['approximate', 'kind', 'until']);
    assert.equal(editOf(item(list, 'kind')).newText, 'kind: ');
    assert.equal(editOf(item(list, 'kind')).range.start.character, 42);
  });

  it('handles CRLF line endings', () => {
    const { text, position } = withCursor('postmortem: 1\r\nstatus: dr|\r\ntitle: x\r\n');
    const list = service().complete(doc(text), position);
    assert.deepEqual(editOf(item(list, 'draft')).range, { start: { line: 1, character: 8 }, end: { line: 1, character: 10 } });
  });
});

import assert from 'node:assert/strict';
import type { Location, Position, Range, TextEdit } from 'vscode-languageserver-types';
import schemaJson from '../../schemas/postmortem.schema.json';
import { createLocalizer, DEFAULT_SERVICE_SETTINGS } from '../../server/src/service';
import type { ServiceContext } from '../../server/src/service/context';
import { createNavigation } from '../../server/src/service/features/navigation';
import { createSchemaIndex, type SchemaNode } from '../../server/src/service/schema/schemaIndex';
import { doc, service, VALID, withCursor } from './helpers';

const URI = 'file:///work/nav.postmortem.yaml';

/** Applies LSP edits by UTF-16 offsets, last first so earlier offsets stay valid. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) starts.push((match.index ?? 0) + match[0].length);
  const offset = (p: Position) => (starts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  return sorted.reduce((result, edit) => result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end)), text);
}

function textAt(text: string, range: Range): string {
  const lines = text.split('\n');
  assert.equal(range.start.line, range.end.line);
  return (lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
}

/** Two factors, one quoted, referenced from a flow list and a block list; emoji before an id. */
const DOCUMENT = VALID.replace(
  / {2}factors:\n( {4}.*\n)+/,
  `  factors:
    - id: cache-config
      description: 接続設定 🔧 mixed up keys.
    - id: "weak-review"
      description: The change was not reviewed.
`,
).replace(
  / {2}- action: Revert[^]*?\[cache-config\]\n/,
  `  - {action: "設定を戻す 🔙", status: done, date: 2021-07-02, addresses: [cache-config, "weak-review"]}
  - action: Review every cache change.
    status: planned
    addresses:
      - weak-review
      - 'cache-config'
`,
);

/** The document with a cursor placed inside the n-th occurrence of `needle` (1-based). */
function cursorIn(needle: string, nth = 1, shift = 2): Position {
  let index = -1;
  for (let i = 0; i < nth; i++) index = DOCUMENT.indexOf(needle, index + 1);
  assert.ok(index >= 0, needle);
  return withCursor(DOCUMENT.slice(0, index + shift) + '|' + DOCUMENT.slice(index + shift)).position;
}

const texts = (locations: Location[]) => locations.map((location) => `${location.range.start.line}:${textAt(DOCUMENT, location.range)}`);

describe('navigation for factor ids', () => {
  const pm = service();
  const document = doc(DOCUMENT, URI);

  it('the fixture is valid', () => {
    assert.deepEqual(pm.validate(document), []);
  });

  it('goes from an id in a flow list, after emoji, to the factor (UTF-16 columns)', () => {
    const [definition] = pm.definition(document, cursorIn('cache-config, "'));
    assert.equal(definition?.uri, URI);
    assert.deepEqual(texts(pm.definition(document, cursorIn('cache-config, "'))), ['23:cache-config']);
    assert.deepEqual(texts(pm.definition(document, cursorIn('"weak-review"]', 1, 3))), ['25:weak-review']);
  });

  it('goes from a block list item, quoted or not, and from the end of the word', () => {
    assert.deepEqual(texts(pm.definition(document, cursorIn('- weak-review', 1, 2 + 'weak-review'.length))), ['25:weak-review']);
    assert.deepEqual(texts(pm.definition(document, cursorIn("'cache-config'", 1, 0))), ['23:cache-config']);
  });

  it('finds nothing away from factor ids', () => {
    assert.deepEqual(pm.definition(document, cursorIn('title:')), []);
    assert.deepEqual(pm.references(document, cursorIn('addresses:'), true), []);
    assert.deepEqual(pm.definition(document, cursorIn('description: The change')), []);
  });

  it('finds references from either end, honouring includeDeclaration', () => {
    const fromDefinition = pm.references(document, cursorIn('id: cache-config', 1, 6), false);
    assert.deepEqual(texts(fromDefinition), ['44:cache-config', '49:cache-config']);
    const fromUse = pm.references(document, cursorIn('- weak-review'), true);
    assert.deepEqual(texts(fromUse), ['25:weak-review', '44:weak-review', '48:weak-review']);
  });

  it('prepares a rename on either end and nowhere else', () => {
    const prepared = pm.prepareRename(document, cursorIn('"weak-review"\n', 1, 0));
    assert.equal(prepared?.placeholder, 'weak-review');
    assert.equal(textAt(DOCUMENT, prepared?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }), 'weak-review');
    assert.equal(pm.prepareRename(document, cursorIn('cache-config, "'))?.placeholder, 'cache-config');
    assert.equal(pm.prepareRename(document, cursorIn('status: planned')), null);
    assert.equal(pm.prepareRename(document, cursorIn('id: cache-misdisplay', 1, 6)), null);
  });

  it('renames every occurrence and keeps quotes', () => {
    const edit = pm.rename(document, cursorIn('- weak-review'), 'no-review');
    const after = applyEdits(DOCUMENT, edit?.changes?.[URI] ?? []);
    assert.equal(after, DOCUMENT.replace('id: "weak-review"', 'id: "no-review"').replace('"weak-review"]', '"no-review"]').replace('- weak-review', '- no-review'));
    assert.deepEqual(service().validate(doc(after)), []);
    const renamed = applyEdits(DOCUMENT, pm.rename(document, cursorIn('cache-config, "'), 'cache-settings')?.changes?.[URI] ?? []);
    assert.ok(!renamed.includes('cache-config'));
    assert.ok(renamed.includes("'cache-settings'"));
  });

  it('refuses names that are not slugs, or that another factor already has, and says why', () => {
    const position = cursorIn('- weak-review');
    for (const bad of ['Weak', 'weak review', '-weak', '', 'ウィーク']) assert.equal(pm.rename(document, position, bad), null, bad);
    assert.equal(pm.rename(document, position, 'cache-config'), null);
    assert.ok(pm.rename(document, position, 'weak-review'));

    const navigation = createNavigation(contextOf('ja'));
    const parsed = pm.parse(document);
    assert.match(navigation.checkRename(parsed, position, 'Weak') ?? '', /`Weak` は正しい原因要素 ID ではありません/);
    assert.match(navigation.checkRename(parsed, position, 'cache-config') ?? '', /すでに使われています/);
    assert.match(navigation.checkRename(parsed, cursorIn('title:'), 'x') ?? '', /名前を変更できるのは/);
    assert.equal(navigation.checkRename(parsed, position, 'fine-name'), null);
  });
});

function contextOf(locale: string): ServiceContext {
  return { schema: createSchemaIndex(schemaJson as SchemaNode), l10n: createLocalizer(locale), settings: () => ({ ...DEFAULT_SERVICE_SETTINGS }) };
}

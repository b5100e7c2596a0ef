import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Position, TextEdit } from 'vscode-languageserver-types';
import { createPostmortemService, type PostmortemService } from '../../server/src/service';
import type { ServiceOptions } from '../../server/src/service';
import type { TextDocumentLike } from '../../server/src/service/context';
import { createSchemaIndex, type SchemaNode } from '../../server/src/service/schema/schemaIndex';

export const repoRoot = join(__dirname, '..', '..');
export const samplesDir = join(repoRoot, 'samples');

let counter = 0;

/** A document for the service; each call gets a fresh URI so caches never leak between tests. */
export function doc(text: string, uri = `file:///test/${++counter}.postmortem.yaml`, version = 1): TextDocumentLike {
  return { uri, version, getText: () => text };
}

export function service(options: ServiceOptions = {}): PostmortemService {
  return createPostmortemService(options);
}

/**
 * Splits a text with one `|` cursor marker into the text without it and the marker's position,
 * so tests read like what a person sees in the editor.
 */
export function withCursor(textWithCursor: string): { text: string; position: Position } {
  const offset = textWithCursor.indexOf('|');
  if (offset < 0) throw new Error('no | cursor marker in the test text');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const before = text.slice(0, offset).split('\n');
  return { text, position: { line: before.length - 1, character: (before.at(-1) ?? '').length } };
}

/** Every `.ts` file under `dir`, at any depth (absolute paths). */
export function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The text of every unit test file, for the registry tests that ask whether a test names a check or a setting. */
export function unitTestsText(): string {
  const unitDir = join(repoRoot, 'test/unit');
  return readdirSync(unitDir)
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => readFileSync(join(unitDir, name), 'utf8'))
    .join('\n');
}

export function sampleFiles(): string[] {
  return readdirSync(samplesDir).filter((name) => /\.postmortem\.ya?ml$/.test(name));
}

export function readSample(name: string): string {
  return readFileSync(join(samplesDir, name), 'utf8');
}

/** A minimal valid postmortem to build test cases from; `patch` replaces or appends top-level blocks. */
export const VALID = `postmortem: 1
id: cache-misdisplay
title: Messages shown in the wrong chat
status: published
language: en
timezone: Asia/Tokyo
published: 2021-07-15
overview: For twelve minutes some messages appeared in the wrong chat room.
impact:
  period:
    start: 2021-06-30T12:00
    end: 2021-06-30T12:12
  counts:
    - label: Users who saw a misplaced message
      value: 1053
      breakdown:
        JP: 264
        TH: 729
        TW: 56
        other: 4
cause:
  summary: A cache connection setting was changed.
  factors:
    - id: cache-config
      description: The new connection setting mixed up keys.
timeline:
  - at: 2021-06-30T12:00
    event: Errors start after the setting change.
    kind: occurred
  - at: 2021-06-30T12:05
    event: Reports of send errors reach the team.
    kind: detected
  - at: 2021-06-30T12:12
    event: The cache server is restarted.
    kind: mitigated
  - at: 2021-07-02T15:11
    event: The setting is changed back.
    kind: resolved
  - at: 2021-07-15T12:00
    event: This notice is published.
    kind: published
countermeasures:
  - action: Revert the connection setting.
    type: technical
    status: done
    date: 2021-07-02
    addresses: [cache-config]
contact:
  url: https://example.com/contact
`;

/** Applies LSP edits by UTF-16 offsets; inserts at one position land in array order, as LSP says. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) starts.push((match.index ?? 0) + match[0].length);
  const offset = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
  const indexed = edits.map((edit, index) => ({ edit, index, start: offset(edit.range.start), end: offset(edit.range.end) }));
  indexed.sort((a, b) => b.start - a.start || b.index - a.index);
  let result = text;
  for (const { edit, start, end } of indexed) result = result.slice(0, start) + edit.newText + result.slice(end);
  return result;
}

let schemaIndex: ReturnType<typeof createSchemaIndex> | undefined;

/** The keys the schema allows at a path, so tests follow the format instead of counting its keys. */
export function schemaKeys(path: (string | number)[]): string[] {
  schemaIndex ??= createSchemaIndex(JSON.parse(readFileSync(join(repoRoot, 'schemas', 'postmortem.schema.json'), 'utf8')) as SchemaNode);
  return Object.keys(schemaIndex.at(path)?.properties ?? {});
}

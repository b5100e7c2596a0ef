import assert from 'node:assert/strict';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { escapeSnippet, snippetToText, tabStop } from '../../server/src/service/util/snippet';
import { applyEdits, doc, service, VALID } from './helpers';

/** "Add the missing contact" leaves a placeholder to tab to, in whatever way the client can take it. */

const URI = 'file:///work/cache-misdisplay.postmortem.yaml';
const NO_CONTACT = VALID.replace(/^contact:\n( {2}.*\n)+/m, '');

function contactFix(snippets: 'lsp' | { command: string } | 'none'): CodeAction {
  const pm = service({ snippets });
  const document = doc(NO_CONTACT, URI);
  const missing = pm.validate(document).filter((diagnostic) => diagnostic.code === 'schema-required');
  assert.equal(missing.length, 1);
  const fix = pm.codeActions(document, missing[0]!.range, missing).find((action) => /contact/.test(action.title));
  assert.ok(fix, 'expected the contact fix');
  return fix;
}

describe('snippets in quick fixes', () => {
  it('snippet text: escapes, tab stops and the plain text a snippet stands for', () => {
    assert.equal(escapeSnippet('cost: $5 {a}'), 'cost: \\$5 {a\\}');
    assert.equal(tabStop(1), '${1}');
    assert.equal(tabStop(2, 'https://example.com/$x'), '${2:https://example.com/\\$x}');
    assert.equal(snippetToText('title: ${1}\nurl: ${2:https://example.com/contact}\nprice: \\$5 $0'), 'title:\nurl: https://example.com/contact\nprice: $5');
  });

  it('plain text for a client without snippets: a valid placeholder URL, no finding left', () => {
    const fix = contactFix('none');
    const after = applyEdits(NO_CONTACT, fix.edit?.changes?.[URI] ?? []);
    assert.equal(after, NO_CONTACT + 'contact:\n  url: https://example.com/contact\n');
    assert.deepEqual(service().validate(doc(after)), []);
  });

  it('a command with the snippet for the VS Code client, which runs it as a snippet session', () => {
    const fix = contactFix({ command: 'postmortem.insertSnippet' });
    assert.equal(fix.edit, undefined);
    assert.equal(fix.command?.command, 'postmortem.insertSnippet');
    const [args] = (fix.command?.arguments ?? []) as { uri: string; version: number; range: TextEdit['range']; snippet: string }[];
    assert.equal(args?.uri, URI);
    assert.equal(args?.version, 1);
    assert.equal(args?.snippet, 'contact:\n  url: ${1:https://example.com/contact}\n');
    assert.equal(applyEdits(NO_CONTACT, [{ range: args!.range, newText: snippetToText(args!.snippet) }]), NO_CONTACT + 'contact:\n  url: https://example.com/contact\n');
  });

  it('an LSP 3.18 snippet edit for clients that announce snippetEditSupport', () => {
    const fix = contactFix('lsp');
    const [change] = (fix.edit?.documentChanges ?? []) as { textDocument: { uri: string }; edits: { snippet?: { kind: string; value: string } }[] }[];
    assert.equal(change?.textDocument.uri, URI);
    assert.deepEqual(change?.edits[0]?.snippet, { kind: 'snippet', value: 'contact:\n  url: ${1:https://example.com/contact}\n' });
  });

  it('every value of a skeleton is a tab stop, numbered in document order', () => {
    const fix = contactFix({ command: 'x' });
    assert.ok(fix.command);
    const pm = service({ snippets: { command: 'x' } });
    const noImpact = VALID.replace(/^impact:\n( {2}.*\n)+/m, '');
    const document = doc(noImpact, URI);
    const missing = pm.validate(document).filter((diagnostic) => diagnostic.code === 'schema-required');
    const [args] = (pm.codeActions(document, missing[0]!.range, missing)[0]?.command?.arguments ?? []) as { snippet: string }[];
    assert.equal(args?.snippet, 'impact:\n  period:\n    start: ${1:2021-06-30T12:00}\n');
  });

  it('several edits at once go as plain text even to a snippet client', () => {
    const pm = service({ snippets: { command: 'x' } });
    const bare = 'postmortem: 1\n';
    const document = doc(bare, URI);
    const missing = pm.validate(document).filter((diagnostic) => diagnostic.code === 'schema-required');
    const all = pm.codeActions(document, missing[0]!.range, missing).find((action) => /all missing/.test(action.title));
    assert.ok(all?.edit?.changes?.[URI], 'plain edits expected');
    assert.equal(all.command, undefined);
    assert.ok(!(all.edit.changes[URI] ?? []).some((edit) => edit.newText.includes('${')));
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestClient, type ClientOptions } from './lspClient';

/** Format 1.1's checks and quick fixes over plain LSP, as any editor gets them. */

const samplesDir = join(__dirname, '..', '..', 'samples');
const base = readFileSync(join(samplesDir, 'official-account-misdisplay.en.postmortem.yaml'), 'utf8');
const uri = 'file:///lsp/checks.postmortem.yaml';

interface Action {
  title: string;
  edit?: { changes?: Record<string, { newText: string }[]>; documentChanges?: { edits: { snippet?: { value: string } }[] }[] };
  command?: { command: string; arguments?: { snippet: string }[] };
}

async function withClient(options: ClientOptions, text: string, run: (client: TestClient, diagnostics: { code?: unknown; range: unknown }[]) => Promise<void>): Promise<void> {
  const client = new TestClient(options);
  try {
    await client.initialize();
    client.open(uri, text);
    const published = await client.waitForDiagnostics(uri);
    await run(client, published.diagnostics);
  } finally {
    await client.shutdown();
  }
}

function actions(client: TestClient, diagnostic: { range: unknown }): Promise<Action[]> {
  return client.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
}

describe('LSP server over stdio: format 1.1 checks and fixes', function () {
  it('a zone abbreviation: one finding, with the zones it can mean as fixes', async () => {
    const text = base.replace(/^timezone: .*$/m, 'timezone: BST');
    assert.notEqual(text, base);
    await withClient({}, text, async (client, diagnostics) => {
      // The sample is published late (information); the zone is the one problem, said once.
      const problems = diagnostics.filter((diagnostic) => diagnostic.code !== 'disclosure-lag');
      assert.deepEqual(problems.map((diagnostic) => diagnostic.code), ['timezone-abbreviation']);
      const titles = (await actions(client, problems[0]!)).map((action) => action.title);
      assert.deepEqual(titles.slice(0, 2), ['Set `timezone` to `Europe/London`', 'Set `timezone` to `Asia/Dhaka`']);
    });
  });

  // A 1.1 sample (no project configuration here: its severity is free text).
  const edge = readFileSync(join(samplesDir, 'edge-cache-rollout.postmortem.yaml'), 'utf8');
  const problemsIn = (diagnostics: { code?: unknown; severity?: unknown }[]) => diagnostics.filter((diagnostic) => diagnostic.severity === 1 || diagnostic.severity === 2);

  it('a 1.1 sample has no problem; a due date before the server\'s today is `overdue`, a warning', async () => {
    await withClient({}, edge, async (_client, diagnostics) => assert.deepEqual(problemsIn(diagnostics), []));
    await withClient({}, edge.replace('due: 2028-02-25', 'due: 2020-01-15'), async (_client, diagnostics) => {
      assert.deepEqual(problemsIn(diagnostics).map((diagnostic) => [diagnostic.code, diagnostic.severity]), [['overdue', 2]]);
    });
  });

  it('`until` before `at`: `until-order` with the swap as the preferred fix', async () => {
    await withClient({}, edge.replace('until: 2025-05-12T16:41', 'until: 2025-05-12T15:15'), async (client, diagnostics) => {
      const found = diagnostics.filter((diagnostic) => diagnostic.code === 'until-order');
      assert.equal(found.length, 1);
      const swap = (await actions(client, found[0]!)).find((action) => action.title === 'Swap `at` and `until`') as (Action & { isPreferred?: boolean }) | undefined;
      assert.ok(swap);
      assert.equal(swap.isPreferred, true);
      assert.deepEqual(swap.edit?.changes?.[uri]?.map((edit) => edit.newText), ['2025-05-12T15:15', '2025-05-12T15:20']);
    });
  });

  it('a known synonym (`affected_services`) is renamed to `services`', async () => {
    await withClient({}, edge.replace(/^services:/m, 'affected_services:'), async (client, diagnostics) => {
      const unknown = diagnostics.filter((diagnostic) => diagnostic.code === 'schema-unknown-key');
      assert.equal(unknown.length, 1);
      const rename = (await actions(client, unknown[0]!)).find((action) => action.title === 'Rename key `affected_services` to `services`');
      assert.deepEqual(rename?.edit?.changes?.[uri]?.map((edit) => edit.newText), ['services']);
    });
  });

  const noContact = base.replace(/^contact:\n( {2}.*\n)+/m, '');
  const contactFix = async (options: ClientOptions, check: (fix: Action) => void) =>
    withClient(options, noContact, async (client, diagnostics) => {
      const missing = diagnostics.filter((diagnostic) => diagnostic.code === 'schema-required');
      assert.equal(missing.length, 1);
      const fix = (await actions(client, missing[0]!)).find((action) => /`contact`/.test(action.title));
      assert.ok(fix);
      check(fix);
    });

  it('"add the missing contact": plain text with a valid placeholder for a client without snippets', async () => {
    await contactFix({}, (fix) => assert.deepEqual(fix.edit?.changes?.[uri]?.map((edit) => edit.newText), ['contact:\n  url: https://example.com/contact\n']));
  });

  it('…a SnippetTextEdit for a client that announces LSP 3.18 snippet edits', async () => {
    await contactFix({ snippetEdits: true }, (fix) => assert.equal(fix.edit?.documentChanges?.[0]?.edits[0]?.snippet?.value, 'contact:\n  url: ${1:https://example.com/contact}\n'));
  });

  it('…a command for our VS Code client, which runs the snippet itself', async () => {
    await contactFix({ initializationOptions: { insertSnippetCommand: true } }, (fix) => {
      assert.equal(fix.edit, undefined);
      assert.equal(fix.command?.command, 'postmortem.insertSnippet');
      assert.equal(fix.command?.arguments?.[0]?.snippet, 'contact:\n  url: ${1:https://example.com/contact}\n');
    });
  });
});

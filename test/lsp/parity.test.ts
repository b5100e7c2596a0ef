import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { VALID } from '../unit/helpers';
import { TestClient } from './lspClient';

const JA = VALID.replace('language: en', 'language: ja');
const parity = (diagnostics: Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.code === 'parity-mismatch');
const valueLine = VALID.split('\n').findIndex((line) => line.trim() === 'value: 1053');
const valueRange = { start: { line: valueLine, character: 13 }, end: { line: valueLine, character: 17 } };

describe('LSP server over stdio: language versions', function () {
  let client: TestClient;
  let folder: string;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'pm-lsp-parity-'));
    // A Japanese version on disk only, never opened: the server reads it from the workspace.
    writeFileSync(join(folder, 'disk.postmortem.yaml'), JA.replace('id: cache-misdisplay', 'id: on-disk').replace('other: 4', 'other: 5').replace('value: 1053', 'value: 1054'));
    client = new TestClient({ rootUri: pathToFileURL(folder).href });
    await client.initialize();
  });
  after(() => client.shutdown());

  it('warns in both open files, links each to the other, and clears both when the edit is undone', async () => {
    const en = pathToFileURL(join(folder, 'open.en.postmortem.yaml')).href;
    const ja = pathToFileURL(join(folder, 'open.postmortem.yaml')).href;
    client.open(en, VALID);
    client.open(ja, JA);
    await client.waitForDiagnostics(ja, (p) => p.version === 1 && parity(p.diagnostics).length === 0);
    client.change(ja, 2, [{ range: valueRange, text: '1054' }]);
    const jaWarned = await client.waitForDiagnostics(ja, (p) => p.version === 2 && parity(p.diagnostics).length > 0);
    assert.equal(parity(jaWarned.diagnostics)[0]?.relatedInformation?.[0]?.location.uri, en);
    // The unchanged English file is re-checked because its Japanese version changed.
    const enWarned = await client.waitForDiagnostics(en, (p) => parity(p.diagnostics).some((d) => /which says `1054`/.test(d.message)));
    const finding = parity(enWarned.diagnostics)[0]!;
    assert.equal(finding.severity, 2);
    assert.deepEqual(finding.range, valueRange);
    assert.equal(finding.relatedInformation?.[0]?.location.uri, ja);
    assert.deepEqual(finding.relatedInformation?.[0]?.location.range, valueRange);
    const seen = client.publications(en).length;
    client.change(ja, 3, [{ range: valueRange, text: '1053' }]);
    await client.waitForDiagnostics(ja, (p) => p.version === 3 && parity(p.diagnostics).length === 0);
    await client.waitForDiagnostics(en, (p) => client.publications(en).indexOf(p) >= seen && parity(p.diagnostics).length === 0);
  });

  it('compares an open file with its other version on disk', async () => {
    const en = pathToFileURL(join(folder, 'on-disk.en.postmortem.yaml')).href;
    client.open(en, VALID.replace('id: cache-misdisplay', 'id: on-disk'));
    const published = await client.waitForDiagnostics(en, (p) => parity(p.diagnostics).length > 0);
    assert.match(parity(published.diagnostics)[0]!.message, /Japanese version \(disk\.postmortem\.yaml\), which says `1054`/);
    // The file changes on disk (another tool, a git checkout): the open version is re-checked.
    const seen = client.publications(en).length;
    writeFileSync(join(folder, 'disk.postmortem.yaml'), JA.replace('id: cache-misdisplay', 'id: on-disk'));
    await client.waitForDiagnostics(en, (p) => client.publications(en).indexOf(p) >= seen && parity(p.diagnostics).length === 0);
  });

  it('when an edited version is closed unsaved, its file on disk stands for it again', async () => {
    const folderUri = (name: string) => pathToFileURL(join(folder, name)).href;
    const text = VALID.replace('id: cache-misdisplay', 'id: closing');
    writeFileSync(join(folder, 'closing.en.postmortem.yaml'), text.replace('value: 1053', 'value: 1077'));
    const en = folderUri('closing.en.postmortem.yaml');
    const ja = folderUri('closing.postmortem.yaml');
    client.open(ja, JA.replace('id: cache-misdisplay', 'id: closing'));
    await client.waitForDiagnostics(ja, (p) => p.version === 1 && parity(p.diagnostics).some((d) => /which says `1077`/.test(d.message)));
    // The English file is opened and edited without saving: the Japanese one is warned about the edit.
    client.open(en, text);
    client.change(en, 2, [{ range: valueRange, text: '1099' }]);
    await client.waitForDiagnostics(ja, (p) => parity(p.diagnostics).some((d) => /which says `1099`/.test(d.message)));
    const seen = client.publications(ja).length;
    client.close(en);
    await client.waitForDiagnostics(ja, (p) => client.publications(ja).indexOf(p) >= seen && parity(p.diagnostics).some((d) => /which says `1077`/.test(d.message)));
  });
});

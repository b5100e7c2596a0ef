// First end-to-end check: the extension is there, activates on a sample, and owns the language.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, LANGUAGE_ID, closeAllEditors, getExtension, listSamples, openSample, waitUntil, withTimeout } from './helpers';

describe('smoke', () => {
  after(closeAllEditors);

  it(`extension ${EXTENSION_ID} is installed`, () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} not found; loaded: ${vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.')).join(', ')}`);
  });

  it('the workspace holds the samples', async () => {
    const samples = await listSamples();
    assert.ok(samples.length > 0, 'no *.postmortem.yaml files in the workspace folder');
  });

  it('a sample opens as language "postmortem" and the extension activates', async () => {
    const [first] = await listSamples();
    assert.ok(first);
    const editor = await openSample(first);
    assert.equal(editor.document.languageId, LANGUAGE_ID);
    const ext = getExtension();
    // Opening a postmortem file is what activates the extension (onLanguage); wait for it.
    await waitUntil(() => ext.isActive, 20_000, `${EXTENSION_ID} to become active after opening ${first}`);
    // activate() on an active extension resolves at once, or rejects if activation threw.
    await withTimeout(ext.activate(), 5_000, `activate() of ${EXTENSION_ID}`);
  });

  it('every sample is language "postmortem"', async () => {
    for (const name of await listSamples()) {
      const editor = await openSample(name, { preview: true });
      assert.equal(editor.document.languageId, LANGUAGE_ID, name);
    }
  });
});

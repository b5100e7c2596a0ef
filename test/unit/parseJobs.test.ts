import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ParseJobs } from '../../server/src/server/slices';
import { service, VALID } from './helpers';

describe('the server: one sliced parse per document (ParseJobs)', () => {
  it('finishes when a synchronous parse of the same version takes over a paused one', async function () {
    this.timeout(60_000);
    // Long enough that the sliced parse pauses (slices of ~15 ms) before it is done.
    const events = Array.from({ length: 20_000 }, (_, i) => `  - at: 2021-07-16T00:00\n    event: Event ${i}\n    kind: other\n`).join('');
    const document = TextDocument.create('file:///jobs/big.postmortem.yaml', 'postmortem', 1, VALID.replace(/^timeline:\n/m, `timeline:\n${events}`));
    const pm = service();
    const jobs = new ParseJobs(() => pm, () => undefined, () => true);
    const waiting = jobs.parsed(document);
    // What parity does for another document's check: it reads this one, which abandons the paused
    // parse. The wait must then end (it once looped forever in microtasks, freezing the server).
    pm.parse(document);
    assert.equal(await waiting, true);
    assert.equal(await jobs.parsed(document), true);
  });
});

import assert from 'node:assert/strict';
import { QuietTurns } from '../../server/src/server/quiet';

/** The scheduler diagnostics and the preview's answers share (server/src/server/quiet.ts). */
describe('quiet turns', () => {
  it('runs waiters after the first turn of the event loop in which no change arrived', async () => {
    const quiet = new QuietTurns();
    const order: string[] = [];
    quiet.changed();
    quiet.whenQuiet(() => order.push('diagnostics'));
    // A change in each of the next two turns, as the JSON-RPC reader hands over one message per turn.
    setImmediate(() => {
      order.push('change 1');
      quiet.changed();
      setImmediate(() => {
        order.push('change 2');
        quiet.changed();
      });
    });
    await quiet.settled().then(() => order.push('preview'));
    assert.deepEqual(order, ['change 1', 'change 2', 'diagnostics', 'preview']);
  });

  it('lets an idle server answer after a single turn', async () => {
    const quiet = new QuietTurns();
    let turns = 0;
    setImmediate(() => turns++);
    await quiet.settled();
    assert.equal(turns, 1);
  });
});

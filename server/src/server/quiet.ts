/**
 * The one scheduler of work that should follow typing rather than race it: diagnostics (push) and
 * the preview's timeline answers. There is no fixed debounce: waiters run after the first turn of
 * the event loop in which no change arrived. The JSON-RPC reader hands over one message per turn,
 * so a burst of keystrokes is answered once, at its end, while an idle server waits a single turn.
 */
export class QuietTurns {
  private scheduled: NodeJS.Immediate | undefined;
  private changedSinceTurn = false;
  private readonly waiting: (() => void)[] = [];

  /** A document changed: whoever waits waits for one more turn without changes. */
  changed(): void {
    this.changedSinceTurn = true;
    this.schedule();
  }

  /** Runs `then` after the next quiet turn. */
  whenQuiet(then: () => void): void {
    this.waiting.push(then);
    this.schedule();
  }

  settled(): Promise<void> {
    return new Promise((resolve) => this.whenQuiet(resolve));
  }

  private schedule(): void {
    this.scheduled ??= setImmediate(() => this.afterTurn());
  }

  private afterTurn(): void {
    if (this.changedSinceTurn) {
      this.changedSinceTurn = false;
      this.scheduled = setImmediate(() => this.afterTurn());
      return;
    }
    this.scheduled = undefined;
    for (const then of this.waiting.splice(0)) then();
  }
}

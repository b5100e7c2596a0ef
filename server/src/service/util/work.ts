/**
 * Long computations of the service (the parse of a long document, its checks) are written as
 * generators that pause (`yield`) at points where stopping is safe, whenever the `shouldYield`
 * they were given says so. The service has no clock and no timers: the caller decides. The LSP
 * server asks to pause after a few milliseconds and handles incoming messages in between; the
 * command line and the tests run the work in one go.
 */
export type Work<T> = Generator<void, T, void>;

/** A `shouldYield` that never asks to pause. */
export const never = (): boolean => false;

/** Runs a work to its end, without pausing. */
export function runToEnd<T>(work: Work<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

import type { Work } from '../util/work';

/**
 * Everything derived from one version of one document lives on that version's snapshot: facts,
 * indentation, factor occurrences, regulatory analysis, parity facts, diagnostics, timeline model.
 * Features ask for a derived value with `query(parsed, QUERY, …)`; the first request computes it and
 * later ones in the same version get the same object. A new version has a new, empty snapshot, so
 * nothing needs invalidating and nothing outlives its version.
 *
 * The one rule of the parse cache lives here too: the incremental parser moves the unchanged parts
 * of the tree into the next version, so a parse (and everything read from it) is valid only until
 * the next parse of the same URI. The parse cache marks the old snapshot `superseded`; with
 * `assertSnapshotsCurrent(true)` (the unit tests) a query on it throws instead of reading a moved tree.
 */
export class Snapshot {
  superseded = false;
  private readonly answers = new Map<Query<unknown>, { key: readonly unknown[]; value: unknown }>();

  get<T>(query: Query<T>, key: readonly unknown[]): { value: T } | undefined {
    const known = this.answers.get(query as Query<unknown>);
    return known && sameKey(known.key, key) ? { value: known.value as T } : undefined;
  }

  set<T>(query: Query<T>, key: readonly unknown[], value: T): void {
    this.answers.set(query as Query<unknown>, { key, value });
  }
}

/** A named kind of derived value; the name is for messages, the object itself is the identity. */
export interface Query<T> {
  readonly name: string;
  /** Never read: it carries `T` so that `query` is typed by the query it is given. */
  readonly type?: T;
}

export function defineQuery<T>(name: string): Query<T> {
  return { name };
}

/** Anything with a snapshot: a parse (`ParsedPostmortem`). */
export interface HasSnapshot {
  readonly snapshot: Snapshot;
}

let assertCurrent = false;

/** Tests turn this on: reading a superseded version's snapshot then throws. */
export function assertSnapshotsCurrent(on: boolean): void {
  assertCurrent = on;
}

function snapshotOf(parsed: HasSnapshot, query: Query<unknown>): Snapshot {
  if (assertCurrent && parsed.snapshot.superseded) throw new Error(`query '${query.name}' on a parse that a newer version of the same document replaced`);
  return parsed.snapshot;
}

/**
 * The value of `query` for this version, computed once. `key` lists the other inputs the value
 * depends on (settings, the UI locale, the team's regimes): compared one by one with `===`, and a
 * different key computes again.
 */
export function query<T>(parsed: HasSnapshot, which: Query<T>, compute: () => T, key: readonly unknown[] = []): T {
  const snapshot = snapshotOf(parsed, which as Query<unknown>);
  const known = snapshot.get(which, key);
  if (known) return known.value;
  const value = compute();
  snapshot.set(which, key, value);
  return value;
}

/** The same for a value computed as a Work (util/work.ts), which may pause in between. */
export function* querySteps<T>(parsed: HasSnapshot, which: Query<T>, compute: () => Work<T>, key: readonly unknown[] = []): Work<T> {
  const known = snapshotOf(parsed, which as Query<unknown>).get(which, key);
  if (known) return known.value;
  const value = yield* compute();
  parsed.snapshot.set(which, key, value);
  return value;
}

function sameKey(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

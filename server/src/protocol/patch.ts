/**
 * Patches between two plain-JSON records (the timeline model), computed by the server and applied
 * by the extension and the webview. Typing changes one event or one field of a model that has
 * 10,000 events; a patch carries only that. Imports nothing: it is wire code both sides run.
 *
 * The unit is the top-level field: a changed field is sent whole (they are small), except arrays,
 * which are sent as one splice between their common head and tail (events, links). What JSON cannot
 * say (a field that became undefined) is listed in `unset`, so a patch survives JSON-RPC.
 */

type ArrayKey<T> = { [K in keyof T]-?: NonNullable<T[K]> extends readonly unknown[] ? K : never }[keyof T] & string;
type ItemOf<V> = NonNullable<V> extends readonly (infer I)[] ? I : never;

/** Replace `deleteCount` items at `start` by `items`. */
export interface Splice<I> {
  start: number;
  deleteCount: number;
  items: I[];
}

export interface Patch<T> {
  /** Fields that changed, each whole; an array field goes to `splices` when it was an array before too. */
  set: Partial<T>;
  /** Optional fields that are gone. */
  unset: (keyof T & string)[];
  splices: { [K in ArrayKey<T>]?: Splice<ItemOf<T[K]>> };
}

/** The patch that turns `before` into `after`; nothing in it when they are equal. */
export function makePatch<T extends object>(before: T, after: T): Patch<T> {
  const old = before as Record<string, unknown>;
  const next = after as Record<string, unknown>;
  const set: Record<string, unknown> = {};
  const splices: Record<string, Splice<unknown>> = {};
  const unset = Object.keys(old).filter((key) => old[key] !== undefined && next[key] === undefined);
  for (const [key, value] of Object.entries(next)) {
    if (value === undefined) continue;
    const previous = old[key];
    if (Array.isArray(previous) && Array.isArray(value)) {
      const splice = diffArray(previous, value);
      if (splice) splices[key] = splice;
    } else if (!sameJson(previous, value)) {
      set[key] = value;
    }
  }
  return { set, unset, splices } as Patch<T>;
}

function diffArray(before: readonly unknown[], after: readonly unknown[]): Splice<unknown> | undefined {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && sameJson(before[start], after[start])) start++;
  if (start === before.length && start === after.length) return undefined;
  let tail = 0;
  while (tail < shorter - start && sameJson(before[before.length - 1 - tail], after[after.length - 1 - tail])) tail++;
  return { start, deleteCount: before.length - start - tail, items: after.slice(start, after.length - tail) };
}

/**
 * The model after the patch; `base` is not changed (its unchanged items are shared). Throws a
 * RangeError when a splice does not fit the base: the patch was made for another model.
 */
export function applyPatch<T extends object>(base: T, patch: Patch<T>): T {
  const next: Record<string, unknown> = { ...base, ...patch.set };
  for (const key of patch.unset) delete next[key];
  for (const [key, splice] of Object.entries(patch.splices as Record<string, Splice<unknown> | undefined>)) {
    const items = (base as Record<string, unknown>)[key];
    if (!splice) continue;
    if (!Array.isArray(items) || splice.start + splice.deleteCount > items.length) throw new RangeError(`the patch of ${key} does not fit the model it is applied to`);
    const copy = items.slice();
    copy.splice(splice.start, splice.deleteCount, ...splice.items);
    next[key] = copy;
  }
  return next as T;
}

/** Whether a patch changes nothing. */
export function isEmptyPatch<T>(patch: Patch<T>): boolean {
  return Object.keys(patch.set).length === 0 && patch.unset.length === 0 && Object.keys(patch.splices).length === 0;
}

/**
 * Equality as JSON sees it: a field set to undefined is no field. Compares structure without
 * serializing, so equal events (the common case) cost a walk, not a string of the whole model.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) if (!sameJson(a[index], b[index])) return false;
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let defined = 0;
  for (const key in left) {
    if (left[key] === undefined) continue;
    defined++;
    if (!sameJson(left[key], right[key])) return false;
  }
  for (const key in right) if (right[key] !== undefined) defined--;
  return defined === 0;
}

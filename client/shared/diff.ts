import type { ModelPatch, ViewEvent, ViewModel } from './messages';

/**
 * The patch from one model to the next. Typing changes one event or one field; sending only that
 * keeps a 10,000-event preview responsive where resending everything would not. Top-level fields
 * are compared by their JSON (they are small); events by their own fields, from both ends.
 */
export function diffModels(previous: ViewModel, next: ViewModel): ModelPatch {
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof ViewModel)[]) {
    if (key === 'events') continue;
    if (JSON.stringify(previous[key]) !== JSON.stringify(next[key])) fields[key] = next[key];
  }
  for (const key of Object.keys(previous) as (keyof ViewModel)[]) {
    // A field that disappeared (`problem` once the text parses again) is sent as undefined.
    if (!(key in next) && key !== 'events') fields[key] = undefined;
  }
  return { version: next.version, fields: fields as ModelPatch['fields'], events: diffEvents(previous.events, next.events) };
}

function diffEvents(before: readonly ViewEvent[], after: readonly ViewEvent[]): ModelPatch['events'] {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && sameEvent(before[start], after[start])) start++;
  let tail = 0;
  while (tail < shorter - start && sameEvent(before[before.length - 1 - tail], after[after.length - 1 - tail])) tail++;
  if (start === before.length && start === after.length) return undefined;
  return { start, deleteCount: before.length - start - tail, items: after.slice(start, after.length - tail) };
}

export function applyPatch(model: ViewModel, patch: ModelPatch): ViewModel {
  const next: ViewModel = { ...model, ...patch.fields, version: patch.version };
  for (const [key, value] of Object.entries(patch.fields)) {
    if (value === undefined) delete (next as unknown as Record<string, unknown>)[key];
  }
  if (patch.events) {
    const events = model.events.slice();
    events.splice(patch.events.start, patch.events.deleteCount, ...patch.events.items);
    next.events = events;
  }
  return next;
}

function sameEvent(a: ViewEvent | undefined, b: ViewEvent | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.id === b.id &&
    a.kind === b.kind &&
    a.text === b.text &&
    a.pos === b.pos &&
    a.endPos === b.endPos &&
    a.relative === b.relative &&
    sameTime(a.at, b.at) &&
    sameTime(a.until, b.until)
  );
}

function sameTime(a: ViewEvent['at'], b: ViewEvent['at']): boolean {
  if (!a || !b) return a === b;
  return a.instant === b.instant && a.end === b.end && a.text === b.text && a.precision === b.precision && a.zoneKnown === b.zoneKnown;
}

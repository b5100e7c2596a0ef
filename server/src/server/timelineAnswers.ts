import { randomUUID } from 'node:crypto';
import { makePatch, type Patch } from '../protocol/patch';
import { keepsBase, type TimelineAnswer } from '../protocol/timeline';
import type { TimelineModel } from '../service';

/** Below this many kept items and fields a patch may not be smaller than the model: measure both. */
const SURELY_SMALLER = 256;

/**
 * The server's half of the preview's patches: per open document, the last model it answered (the
 * one the client now holds), so the next answer can be a patch against it. Memory is one model per
 * open document, dropped when the document closes. The whole model goes out on a first request,
 * for a revision it does not hold (another process's, an older one, a client that lost track) and
 * when the patch would not be smaller.
 */
export class TimelineAnswers {
  private readonly kept = new Map<string, { revision: string; model: TimelineModel }>();
  /** Revisions name this process's answers: a restarted server never matches an old one. */
  private readonly instance = randomUUID().slice(0, 8);
  private counter = 0;

  answer(uri: string, model: TimelineModel, since: string | undefined): TimelineAnswer {
    const revision = `${this.instance}.${++this.counter}`;
    const base = this.kept.get(uri);
    if (base && since !== undefined && base.revision === since) {
      const patch = makePatch(base.model, model);
      if (smaller(patch, model)) {
        if (!keepsBase(base.model, model)) this.kept.set(uri, { revision, model });
        return { kind: 'patch', revision, since, patch };
      }
    }
    this.kept.set(uri, { revision, model });
    return { kind: 'model', revision, model };
  }

  forget(uri: string): void {
    this.kept.delete(uri);
  }

  /** For tests: how many models are held. */
  get size(): number {
    return this.kept.size;
  }
}

/**
 * A patch holds a subset of the model's fields and items, plus a few bytes of framing per field
 * and splice. When it keeps many of the old items it is smaller for sure, and serializing the
 * model to prove it (4 MB at 10,000 events) would cost more than the answer saves.
 */
function smaller(patch: Patch<TimelineModel>, after: TimelineModel): boolean {
  let keptItems = 0;
  for (const [key, value] of Object.entries(after)) {
    if (Array.isArray(value)) {
      const splice = (patch.splices as Record<string, { items: unknown[] } | undefined>)[key];
      keptItems += value.length - (splice?.items.length ?? 0);
    } else if (value !== undefined && !(key in patch.set)) {
      keptItems++;
    }
  }
  if (keptItems >= SURELY_SMALLER) return true;
  return JSON.stringify(patch).length < JSON.stringify(after).length;
}

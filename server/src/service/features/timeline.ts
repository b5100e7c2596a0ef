import type { ServiceContext } from '../context';
import type { ParsedPostmortem } from '../parse/parse';
import { buildTimelineModel } from './timeline/build';
import type { TimelineModel } from './timeline/model';

export type * from './timeline/model';
export { EVENT_KINDS } from './timeline/model';

export function createTimeline(context: ServiceContext) {
  // One model per parse and deadline: the preview asks again on every focus change and export
  // renders from the same model, so both reuse it while the text stays the same.
  const cache = new WeakMap<ParsedPostmortem, { deadlineDays: number; model: TimelineModel }>();
  return {
    provideTimelineModel(parsed: ParsedPostmortem): TimelineModel {
      const deadlineDays = context.settings(parsed.uri).disclosureDeadlineDays;
      const cached = cache.get(parsed);
      if (cached?.deadlineDays === deadlineDays) return cached.model;
      const model = buildTimelineModel(parsed, { deadlineDays, ui: context.l10n });
      cache.set(parsed, { deadlineDays, model });
      return model;
    },
  };
}

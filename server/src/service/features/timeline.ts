import type { ServiceContext } from '../context';
import type { ParsedPostmortem } from '../parse/parse';
import { buildTimelineModel } from './timeline/build';
import type { TimelineModel } from './timeline/model';

export type * from './timeline/model';
export { EVENT_KINDS } from './timeline/model';

export function createTimeline(context: ServiceContext) {
  // One model per parse and deadline: the preview asks again on every focus change and export
  // renders from the same model, so both reuse it while the text stays the same.
  const cache = new WeakMap<ParsedPostmortem, { deadlineDays: number; regimes: unknown; model: TimelineModel }>();
  return {
    provideTimelineModel(parsed: ParsedPostmortem): TimelineModel {
      const { disclosureDeadlineDays: deadlineDays, project } = context.settings(parsed.uri);
      const cached = cache.get(parsed);
      if (cached?.deadlineDays === deadlineDays && cached.regimes === project.regimes) return cached.model;
      const model = buildTimelineModel(parsed, { deadlineDays, ui: context.l10n, ...(project.regimes ? { regimes: project.regimes } : {}) });
      cache.set(parsed, { deadlineDays, regimes: project.regimes, model });
      return model;
    },
  };
}

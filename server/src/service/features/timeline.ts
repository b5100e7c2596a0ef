import type { ServiceContext } from '../context';
import type { ParsedPostmortem } from '../parse/parse';
import { buildTimelineModel } from './timeline/build';
import type { TimelineModel } from './timeline/model';

export type * from './timeline/model';
export { EVENT_KINDS } from './timeline/model';

export function createTimeline(context: ServiceContext) {
  // One model per parse and deadline: the preview asks again on every focus change and export
  // renders from the same model, so both reuse it while the text stays the same.
  const cache = new WeakMap<ParsedPostmortem, { deadlineDays: number; today: string | undefined; ticketUrl: string | undefined; regimes: unknown; model: TimelineModel }>();
  return {
    provideTimelineModel(parsed: ParsedPostmortem): TimelineModel {
      const { disclosureDeadlineDays: deadlineDays, today, project } = context.settings(parsed.uri);
      const ticketUrl = project.ticketUrl;
      const cached = cache.get(parsed);
      if (cached?.deadlineDays === deadlineDays && cached.today === today && cached.ticketUrl === ticketUrl && cached.regimes === project.regimes) return cached.model;
      const model = buildTimelineModel(parsed, { deadlineDays, today, ticketUrl, ui: context.l10n, ...(project.regimes ? { regimes: project.regimes } : {}) });
      cache.set(parsed, { deadlineDays, today, ticketUrl, regimes: project.regimes, model });
      return model;
    },
  };
}

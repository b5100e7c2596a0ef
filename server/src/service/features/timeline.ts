import { defineQuery, query } from '../parse/snapshot';
import type { ServiceContext } from '../context';
import type { ParsedPostmortem } from '../parse/parse';
import { buildTimelineModel } from './timeline/build';
import type { TimelineModel } from './timeline/model';

export type * from './timeline/model';
export { EVENT_KINDS } from './timeline/model';

const TIMELINE_MODEL = defineQuery<TimelineModel>('timeline model');

export type Timeline = ReturnType<typeof createTimeline>;

export function createTimeline(context: Pick<ServiceContext, 'l10n' | 'settings'>) {
  // One model per parse and deadline: the preview asks again on every focus change and export
  // renders from the same model, so both reuse it while the text stays the same.
  return {
    provideTimelineModel(parsed: ParsedPostmortem): TimelineModel {
      const { disclosureDeadlineDays: deadlineDays, today, project } = context.settings(parsed.uri);
      const ticketUrl = project.ticketUrl;
      return query(
        parsed,
        TIMELINE_MODEL,
        () => buildTimelineModel(parsed, { deadlineDays, today, ticketUrl, ui: context.l10n, ...(project.regimes ? { regimes: project.regimes } : {}) }),
        [deadlineDays, today, ticketUrl, project.regimes, context.l10n.locale],
      );
    },
  };
}

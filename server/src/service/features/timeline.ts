import { defineQuery, query } from '../parse/snapshot';
import type { ServiceContext } from '../context';
import type { ParsedPostmortem } from '../parse/parse';
import { buildTimelineModel } from './timeline/build';
import { summaryFields } from '../schema/summary';
import type { TimelineModel, TimelineModels } from '../views/model';

export type * from '../views/model';
export { EVENT_KINDS } from '../views/model';

const TIMELINE_MODEL = defineQuery<TimelineModel>('timeline model');

export function createTimeline(context: Pick<ServiceContext, 'l10n' | 'settings' | 'schema'>): TimelineModels {
  const summary = summaryFields(context.schema);
  // One model per parse and deadline: the preview asks again on every focus change and export
  // renders from the same model, so both reuse it while the text stays the same.
  return {
    provideTimelineModel(parsed: ParsedPostmortem): TimelineModel {
      const { disclosureDeadlineDays: deadlineDays, today, project } = context.settings(parsed.uri);
      const ticketUrl = project.ticketUrl;
      return query(
        parsed,
        TIMELINE_MODEL,
        () => buildTimelineModel(parsed, { deadlineDays, today, ticketUrl, summary, ui: context.l10n, ...(project.regimes ? { regimes: project.regimes } : {}) }),
        [deadlineDays, today, ticketUrl, project.regimes, context.l10n.locale],
      );
    },
  };
}

import type { ServiceContext } from '../context';
import type { ParsedPostmortem } from '../parse/parse';

// PLACEHOLDER: replaced by the timeline model (issue: timeline preview).
export interface TimelineModel {
  uri: string;
  version: number;
}

export function createTimeline(_context: ServiceContext) {
  return {
    provideTimelineModel(parsed: ParsedPostmortem): TimelineModel {
      return { uri: parsed.uri, version: parsed.version };
    },
  };
}

// The timeline model is a wire type: it is defined in the contracts, which client and webview read
// without seeing the service. The service's modules (the timeline that builds it, the notice that
// renders it) import it from here, below both features.
import type { ParsedPostmortem } from '../parse/parse';
import type { TimelineModel } from '../../contracts/model';

export type * from '../../contracts/model';
export { EVENT_KINDS, type EventKind } from '../../contracts/vocabulary';

/** Where a feature that renders the model gets it: the timeline feature, handed in by the factory. */
export interface TimelineModels {
  provideTimelineModel(parsed: ParsedPostmortem): TimelineModel;
}

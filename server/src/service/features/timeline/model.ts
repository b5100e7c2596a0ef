// The timeline model is a wire type: it is defined in the contracts, which client and webview read
// without seeing the service. The service's modules keep importing it from here.
export type * from '../../../contracts/model';
export { EVENT_KINDS, type EventKind } from '../../../contracts/vocabulary';

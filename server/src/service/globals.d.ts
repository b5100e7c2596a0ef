// The service's project has no Node or DOM types (so no I/O, timers or `process` type-check here).
// These are the few platform globals it does use, present alike in Node, browsers and workers.

/** WHATWG URL parsing: the service reads `protocol` and `href` of links written in documents. */
declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
  readonly protocol: string;
}

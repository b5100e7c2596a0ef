// The service's project has no Node or DOM types (so no I/O, timers or `process` type-check here).
// These are the few platform globals it does use, present alike in Node, browsers and workers.

/** WHATWG URL parsing: the service reads `protocol` and `href` of links written in documents. */
declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
  readonly protocol: string;
}

/** WHATWG Encoding: counting a document's UTF-8 bytes natively (limits.ts). */
declare class TextEncoder {
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}

import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PostmortemService, Work } from '../service';

/**
 * How long one slice of the service's work may hold the event loop. Between slices the JSON-RPC
 * reader hands over waiting messages (a cancellation, a keystroke, another request), so no message
 * waits much longer than this behind a long document's parse or checks.
 */
export const SLICE_MS = 15;

/** The work was cancelled by the client (`$/cancelRequest`). */
export const requestCancelled = (): ResponseError<unknown> => new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');

/** The document changed while its diagnostics were computed: the client should pull again. */
export const superseded = (): ResponseError<unknown> => new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed; pull again.', { retriggerRequest: true });

/** Makes the `shouldYield` a Work is created with, and the loop that runs it slice by slice. */
export function slicer(): { shouldYield: () => boolean; run: <T>(work: Work<T>, stop?: () => ResponseError<unknown> | undefined) => Promise<T> } {
  let sliceStart = performance.now();
  return {
    shouldYield: () => performance.now() - sliceStart > SLICE_MS,
    async run<T>(work: Work<T>, stop?: () => ResponseError<unknown> | undefined): Promise<T> {
      for (;;) {
        sliceStart = performance.now();
        const step = work.next();
        if (step.done) return step.value;
        // setImmediate runs after pending I/O callbacks: the messages that arrived meanwhile.
        await new Promise((resolve) => setImmediate(resolve));
        const reason = stop?.();
        if (reason) {
          work.return(undefined as T);
          throw reason;
        }
      }
    },
  };
}

/**
 * One parse in flight per document, shared by every request that needs it: each request waits for
 * the parse of the version current when it asked, in slices. A newer version's parse abandons the
 * older one (the service allows one per URI); its waiters then wait for the newer one. A request
 * cancelled meanwhile stops waiting with RequestCancelled; the parse goes on for the others.
 */
export class ParseJobs {
  private readonly jobs = new Map<string, { version: number; done: Promise<boolean> }>();

  constructor(
    private readonly service: () => PostmortemService,
    private readonly log: (message: string) => void,
    private readonly isOpen: (uri: string) => boolean,
  ) {}

  /** Resolves true once the service holds the parse of the document's current version; false if it was closed meanwhile. */
  async parsed(document: TextDocument, token?: CancellationToken): Promise<boolean> {
    for (;;) {
      if (token?.isCancellationRequested) throw requestCancelled();
      // Closed while waiting: nothing to answer about, and nothing to parse (and keep) again.
      if (!this.isOpen(document.uri)) return false;
      const version = document.version;
      let job = this.jobs.get(document.uri);
      if (job?.version !== version) {
        job = { version, done: this.parse(document) };
        this.jobs.set(document.uri, job);
      }
      const finished = await untilCancelled(job.done, token);
      if (token?.isCancellationRequested) throw requestCancelled();
      if (finished && document.version === version) return true;
      // Abandoned while this version is still current: another parse of the same URI took over (a
      // feature's synchronous parse, parity reading this document for another's check). That parse
      // is cached now; without dropping the finished job this loop would await it forever, in
      // microtasks that never let the server read another message.
      if (!finished && this.jobs.get(document.uri) === job) this.jobs.delete(document.uri);
    }
  }

  forget(uri: string): void {
    this.jobs.delete(uri);
  }

  /** True when the service now holds this version's parse; false when a newer version took over. */
  private async parse(document: TextDocument): Promise<boolean> {
    const { shouldYield, run } = slicer();
    try {
      return (await run(this.service().parseSteps(document, shouldYield))) !== undefined;
    } catch (error) {
      // A parse never throws by design; if it did, the feature's own synchronous parse reports it.
      this.log(`parse failed for ${document.uri}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return true;
    }
  }
}

/** The promise's value, or `false` as soon as the token is cancelled. */
function untilCancelled<T>(promise: Promise<T>, token: CancellationToken | undefined): Promise<T | false> {
  if (!token) return promise;
  return new Promise((resolve, reject) => {
    const listener = token.onCancellationRequested(() => resolve(false));
    promise.then(
      (value) => {
        listener.dispose();
        resolve(value);
      },
      (error: unknown) => {
        listener.dispose();
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

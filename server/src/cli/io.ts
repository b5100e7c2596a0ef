import { localDate } from '../contracts/today';

/** The process-facing part of the command line, injected so tests can run it in-process. */
export interface CliIo {
  /** One line (or block) of output; the implementation adds the final line break. */
  stdout(text: string): void;
  stderr(text: string): void;
  /** All of standard input, or undefined when it is longer than `maxBytes` (reading stops there). */
  readStdin(maxBytes: number): Promise<Uint8Array | undefined>;
  /** The working folder: paths are reported relative to it. */
  readonly cwd: string;
  /** Today in the user's zone, `YYYY-MM-DD`: the service has no clock, the command line does. */
  today(): string;
}

export const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text + '\n'),
  stderr: (text) => process.stderr.write(text + '\n'),
  readStdin: async (maxBytes) => {
    const chunks: Buffer[] = [];
    let length = 0;
    for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      length += chunk.length;
      if (length > maxBytes) {
        process.stdin.destroy();
        return undefined;
      }
    }
    return Buffer.concat(chunks);
  },
  cwd: process.cwd(),
  today: () => localDate(),
};

/** The I/O the command line needs, injected so tests can run it in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
  writeFile(path: string, text: string): Promise<void>;
}

// PLACEHOLDER: replaced by the notice export (issue 4).
export async function runExport(_args: string[], io: CliIo, _locale: string | undefined): Promise<number> {
  io.stderr('export is not available yet');
  return 2;
}

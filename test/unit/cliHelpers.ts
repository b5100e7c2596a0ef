import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../server/src/cli/main';
import type { CliIo } from '../../server/src/cli/io';
import { repoRoot } from './helpers';

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

/** The day the in-process command line runs on: compare with a service that has the same `today`. */
export const TODAY = '2026-01-15';

/** Runs the command line in-process with captured output, a fixed day and optional standard input. */
export async function lint(args: string[], options: { locale?: string; stdin?: string | Uint8Array; cwd?: string } = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readStdin: async (maxBytes) => {
      const bytes = typeof options.stdin === 'string' ? Buffer.from(options.stdin) : Buffer.from(options.stdin ?? new Uint8Array());
      return bytes.length > maxBytes ? undefined : bytes;
    },
    cwd: options.cwd ?? process.cwd(),
    today: () => TODAY,
  };
  const code = await main(args, io, options.locale ?? 'en');
  return { code, out, err };
}

/** A temporary folder with the given files; readable by every user, for the runs as `nobody`. */
export function fixture(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pm-cli-'));
  chmodSync(dir, 0o755);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

export const bin = join(repoRoot, 'bin', 'postmortem-lint.js');

/**
 * The built bin as a separate process. `unprivileged` runs it as `nobody` when the tests run as root
 * (as CI does), because root reads every file whatever its mode, so "cannot read" would never happen.
 */
export function runBin(args: string[], options: { cwd?: string; input?: string; unprivileged?: boolean; env?: NodeJS.ProcessEnv } = {}) {
  const asNobody = options.unprivileged === true && process.getuid?.() === 0;
  const command = asNobody ? 'setpriv' : process.execPath;
  const argv = asNobody ? ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, bin, ...args] : [bin, ...args];
  return spawnSync(command, argv, { encoding: 'utf8', cwd: options.cwd ?? repoRoot, input: options.input ?? '', env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...options.env } });
}

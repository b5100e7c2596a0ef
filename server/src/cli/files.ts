import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';

const POSTMORTEM_NAME = /\.postmortem\.ya?ml$/i;
const YAML_NAME = /\.ya?ml$/i;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'out', '.cache']);

export type Expansion = { kind: 'files'; files: string[] } | { kind: 'missing' } | { kind: 'empty' };

/** A file, a directory (searched for postmortems), or a glob with `*`, `**` and `?`. */
export async function expandInput(input: string): Promise<Expansion> {
  if (/[*?]/.test(input)) {
    const files = await expandGlob(input);
    return files.length > 0 ? { kind: 'files', files } : { kind: 'missing' };
  }
  const info = await stat(input).catch(() => undefined);
  if (!info) return { kind: 'missing' };
  if (!info.isDirectory()) return { kind: 'files', files: [input] };
  const files = await findPostmortems(input);
  return files.length > 0 ? { kind: 'files', files } : { kind: 'empty' };
}

async function findPostmortems(directory: string): Promise<string[]> {
  const found: string[] = [];
  for (const path of await walk(directory)) {
    if (POSTMORTEM_NAME.test(path) || (YAML_NAME.test(path) && (await startsAsPostmortem(path)))) found.push(path);
  }
  return found;
}

async function walk(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
  const paths: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) paths.push(...(await walk(path)));
    } else if (entry.isFile()) {
      paths.push(path);
    }
  }
  return paths;
}

/** The format's second way to name a postmortem: any YAML file whose first line is `postmortem: 1` (or `1.1`). */
export async function startsAsPostmortem(path: string): Promise<boolean> {
  const head = await readFile(path, 'utf8').then((text) => text.slice(0, 64), () => '');
  return /^\uFEFF?postmortem:\s*1(\.1)?\s*(#.*)?$/m.test(head.split(/\r?\n/)[0] ?? '');
}

async function expandGlob(pattern: string): Promise<string[]> {
  const normalized = pattern.split(/[\\/]/).join(sep);
  const segments = normalized.split(sep);
  const firstWild = segments.findIndex((segment) => /[*?]/.test(segment));
  const base = segments.slice(0, firstWild).join(sep) || '.';
  const matcher = globToRegExp(resolve(normalized));
  return (await walk(base)).filter((path) => matcher.test(resolve(path)));
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i] ?? '';
    if (char === '*' && glob[i + 1] === '*') {
      // `**/` matches any number of folders, including none.
      source += glob[i + 2] === sep ? '(?:.*[\\\\/])?' : '.*';
      i += glob[i + 2] === sep ? 2 : 1;
    } else if (char === '*') source += '[^\\\\/]*';
    else if (char === '?') source += '[^\\\\/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

import { readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { GitIgnore } from './gitignore';
import { readHead, type InputProblem } from './read';
import { FIRST_LINE_PATTERN, hasPostmortemSuffix } from '../contracts/ids';

/** The first line that names a postmortem, after a byte order mark if there is one. */
const FIRST_LINE = new RegExp(`^\uFEFF?${FIRST_LINE_PATTERN.slice(1)}`);
const YAML_NAME = /\.ya?ml$/i;
/** Never postmortems, often huge: skipped even without a .gitignore. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export interface Collected {
  files: string[];
  problems: InputProblem[];
}

/**
 * Files, directories (searched for postmortems, honouring .gitignore) and globs with `*`, `**`, `?`.
 * Explicitly named files are always checked; everything that cannot be read or followed is reported,
 * never skipped in silence.
 */
export async function collectInputs(inputs: readonly string[], excludes: readonly string[], cwd: string): Promise<Collected> {
  const at = (path: string) => resolve(cwd, path);
  const collected: Collected = { files: [], problems: [] };
  const seen = new Set<string>();
  const add = async (path: string) => {
    if (excludes.some((exclude) => path.includes(exclude))) return;
    const key = await realpath(at(path)).catch(() => at(path));
    if (!seen.has(key)) {
      seen.add(key);
      collected.files.push(path);
    }
  };
  for (const input of inputs) {
    if (/[*?]/.test(input)) {
      const walked = await walkGlob(input, collected.problems, at);
      if (walked.length === 0) collected.problems.push({ key: 'cli.notFound', args: [input] });
      for (const path of walked) await add(path);
      continue;
    }
    const info = await stat(at(input)).catch((error: NodeJS.ErrnoException) => error);
    if (info instanceof Error) {
      collected.problems.push(statProblem(input, info));
      continue;
    }
    if (info.isDirectory()) {
      const before = collected.problems.length;
      const found = await findPostmortems(input, collected.problems, at);
      if (found.length === 0 && collected.problems.length === before) collected.problems.push({ key: 'cli.noneFound', args: [input] });
      for (const path of found) await add(path);
    } else {
      // Regular or not: reading refuses what is not a regular file, with its own message.
      await add(input);
    }
  }
  return collected;
}

function statProblem(path: string, error: NodeJS.ErrnoException): InputProblem {
  if (error.code === 'ELOOP') return { key: 'cli.symlinkLoop', args: [path] };
  if (error.code === 'ENOENT') return { key: 'cli.notFound', args: [path] };
  return { key: 'cli.unreadable', args: [path, error.message] };
}

/** Resolves a path as the user wrote it against the working folder. */
type At = (path: string) => string;

async function findPostmortems(directory: string, problems: InputProblem[], at: At): Promise<string[]> {
  const found: string[] = [];
  const ignore = await GitIgnore.forDirectory(at(directory));
  for (const path of await walk(directory, ignore, problems, new Set(), at)) {
    if (hasPostmortemSuffix(path, true) || (YAML_NAME.test(path) && (await startsAsPostmortem(at(path))))) found.push(path);
  }
  return found;
}

/**
 * Every regular file under `directory`, in name order. Symbolic links are followed, to files and to
 * folders, but a link back to a folder being walked (a loop) is reported, not entered.
 */
async function walk(directory: string, ignore: GitIgnore, problems: InputProblem[], ancestors: ReadonlySet<string>, at: At): Promise<string[]> {
  const real = await realpath(at(directory)).catch(() => at(directory));
  if (ancestors.has(real)) {
    problems.push({ key: 'cli.symlinkLoop', args: [directory] });
    return [];
  }
  const entries = await readdir(at(directory), { withFileTypes: true }).catch((error: Error) => error);
  if (entries instanceof Error) {
    problems.push({ key: 'cli.unreadableDirectory', args: [directory, entries.message] });
    return [];
  }
  const inside = new Set([...ancestors, real]);
  const here = await ignore.enter(at(directory));
  const paths: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(directory, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await stat(at(path)).catch((error: NodeJS.ErrnoException) => error);
      if (target instanceof Error) {
        // A dangling link is nobody's postmortem unless it is named like one; a loop always matters.
        if (target.code === 'ELOOP' || hasPostmortemSuffix(entry.name, true)) problems.push(statProblem(path, target));
        continue;
      }
      isDirectory = target.isDirectory();
      isFile = target.isFile();
    }
    if (isDirectory) {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && !here.ignores(at(path), true)) paths.push(...(await walk(path, here, problems, inside, at)));
    } else if (isFile) {
      if (!here.ignores(at(path), false)) paths.push(path);
    } else if (hasPostmortemSuffix(entry.name, true)) {
      problems.push({ key: 'cli.notRegular', args: [path] });
    }
  }
  return paths;
}

/** The format's second way to name a postmortem: any YAML file whose first line is `postmortem: 1` (or `1.1`). */
export async function startsAsPostmortem(path: string): Promise<boolean> {
  const head = await readHead(path, 256);
  return FIRST_LINE.test(head.split(/\r\n?|\n/)[0] ?? '');
}

async function walkGlob(pattern: string, problems: InputProblem[], at: At): Promise<string[]> {
  const normalized = pattern.split(/[\\/]/).join(sep);
  const segments = normalized.split(sep);
  const firstWild = segments.findIndex((segment) => /[*?]/.test(segment));
  const base = segments.slice(0, firstWild).join(sep) || (normalized.startsWith(sep) ? sep : '.');
  const matcher = globToRegExp(at(normalized));
  const info = await stat(at(base)).catch(() => undefined);
  if (!info?.isDirectory()) return [];
  const ignore = await GitIgnore.forDirectory(at(base));
  return (await walk(base, ignore, problems, new Set(), at)).filter((path) => matcher.test(at(path)));
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

import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

interface Level {
  readonly directory: string;
  readonly rules: Ignore;
}

/**
 * The .gitignore files that apply while walking a folder: those of its ancestors up to the
 * repository root (the nearest folder with `.git`), then one per folder entered. As in git, a deeper
 * file's rule (including a `!negation`) wins over a shallower one, and the folders the walk skips are
 * never entered, so a file under an ignored folder cannot be re-included.
 */
export class GitIgnore {
  private constructor(private readonly levels: readonly Level[]) {}

  static async forDirectory(directory: string): Promise<GitIgnore> {
    const start = resolve(directory);
    const chain: string[] = [];
    for (let current = start; ; current = dirname(current)) {
      chain.unshift(current);
      if (await exists(join(current, '.git'))) break;
      if (dirname(current) === current) {
        // Not in a repository: only the scanned folder's own .gitignore files count.
        chain.splice(0, chain.length - 1);
        break;
      }
    }
    let result = new GitIgnore([]);
    // The scanned folder itself is entered by the walk.
    for (const ancestor of chain.slice(0, -1)) result = await result.enter(ancestor);
    return result;
  }

  /** The rules inside `directory`: these plus its own .gitignore, if it has one. */
  async enter(directory: string): Promise<GitIgnore> {
    const text = await readFile(join(directory, '.gitignore'), 'utf8').catch(() => undefined);
    if (text === undefined) return this;
    return new GitIgnore([...this.levels, { directory: resolve(directory), rules: ignore().add(text) }]);
  }

  ignores(path: string, isDirectory: boolean): boolean {
    const absolute = resolve(path);
    let ignored = false;
    for (const level of this.levels) {
      const relativePath = relative(level.directory, absolute);
      if (relativePath === '' || relativePath.startsWith('..')) continue;
      const result = level.rules.test(relativePath.split(sep).join('/') + (isDirectory ? '/' : ''));
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

// Features never import each other: what two features share lives below them (parse/scan, schema,
// format, model, views). A feature is a folder under server/src/service/features with its same-name file
// (`completion.ts` + `completion/`); a lone file (`folding.ts`) is a feature of its own.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { repoRoot, typeScriptFiles } from './helpers';

const featuresDir = join(repoRoot, 'server', 'src', 'service', 'features');

/**
 * Known crossings, each with the change that removes it. None is left: the notice renders the
 * timeline model it is handed by the factory, and what both format lives in `views/`.
 */
const ALLOWED = new Set<string>();

/** The feature a path under features/ belongs to: its first segment without `.ts`, or undefined outside. */
export function featureOf(path: string): string | undefined {
  const rel = relative(featuresDir, path);
  if (rel.startsWith('..') || rel === '') return undefined;
  return rel.split(sep)[0]?.replace(/\.ts$/, '');
}

/** Relative module specifiers of static imports, re-exports and dynamic imports. */
export function specifiersOf(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]*)['"]/g)) if (match[1]) found.push(match[1]);
  return found;
}

type Crossing = { edge: string; file: string; specifier: string };

/** Every `A -> B` crossing from a file of feature A into feature B, among the given files and their sources. */
export function crossingsIn(files: readonly { file: string; source: string }[]): Crossing[] {
  const found: Crossing[] = [];
  for (const { file, source } of files) {
    const own = featureOf(file);
    for (const specifier of specifiersOf(source)) {
      const target = featureOf(resolve(dirname(file), specifier));
      if (target !== undefined && target !== own) found.push({ edge: `${own} -> ${target}`, file: relative(repoRoot, file), specifier });
    }
  }
  return found;
}

function crossings(): Crossing[] {
  return crossingsIn(typeScriptFiles(featuresDir).map((file) => ({ file, source: readFileSync(file, 'utf8') })));
}

/** The crossings ALLOWED does not list: what the check below fails on. */
function unexpected(found: readonly Crossing[]): Crossing[] {
  return found.filter((crossing) => !ALLOWED.has(crossing.edge));
}

describe('feature imports', () => {
  it('reads which feature a path belongs to', () => {
    assert.equal(featureOf(join(featuresDir, 'completion.ts')), 'completion');
    assert.equal(featureOf(join(featuresDir, 'completion', 'cursor.ts')), 'completion');
    assert.equal(featureOf(join(featuresDir, 'completion')), 'completion');
    assert.equal(featureOf(join(featuresDir, 'notice', 'profiles', 'gdpr.ts')), 'notice');
    assert.equal(featureOf(join(featuresDir, '..', 'parse', 'scan', 'layout.ts')), undefined);
  });

  it('finds static, type, re-export and dynamic imports', () => {
    const source = ["import { a } from './x';", "import type { B } from '../y/z';", "export * from './w';", "const m = await import('./v');", "import { c } from 'yaml';"].join('\n');
    assert.deepEqual(specifiersOf(source), ['./x', '../y/z', './w', './v']);
  });

  it('finds no feature importing another one', () => {
    assert.deepEqual(unexpected(crossings()), [], 'move what both need below features/ (parse/scan, schema, format, model, views)');
  });

  it('reports a feature file importing another feature, and not one importing below features/', () => {
    const notice = join(featuresDir, 'notice', 'outline.ts');
    const found = unexpected(
      crossingsIn([
        { file: notice, source: "import { formatRange } from '../timeline/format';\nimport { formatTime } from '../../views/format';" },
        { file: join(featuresDir, 'hover.ts'), source: "import type { X } from './completion';\nimport { describe } from '../schema/docs';" },
      ]),
    );
    assert.deepEqual(
      found.map((crossing) => crossing.edge),
      ['notice -> timeline', 'hover -> completion'],
    );
  });

  it('keeps the list of known crossings current', () => {
    const edges = new Set(crossings().map((crossing) => crossing.edge));
    for (const allowed of ALLOWED) assert.ok(edges.has(allowed), `${allowed} no longer happens: remove it from ALLOWED`);
  });
});

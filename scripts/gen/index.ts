// `npm run gen`: writes every generated file of the repository from its one source, and
// `npm run gen -- --check` only says which are stale (test/unit/generated.test.ts fails on the same).
//   the check registry (server/src/service/rules/) → the checks tables of README.md and
//     docs/postmortem-format.md, the `rules` of schemas/postmortem-config.schema.json;
//   the settings table (server/src/contracts/settings.ts) → package.json's
//     `contributes.configuration`, package.nls.json, package.nls.ja.json;
//   the schema's enums → server/src/contracts/vocabulary.ts (scripts/gen-vocabulary.mjs).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checksTable, configSchemaText } from './checks';
import { replaceBetweenMarkers } from './markers';
import { manifestText, nlsText } from './settings';

export const root = join(__dirname, '../..');

export interface Generated {
  /** Relative to the repository's root. */
  readonly path: string;
  readonly text: string;
}

const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** What each generated file must hold, given the hand-written parts they have now. */
export async function generatedFiles(): Promise<Generated[]> {
  // gen-vocabulary.mjs stays a plain Node script too (`node scripts/gen-vocabulary.mjs`).
  const { vocabularyText } = await import('../gen-vocabulary.mjs');
  const table = (path: string, style: 'format' | 'readme') => ({ path, text: replaceBetweenMarkers(read(path), path, 'the checks table', checksTable(style)) });
  return [
    table('README.md', 'readme'),
    table('docs/postmortem-format.md', 'format'),
    { path: 'schemas/postmortem-config.schema.json', text: configSchemaText(read('schemas/postmortem-config.schema.json')) },
    { path: 'package.json', text: manifestText(read('package.json')) },
    { path: 'package.nls.json', text: nlsText(read('package.nls.json'), 'en') },
    { path: 'package.nls.ja.json', text: nlsText(read('package.nls.ja.json'), 'ja') },
    { path: 'server/src/contracts/vocabulary.ts', text: vocabularyText() },
  ];
}

/** The generated files whose text on disk differs from what they must hold. */
export async function staleFiles(): Promise<Generated[]> {
  return (await generatedFiles()).filter(({ path, text }) => read(path) !== text);
}

async function main(check: boolean): Promise<number> {
  const stale = await staleFiles();
  if (check) {
    for (const { path } of stale) console.error(`${path} is stale: run npm run gen`);
    return stale.length === 0 ? 0 : 1;
  }
  for (const { path, text } of stale) {
    writeFileSync(join(root, path), text);
    console.log(`wrote ${path}`);
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.includes('--check')).then(
    (status) => (process.exitCode = status),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}

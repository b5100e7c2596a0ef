// The layer fence of docs/ARCHITECTURE.md for relative imports. A pattern on the import text
// cannot tell `'../service'` written in the server (fine) from the same text in the client, nor
// a folder's index (`'../../server/src/service'`) from a file in it, so this rule resolves each
// relative import against the importing file and checks where it lands: inside one of the
// folders the layer may use, or it is an error. Package imports are left to no-restricted-imports.
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** @param {string} path a path relative to the repository root, `/`-separated */
const inside = (path, folder) => path === folder || path.startsWith(`${folder}/`);

/** @type {import('eslint').Rule.RuleModule} */
const fence = {
  meta: {
    type: 'problem',
    docs: { description: 'Relative imports stay inside the folders a layer may use.' },
    schema: [
      {
        type: 'object',
        properties: { allow: { type: 'array', items: { type: 'string' } }, message: { type: 'string' } },
        required: ['allow', 'message'],
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const { allow, message } = context.options[0];
    const from = dirname(context.filename);
    /** @param {import('estree').Node | null | undefined} source */
    function check(source) {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const text = source.value;
      if (!text.startsWith('.') && !isAbsolute(text)) return;
      const target = relative(root, resolve(from, text)).split('\\').join('/');
      if (allow.some((folder) => inside(target, folder))) return;
      context.report({ node: source, message: `'${text}' reaches ${target}: ${message}` });
    }
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      // `import x = require('…')` in TypeScript.
      TSExternalModuleReference: (node) => check(node.expression),
    };
  },
};

export const layers = { rules: { fence } };

import type { CompletionList, Diagnostic, Hover, Position } from 'vscode-languageserver-types';
import configSchemaJson from '../../../../schemas/postmortem-config.schema.json';
import type { ServiceContext } from '../context';
import { createCompletion } from '../features/completion';
import { createHover } from '../features/hover';
import { yamlSyntaxDiagnostics } from '../features/validation';
import type { Localizer } from '../l10n';
import type { ParsedPostmortem } from '../parse/parse';
import { asMap, asSeq, childOf, resolveAlias } from '../parse/tree';
import { tunableChecks } from '../rules';
import { duplicateId } from '../rules/duplicateId';
import { makeDiagnostic } from '../rules/rule';
import { schemaType } from '../rules/schema';
import { unknownRule } from '../rules/unknownRule';
import { schemaDiagnostics } from '../schema/schemaDiagnostics';
import { createSchemaIndex, type SchemaIndex, type SchemaNode } from '../schema/schemaIndex';
import { closest } from '../util/closest';
import { scalarText } from './projectConfig';

let sharedConfigSchema: SchemaIndex | undefined;

/** The configuration file's schema, compiled on first use: most sessions never open the file. */
export function configSchema(): SchemaIndex {
  sharedConfigSchema ??= createSchemaIndex(configSchemaJson as SchemaNode);
  return sharedConfigSchema;
}

/** Every code a `rules:` entry may name: the tunable checks of postmortems (the schema documents each, a unit test insists). */
export function knownRuleCodes(): string[] {
  return tunableChecks().map((check) => check.code);
}

/**
 * `postmortem.config.yaml` as a document: diagnostics, completion and hover come from the same
 * parse, schema and feature code as a postmortem's, run against the configuration's schema.
 */
export function createConfigDocument(context: ServiceContext) {
  let features: { completion: ReturnType<typeof createCompletion>; hover: ReturnType<typeof createHover> } | undefined;
  const configFeatures = () => {
    const configContext: ServiceContext = { ...context, schema: configSchema() };
    features ??= { completion: createCompletion(configContext), hover: createHover(configContext) };
    return features;
  };
  return {
    provideDiagnostics: (parsed: ParsedPostmortem): Diagnostic[] => configDiagnostics(parsed, context.l10n),
    provideCompletion(parsed: ParsedPostmortem, position: Position): CompletionList {
      const list = configFeatures().completion.provideCompletion(parsed, position);
      // The whole-postmortem skeleton offered in an empty file belongs to postmortems only.
      const skeleton = context.l10n.t('completion.snippet.skeleton');
      return { ...list, items: list.items.filter((item) => item.label !== skeleton) };
    },
    provideHover: (parsed: ParsedPostmortem, position: Position): Hover | null => configFeatures().hover.provideHover(parsed, position),
  };
}

export function configDiagnostics(parsed: ParsedPostmortem, l10n: Localizer): Diagnostic[] {
  const diagnostics = yamlSyntaxDiagnostics(parsed, l10n);
  const root = resolveAlias(parsed.root);
  // An empty file is a valid configuration that declares nothing.
  if (root && root.kind !== 'map') {
    diagnostics.push(makeDiagnostic(parsed, root, schemaType, l10n.t('syntax.notMapping', l10n.t(root.kind === 'seq' ? 'type.array' : 'type.string'))));
  }
  diagnostics.push(...schemaDiagnostics(parsed, configSchema(), l10n));
  for (const list of ['severity', 'categories']) {
    const seen = new Set<string>();
    for (const item of asSeq(childOf(root, list))?.items ?? []) {
      const idNode = childOf(item, 'id');
      const id = scalarText(idNode);
      if (id === undefined || !idNode) continue;
      if (seen.has(id)) diagnostics.push(makeDiagnostic(parsed, idNode, duplicateId, l10n.t('config.duplicateId', id, list)));
      seen.add(id);
    }
  }
  const known = knownRuleCodes();
  for (const pair of asMap(childOf(root, 'rules'))?.pairs ?? []) {
    const code = String(pair.key.value);
    if (known.includes(code)) continue;
    const suggestion = closest(code, known);
    const message = suggestion ? l10n.t('config.unknownRuleSuggest', code, suggestion) : l10n.t('config.unknownRule', code);
    diagnostics.push(makeDiagnostic(parsed, pair.key, unknownRule, message, suggestion ? { replacement: suggestion } : undefined));
  }
  diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return diagnostics;
}

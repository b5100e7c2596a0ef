import type { Diagnostic } from 'vscode-languageserver-types';
import { dataOf } from '../features/codeActions/fix';
import { makeListFix, removeKeyFix } from '../features/codeActions/mechanicalFixes';
import { allRequiredFix, requiredFix } from '../features/codeActions/missingFixes';
import { enumFix, unknownKeyFix } from '../features/codeActions/valueFixes';
import { defineCheck, DiagnosticSeverity, type CheckDoc } from './rule';

// The findings of parsing and of the JSON schema. They are detected by features/validation.ts
// (syntax) and schema/schemaDiagnostics.ts (ajv's errors in plain words); their codes, severities
// and fixes are declared here like every other check's. `schema-format` and `schema-timezone` have
// a detection of their own beyond the schema, each in its own file.

/** The schema's codes share one row of the checks tables. */
export const SCHEMA_DOC: CheckDoc = {
  when: 'a schema rule fails: missing key, unknown key, wrong type, bad enum value, not the one allowed value, bad format (or a date that cannot exist), empty text or list, a number below its minimum, not an IANA zone',
  brief: 'a schema rule fails (missing key, unknown key, wrong type, bad value, bad format, unknown zone)',
};

export const yamlSyntax = defineCheck({
  code: 'yaml-syntax',
  severity: DiagnosticSeverity.Error,
  doc: {
    when: 'the text is not well-formed YAML',
  },
});

export const schemaRequired = defineCheck({
  code: 'schema-required',
  severity: DiagnosticSeverity.Error,
  doc: SCHEMA_DOC,
  data: ['missingKey', 'path'],
  fixes: requiredFix,
  // Every missing top-level section at once, answering the findings at the top level.
  fixAll(fix, diagnostics) {
    const all = allRequiredFix(fix, diagnostics);
    return all ? [{ fix: all, diagnostics: diagnostics.filter((diagnostic: Diagnostic) => dataOf(diagnostic).path?.length === 0) }] : [];
  },
});

export const schemaUnknownKey = defineCheck({
  code: 'schema-unknown-key',
  severity: DiagnosticSeverity.Error,
  doc: SCHEMA_DOC,
  data: ['replacement'],
  fixes: (fix, diagnostic, data) => [...unknownKeyFix(fix, diagnostic, data), ...removeKeyFix(fix, diagnostic)],
});

export const schemaType = defineCheck({
  code: 'schema-type',
  severity: DiagnosticSeverity.Error,
  doc: SCHEMA_DOC,
  data: ['expected'],
  fixes: makeListFix,
});

export const schemaEnum = defineCheck({
  code: 'schema-enum',
  severity: DiagnosticSeverity.Error,
  doc: SCHEMA_DOC,
  data: ['replacement'],
  fixes: enumFix,
});

export const schemaConst = defineCheck({
  code: 'schema-const',
  severity: DiagnosticSeverity.Error,
  doc: SCHEMA_DOC,
});

export const schemaEmpty = defineCheck({
  code: 'schema-empty',
  severity: DiagnosticSeverity.Error,
  doc: SCHEMA_DOC,
});

export const schemaMinimum = defineCheck({
  code: 'schema-minimum',
  severity: DiagnosticSeverity.Error,
  doc: SCHEMA_DOC,
});

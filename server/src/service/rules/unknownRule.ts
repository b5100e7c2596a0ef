import { unknownKeyFix } from '../features/codeActions/valueFixes';
import { defineCheck, DiagnosticSeverity } from './rule';

/**
 * A code under `rules:` in postmortem.config.yaml that no check has (detected by
 * config/configDocument.ts); the fix renames it to the closest code, carried in `replacement`.
 */
export const unknownRule = defineCheck({
  code: 'unknown-rule',
  severity: DiagnosticSeverity.Warning,
  scope: 'config',
  data: ['replacement'],
  fixes: unknownKeyFix,
});

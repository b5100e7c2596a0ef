import { enumFix } from '../features/codeActions/valueFixes';
import { defineCheck, DiagnosticSeverity } from './rule';
import { SCHEMA_DOC } from './schema';

/**
 * A date, time, URL, e-mail address or id in the wrong format: the schema's finding, where a
 * repaired time (`2021-06-30 12:00` → `…T12:00`) travels in `replacement` as an enum's closest
 * value does. The schema's pattern lets `2021-02-30` through; the calendar does not: that is
 * this check's own detection.
 */
export const schemaFormat = defineCheck({
  code: 'schema-format',
  severity: DiagnosticSeverity.Error,
  doc: SCHEMA_DOC,
  data: ['replacement'],
  fixes: enumFix,
  check({ facts, report }) {
    const shape = /^\d{4}-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?$/;
    for (const fact of facts.times) {
      if (!fact.time && shape.test(fact.text)) report(fact.node, 'rule.invalidTime', [fact.text]);
    }
  },
});

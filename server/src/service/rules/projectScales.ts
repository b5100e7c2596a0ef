import type { ScaleEntry } from '../config/projectConfig';
import type { MessageKey } from '../l10n';
import type { TextFact } from '../model/facts';
import { enumFix } from '../features/codeActions/valueFixes';
import { closest } from '../util/closest';
import { DiagnosticSeverity, defineCheck, type RuleContext } from './rule';

/** `severity` outside the scale the project declares (postmortem.config.yaml); silent without one. */
export const unknownSeverity = defineCheck({
  code: 'unknown-severity',
  severity: DiagnosticSeverity.Error,
  doc: {
    since: '1.1',
    when: 'the project configuration declares a severity scale and `severity` is not one of its ids',
    brief: '`severity` is not on the scale the project configuration declares',
  },
  data: ['replacement'],
  fixes: enumFix,
  check(context) {
    const scale = context.settings.project.severity;
    if (scale) checkValue(context, context.facts.severity, scale, 'rule.unknownSeverity', 'rule.unknownSeveritySuggest');
  },
});

/** A factor's `category` outside the project's declared categories; silent without them. */
export const unknownCategory = defineCheck({
  code: 'unknown-category',
  severity: DiagnosticSeverity.Error,
  doc: {
    since: '1.1',
    when: 'the project configuration declares cause categories and a factor\'s `category` is not one of them',
    brief: 'a factor\'s `category` is not among the categories the project configuration declares',
  },
  data: ['replacement'],
  fixes: enumFix,
  check(context) {
    const categories = context.settings.project.categories;
    if (!categories) return;
    for (const factor of context.facts.factors) checkValue(context, factor.category, categories, 'rule.unknownCategory', 'rule.unknownCategorySuggest');
  },
});

function checkValue(context: RuleContext<'replacement'>, fact: TextFact | undefined, scale: readonly ScaleEntry[], plain: MessageKey, suggest: MessageKey): void {
  // No value, or one of another type: the schema speaks about those.
  if (!fact) return;
  const value = fact.text;
  const ids = scale.map((entry) => entry.id);
  if (ids.includes(value)) return;
  const suggestion = closest(value, ids);
  const list = ids.join(', ');
  if (suggestion) context.report(fact.node, suggest, [value, suggestion, list], { replacement: suggestion });
  else context.report(fact.node, plain, [value, list]);
}

import type { Diagnostic } from 'vscode-languageserver-types';
import { startOffset, type Fix, type FixContext } from '../features/codeActions/fix';
import { innerSpan } from '../parse/scan/layout';
import { pairAfter } from '../features/codeActions/valueFixes';
import { factsOf, type CountFact } from '../model/facts';
import { asScalar, childOf, pairOf } from '../parse/tree';
import { defineCheck, DiagnosticSeverity } from './rule';

/**
 * An `exact` count must equal its breakdown's total; an `at_most` count is an upper bound its
 * breakdown must not pass. `approximately` and `at_least` figures are not expected to add up
 * (a breakdown below an `at_least` value is just incomplete).
 */
export const countSum = defineCheck({
  code: 'count-sum',
  severity: DiagnosticSeverity.Warning,
  doc: {
    when: 'an `exact` count\'s breakdown does not add up to its value, or (**1.1**) an `at_most` count\'s breakdown adds up to more; decimals compare with a tolerance of half a unit of the last written digit per part',
    brief: 'an `exact` count\'s breakdown does not add up to its value, or an `at_most` count\'s adds up to more (decimals with a rounding tolerance; `approximately` and `at_least` are not summed)',
  },
  data: ['replacement'],
  check({ facts, report }) {
    for (const count of facts.counts) {
      if (count.value === undefined || !count.valueNode || count.breakdown.length === 0) continue;
      const sum = breakdownSum(count);
      if (sum === undefined) continue;
      const tolerance = sumTolerance(count);
      if (count.qualifier === 'exact' && Math.abs(sum - count.value) > tolerance) {
        report(count.valueNode, 'rule.countSum', [count.value, sum, count.label], { replacement: sum });
      } else if (count.qualifier === 'at_most' && sum - count.value > tolerance) {
        report(count.valueNode, 'check.countSumAtMost', [count.value, sum, count.label], { replacement: sum });
      }
    }
  },
  fixes: countSumFixes,
});

/** `count-sum`: take the breakdown's total as the value, or say the figure is approximate. */
function countSumFixes({ parsed, service }: FixContext, diagnostic: Diagnostic): Fix[] {
  const start = startOffset(parsed, diagnostic);
  const count = factsOf(parsed).counts.find((candidate) => candidate.valueNode?.start === start);
  const map = count && count.node.kind === 'map' ? count.node : undefined;
  if (!count?.valueNode || !map) return [];
  // The rule's own total (decimals rounded as written), so the fix sets what the check expects.
  const sum = breakdownSum(count);
  if (sum === undefined) return [];
  const fixes: Fix[] = [];
  if (sum !== count.value) {
    fixes.push({ title: service.l10n.t('action.setCountValue', sum), edits: [{ start: count.valueNode.start, end: count.valueNode.end, text: String(sum) }] });
  }
  const qualifier = asScalar(childOf(map, 'qualifier'));
  const valuePair = pairOf(map, 'value');
  const edit = qualifier ? { ...innerSpan(qualifier, parsed.text), text: 'approximately' } : valuePair ? pairAfter({ parsed, service }, map, valuePair, 'qualifier: approximately') : undefined;
  if (edit) fixes.push({ title: service.l10n.t('action.markApproximately'), edits: [edit] });
  return fixes;
}

/** The breakdown's total, rounded to the decimals written, or undefined when a part is not a number. */
export function breakdownSum(count: CountFact): number | undefined {
  if (count.breakdown.some((part) => part.value === undefined)) return undefined;
  const sum = count.breakdown.reduce((total, part) => total + (part.value ?? 0), 0);
  // 0.1 + 0.2 is 0.30000000000000004 in floating point; nobody wrote that.
  return Number(sum.toFixed(Math.min(20, decimalsIn(count))));
}

/**
 * Written decimals are rounded figures (`33.3` for a third): each part may be off by half a unit
 * of its last digit, so the parts' total may miss the value by that much per part. Whole numbers
 * must add up exactly.
 */
function sumTolerance(count: CountFact): number {
  const decimals = decimalsIn(count);
  if (decimals === 0) return 0;
  return (count.breakdown.length + 1) * 0.5 * 10 ** -decimals + Number.EPSILON * 16;
}

function decimalsIn(count: CountFact): number {
  return Math.max(decimalsOf(count.value), ...count.breakdown.map((part) => decimalsOf(part.value)));
}

function decimalsOf(value: number | undefined): number {
  if (value === undefined || Number.isInteger(value)) return 0;
  const text = String(value);
  const exponent = /e-(\d+)$/.exec(text);
  if (exponent) return Number(exponent[1]) + (text.split('e')[0]?.split('.')[1]?.length ?? 0);
  return text.split('.')[1]?.length ?? 0;
}

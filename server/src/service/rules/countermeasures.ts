import type { Diagnostic } from 'vscode-languageserver-types';
import { startOffset, type Fix, type FixContext } from '../features/codeActions/fix';
import { dateOf } from '../features/codeActions/insertions';
import { innerSpan, scalarAt } from '../features/codeActions/layout';
import { pairAfter } from '../features/codeActions/valueFixes';
import { factsOf } from '../model/facts';
import { asMap, asScalar, childOf, pairOf } from '../parse/tree';
import { defineCheck, DiagnosticSeverity } from './rule';

export const doneWithoutDate = defineCheck({
  code: 'done-without-date',
  severity: DiagnosticSeverity.Warning,
  check({ facts, report }) {
    for (const countermeasure of facts.countermeasures) {
      if (countermeasure.status === 'done' && countermeasure.statusNode && countermeasure.date === undefined) {
        report(countermeasure.statusNode, 'rule.doneWithoutDate', [countermeasure.action]);
      }
    }
  },
  fixes: doneDateFix,
});

export const insecureContact = defineCheck({
  code: 'insecure-contact',
  severity: DiagnosticSeverity.Warning,
  check({ facts, report }) {
    const url = asScalar(childOf(childOf(facts.root, 'contact'), 'url'));
    // Only plain http is insecure: `mailto:` and `tel:` are good contacts, other schemes are the schema's business.
    if (url && typeof url.value === 'string' && /^http:/i.test(url.value)) {
      report(url, 'rule.insecureContact', [url.value]);
    }
  },
  fixes: httpsFix,
});

/**
 * The service has no clock, so the date offered is the latest one in the
 * timeline (usually the day the fix went out or the notice was published). Not preferred: a guess.
 */
function doneDateFix(fix: FixContext, diagnostic: Diagnostic): Fix[] {
  const { parsed, service } = fix;
  const facts = factsOf(parsed);
  const start = startOffset(parsed, diagnostic);
  const countermeasure = facts.countermeasures.find((candidate) => candidate.statusNode?.start === start);
  const map = asMap(countermeasure?.node);
  const statusPair = map ? pairOf(map, 'status') : undefined;
  const date = dateOf(facts.events) ?? facts.published?.text;
  if (!map || !statusPair || !date || childOf(map, 'date') !== null) return [];
  const edit = pairAfter(fix, map, statusPair, `date: ${date}`);
  return edit ? [{ title: service.l10n.t('action.addDate', date), edits: [edit] }] : [];
}

/** Only a plain `http:` URL has an obvious secure twin. */
function httpsFix({ parsed, service }: FixContext, diagnostic: Diagnostic): Fix[] {
  const found = scalarAt(parsed.root, startOffset(parsed, diagnostic));
  if (!found || found.isKey) return [];
  const span = innerSpan(found.scalar, parsed.text);
  const url = parsed.text.slice(span.start, span.end);
  if (!/^http:/i.test(url)) return [];
  const secure = 'https:' + url.slice('http:'.length);
  return [{ title: service.l10n.t('action.useHttps', secure), edits: [{ start: span.start, end: span.start + 'http:'.length, text: 'https:' }], preferred: true }];
}

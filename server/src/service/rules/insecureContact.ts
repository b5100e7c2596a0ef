import type { Diagnostic } from 'vscode-languageserver-types';
import { startOffset, type Fix, type FixContext } from '../features/codeActions/fix';
import { innerSpan, scalarAt } from '../parse/scan/layout';
import { asScalar, childOf } from '../parse/tree';
import { defineCheck, DiagnosticSeverity } from './rule';

/** `contact.url` is plain `http:`. */
export const insecureContact = defineCheck({
  code: 'insecure-contact',
  severity: DiagnosticSeverity.Warning,
  doc: {
    when: '`contact.url` is plain `http:` (**1.1**: `mailto:`, `tel:` and other schemes are fine)',
    brief: '`contact.url` is plain `http:` (`mailto:` and `tel:` are fine)',
  },
  check({ facts, report }) {
    const url = asScalar(childOf(childOf(facts.root, 'contact'), 'url'));
    // Only plain http is insecure: `mailto:` and `tel:` are good contacts, other schemes are the schema's business.
    if (url && typeof url.value === 'string' && /^http:/i.test(url.value)) {
      report(url, 'rule.insecureContact', [url.value]);
    }
  },
  fixes: httpsFix,
});

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

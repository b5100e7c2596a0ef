import { defineCheck, DiagnosticSeverity } from './rule';

/**
 * The one finding of a document above `postmortem.maxDocumentBytes`: nothing else is checked
 * (the finding is made by limits.ts, before anything is parsed).
 */
export const documentTooLarge = defineCheck({
  code: 'document-too-large',
  severity: DiagnosticSeverity.Information,
  doc: {
    when: 'the document is above the checker\'s size limit: nothing else in it is checked (this one cannot be switched off)',
    brief: 'the document is above `postmortem.maxDocumentBytes` (default 2 MB): it is not checked at all (see *Limits*)',
  },
  // It says why nothing else is reported: switching it off would leave the document silently unchecked.
  tunable: false,
});

import { defineCheck, DiagnosticSeverity } from './rule';

/**
 * The one finding of a document above `postmortem.maxDocumentBytes`: nothing else is checked
 * (the finding is made by limits.ts, before anything is parsed).
 */
export const documentTooLarge = defineCheck({
  code: 'document-too-large',
  severity: DiagnosticSeverity.Information,
  // It says why nothing else is reported: switching it off would leave the document silently unchecked.
  tunable: false,
});

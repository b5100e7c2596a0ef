import type { Diagnostic } from 'vscode-languageserver-types';
import type { Localizer } from '../l10n';
import type { ParsedPostmortem } from '../parse/parse';
import { parityMismatch } from '../rules/parityMismatch';
import { makeDiagnostic } from '../rules/rule';
import { parityFacts, type ParityFact } from './facts';

export interface Counterpart {
  parsed: ParsedPostmortem;
  language: string | undefined;
}

/**
 * The findings in `parsed` against one other language version: each fact whose value differs, each
 * identity the other file lacks, each list of another length. Every finding names the other file and
 * its value and links to its node (LSP related information); the same call with the two swapped
 * gives the other file's findings.
 */
export function parityDiagnostics(parsed: ParsedPostmortem, other: Counterpart, l10n: Localizer): Diagnostic[] {
  const mine = parityFacts(parsed);
  const theirs = parityFacts(other.parsed);
  const file = fileName(other.parsed.uri);
  const version = languageName(other.language, l10n);
  const differentLength = new Set<string>();
  for (const [key, fact] of mine) {
    if (key.endsWith('#length') && theirs.get(key)?.value !== fact.value) differentLength.add(key.slice(0, -'#length'.length));
  }
  const diagnostics: Diagnostic[] = [];
  const push = (fact: ParityFact, message: string, there?: ParityFact) => {
    const data = there && fact.replaceable && there.replaceable ? { replacement: there.display, version } : undefined;
    const diagnostic = makeDiagnostic(parsed, fact.node, parityMismatch, message, data);
    if (there) {
      diagnostic.relatedInformation = [{ location: { uri: other.parsed.uri, range: other.parsed.lines.range(there.node.start, there.node.end) }, message: l10n.t('parity.related', version, there.display) }];
    }
    diagnostics.push(diagnostic);
  };
  for (const [key, fact] of mine) {
    if (fact.group && differentLength.has(fact.group)) continue;
    const there = theirs.get(key);
    if (!there) {
      if (fact.identity) push(fact, l10n.t('parity.missing', fact.label, version, file));
      continue;
    }
    if (there.value === fact.value) continue;
    if (key.endsWith('#length')) push(fact, l10n.t('parity.length', fact.label, fact.display, version, file, there.display), there);
    else push(fact, l10n.t('parity.differs', fact.label, version, file, there.display), there);
  }
  return diagnostics;
}

function fileName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function languageName(language: string | undefined, l10n: Localizer): string {
  if (!language) return l10n.t('parity.unknownLanguage');
  try {
    return new Intl.DisplayNames([l10n.locale], { type: 'language' }).of(language) ?? language;
  } catch {
    return language;
  }
}

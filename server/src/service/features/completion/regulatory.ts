import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import { childOf, stringValue } from '../../parse/tree';
import { durationText, regimeCitation, regimeName, stageLabel } from '../../regulatory/describe';
import { regimeTable } from '../../regulatory/regimes';
import type { ValueRequest } from './values';

/** Regime ids at `regulatory[i].regime`, and that regime's stage names at `reports[j].stage`; undefined elsewhere. */
export function regulatoryItems(request: ValueRequest): CompletionItem[] | undefined {
  const { path, context, facts } = request;
  if (path[0] !== 'regulatory' || typeof path[1] !== 'number') return undefined;
  const { l10n } = context;
  const table = regimeTable(context.settings(request.uri).project.regimes);
  if (path.length === 3 && path[2] === 'regime') {
    return [...table.values()].map((regime, index) => {
      const citation = regimeCitation(regime, l10n);
      return item(request, regime.id, index, regimeName(regime, l10n), `**${regimeName(regime, l10n)}**${citation ? `\n\n${citation}` : ''}\n\n_${l10n.t('reg.disclaimer')}_`);
    });
  }
  if (path.length === 5 && path[2] === 'reports' && path[4] === 'stage') {
    const regime = table.get(stringValue(childOf(childOf(childOf(facts.root, 'regulatory'), path[1]), 'regime')) ?? '');
    if (!regime) return [];
    return regime.stages.map((stage, index) => {
      const within = stage.within ? durationText(stage.within, l10n) : stage.warnAfter ? durationText(stage.warnAfter, l10n) : '';
      const label = stageLabel(stage.id, l10n);
      return item(request, stage.id, index, within ? `${label} · ${within}` : label, `${l10n.t('reg.complete.stage', regime.id)}: **${label}**${within ? ` · ${within}` : ''}`);
    });
  }
  return undefined;
}

function item(request: ValueRequest, label: string, order: number, detail: string, documentation: string): CompletionItem {
  return {
    label,
    kind: CompletionItemKind.EnumMember,
    detail,
    documentation: { kind: 'markdown', value: documentation },
    sortText: String(order).padStart(4, '0'),
    filterText: label,
    textEdit: { range: request.range, newText: request.prefix + label },
    insertTextFormat: InsertTextFormat.PlainText,
  };
}

import type { ViewModel } from '../shared/messages';
import { el, percent, place } from './dom';
import { section } from './sections';

type Regime = ViewModel['regulatory'][number];

/**
 * The reporting regimes: per regime, a deadline lane on the same time scale as the axis (each
 * stage's deadline as a dashed line, its report as a dot, red when late) and the table of stages.
 * Every string is document or server text, inserted as text.
 */
export function regulatorySections(model: ViewModel): HTMLElement[] {
  return model.regulatory.map((regime, index) => regimeSection(regime, index));
}

function regimeSection(regime: Regime, index: number): HTMLElement {
  const lane = el('div', { className: 'deadline-lane', attrs: { 'aria-hidden': 'true' } });
  for (const stage of regime.stages) {
    if (stage.duePos !== undefined) {
      const line = el('span', { className: 'lane-due', attrs: { title: `${stage.label}: ${stage.dueLine ?? ''}` } });
      place(line, { left: percent(stage.duePos) });
      lane.appendChild(line);
    }
    if (stage.reportPos !== undefined) {
      const dot = el('span', { className: `lane-report state-${stage.state}`, attrs: { title: `${stage.label}: ${stage.stateText}` } });
      place(dot, { left: percent(stage.reportPos) });
      lane.appendChild(dot);
    }
  }
  const rows = regime.stages.map((stage) =>
    el(
      'li',
      { className: `regime-stage state-${stage.state}` },
      el('span', { className: 'stage-label', text: stage.label }),
      stage.dueLine ? el('span', { className: 'stage-due', text: ` · ${stage.dueLine}` }) : null,
      el('span', { className: 'stage-state', text: ` · ${stage.stateText}` }),
    ),
  );
  return section(
    `regulatory-${index}`,
    regime.name,
    regime.clockText ? el('p', { className: 'regime-clock', text: regime.clockText }) : null,
    regime.stages.some((stage) => stage.duePos !== undefined || stage.reportPos !== undefined) ? lane : null,
    rows.length > 0 ? el('ul', { className: 'regime-stages' }, ...rows) : null,
    regime.citation ? el('p', { className: 'regime-citation', text: regime.citation }) : null,
  );
}

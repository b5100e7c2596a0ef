// Documents shared by the unit tests, the e2e preview tests and the preview harness (scripts/preview-harness). Not a test file.
import { hostileDocument as hostileTemplate } from '../common/hostile.cjs';
import { VALID } from './helpers';

/** VALID with its timeline (and anything after it up to `countermeasures:`) replaced. */
export function withTimeline(events: string, base = VALID): string {
  return base.replace(/timeline:\n[\s\S]*?(?=countermeasures:)/, `timeline:\n${events}`);
}

/** A document with `count` events one to ninety minutes apart, with ranges and every kind. */
export function bigDocument(count: number): string {
  const kinds = ['occurred', 'detected', 'responded', 'mitigated', 'resolved', 'notified', 'published', 'other'];
  const lines: string[] = [];
  let time = Date.UTC(2020, 0, 1);
  for (let i = 0; i < count; i++) {
    time += ((i * 7919) % 90) * 60_000 + 60_000;
    const at = new Date(time).toISOString().slice(0, 16);
    lines.push(`  - at: ${at}`, ...(i % 50 === 0 ? [`    until: ${new Date(time + 3_600_000).toISOString().slice(0, 16)}`] : []), `    event: Event number ${i} with some words`, `    kind: ${kinds[i % kinds.length]}`);
  }
  return withTimeline(`${lines.join('\n')}\n`);
}

/** Every text field of a postmortem holds markup and script that must come out as plain text. */
export const HOSTILE = '<script>window.__postmortemInjected=1</script> <img src=x onerror="window.__postmortemInjected=2"> javascript:alert(3) [x](javascript:alert(4)) ![i](https://evil.example/i.png) *a* _b_ `c` | ~~d~~ &amp; "q" \'s\'';
export function hostileDocument(): string {
  return hostileTemplate(HOSTILE);
}


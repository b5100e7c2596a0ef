// Documents shared by the unit tests, the e2e preview tests and the preview harness (scripts/preview-harness). Not a test file.
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
  const h = JSON.stringify(HOSTILE);
  return `postmortem: 1
id: hostile
title: ${h}
status: published
language: en
timezone: Asia/Tokyo
published: 2021-07-15
services: [${h}]
regions: [${h}]
revisions:
  - date: 2021-07-15
    note: ${h}
overview: ${h}
impact:
  period:
    start: 2021-06-30T12:00
    end: 2021-06-30T12:12
  summary: ${h}
  effects: [${h}]
  windows:
    - label: ${h}
      start: 2021-06-30T12:00
      end: 2021-06-30T12:05
  data_exposed: [${h}]
  counts:
    - label: ${h}
      value: 3
      unit: ${h}
      breakdown:
        ${h}: 3
cause:
  summary: ${h}
  trigger: ${h}
  factors:
    - id: f
      description: ${h}
    - id: g
      description: ${h}
      accepted: ${h}
detection:
  method: other
  summary: ${h}
timeline:
  - at: 2021-06-30T12:00
    event: ${h}
    kind: detected
countermeasures:
  - action: ${h}
    status: done
    date: 2021-07-01
    addresses: [f]
    owner: ${h}
    priority: ${h}
    ticket: "javascript:alert(6)"
  - action: ${h}
    status: wont_do
    reason: ${h}
    due: 2021-07-02
    ticket: ${h}
lessons_learned: [${h}]
what_went_well: [${h}]
what_went_wrong: [${h}]
where_we_got_lucky: [${h}]
links:
  - title: ${h}
    url: "javascript:alert(7)"
  - title: ${h}
    url: https://example.com/dashboard
x-note: ${h}
contact:
  url: "javascript:alert(5)"
  note: ${h}
`;
}


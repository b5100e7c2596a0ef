// One hostile postmortem for every place that shows a document to a browser: the unit tests
// (notice export, preview messages), the e2e preview test, the preview harness and the packaged
// extension's check (scripts/e2e/packaged.mjs). Plain CommonJS, so that both the ES-module Node
// scripts and the CommonJS tests can import it as it is; the TypeScript projects read its JSDoc.

/**
 * A postmortem with `text` in every text field (quoted as YAML) and link, ticket and contact URLs
 * that would run script.
 * @param {string} text markup, script, Markdown: whatever must come out as plain text
 * @param {string} [overview] the overview's text, when it must differ (e.g. much longer)
 * @returns {string}
 */
function hostileDocument(text, overview = text) {
  const h = JSON.stringify(text);
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
overview: ${JSON.stringify(overview)}
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

module.exports = { hostileDocument };

/**
 * A postmortem that uses every field format 1.1 added, valid and free of findings; tests of the
 * schema, the facts, completion and hover start from it. Planned work is due in 2028 so that no
 * "overdue" check fires whatever today is, and done work is dated in the past.
 */
export const FULL_11 = `postmortem: 1.1
id: queue-backlog-2025
title: Order confirmations delayed by a queue backlog
status: published
report: final
severity: SEV-2
language: en
timezone: UTC
published: 2025-03-09
x-team: payments
overview: For 95 minutes order confirmations were delayed; no order was lost.
services: [checkout-api, order-mailer]
regions:
  - eu-west-1
  - us-east-1
impact:
  period:
    start: 2025-03-02T09:14
    end: 2025-03-02T10:49
  windows:
    - label: Confirmations delayed in eu-west-1
      start: 2025-03-02T09:14
      end: 2025-03-02T10:02
    - label: Confirmations delayed in us-east-1
      start: 2025-03-02T09:40
      end: 2025-03-02T10:49
      x-ticket-count: 12
  counts:
    - label: Delayed confirmations
      value: 41250
      breakdown:
        DE: 30000
        US: 11250
        x-source: mailer logs
    - label: Confirmations sent on time
      value: 97.5
      unit: "%"
      qualifier: approximately
  data_exposed: none
  x-dashboard-id: 42
cause:
  summary: A consumer deploy halved the queue's throughput.
  factors:
    - id: consumer-threads
      description: The new consumer build ran with one thread instead of eight.
      category: change-management
    - id: single-queue
      description: Both regions drain one shared queue.
      category: architecture
      accepted: Splitting the queue costs more than the rare backlog it prevents.
  five_whys:
    - Confirmations were late because the queue backed up.
    - The queue backed up because consumers were slow.
  trigger: The consumer deploy at 09:10.
timeline:
  - at: 2025-03-02T09:14
    event: Queue depth starts to grow.
    kind: occurred
  - at: 2025-03-02T09:30
    approximate: true
    event: Support notices late confirmation e-mails.
    kind: detected
  - at: 2025-03-02T10:02
    event: The consumer deploy is rolled back.
    kind: mitigated
    x-runbook: RB-7
  - at: 2025-03-02T10:49
    event: The backlog is drained.
    kind: resolved
  - at: 2025-03-09
    event: This postmortem is published.
    kind: published
countermeasures:
  - action: Roll back the consumer build.
    type: technical
    status: done
    date: 2025-03-02
    owner: "@rina"
    ticket: OPS-1412
    addresses: [consumer-threads]
  - action: Alert on queue depth per region.
    type: technical
    status: planned
    owner: sre-team
    due: 2028-06-30
    priority: P1
    ticket: https://tracker.example.com/browse/OPS-1413
    addresses: [consumer-threads]
  - action: Split the shared queue by region.
    type: technical
    status: wont_do
    reason: The risk is accepted; see the factor.
    addresses: [single-queue]
    x-estimate: 3 weeks
lessons_learned:
  - Thread counts belong in the deploy checklist.
what_went_well:
  - The rollback took four minutes.
what_went_wrong:
  - Nobody was paged for 16 minutes.
where_we_got_lucky:
  - The backlog peaked outside the sales campaign.
links:
  - title: Queue dashboard
    url: https://grafana.example.com/d/queue
contact:
  url: https://example.com/support
  x-owner: support-team
`;

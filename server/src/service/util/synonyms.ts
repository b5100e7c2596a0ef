/**
 * Names people reach for first, from the common postmortem templates, mapped to the format's own.
 * A synonym is offered only where its target is allowed, so `summary` inside `cause` stays itself
 * while a top-level `summary` means `overview`. Each maps to exactly one key: an ambiguous word
 * (`actions`, `details`) is left to the plain "unknown key" message.
 */
const KEY_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  services: ['affected_services', 'components', 'affected_components', 'affected_systems', 'systems', 'products', 'affected_products'],
  regions: ['affected_regions', 'locations', 'zones'],
  countermeasures: ['action_items', 'actionitems', 'follow_ups', 'followups', 'follow_up_actions', 'remediations', 'remediation', 'corrective_actions', 'preventive_measures'],
  cause: ['root_cause', 'root_causes', 'causes'],
  factors: ['contributing_factors', 'root_causes', 'causes'],
  overview: ['summary', 'description', 'abstract'],
  timezone: ['tz', 'time_zone', 'zone'],
  language: ['lang', 'locale'],
  severity: ['sev', 'level', 'priority_level', 'impact_level'],
  owner: ['assignee', 'assigned_to', 'responsible', 'dri'],
  due: ['due_date', 'deadline', 'target_date', 'eta'],
  ticket: ['issue', 'jira', 'tracking', 'ticket_url', 'issue_url'],
  at: ['time', 'timestamp', 'when', 'start', 'date'],
  until: ['end', 'to', 'end_time'],
  event: ['description', 'what', 'text', 'message'],
  lessons_learned: ['lessons', 'learnings', 'takeaways'],
  what_went_well: ['went_well', 'what_went_right'],
  what_went_wrong: ['went_wrong'],
  where_we_got_lucky: ['got_lucky', 'lucky'],
  five_whys: ['5_whys', 'whys'],
  data_exposed: ['personal_data', 'exposed_data'],
};

/** Enum values written in other words: the status words of issue trackers, mostly. */
const VALUE_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  planned: ['todo', 'to_do', 'to-do', 'open', 'not_started', 'backlog', 'pending', 'new', '未着手', '予定'],
  in_progress: ['wip', 'doing', 'ongoing', 'started', 'in-progress', 'active', '対応中', '実施中'],
  done: ['completed', 'complete', 'closed', 'finished', 'fixed', 'resolved', '完了', '済'],
  wont_do: ["won't do", 'wontdo', 'wontfix', "won't fix", 'wont-do', 'cancelled', 'canceled', 'rejected', '見送り', '対応しない'],
  preliminary: ['draft_report', 'interim', '速報'],
  final: ['complete_report', '確報'],
};

const keyIndex = invert(KEY_SYNONYMS);
const valueIndex = invert(VALUE_SYNONYMS);

function invert(table: Readonly<Record<string, readonly string[]>>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const [target, words] of Object.entries(table)) for (const word of words.map(normalize)) index.set(word, [...(index.get(word) ?? []), target]);
  return index;
}

/** `Action Items`, `action-items` and `action_items` are one word; so are `Won't do` and `won't_do`. */
function normalize(word: string): string {
  return word.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

function lookup(index: Map<string, string[]>, word: string, allowed: readonly string[]): string | undefined {
  const targets = (index.get(normalize(word)) ?? []).filter((target) => allowed.includes(target));
  return targets.length === 1 ? targets[0] : undefined;
}

/** The allowed key a synonym stands for (`action_items` → `countermeasures`), if exactly one. */
export function keySynonym(key: string, allowed: readonly string[]): string | undefined {
  return lookup(keyIndex, key, allowed);
}

/** The allowed enum value a synonym stands for (`todo` → `planned`), if exactly one. */
export function valueSynonym(value: string, allowed: readonly string[]): string | undefined {
  return lookup(valueIndex, value, allowed);
}

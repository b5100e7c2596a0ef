import type { JsonPath } from '../parse/tree';
import type { ProjectConfig, ScaleEntry } from './projectConfig';

export interface ScaleAt {
  field: 'severity' | 'category';
  entries: readonly ScaleEntry[];
}

/**
 * The declared scale that governs the value at a path: the top-level `severity`, or a cause
 * factor's `category`. Undefined where the project declares none (the value is free text).
 */
export function scaleAt(path: JsonPath, project: ProjectConfig): ScaleAt | undefined {
  if (path.length === 1 && path[0] === 'severity' && project.severity) return { field: 'severity', entries: project.severity };
  const isCategory = path.length === 4 && path[0] === 'cause' && path[1] === 'factors' && typeof path[2] === 'number' && path[3] === 'category';
  if (isCategory && project.categories) return { field: 'category', entries: project.categories };
  return undefined;
}

/** `countermeasures[n].ticket`: the value a `ticket_url` pattern turns into a link. */
export function isTicketPath(path: JsonPath): boolean {
  return path.length === 3 && path[0] === 'countermeasures' && typeof path[1] === 'number' && path[2] === 'ticket';
}

import { isDate, parseTime } from '../time';

/**
 * The well-formed time (or date) a mechanically mistyped one most likely means: `2021-06-30 12:00`
 * (a space for the `T`), `…T12:00+0900` (an offset without its colon), `2021/06/30` (slashes),
 * a lower-case `t` or `z`. Undefined when no such repair gives a valid value, or nothing changes.
 */
export function repairTime(text: string, kind: 'time' | 'date'): string | undefined {
  let repaired = text.trim();
  repaired = repaired.replace(/^(\d{4})[/.](\d{1,2})[/.](\d{1,2})/, (_, y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`);
  repaired = repaired.replace(/^(\d{4}-\d{2}-\d{2})(?:\s+|t)(\d{1,2}:\d{2})/, (_, date: string, clock: string) => `${date}T${clock.padStart(5, '0')}`);
  repaired = repaired.replace(/(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*([+-])(\d{2}):?(\d{2})$/, '$1$2$3:$4');
  repaired = repaired.replace(/(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*[zZ]$/, '$1Z');
  if (repaired === text) return undefined;
  const valid = kind === 'date' ? isDate(repaired) : parseTime(repaired) !== undefined;
  return valid ? repaired : undefined;
}

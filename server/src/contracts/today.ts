/**
 * The calendar date (`YYYY-MM-DD`) of an instant in the local zone of this machine: "today" as the
 * user sees it. The service has no clock; the server, the CLI and the client pass this.
 */
export function localDate(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

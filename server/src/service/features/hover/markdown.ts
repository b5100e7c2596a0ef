/** Free text from the document shown as text, not as markdown it happens to resemble. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, '\\$&');
}

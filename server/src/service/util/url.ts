/** Only https URLs become links in the preview and the notice; anything else is shown as text. */
export function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}

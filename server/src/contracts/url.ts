// WHATWG URL parsing, present alike in Node, browsers and the webview. Declared here, for this
// module only, because the contracts project is typed without Node or DOM libraries.
declare const URL: new (text: string) => { readonly protocol: string };

/** Only https URLs become links in the preview and the notice; anything else is shown as text. */
export function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The only way the preview builds DOM. Document text goes in as `textContent`, never as markup,
 * and attributes that could run script or load something (`on*`, `href`, `src`, `style`, …) are
 * refused outright, so a slip here fails loudly instead of opening a hole.
 */
export type Child = Node | string | null | undefined | false;
export interface Options {
  className?: string;
  text?: string;
  attrs?: Record<string, string | number | boolean | undefined>;
}

const FORBIDDEN = /^(on|href$|src$|srcset$|srcdoc$|style$|action$|formaction$|xlink:|background$|poster$|data$|codebase$|manifest$)/i;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, options: Options = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.className) element.className = options.className;
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    if (value === undefined || value === false) continue;
    if (FORBIDDEN.test(name)) throw new Error(`refusing to set attribute ${name}`);
    element.setAttribute(name, value === true ? '' : String(value));
  }
  if (options.text !== undefined) element.textContent = options.text;
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function clear(element: Element): void {
  element.replaceChildren();
}

/** Positions and sizes go through the CSSOM, which the CSP allows, never through a style attribute. */
export function place(element: HTMLElement, box: { left?: string | undefined; width?: string | undefined; top?: string | undefined; height?: string | undefined }): void {
  if (box.left !== undefined) element.style.left = box.left;
  if (box.width !== undefined) element.style.width = box.width;
  if (box.top !== undefined) element.style.top = box.top;
  if (box.height !== undefined) element.style.height = box.height;
}

/** `{0}`-style templates of the model's labels. */
export function fmt(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (match, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? match : String(value);
  });
}

export function percent(share: number): string {
  return `${(Math.max(0, Math.min(1, share)) * 100).toFixed(3)}%`;
}

/** The format's ids (`id`, factor and countermeasure ids): the schema's `slug` pattern. */
export function isSlug(text: string): boolean {
  return /^[a-z0-9][a-z0-9-]*$/.test(text);
}

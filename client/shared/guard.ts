/**
 * Small runtime type checks for what crosses the webview boundary. A guard returns undefined when
 * the value fits, else where and why it does not (`events[3].pos: not in 0..1`), for the log line.
 * No dependencies: the webview bundle uses these too, so nothing here may touch `vscode` or the DOM.
 *
 * `shape` is typed against the interface it checks, so a field added to a message type without a
 * guard fails to compile instead of passing unchecked.
 */
export type Guard<T> = ((value: unknown) => string | undefined) & { readonly __type?: T };

const fail = (what: string, value: unknown): string => `expected ${what}, got ${describe(value)}`;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? `a string of ${value.length} characters` : JSON.stringify(value);
  return typeof value === 'object' ? 'an object' : String(value);
}

export const string = (maxLength = Number.POSITIVE_INFINITY): Guard<string> => (value) =>
  typeof value !== 'string' ? fail('a string', value) : value.length > maxLength ? `a string longer than ${maxLength}` : undefined;

/** A string of the given form, for what the webview puts in a class name or compares as a name (`severity`). */
export const matching = (pattern: RegExp, maxLength = 100): Guard<string> => (value) => string(maxLength)(value) ?? (pattern.test(value as string) ? undefined : `${describe(value)} does not match ${String(pattern)}`);

export const boolean: Guard<boolean> = (value) => (typeof value === 'boolean' ? undefined : fail('a boolean', value));

/** A finite number in [min, max]; `integer` for counts, indices and versions. */
export const number = (min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY, integer = false): Guard<number> => (value) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fail('a finite number', value);
  if (integer && !Number.isInteger(value)) return fail('an integer', value);
  return value < min || value > max ? `${value} is not in ${min}..${max}` : undefined;
};

/** A share of something, or a place on the axis. */
export const unit: Guard<number> = number(0, 1);
export const count: Guard<number> = number(0, Number.MAX_SAFE_INTEGER, true);

export function literal<const T extends string | number | boolean>(...allowed: readonly T[]): Guard<T> {
  return (value) => ((allowed as readonly unknown[]).includes(value) ? undefined : fail(allowed.map((item) => JSON.stringify(item)).join(' | '), value));
}

export function optional<T>(guard: Guard<T>): Guard<T | undefined> {
  return (value) => (value === undefined ? undefined : guard(value));
}

export function array<T>(item: Guard<T>, maxLength = Number.POSITIVE_INFINITY): Guard<T[]> {
  return (value) => {
    if (!Array.isArray(value)) return fail('an array', value);
    if (value.length > maxLength) return `an array longer than ${maxLength}`;
    for (let index = 0; index < value.length; index++) {
      const problem = item(value[index]);
      if (problem) return `[${index}]${problem.startsWith('.') || problem.startsWith('[') ? '' : ': '}${problem}`;
    }
    return undefined;
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A plain object with string keys, every value checked (diagnostics by item id, labels). */
export function record<T>(item: Guard<T>): Guard<Record<string, T>> {
  return (value) => {
    if (!isRecord(value)) return fail('an object', value);
    for (const [key, entry] of Object.entries(value)) {
      const problem = item(entry);
      if (problem) return at(key, problem);
    }
    return undefined;
  };
}

export type Shape<T> = { [K in keyof T]-?: Guard<T[K]> };

/** An object with these fields (absent counts as undefined); other fields are not read, so not checked. */
export function shape<T>(fields: Shape<T>): Guard<T> {
  const entries = Object.entries(fields) as [string, Guard<unknown>][];
  return (value) => {
    if (!isRecord(value)) return fail('an object', value);
    for (const [key, guard] of entries) {
      const problem = guard(value[key]);
      if (problem) return at(key, problem);
    }
    return undefined;
  };
}

/** One of several shapes told apart by their `type` (or another tag) field. */
export function tagged<T extends Record<string, unknown>>(tag: string, variants: Record<string, Guard<T>>): Guard<T> {
  return (value) => {
    if (!isRecord(value)) return fail('an object', value);
    const name = value[tag];
    const guard = typeof name === 'string' && Object.hasOwn(variants, name) ? variants[name] : undefined;
    return guard ? guard(value) : `${tag}: ${fail(Object.keys(variants).map((key) => JSON.stringify(key)).join(' | '), name)}`;
  };
}

export function either<A, B>(first: Guard<A>, second: Guard<B>): Guard<A | B> {
  return (value) => {
    const problem = first(value);
    return problem === undefined ? undefined : second(value) === undefined ? undefined : problem;
  };
}

function at(key: string, problem: string): string {
  return `.${key}${problem.startsWith('.') || problem.startsWith('[') ? '' : ': '}${problem}`;
}

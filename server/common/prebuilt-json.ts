// Answers that carry their own JSON text.
//
// Why: the slot picker's answer is tens of kilobytes of small objects; building
// them and then JSON.stringify-ing them was a third of a distinct question's
// cost. A domain function may attach a builder that writes the same text
// directly; the lean HTTP path (server/http/query-fast-path.ts) uses it, and
// everything else (tRPC's adapter, in-process callers) sees the plain object.
// The text must equal JSON.stringify(value): tests compare them.
const builders = new WeakMap<object, () => string>();

/** Attaches a builder of `JSON.stringify(value)`'s text to `value`; returns `value`. */
export function withPrebuiltJson<T extends object>(value: T, build: () => string): T {
  builders.set(value, build);
  return value;
}

/** The JSON text of `value`: its attached builder's, else JSON.stringify's. */
export function toJsonText(value: unknown): string {
  const build = typeof value === 'object' && value !== null ? builders.get(value) : undefined;
  return build ? build() : JSON.stringify(value);
}

/**
 * `value` with `key` computed on first read (then kept). The property is an
 * ordinary enumerable one to every reader, JSON.stringify included, and stays last in key order.
 */
export function withLazyProperty<T extends object, K extends string, V>(value: T, key: K, compute: () => V): T & Record<K, V> {
  let computed: { value: V } | undefined;
  return Object.defineProperty(value, key, {
    enumerable: true,
    configurable: true,
    get: () => (computed ??= { value: compute() }).value,
  }) as T & Record<K, V>;
}

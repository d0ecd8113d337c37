// Answers that carry their own JSON.
//
// Why: the slot picker's answer is tens of kilobytes of small objects; building
// them, JSON.stringify-ing them and encoding the text was most of a distinct
// question's cost. A domain function may attach a builder that writes the same
// JSON as UTF-8 bytes directly; the lean HTTP path (server/http/query-fast-path.ts)
// uses it, and everything else (tRPC's adapter, in-process callers) sees the
// plain object. The bytes must equal JSON.stringify(value)'s: tests compare them.
const builders = new WeakMap<object, (prefix: string, suffix: string) => Buffer>();

/** Attaches a builder of `prefix + JSON.stringify(value) + suffix` as UTF-8 bytes to `value`; returns `value`. */
export function withPrebuiltJson<T extends object>(value: T, build: (prefix: string, suffix: string) => Buffer): T {
  builders.set(value, build);
  return value;
}

/** `prefix + JSON.stringify(value) + suffix` as UTF-8 bytes: the attached builder's, else JSON.stringify's. */
export function toJsonBytes(value: unknown, prefix = '', suffix = ''): Buffer {
  const build = typeof value === 'object' && value !== null ? builders.get(value) : undefined;
  return build ? build(prefix, suffix) : Buffer.from(`${prefix}${JSON.stringify(value)}${suffix}`, 'utf8');
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

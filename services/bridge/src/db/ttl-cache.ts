/** A small time-bounded cache that also collapses concurrent loads of the same key. */
export function ttlCache<K, V>(ttlMs: number, maxEntries = 10_000) {
  const entries = new Map<K, { value: Promise<V>; expires: number }>();
  return {
    get(key: K, load: () => Promise<V>): Promise<V> {
      const now = Date.now();
      const hit = entries.get(key);
      if (hit && hit.expires > now) return hit.value;
      if (entries.size >= maxEntries) entries.clear();
      const value = load();
      entries.set(key, { value, expires: now + ttlMs });
      value.catch(() => entries.delete(key));
      return value;
    },
    delete(key: K) {
      entries.delete(key);
    },
  };
}

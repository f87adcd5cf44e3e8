/**
 * Remembers `compute(key)` for up to `max` keys, then starts over. For lookups keyed by caller input
 * (an analysis date): the cache must help the common case without growing with every new date.
 */
export function boundedMemo<T>(max: number, compute: (key: string) => T): (key: string) => T {
  const memo = new Map<string, T>();
  return (key) => {
    if (memo.has(key)) return memo.get(key) as T;
    if (memo.size >= max) memo.clear();
    const value = compute(key);
    memo.set(key, value);
    return value;
  };
}

/**
 * FHIR forbids empty elements: this removes undefined and null, blank strings, non-finite
 * numbers, and the arrays and objects left empty by that, recursively. Every mapper that
 * builds resources from messy sources runs its output through it.
 */
export function pruneEmpty<T>(v: T): T {
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) {
      const a = x.map(walk).filter((y) => y !== undefined);
      return a.length ? a : undefined;
    }
    if (x && typeof x === 'object') {
      const o: Record<string, unknown> = {};
      for (const [k, y] of Object.entries(x)) {
        const w = walk(y);
        if (w !== undefined) o[k] = w;
      }
      return Object.keys(o).length ? o : undefined;
    }
    if (x === null || x === undefined) return undefined;
    if (typeof x === 'string') return x.trim() ? x : undefined;
    if (typeof x === 'number' && !Number.isFinite(x)) return undefined;
    return x;
  };
  return (walk(v) ?? {}) as T;
}

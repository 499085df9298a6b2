/**
 * FHIR forbids empty elements: this removes undefined and null, blank strings, non-finite
 * numbers, and the arrays and objects left empty by that, recursively. Every mapper that
 * builds resources from messy sources runs its output through it.
 */
export function pruneEmpty<T>(v: T): T {
  const walk = (x: unknown): unknown => {
    // Plain loops: every mapped resource passes through here, so no intermediate arrays.
    if (Array.isArray(x)) {
      const a: unknown[] = [];
      for (const y of x) {
        const w = walk(y);
        if (w !== undefined) a.push(w);
      }
      return a.length ? a : undefined;
    }
    if (x && typeof x === 'object') {
      const o: Record<string, unknown> = {};
      let empty = true;
      for (const k of Object.keys(x)) {
        const w = walk((x as Record<string, unknown>)[k]);
        if (w !== undefined) {
          o[k] = w;
          empty = false;
        }
      }
      return empty ? undefined : o;
    }
    if (x === null || x === undefined) return undefined;
    if (typeof x === 'string') return x.trim() ? x : undefined;
    if (typeof x === 'number' && !Number.isFinite(x)) return undefined;
    return x;
  };
  return (walk(v) ?? {}) as T;
}

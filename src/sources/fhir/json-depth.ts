/**
 * How deep a parsed JSON value nests. JSON.parse reads any depth, but everything after it
 * (cleaning, reference rewriting, the store's JSON.stringify) walks resources recursively: a
 * resource nested 100,000 levels deep failed the whole document with "Maximum call stack size
 * exceeded". No FHIR resource comes near the limit (a Bundle holding a Questionnaire's items
 * nested 20 deep is ~70 levels).
 */
export const MAX_JSON_DEPTH = 256;

/** True when `value` has arrays/objects nested more than `max` levels deep. */
export function nestsDeeperThan(value: unknown, max = MAX_JSON_DEPTH): boolean {
  return deeper(value, 1, max);
}

/**
 * The walk recurses, but never past `max + 1` frames: it stops at the first value deeper than the
 * limit. Every parsed line of an import is checked, so it allocates nothing (no stack of pairs, no
 * Object.values array per object: a for-in over a parsed object's own keys).
 */
function deeper(v: unknown, depth: number, max: number): boolean {
  if (!v || typeof v !== 'object') return false;
  if (depth > max) return true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (deeper(v[i], depth + 1, max)) return true;
    return false;
  }
  for (const k in v) if (deeper((v as Record<string, unknown>)[k], depth + 1, max)) return true;
  return false;
}

/**
 * How deep a parsed JSON value nests, checked without recursion. JSON.parse reads any depth,
 * but everything after it (cleaning, reference rewriting, the store's JSON.stringify) walks
 * resources recursively: a resource nested 100,000 levels deep failed the whole document with
 * "Maximum call stack size exceeded". No FHIR resource comes near the limit (a Bundle holding a
 * Questionnaire's items nested 20 deep is ~70 levels).
 */
export const MAX_JSON_DEPTH = 256;

// The walk's stack as two parallel arrays kept between calls: every parsed line of an import is
// checked, and a [value, depth] pair per nested object plus an Object.values array per object
// were ~16 MB of the ~274 MB the bench corpus's import allocates (session 19). Emptied after
// each call (nothing parsed is held), and let go when a hostile value made it large.
const values: unknown[] = [];
const depths: number[] = [];
const KEEP = 1 << 16;

/** True when `value` has arrays/objects nested more than `max` levels deep. */
export function nestsDeeperThan(value: unknown, max = MAX_JSON_DEPTH): boolean {
  if (!value || typeof value !== 'object') return false;
  let n = 0;
  values[n] = value;
  depths[n++] = 1;
  let deeper = false;
  while (n > 0) {
    const v = values[--n] as object;
    const depth = depths[n];
    values[n] = undefined;
    if (depth > max) {
      deeper = true;
      break;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (x && typeof x === 'object') {
          values[n] = x;
          depths[n++] = depth + 1;
        }
      }
    } else {
      // for-in, not Object.values: a parsed object's own keys, no array per object.
      for (const k in v) {
        const x = (v as Record<string, unknown>)[k];
        if (x && typeof x === 'object') {
          values[n] = x;
          depths[n++] = depth + 1;
        }
      }
    }
  }
  while (n > 0) values[--n] = undefined;
  if (values.length > KEEP) {
    values.length = 0;
    depths.length = 0;
  }
  return deeper;
}

/**
 * How deep a parsed JSON value nests, checked without recursion. JSON.parse reads any depth,
 * but everything after it (cleaning, reference rewriting, the store's JSON.stringify) walks
 * resources recursively: a resource nested 100,000 levels deep failed the whole document with
 * "Maximum call stack size exceeded". No FHIR resource comes near the limit (a Bundle holding a
 * Questionnaire's items nested 20 deep is ~70 levels).
 */
export const MAX_JSON_DEPTH = 256;

/** True when `value` has arrays/objects nested more than `max` levels deep. */
export function nestsDeeperThan(value: unknown, max = MAX_JSON_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    if (depth > max) return true;
    for (const x of Array.isArray(v) ? v : Object.values(v)) if (x && typeof x === 'object') stack.push([x, depth + 1]);
  }
  return false;
}

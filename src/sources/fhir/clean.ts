/**
 * Cleans one resource in place before it is stored: drops null, empty strings, empty objects
 * and empty arrays (FHIR JSON forbids them) and date elements whose value is not a valid FHIR
 * date/dateTime/instant (precision is kept as given; nothing is padded or given a time zone).
 * Returns one message per dropped date so the caller can report it.
 */

/** FHIR dateTime (date and instant are subsets): partial dates allowed, a time needs a zone. */
const FHIR_DATETIME =
  /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]{1,9})?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?$/;

/** Element names that hold a date, dateTime or instant in R4 resources and data types. */
const DATE_KEY = /^(date|issued|authoredOn|start|end|lastUpdated|created|recorded|timestamp|whenHandedOver|whenPrepared|sent|received|creation)$|(Date|DateTime|Instant)$/;

export const isFhirDateTime = (s: string): boolean => FHIR_DATETIME.test(s);

export function cleanResource(resource: Record<string, unknown>): string[] {
  const dropped: string[] = [];
  cleanObject(resource, resource.resourceType as string, dropped, 0);
  return dropped;
}

/** Returns true when the object ended up empty. */
function cleanObject(o: Record<string, unknown>, path: string, dropped: string[], depth: number): boolean {
  if (depth > 64) return false; // deeper than any real resource; leave it alone rather than recurse forever
  let kept = 0;
  for (const k in o) {
    const v = o[k];
    if (v === null || v === undefined || v === '') {
      delete o[k];
      continue;
    }
    if (typeof v === 'string') {
      if (DATE_KEY.test(k) && !FHIR_DATETIME.test(v)) {
        dropped.push(`${path}.${k} "${v.slice(0, 40)}"`);
        delete o[k];
        continue;
      }
    } else if (Array.isArray(v)) {
      // No R4 date element repeats; an array of non-dates under a date name is not a date either.
      if (DATE_KEY.test(k) && v.some((x) => typeof x === 'string' && !FHIR_DATETIME.test(x))) {
        dropped.push(`${path}.${k} [array]`);
        delete o[k];
        continue;
      }
      if (cleanArray(v, `${path}.${k}`, dropped, depth + 1)) {
        delete o[k];
        continue;
      }
    } else if (typeof v === 'object') {
      if (cleanObject(v as Record<string, unknown>, `${path}.${k}`, dropped, depth + 1)) {
        delete o[k];
        continue;
      }
    }
    kept++;
  }
  return kept === 0;
}

function cleanArray(a: unknown[], path: string, dropped: string[], depth: number): boolean {
  let hasPrimitive = false;
  for (let i = a.length - 1; i >= 0; i--) {
    const v = a[i];
    if (Array.isArray(v)) {
      if (depth > 64 || cleanArray(v, path, dropped, depth + 1)) a.splice(i, 1); // not FHIR, but never leave it empty
    } else if (v !== null && typeof v === 'object') {
      if (cleanObject(v as Record<string, unknown>, path, dropped, depth)) a.splice(i, 1);
    } else if (v !== null) hasPrimitive = true;
  }
  // Nulls inside primitive arrays align values with their `_name` extensions: keep them unless all are null.
  return a.length === 0 || (!hasPrimitive && a.every((v) => v === null));
}

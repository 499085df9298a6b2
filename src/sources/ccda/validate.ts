/**
 * A light FHIR sanity check used by tests and `eval ccda`: date/dateTime/instant fields match
 * the FHIR regexes, and there are no empty objects, arrays or strings anywhere.
 */
import { FHIR_DATE, FHIR_DATETIME, FHIR_INSTANT } from './dates.js';

const DATE_KEYS = new Set(['birthDate', 'bornDate', 'startDate', 'dueDate', 'deceasedDate']);
const INSTANT_KEYS = new Set(['issued', 'lastUpdated']);
const DATETIME_KEY = /(DateTime|^date|Date|^start|^end|^recorded|^authoredOn|^dateAsserted|^sent|^received|^occurrence|^onset|^abatement)$/;

/** Problems found in one resource (empty list = valid as far as this check goes). */
export function invalidities(resource: unknown): string[] {
  const problems: string[] = [];
  const walk = (v: unknown, path: string, key: string, resourceType?: string) => {
    if (Array.isArray(v)) {
      if (!v.length) problems.push(`${path}: empty array`);
      v.forEach((x, i) => walk(x, `${path}[${i}]`, key, resourceType));
      return;
    }
    if (v && typeof v === 'object') {
      const entries = Object.entries(v);
      if (!entries.length) problems.push(`${path}: empty object`);
      const rt = (v as { resourceType?: string }).resourceType ?? resourceType;
      for (const [k, x] of entries) walk(x, path ? `${path}.${k}` : k, k, rt);
      return;
    }
    if (typeof v === 'string') {
      if (!v.trim()) problems.push(`${path}: empty string`);
      else if (DATE_KEYS.has(key)) {
        if (!FHIR_DATE.test(v)) problems.push(`${path}: invalid date ${v}`);
      } else if (INSTANT_KEYS.has(key) || (key === 'date' && resourceType === 'DocumentReference' && !path.includes('.'))) {
        if (!FHIR_INSTANT.test(v)) problems.push(`${path}: invalid instant ${v}`);
      } else if (DATETIME_KEY.test(key) && key !== 'dateCriterion') {
        if (!FHIR_DATETIME.test(v)) problems.push(`${path}: invalid dateTime ${v}`);
      }
    }
    if (typeof v === 'number' && !Number.isFinite(v)) problems.push(`${path}: non-finite number`);
  };
  walk(resource, '', '');
  return problems;
}

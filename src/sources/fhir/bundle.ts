/**
 * Bundles of every type (collection, transaction, batch, searchset, document, message, history,
 * responses, nested) → a flat list of raw entries with their fullUrl and location. The Bundle
 * itself is a container: its entries are imported, not the envelope.
 */
import type { ExtractionIssue, SourceLocation } from '../../core/types.js';
import { isFhirDateTime } from './clean.js';
import type { RawEntry } from './collect.js';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface Flattened {
  entries: RawEntry[];
  issues: ExtractionIssue[];
  bundles: number;
  /** Document bundles: the Composition's labels. */
  label?: { type?: string; date?: string; title?: string; author?: string };
}

/** Flattens `value` if it is a Bundle (recursively), else returns it as the single entry. */
export function flatten(value: unknown, location: SourceLocation, out: Flattened = { entries: [], issues: [], bundles: 0 }, fullUrl?: string, depth = 0): Flattened {
  if (!isObj(value) || value.resourceType !== 'Bundle') {
    out.entries.push({ value, location, fullUrl });
    return out;
  }
  out.bundles++;
  const path = location.entryId ? `${location.entryId} ` : '';
  if (depth > 16) {
    out.issues.push({ severity: 'error', code: 'invalid-resource', message: `Bundle: nested more than 16 deep, inner entries skipped (${path || 'top level'})`, location });
    return out;
  }
  const type = typeof value.type === 'string' ? value.type : 'unknown';
  const next = Array.isArray(value.link) ? value.link.find((l) => isObj(l) && l.relation === 'next') : undefined;
  if (isObj(next) && typeof next.url === 'string') {
    out.issues.push({ severity: 'information', code: 'bundle-paged', message: `${type} Bundle has a next page (${next.url.slice(0, 200)}); only this page is in the file`, location });
  }
  if (value.entry !== undefined && !Array.isArray(value.entry)) {
    out.issues.push({ severity: 'error', code: 'invalid-resource', message: `Bundle: entry is not an array (${path || 'top level'})`, location });
    return out;
  }
  const entries = (value.entry as unknown[] | undefined) ?? [];
  let empty = 0;
  entries.forEach((e, i) => {
    const at = `${location.entryId ?? 'Bundle'}.entry[${i}]`;
    if (!isObj(e)) {
      out.issues.push({ severity: 'error', code: 'invalid-resource', message: `(no resourceType): bundle entry is not an object (${at})`, location: { ...location, entryId: at } });
      return;
    }
    const request = isObj(e.request) ? e.request : undefined;
    if (e.resource === undefined || request?.method === 'DELETE') {
      empty++;
      return;
    }
    const search = isObj(e.search) ? e.search : undefined;
    const r = e.resource;
    if (search?.mode === 'outcome' && isObj(r) && r.resourceType === 'OperationOutcome') {
      const text = (Array.isArray(r.issue) ? r.issue : []).map((x) => (isObj(x) ? (x.diagnostics ?? (isObj(x.details) ? x.details.text : x.code)) : '')).filter(Boolean).join('; ');
      out.issues.push({ severity: 'warning', code: 'search-outcome', message: `Server outcome in ${type} Bundle: ${text || 'no detail'}`, location });
      return;
    }
    // PUT Type/id in a transaction names the id of a resource that has none.
    if (isObj(r) && r.id === undefined && request?.method === 'PUT' && typeof request.url === 'string') {
      const m = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,256})$/.exec(request.url);
      if (m && m[1] === r.resourceType) r.id = m[2];
    }
    const entryFullUrl = typeof e.fullUrl === 'string' && e.fullUrl ? e.fullUrl : undefined;
    flatten(r, { ...location, entryId: entryFullUrl ?? at }, out, entryFullUrl, depth + 1);
  });
  if (empty) out.issues.push({ severity: 'information', code: 'bundle-entry-without-resource', message: `${empty} ${type} Bundle entr${empty === 1 ? 'y has' : 'ies have'} no resource (requests or responses only); skipped`, location });
  if (type === 'document' && depth === 0 && !out.label) out.label = documentLabel(entries[0]);
  return out;
}

function documentLabel(first: unknown): Flattened['label'] {
  const c = isObj(first) && isObj(first.resource) && first.resource.resourceType === 'Composition' ? first.resource : undefined;
  if (!c) return undefined;
  const label: NonNullable<Flattened['label']> = {};
  const type = isObj(c.type) ? (c.type.text ?? (Array.isArray(c.type.coding) && isObj(c.type.coding[0]) ? c.type.coding[0].display : undefined)) : undefined;
  if (typeof type === 'string') label.type = type;
  if (typeof c.date === 'string' && isFhirDateTime(c.date)) label.date = c.date;
  if (typeof c.title === 'string') label.title = c.title;
  const author = Array.isArray(c.author) && isObj(c.author[0]) ? c.author[0].display : undefined;
  if (typeof author === 'string') label.author = author;
  return Object.keys(label).length ? label : undefined;
}

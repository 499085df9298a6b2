/**
 * Stored resource ids and reference rewriting.
 *
 * A stored id is derived from the original's SHA-256 and the resource's own id (or its
 * position), so processing the same document again yields the same ids: re-import and
 * re-processing are no-ops, never duplicates. References between resources of the same
 * extraction (`Type/id`, `urn:uuid:…`, absolute URLs) are rewritten to the stored ids.
 */
import { createHash } from 'node:crypto';
import type { Resource } from '@medplum/fhirtypes';
import type { ExtractedResource } from '../core/types.js';

export function storedId(documentSha: string, resourceType: string, sourceKey: string): string {
  return createHash('sha256').update(`${documentSha}\n${resourceType}\n${sourceKey}`).digest('hex').slice(0, 40);
}

/** Map from every way a resource can be referred to inside its extraction → `Type/storedId`. */
export function buildReferenceMap(items: Array<ExtractedResource & { storedId: string }>): Map<string, string> {
  const map = new Map<string, string>();
  for (const it of items) {
    const target = `${it.resource.resourceType}/${it.storedId}`;
    if (it.resource.id) map.set(`${it.resource.resourceType}/${it.resource.id}`, target);
    if (it.fullUrl) map.set(it.fullUrl, target);
  }
  return map;
}

const TAIL = /([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/** Returns a copy of the resource with references resolved through `map`; unresolved ones are left as received. */
export function rewriteReferences<T extends Resource>(resource: T, map: Map<string, string>): T {
  const seen = new WeakSet<object>();
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!v || typeof v !== 'object') return v;
    if (seen.has(v)) return undefined;
    seen.add(v);
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) {
      const x = (v as Record<string, unknown>)[k];
      if (k === 'reference' && typeof x === 'string') {
        const direct = map.get(x);
        const tail = direct ? undefined : TAIL.exec(x);
        out[k] = direct ?? (tail ? map.get(`${tail[1]}/${tail[2]}`) : undefined) ?? x;
      } else {
        out[k] = walk(x);
      }
    }
    return out;
  };
  return walk(resource) as T;
}

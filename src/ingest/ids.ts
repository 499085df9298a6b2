/**
 * Stored resource ids and reference rewriting.
 *
 * A stored id is derived from the original's SHA-256 and the resource's own id (or its
 * position), so processing the same document again yields the same ids: re-import and
 * re-processing are no-ops, never duplicates. References between resources of the same
 * extraction (`Type/id`, `urn:uuid:…`, absolute URLs) are rewritten to the stored ids.
 */
import { hash } from 'node:crypto';
import type { Resource } from '@medplum/fhirtypes';
import type { ExtractedResource } from '../core/types.js';

export function storedId(documentSha: string, resourceType: string, sourceKey: string): string {
  // crypto.hash: the same digest as createHash().update().digest(), without a Hash object per resource (~0.5-1 µs less each).
  return hash('sha256', `${documentSha}\n${resourceType}\n${sourceKey}`, 'hex').slice(0, 40);
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

/**
 * Resolves the resource's references through `map`, in place (unresolved ones are left as
 * received), and returns it. In place because the adapter's objects are this job's own and
 * dropped once stored: the copying walk allocated 25 MB of the ~336 MB the bench corpus's timed
 * import allocates (8,337 resources, sampled heap profile), now 9 MB, and its copies lived as
 * long as their part (thousands of resources), which young collections copy and promote
 * (src/sources/fhir/README.md, session 7).
 * An object met twice inside one resource (shared, or a cycle) is walked once and its second
 * place emptied, as the copying walk did (JSON leaves the key out, an array gets null).
 */
export function rewriteReferences<T extends Resource>(resource: T, map: Map<string, string>): T {
  const seen = new WeakSet<object>();
  seen.add(resource);
  walkObject(resource as unknown as Record<string, unknown>, map, seen);
  return resource;
}

// The walk's two functions live at module level, not as closures made per resource: under tsx
// (esbuild keepNames) every closure made is also named by a call to Object.defineProperty, which
// was ~1% of an import's main thread for this walk, the attachments' and the search text's.
function walkObject(o: Record<string, unknown>, map: Map<string, string>, seen: WeakSet<object>): void {
  // for-in, not Object.keys: no array of keys per object (plain JSON objects: own keys only, same order).
  for (const k in o) {
    const x = o[k];
    if (k === 'reference' && typeof x === 'string') {
      const direct = map.get(x);
      const tail = direct ? undefined : TAIL.exec(x);
      const to = direct ?? (tail ? map.get(`${tail[1]}/${tail[2]}`) : undefined);
      if (to !== undefined) o[k] = to;
    } else if (x && typeof x === 'object') {
      if (Array.isArray(x)) walkArray(x, map, seen);
      else if (seen.has(x)) o[k] = undefined;
      else {
        seen.add(x);
        walkObject(x as Record<string, unknown>, map, seen);
      }
    }
  }
}

function walkArray(a: unknown[], map: Map<string, string>, seen: WeakSet<object>): void {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (!x || typeof x !== 'object') continue;
    if (Array.isArray(x)) walkArray(x, map, seen);
    else if (seen.has(x)) a[i] = undefined;
    else {
      seen.add(x);
      walkObject(x as Record<string, unknown>, map, seen);
    }
  }
}

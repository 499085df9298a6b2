/**
 * References between resources of one input (a bundle, an NDJSON file, a whole bulk export).
 * The store rewrites a reference when its target was imported with it; this module says which
 * target that is. Resolution is a lookup, never a traversal, so reference cycles cannot hang it.
 *
 * Forms understood: `urn:uuid:…`/`urn:oid:…` and any other exact `fullUrl`; relative `Type/id`
 * (with or without `/_history/v`); absolute `http…/Type/id`; conditional `Type?identifier=sys|val`
 * (resolved only when exactly one resource matches); `#id` points into the resource's own `contained`.
 */
import type { Resource } from '@medplum/fhirtypes';

export interface ReferenceTarget {
  resourceType: string;
  id?: string;
  fullUrl?: string;
}

/** One reference found in a resource. `target` is the index of the resource it resolves to. */
export interface ReferenceLink {
  from: number;
  /** Dotted element path, e.g. `Observation.subject`. */
  path: string;
  reference: string;
  kind: 'fullUrl' | 'relative' | 'absolute' | 'conditional' | 'contained' | 'other';
  target?: number;
}

export interface ReferenceReport {
  links: ReferenceLink[];
  /** References to another resource (contained ones excluded) resolved to a resource of the input. */
  resolved: number;
  /** References to another resource whose target is not in the input (or is ambiguous). */
  unresolved: number;
  /** `#id` references and how many of them name an existing contained resource. */
  contained: number;
  containedResolved: number;
}

const REL = /^(?:(.*)\/)?([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,256})(?:\/_history\/[A-Za-z0-9\-.]{1,256})?$/;
const COND = /^([A-Z][A-Za-z]+)\?identifier=(.*)$/;

/** Parses a reference string into its form and, when it names one, the target's type and id. */
export function parseReference(ref: string): { kind: ReferenceLink['kind']; type?: string; id?: string; base?: string; identifier?: string } {
  if (ref.startsWith('#')) return { kind: 'contained', id: ref.slice(1) };
  if (ref.startsWith('urn:')) return { kind: 'fullUrl' };
  const cond = COND.exec(ref);
  if (cond) return { kind: 'conditional', type: cond[1], identifier: decodeURIComponentSafe(cond[2]) };
  const m = REL.exec(ref);
  if (m) return { kind: m[1] && /^https?:/.test(m[1]) ? 'absolute' : m[1] ? 'other' : 'relative', type: m[2], id: m[3], base: m[1] };
  return { kind: 'other' };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Index of the resources of one input, by every name a reference may use. Add resources as
 * they stream past; resolve afterwards. Holds keys and small numbers only, not the resources.
 */
export class ReferenceIndex {
  private byUrl = new Map<string, number>();
  private byTypeId = new Map<string, number>();
  private byIdentifier = new Map<string, number>(); // -1 = ambiguous
  readonly types: string[] = [];

  add(index: number, resource: { resourceType: string; id?: string; identifier?: unknown }, fullUrl?: string): void {
    this.types[index] = resource.resourceType;
    if (fullUrl) this.byUrl.set(stripHistory(fullUrl), index);
    if (resource.id) this.byTypeId.set(`${resource.resourceType}/${resource.id}`, index);
    else if (fullUrl) {
      // No id: a fullUrl ending in Type/id still names it for relative references.
      const m = REL.exec(fullUrl);
      if (m && m[2] === resource.resourceType && !this.byTypeId.has(`${m[2]}/${m[3]}`)) this.byTypeId.set(`${m[2]}/${m[3]}`, index);
    }
    const ids = Array.isArray(resource.identifier) ? resource.identifier : resource.identifier ? [resource.identifier] : [];
    for (const i of ids as Array<{ system?: string; value?: string }>) {
      if (!i || typeof i.value !== 'string') continue;
      for (const key of [`${resource.resourceType}?${i.system ?? ''}|${i.value}`, `${resource.resourceType}?${i.value}`]) {
        const had = this.byIdentifier.get(key);
        this.byIdentifier.set(key, had === undefined || had === index ? index : -1);
      }
    }
  }

  /**
   * The index of the resource a reference string points to, or undefined. `context` is the
   * fullUrl of the referring entry: a relative reference resolves against its base first.
   */
  resolve(ref: string, context?: string): number | undefined {
    const exact = this.byUrl.get(stripHistory(ref));
    if (exact !== undefined) return exact;
    const p = parseReference(ref);
    if (p.kind === 'relative' && context) {
      const c = REL.exec(context);
      if (c?.[1] && /^https?:/.test(c[1])) {
        const hit = this.byUrl.get(`${c[1]}/${p.type}/${p.id}`);
        if (hit !== undefined) return hit;
      }
    }
    if (p.kind === 'conditional' && p.type && p.identifier !== undefined) {
      const hit = this.byIdentifier.get(`${p.type}?${p.identifier}`);
      return hit === undefined || hit < 0 ? undefined : hit;
    }
    if (p.type && p.id) return this.byTypeId.get(`${p.type}/${p.id}`);
    return undefined;
  }
}

const stripHistory = (u: string) => {
  const i = u.indexOf('/_history/');
  return i < 0 ? u : u.slice(0, i);
};

/** Calls `visit` for every Reference (an object with a string `reference`) inside a resource. */
export function forEachReference(resource: unknown, visit: (ref: string, path: string) => void): void {
  const seen = new Set<object>(); // guards objects built in memory with cycles; parsed JSON has none
  const walk = (v: unknown, path: string, depth: number) => {
    if (typeof v !== 'object' || v === null || depth > 64 || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) walk(x, path, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    if (typeof o.reference === 'string') visit(o.reference, path);
    for (const k in o) {
      const x = o[k];
      if (typeof x === 'object' && x !== null && k !== 'contained') walk(x, `${path}.${k}`, depth + 1);
    }
  };
  walk(resource, (resource as Resource)?.resourceType ?? 'Resource', 0);
}

/**
 * Resolves every reference of an extraction (or any list of resources with their fullUrls)
 * against the resources of that same list. The pipeline may use `links[i].target` to rewrite
 * references to stored ids.
 */
export function resolveReferences(items: ReadonlyArray<{ resource: Resource; fullUrl?: string }>, index?: ReferenceIndex): ReferenceReport {
  const idx = index ?? new ReferenceIndex();
  if (!index) items.forEach((it, i) => idx.add(i, it.resource as ReferenceTarget, it.fullUrl));
  const report: ReferenceReport = { links: [], resolved: 0, unresolved: 0, contained: 0, containedResolved: 0 };
  items.forEach((it, from) => {
    const contained = new Set(((it.resource as { contained?: Array<{ id?: string }> }).contained ?? []).map((c) => c?.id));
    forEachReference(it.resource, (reference, path) => {
      const parsed = parseReference(reference);
      if (parsed.kind === 'contained') {
        report.contained++;
        if (parsed.id === '' || contained.has(parsed.id)) report.containedResolved++;
        report.links.push({ from, path, reference, kind: 'contained' });
        return;
      }
      const target = idx.resolve(reference, it.fullUrl);
      report.links.push({ from, path, reference, kind: parsed.kind, target });
      if (target === undefined) report.unresolved++;
      else report.resolved++;
    });
  });
  return report;
}

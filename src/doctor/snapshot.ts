/**
 * The person's record as one plain value: merged items per kind, the stored resources, the
 * documents they came from, document-text hits for the screening questions and the person's
 * own statements. `loadSnapshot` is the only I/O here; the form, the answers and the IPS are
 * pure functions of a Snapshot.
 */
import type { Resource } from '@medplum/fhirtypes';
import { sourceOfDocument } from '../share/provenance.js';
import type { Store } from '../store/store.js';
import type { Person } from '../store/people.js';
import type { MergedItem } from '../record/reconcile/cluster.js';
import { ITEM_KINDS, type ItemKind } from '../record/normalize/fact.js';
import type { SourceLocation } from '../core/types.js';
import { withoutSemanticTag } from '../record/normalize/text.js';

/** Where a pre-filled answer came from. */
export interface AnswerSource {
  documentId: string;
  filename: string;
  /** The document's own date (label), if known. */
  documentDate?: string;
  page?: number;
  resourceId?: string;
  /** "stated by you" corrections have no document. */
  statedByYou?: boolean;
}

export interface SnapshotResource {
  id: string;
  documentId: string;
  resourceType: string;
  date?: string;
  resource: Resource;
}

export interface SnapshotDocument {
  id: string;
  filename: string;
  date?: string;
  title?: string;
  /** Who wrote it and for which organization (its label), for Provenance in exports. */
  author?: string;
  organization?: string;
  /** When Vessel received it. */
  receivedAt?: string;
}

/** A page of a document whose text mentions a screening topic. */
export interface TextHit {
  topic: string;
  documentId: string;
  page: number;
  text: string;
}

/** The person's own statement (a correction to the form). */
export interface Statement {
  id: string;
  section: string;
  field: string;
  value: string;
  createdAt: string;
}

export interface Snapshot {
  person: Person;
  items: Record<ItemKind, MergedItem[]>;
  resources: SnapshotResource[];
  /** resource id → document and location. */
  locations: Record<string, { documentId: string; location: SourceLocation }>;
  documents: Record<string, SnapshotDocument>;
  textHits: TextHit[];
  statements: Statement[];
}

/** Search words per screening topic (document text). */
export const TEXT_TOPICS: Record<string, string[]> = {
  colonoscopy: ['colonoscopy'],
  mammogram: ['mammogram', 'mammography'],
  pap: ['pap smear', 'pap test', 'papanicolaou'],
};

const indexes = new WeakMap<Snapshot, Map<string, SnapshotResource>>();

/** A stored resource of the snapshot by its id (indexed once per snapshot). */
export function resourceById(s: Snapshot, id: string): SnapshotResource | undefined {
  let m = indexes.get(s);
  if (!m) indexes.set(s, (m = new Map(s.resources.map((r) => [r.id, r]))));
  return m.get(id);
}

export function sourceOf(s: Pick<Snapshot, 'locations' | 'documents'>, resourceId: string): AnswerSource | undefined {
  const loc = s.locations[resourceId];
  if (!loc) return undefined;
  const d = s.documents[loc.documentId];
  const out: AnswerSource = { documentId: loc.documentId, filename: d?.filename ?? loc.documentId, resourceId };
  if (d?.date) out.documentDate = d.date;
  if (loc.location.page != null) out.page = loc.location.page;
  return out;
}

export function describeSource(s: AnswerSource | undefined): string {
  if (!s) return '';
  if (s.statedByYou) return 'stated by you';
  return [s.filename, s.documentDate ? `dated ${s.documentDate}` : '', s.page != null ? `page ${s.page}` : ''].filter(Boolean).join(', ');
}

export async function loadSnapshot(store: Store, personId: string, opts: { statements?: Statement[] } = {}): Promise<Snapshot | undefined> {
  const person = await store.people.get(personId);
  if (!person) return undefined;
  const items = {} as Record<ItemKind, MergedItem[]>;
  // Names as a person reads them: SNOMED's semantic tags ("Acute bronchitis (disorder)") left out.
  for (const kind of ITEM_KINDS) items[kind] = (await store.record.items(personId, kind, { limit: 5000 })).items.map((it) => ({ ...it, display: withoutSemanticTag(it.display) }));
  const resources: SnapshotResource[] = [];
  for await (const r of store.resources.iterate(personId)) resources.push({ id: r.id, documentId: r.documentId, resourceType: r.resourceType, date: r.date, resource: r.resource });
  const ids = new Set<string>(resources.map((r) => r.id));
  for (const kind of ITEM_KINDS) for (const it of items[kind]) for (const rid of it.resourceIds) ids.add(rid);
  const src = await store.record.sources([...ids]);
  const locations: Snapshot['locations'] = {};
  for (const [rid, s] of src) locations[rid] = { documentId: s.documentId, location: s.location };
  const documents: Snapshot['documents'] = {};
  for (const d of await store.documents.list({ personId, limit: 100000 })) {
    const label = d.label as { date?: unknown; title?: unknown };
    const src = sourceOfDocument(d);
    documents[d.id] = { id: d.id, filename: d.filename, date: typeof label.date === 'string' ? label.date : undefined, title: typeof label.title === 'string' ? label.title : undefined, author: src.author, organization: src.organization, receivedAt: d.createdAt };
  }
  const textHits: TextHit[] = [];
  for (const [topic, queries] of Object.entries(TEXT_TOPICS)) {
    const seen = new Set<string>();
    for (const q of queries) {
      for (const h of await store.search.search(q, { personId, limit: 20 })) {
        if (h.kind !== 'page' || h.page == null || seen.has(`${h.documentId}#${h.page}`)) continue;
        seen.add(`${h.documentId}#${h.page}`);
        const page = (await store.search.pages(h.documentId)).find((p) => p.page === h.page);
        if (page) textHits.push({ topic, documentId: h.documentId, page: h.page, text: page.text });
      }
    }
  }
  return { person, items, resources, locations, documents, textHits, statements: opts.statements ?? [] };
}

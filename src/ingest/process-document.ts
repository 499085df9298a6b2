/**
 * The ingest job: one document's original → its adapter → resources, pages and people in
 * the store. Idempotent: everything the document produced before is replaced, so a job
 * re-run after a crash never doubles anything. Extraction failures are the document's
 * state (failed, with the error), never the process's.
 */
import type { Resource } from '@medplum/fhirtypes';
import type { Store } from '../store/store.js';
import type { Vault } from '../vault/vault.js';
import type { ChildFile, Extraction, ExtractionIssue, Format, PersonHints, SourceAdapter, SourceInput } from '../core/types.js';
import type { DocumentRecord } from '../store/documents.js';
import { adapterFor } from '../sources/registry.js';
import { buildReferenceMap, rewriteReferences, storedId } from './ids.js';
import { decideIdentity, hasIdentity, identifierKey } from '../record/identity.js';
import { FHIR_PATIENT_SYSTEM } from '../sources/fhir/subjects.js';
import { safeName, type PersonChild } from './importer.js';
import { labelFrom, type XdmDocumentEntry } from './xdm.js';
import type { NewResource } from '../store/resources.js';
import type { Person } from '../store/people.js';
import { pushAll } from '../core/arrays.js';

export interface ChildSink {
  /**
   * Stores the files found in one part of a document (embedded PDFs, attachments) as new
   * documents, in one batch; a child's `personId`, where set, wins over the parent's.
   */
  importChildren(parent: DocumentRecord, children: PersonChild[]): Promise<void>;
}

export interface ProcessContext {
  store: Store;
  vault: Vault;
  children: ChildSink;
  /** Lets tests and formats that are handled elsewhere (zip at import) bypass the registry. */
  adapterFor?: (format: Format) => Promise<SourceAdapter | undefined> | SourceAdapter | undefined;
  /** Called once a document's resources are stored, with the people they belong to (schedules reconcile). */
  onProcessed?: (documentId: string, personIds: string[]) => Promise<void>;
  /**
   * Reads a document again (an ingest job), in the transaction `db` that found it waiting: its
   * patient, known before only by reference, now has a person. Absent: waiting documents stay.
   */
  requeue?: (documentId: string, db: Store['db']) => Promise<void>;
}

const UNSUPPORTED_REASON: Record<string, string> = {
  unknown: 'the file type was not recognised (not a medical record format Vessel reads)',
  xml: 'this XML is not a CDA/C-CDA document; it is kept but not read',
};

function isAsyncIterable(x: unknown): x is AsyncIterable<Extraction> {
  return !!x && typeof (x as AsyncIterable<Extraction>)[Symbol.asyncIterator] === 'function';
}

function sourceInput(doc: DocumentRecord, vault: Vault): SourceInput {
  return {
    filename: doc.filename,
    format: doc.format,
    size: doc.size,
    bytes: () => vault.get(doc.sha256),
    stream: () => vault.openStream(doc.sha256),
  };
}

export async function processDocument(ctx: ProcessContext, documentId: string): Promise<void> {
  const { store } = ctx;
  const doc = await store.documents.get(documentId);
  if (!doc) return; // deleted meanwhile: nothing to do
  if (doc.format === 'empty') {
    await store.documents.setState(doc.id, 'failed', { error: 'the file is empty (0 bytes)' });
    return;
  }
  if (doc.format === 'zip') return; // expanded at import; its entries are documents of their own
  if (doc.channel === 'split' && doc.parentId) return rereadParentOf(ctx, doc);
  const adapter: SourceAdapter | undefined = await (ctx.adapterFor ?? adapterFor)(doc.format);
  if (!adapter) {
    await store.documents.setState(doc.id, 'unsupported', {
      error: UNSUPPORTED_REASON[doc.format] ?? `no reader for ${doc.format} files yet; the original is kept and can be re-processed later (vessel reprocess)`,
    });
    return;
  }
  await store.documents.setState(doc.id, 'processing', { error: null });
  await storeExtraction(ctx, doc, () => adapter.extract(sourceInput(doc, ctx.vault)));
}

/**
 * A part split out of a transmission is what its transmission's reading says about those
 * pages: reading it again means reading the transmission again (which replaces the part in
 * place). When the transmission is already waiting to be read, its job will do it.
 */
async function rereadParentOf(ctx: ProcessContext, part: DocumentRecord): Promise<void> {
  const parent = await ctx.store.documents.get(part.parentId!);
  if (!parent) {
    await ctx.store.documents.setState(part.id, 'done', { error: null });
    return;
  }
  if (parent.state === 'queued') return;
  await processDocument(ctx, parent.id);
  // The transmission no longer holds these pages as one document: the part is gone, or (an
  // unreadable transmission) left as it was.
  const after = await ctx.store.documents.get(part.id);
  if (after && after.state === 'queued') await ctx.store.documents.setState(part.id, 'done', { error: null });
}

interface StoreOptions {
  /** Seed of the stored resource ids (default: the document's SHA-256). */
  idSeed?: string;
  /** Label entries kept whatever the reading says (where a part sits in its transmission). */
  label?: Record<string, unknown>;
}

/**
 * Stores what an adapter read (or a part read inside its transmission's job) as the
 * document's resources, pages, people and label, replacing what it held before. Returns the
 * document's person.
 */
async function storeExtraction(ctx: ProcessContext, doc: DocumentRecord, read: () => Promise<Extraction> | Extraction | AsyncIterable<Extraction>, opts: StoreOptions = {}): Promise<string | null> {
  const { store } = ctx;
  const issues: ExtractionIssue[] = [];
  // What the importer learned at receipt (e.g. a CD's missing files) survives re-reading.
  const label: Record<string, unknown> = { ...(doc.label.receipt ? { receipt: doc.label.receipt } : {}), ...opts.label };
  const seed = opts.idSeed ?? doc.sha256;
  let resourceCount = 0;
  let pageCount = 0;
  let index = 0;
  let first = true;
  const personOf = new Map<string, string | null>();
  let mainPerson: string | null = null;
  // Patients named only by reference (Patient/p1 in a file without that Patient): "system|value" keys.
  const waits = new Set<string>();
  const people: PeopleContext = { store, scope: doc.scope, waits, requeue: ctx.requeue };
  // Split parts' files go to the vault as they come (a few MB at a time), so a long fax's
  // parts are not all held in memory until the end; their readings wait for storeParts.
  const splitParts: StoredPart[] = [];
  let unstored: ChildFile[] = [];
  let unstoredBytes = 0;
  const putParts = async () => {
    const puts = unstored.length ? await ctx.vault.putMany(unstored.map((c) => c.bytes)) : [];
    unstored.forEach((c, i) => splitParts.push({ c: { ...c, bytes: new Uint8Array(0) }, put: puts[i]! }));
    unstored = [];
    unstoredBytes = 0;
  };
  try {
    const result = read();
    const parts = isAsyncIterable(result) ? result : (async function* () { yield await result; })();
    for await (const part of parts) {
      pushAll(issues, part.issues);
      if (part.label) Object.assign(label, part.label);
      if (part.segments) label.segments = [...((label.segments as unknown[]) ?? []), ...part.segments];
      const subjects = Object.entries(part.subjects ?? {});
      const unknown = subjects.filter(([key]) => !personOf.has(key));
      if (unknown.length) for (const [key, id] of await attachPeople(people, unknown, issues)) personOf.set(key, id);
      for (const [key] of subjects) if (mainPerson === null) mainPerson = personOf.get(key) ?? null;
      const items = part.resources.map((r) => ({ ...r, storedId: storedId(seed, r.resource.resourceType, r.resource.id ?? r.fullUrl ?? `#${index++}`) }));
      const refs = buildReferenceMap(items);
      const rows: NewResource[] = items.map((it) => {
        const sourceId = it.resource.id; // read before the resource takes its stored id (rewritten in place)
        return {
          resource: Object.assign(rewriteReferences(it.resource, refs), { id: it.storedId }) as Resource & { id: string },
          sourceId,
          documentId: doc.id,
          personId: (it.subject !== undefined ? personOf.get(it.subject) : mainPerson) ?? mainPerson ?? undefined,
          location: it.location,
        };
      });
      await store.transaction(async (tx) => {
        if (first) await tx.resources.clearDocument(doc.id);
        await tx.resources.insertMany(rows);
        if (part.pages?.length) await tx.search.insertPages(doc.id, part.pages);
      });
      first = false;
      resourceCount += rows.length;
      pageCount += part.pages?.length ?? 0;
      for (const c of part.children ?? []) {
        if (c.relation !== 'split' || !c.read || !c.pages) continue;
        unstored.push(c);
        unstoredBytes += c.bytes.byteLength;
      }
      if (unstoredBytes >= PART_FILES_BUFFER) await putParts();
      // A child (an attachment, an embedded PDF) is about the person of the resource holding it, else its parent's.
      const children = (part.children ?? []).filter((c) => c.relation !== 'split');
      const parentPerson = mainPerson ?? doc.personId;
      if (children.length) {
        await ctx.children.importChildren(
          { ...doc, personId: parentPerson },
          children.map((c) => ({ ...c, personId: (c.subject !== undefined ? personOf.get(c.subject) : undefined) ?? parentPerson })),
        );
      }
    }
    await putParts();
    if (splitParts.length || Array.isArray(doc.label.parts)) {
      const stored = await storeParts(ctx, { ...doc, label: { ...doc.label, ...label } }, splitParts, issues);
      label.parts = stored.parts;
      // A transmission is about the person of its first document that names one.
      mainPerson ??= stored.people[0] ?? null;
    }
  } catch (err) {
    // An exception that escaped an adapter: the document shows it, the process goes on.
    const message = err instanceof Error ? err.message : String(err);
    await store.documents.setState(doc.id, 'failed', { error: `could not read this ${doc.format} file: ${message}`, issues });
    return null;
  }
  if (first) await store.transaction((tx) => tx.resources.clearDocument(doc.id));
  const fatal = issues.find((i) => i.severity === 'error');
  const producedNothing = resourceCount === 0 && pageCount === 0;
  // An XDM entry's metadata (kept at receipt) names its title, date and author; the file's own reader wins where it says.
  const xdm = (doc.label.receipt as { xdm?: XdmDocumentEntry & { role?: string } } | undefined)?.xdm;
  if (xdm && xdm.role !== 'metadata') for (const [k, v] of Object.entries(labelFrom({ ...xdm, authors: xdm.authors ?? [] }))) label[k] ??= v;
  // An attachment's holder (a FHIR note's type and date, src/sources/fhir/attachments.ts) names it where its reader did not.
  const holder = (doc.label.receipt as { holder?: { title?: string; date?: string } } | undefined)?.holder;
  if (holder?.title) label.title ??= holder.title;
  if (holder?.date) label.date ??= holder.date;
  label.resources = resourceCount;
  label.pages = pageCount;
  if (mainPerson === null && issues.some((i) => i.code.startsWith('person-'))) label.needsPerson = true;
  const personId = mainPerson ?? doc.personId ?? null;
  await store.documents.setState(doc.id, fatal && producedNothing ? 'failed' : 'done', {
    error: fatal && producedNothing ? fatal.message : null,
    issues: issues.slice(0, 500),
    label,
    // A document that names nobody keeps the person it was given (by its parent or the user).
    personId,
  });
  if (waits.size) await waitForPeople(people, doc.id);
  await ctx.onProcessed?.(doc.id, [...new Set([mainPerson, ...personOf.values()])].filter((p): p is string => !!p));
  return personId;
}

/** Where a part sits in its transmission, kept in the part's label (links both ways, and the key that makes re-reading replace it). */
interface PartLink {
  id: string;
  first: number;
  last: number;
  type?: string;
  title?: string;
}

/** A split part whose file is already in the vault (`c.bytes` emptied): its reading and where the file went. */
interface StoredPart {
  c: ChildFile;
  put: { sha256: string; size: number };
}

/** Split parts' files held before they are written to the vault together. */
const PART_FILES_BUFFER = 8 * 1024 * 1024;

const partKey = (first: unknown, last: unknown) => `${first}-${last}`;

/**
 * Stores the documents split out of a transmission as its children: each one's file (a PDF of
 * its pages) in the vault, a document row (found again by its pages when the transmission is
 * read again, so nothing is doubled), then its reading through storeExtraction, like any
 * document. Parts the new reading no longer has are removed. Cover sheets, which name no
 * patient, go with the transmission's person.
 */
async function storeParts(ctx: ProcessContext, parent: DocumentRecord, children: StoredPart[], issues: ExtractionIssue[]): Promise<{ parts: PartLink[]; people: string[] }> {
  const { store } = ctx;
  const existing = (await store.documents.list({ parentId: parent.id, limit: 100_000 })).filter((d) => d.channel === 'split');
  const byKey = new Map(existing.map((d) => {
    const at = d.label.split as { first?: number; last?: number } | undefined;
    return [partKey(at?.first, at?.last), d] as const;
  }));
  const isCover = (c: ChildFile) => c.read?.label?.type === 'fax_cover_sheet';
  const order = [...children].sort((a, b) => Number(isCover(a.c)) - Number(isCover(b.c)));
  const people: string[] = [];
  const parts: PartLink[] = [];
  const kept = new Set<string>();
  const title = typeof parent.label.title === 'string' ? parent.label.title : parent.filename;
  for (const { c, put } of order) {
    const [first, last] = c.pages!;
    const filename = safeName(c.name);
    let row = byKey.get(partKey(first, last));
    if (row && row.sha256 !== put.sha256) {
      try {
        await store.documents.replaceOriginal(row.id, { sha256: put.sha256, size: put.size, filename });
        row = { ...row, sha256: put.sha256, size: put.size, filename };
      } catch {
        issues.push({ severity: 'warning', code: 'split-part-conflict', message: `The file of pages ${first}-${last} is already stored as another document; the earlier file of this part was kept.`, location: { page: first } });
      }
    }
    if (!row) {
      const res = await store.documents.insertIfNew({ sha256: put.sha256, channel: 'split', filename, format: 'pdf', size: put.size, state: 'processing', parentId: parent.id, scope: parent.scope });
      if (!res.created) {
        // The same pages were stored before as a document of their own (imported by hand, or a part of another fax).
        issues.push({ severity: 'information', code: 'split-part-already-stored', message: `Pages ${first}-${last} are already stored as "${res.doc.filename}".`, location: { page: first } });
        parts.push({ id: res.doc.id, first, last, type: c.read!.label?.type, title: c.read!.label?.title });
        continue;
      }
      row = res.doc;
    }
    kept.add(row.id);
    const fallback = isCover(c) && !row.personId ? (people[0] ?? parent.personId) : undefined;
    const person = await storeExtraction(ctx, { ...row, ...(fallback ? { personId: fallback } : {}) }, () => c.read!, {
      idSeed: `${parent.sha256}\npages ${first}-${last}`,
      label: { split: { first, last }, transmission: { id: parent.id, title } },
    });
    if (person && !isCover(c)) people.push(person);
    parts.push({ id: row.id, first, last, type: c.read!.label?.type, title: c.read!.label?.title });
  }
  for (const gone of existing.filter((d) => !kept.has(d.id))) {
    await store.transaction(async (tx) => {
      await tx.resources.clearDocument(gone.id);
      await tx.documents.delete(gone.id, tx.db);
    });
    if (gone.personId) await ctx.onProcessed?.(gone.id, [gone.personId]);
  }
  return { parts: parts.sort((a, b) => a.first - b.first), people };
}

/**
 * Finds or creates the person a document's subject is, or leaves it for the user to choose.
 * A document an account brought in (`scope`) is matched only among the people that account
 * may write, and a new person becomes that account's own: one household's upload never lands
 * in another's record. The command line ('' scope) sees everyone.
 */
interface PeopleContext {
  store: Store;
  scope: string;
  waits: Set<string>;
  requeue?: ProcessContext['requeue'];
}

/**
 * Hints that are only a reference to a Patient resource of another file (the subject tracker's
 * `urn:vessel:fhir-patient` identifier, no name, no birth date): not a person yet, a wait for one.
 */
function referenceOnly(h: PersonHints): boolean {
  return !h.family && !h.name && !h.given?.length && !h.birthDate && !!h.identifiers?.length && h.identifiers.every((i) => i.system === FHIR_PATIENT_SYSTEM);
}

/**
 * The people a part's new subjects are, decided in order in one people-lock transaction over one
 * listing of the people in scope (kept up to date with the people it creates and the identifiers
 * it adds): a bulk file's part names hundreds of patients, and listing (and parsing) everyone
 * again for each of them was quadratic. Subjects without identity are nobody, without the lock.
 */
async function attachPeople(ctx: PeopleContext, subjects: Array<[string, PersonHints]>, issues: ExtractionIssue[]): Promise<Array<[string, string | null]>> {
  if (!subjects.some(([, hints]) => hasIdentity(hints))) return subjects.map(([key]) => [key, null]);
  return ctx.store.withPeopleLock(async (tx) => {
    const people = await peopleInScope(tx, ctx.scope);
    const decided: Array<[string, string | null]> = [];
    for (const [key, hints] of subjects) decided.push([key, hasIdentity(hints) ? await decideAndAttach(tx, people, hints, issues, ctx) : null]);
    return decided;
  });
}

/**
 * After a document is stored: it waits for the people it names only by reference. Under the
 * people lock, so a Patient stored meanwhile either finds the wait or is found here.
 */
async function waitForPeople(ctx: PeopleContext, documentId: string): Promise<void> {
  await ctx.store.withPeopleLock(async (tx) => {
    await tx.people.addWaits(documentId, [...ctx.waits], tx.db);
    const known = new Set((await tx.people.list()).flatMap((p) => p.identifiers.map(identifierKey)));
    const arrived = [...ctx.waits].filter((k) => known.has(k));
    if (arrived.length) await wake(tx, arrived, ctx);
  });
}

/** Documents waiting for these identifiers are read again (in the lock's transaction). */
async function wake(tx: Store, identifiers: string[], ctx: PeopleContext): Promise<void> {
  if (!ctx.requeue) return;
  for (const documentId of await tx.people.takeWaiters(identifiers, tx.db)) await ctx.requeue(documentId, tx.db);
}

async function peopleInScope(store: Store, scope: string) {
  const people = await store.people.list();
  if (!scope) return people;
  const roles = await store.accounts.rolesOf(scope);
  return people.filter((p) => roles.get(p.id) === 'owner' || roles.get(p.id) === 'caregiver');
}

/** `people` (the people in scope, in creation order) gains the person this creates. */
async function decideAndAttach(store: Store, people: Person[], hints: PersonHints, issues: ExtractionIssue[], ctx: PeopleContext): Promise<string | null> {
  const { scope } = ctx;
  const decision = decideIdentity(hints, people.map((p) => ({ ...p, given: p.given })));
  if (decision.kind === 'match') {
    const person = people.find((p) => p.id === decision.personId)!;
    if (hints.identifiers?.length) {
      await store.people.addIdentifiers(person, hints.identifiers);
      if (!referenceOnly(hints)) await wake(store, hints.identifiers.map(identifierKey), ctx);
    }
    return person.id;
  }
  if (referenceOnly(hints)) {
    // A bulk export's files are read in any order: this patient's own file may come later.
    for (const i of hints.identifiers!) ctx.waits.add(identifierKey(i));
    issues.push({ severity: 'warning', code: 'person-waiting', message: `This file refers to patient ${hints.identifiers![0].value} whose own record has not been read yet; it goes to that person when the Patient record arrives, or choose who it belongs to.` });
    return null;
  }
  if (decision.kind === 'ambiguous') {
    issues.push({ severity: 'warning', code: 'person-ambiguous', message: `Which person is this? ${decision.reason}; please choose.` });
    return null;
  }
  if (decision.kind === 'new') {
    // Strong identity (structured sources) or an empty household: a new person. A weak one
    // (a name read off a fax, nothing else) waits for the user instead of adding a stranger.
    const strong = !!(hints.family && (hints.birthDate || hints.identifiers?.length));
    if (strong || people.length === 0) {
      const person = await store.people.create(hints, store.db);
      people.push(person);
      if (scope) await store.accounts.grant(scope, person.id, 'owner', null, store.db);
      if (hints.identifiers?.length) await wake(store, hints.identifiers.map(identifierKey), ctx);
      return person.id;
    }
    issues.push({ severity: 'warning', code: 'person-unmatched', message: 'This document names a person not in the household; please choose who it belongs to.' });
  }
  return null;
}

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
import { decideIdentity, hasIdentity } from '../record/identity.js';
import type { NewResource } from '../store/resources.js';

export interface ChildSink {
  /** Stores the files found in one part of a document (embedded PDFs, attachments) as new documents, in one batch. */
  importChildren(parent: DocumentRecord, children: ChildFile[]): Promise<void>;
}

export interface ProcessContext {
  store: Store;
  vault: Vault;
  children: ChildSink;
  /** Lets tests and formats that are handled elsewhere (zip at import) bypass the registry. */
  adapterFor?: (format: Format) => Promise<SourceAdapter | undefined> | SourceAdapter | undefined;
  /** Called once a document's resources are stored, with the people they belong to (schedules reconcile). */
  onProcessed?: (documentId: string, personIds: string[]) => Promise<void>;
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
  const adapter: SourceAdapter | undefined = await (ctx.adapterFor ?? adapterFor)(doc.format);
  if (!adapter) {
    await store.documents.setState(doc.id, 'unsupported', {
      error: UNSUPPORTED_REASON[doc.format] ?? `no reader for ${doc.format} files yet; the original is kept and can be re-processed later (vessel reprocess)`,
    });
    return;
  }
  await store.documents.setState(doc.id, 'processing', { error: null });

  const issues: ExtractionIssue[] = [];
  // What the importer learned at receipt (e.g. a CD's missing files) survives re-reading.
  const label: Record<string, unknown> = doc.label.receipt ? { receipt: doc.label.receipt } : {};
  let resourceCount = 0;
  let pageCount = 0;
  let index = 0;
  let first = true;
  const personOf = new Map<string, string | null>();
  let mainPerson: string | null = null;
  try {
    const result = adapter.extract(sourceInput(doc, ctx.vault));
    const parts = isAsyncIterable(result) ? result : (async function* () { yield await result; })();
    for await (const part of parts) {
      issues.push(...part.issues);
      if (part.label) Object.assign(label, part.label);
      if (part.segments) label.segments = [...((label.segments as unknown[]) ?? []), ...part.segments];
      for (const [key, hints] of Object.entries(part.subjects ?? {})) {
        if (!personOf.has(key)) personOf.set(key, await attachPerson(store, hints, issues, doc.scope));
        if (mainPerson === null) mainPerson = personOf.get(key) ?? null;
      }
      const items = part.resources.map((r) => ({ ...r, storedId: storedId(doc.sha256, r.resource.resourceType, r.resource.id ?? r.fullUrl ?? `#${index++}`) }));
      const refs = buildReferenceMap(items);
      const rows: NewResource[] = items.map((it) => ({
        resource: { ...rewriteReferences(it.resource, refs), id: it.storedId } as Resource & { id: string },
        sourceId: it.resource.id,
        documentId: doc.id,
        personId: (it.subject !== undefined ? personOf.get(it.subject) : mainPerson) ?? mainPerson ?? undefined,
        location: it.location,
      }));
      await store.transaction(async (tx) => {
        if (first) await tx.resources.clearDocument(doc.id);
        await tx.resources.insertMany(rows);
        if (part.pages?.length) await tx.search.insertPages(doc.id, part.pages);
      });
      first = false;
      resourceCount += rows.length;
      pageCount += part.pages?.length ?? 0;
      // A child (an attachment, an embedded PDF) is about the person of the resource holding it, else its parent's.
      for (const [subject, files] of groupBySubject(part.children ?? [])) {
        await ctx.children.importChildren({ ...doc, personId: (subject !== undefined ? personOf.get(subject) : undefined) ?? mainPerson ?? doc.personId }, files);
      }
    }
  } catch (err) {
    // An exception that escaped an adapter: the document shows it, the process goes on.
    const message = err instanceof Error ? err.message : String(err);
    await store.documents.setState(doc.id, 'failed', { error: `could not read this ${doc.format} file: ${message}`, issues });
    return;
  }
  if (first) await store.transaction((tx) => tx.resources.clearDocument(doc.id));
  const fatal = issues.find((i) => i.severity === 'error');
  const producedNothing = resourceCount === 0 && pageCount === 0;
  label.resources = resourceCount;
  label.pages = pageCount;
  if (mainPerson === null && issues.some((i) => i.code.startsWith('person-'))) label.needsPerson = true;
  await store.documents.setState(doc.id, fatal && producedNothing ? 'failed' : 'done', {
    error: fatal && producedNothing ? fatal.message : null,
    issues: issues.slice(0, 500),
    label,
    // A document that names nobody keeps the person it was given (by its parent or the user).
    personId: mainPerson ?? doc.personId ?? null,
  });
  await ctx.onProcessed?.(doc.id, [...new Set([mainPerson, ...personOf.values()])].filter((p): p is string => !!p));
}

function groupBySubject(children: ChildFile[]): Map<string | undefined, ChildFile[]> {
  const groups = new Map<string | undefined, ChildFile[]>();
  for (const c of children) {
    const group = groups.get(c.subject);
    if (group) group.push(c);
    else groups.set(c.subject, [c]);
  }
  return groups;
}

/**
 * Finds or creates the person a document's subject is, or leaves it for the user to choose.
 * A document an account brought in (`scope`) is matched only among the people that account
 * may write, and a new person becomes that account's own: one household's upload never lands
 * in another's record. The command line ('' scope) sees everyone.
 */
async function attachPerson(store: Store, hints: PersonHints, issues: ExtractionIssue[], scope: string): Promise<string | null> {
  if (!hasIdentity(hints)) return null;
  return store.withPeopleLock((tx) => decideAndAttach(tx, hints, issues, scope));
}

async function peopleInScope(store: Store, scope: string) {
  const people = await store.people.list();
  if (!scope) return people;
  const roles = await store.accounts.rolesOf(scope);
  return people.filter((p) => roles.get(p.id) === 'owner' || roles.get(p.id) === 'caregiver');
}

async function decideAndAttach(store: Store, hints: PersonHints, issues: ExtractionIssue[], scope: string): Promise<string | null> {
  const people = await peopleInScope(store, scope);
  const decision = decideIdentity(hints, people.map((p) => ({ ...p, given: p.given })));
  if (decision.kind === 'match') {
    const person = people.find((p) => p.id === decision.personId)!;
    if (hints.identifiers?.length) await store.people.addIdentifiers(person, hints.identifiers);
    return person.id;
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
      if (scope) await store.accounts.grant(scope, person.id, 'owner', null, store.db);
      return person.id;
    }
    issues.push({ severity: 'warning', code: 'person-unmatched', message: 'This document names a person not in the household; please choose who it belongs to.' });
  }
  return null;
}

/**
 * The reconcile job and user decisions: the I/O edge around the pure normalize/cluster code.
 * Incremental and bounded: only documents the record has not seen at their current version
 * are read, a page of resources at a time; a few new facts join the items their keys match
 * (append.ts) and everything else marks its block to be rebuilt. Work is cut into short
 * transactions (a chunk of documents, a batch of blocks), so the SQLite writer is free
 * between them and a killed worker leaves marks the next run finishes.
 */
import type { Resource } from '@medplum/fhirtypes';
import type { Store } from '../../store/store.js';
import type { JobQueue } from '../../jobs/queue.js';
import { factOfRow, type BlockRef, type DirtyBlock, type StoredFactRow, type StoredItem } from '../../store/record.js';
import { factsOf, FACT_RESOURCE_TYPES, ITEM_KINDS, type Fact, type FactContext, type ItemKind } from '../normalize/fact.js';
import { groupBlock, itemsOfGroups, type Decision } from './cluster.js';
import { APPEND_KINDS, BlockKeys, closeItem, itemKeysOf, LOOSE_KEY, openItem, placeFact, stateOf, type OpenItem } from './append.js';
import { FactCache } from './fact-cache.js';
import { relieveHeapWhenDue } from '../../core/heap.js';

export const RECONCILE_JOB = 'reconcile';

/**
 * Queues a reconcile of the person (dedupe key `reconcile:<personId>`). The queue keeps one
 * open job per key, queued or running; a running job may already have read the documents
 * before this one finished, so a dropped enqueue leaves one follow-up job instead.
 */
export async function scheduleReconcile(queue: JobQueue, personId: string): Promise<void> {
  if (await queue.enqueue(RECONCILE_JOB, { personId }, { dedupeKey: `reconcile:${personId}` })) return;
  await queue.enqueue(RECONCILE_JOB, { personId }, { dedupeKey: `reconcile:${personId}:again` });
}

/**
 * Queues a reconcile of every person with documents whose facts another normalization version
 * made (the shipped tables or rules changed): the job reads those documents again. Run when a
 * worker starts; a person already queued is not queued twice.
 */
export async function scheduleRenormalize(store: Store, queue: JobQueue): Promise<number> {
  const people = await store.record.peopleNormalizedBefore();
  for (const p of people) await scheduleReconcile(queue, p);
  return people.length;
}

/** Formats whose facts were read off images or free text (OCR): ranked below structured sources. */
const UNSTRUCTURED = new Set(['pdf', 'tiff', 'jpeg', 'png', 'text']);

export interface ReconcileStats {
  documents: number;
  facts: number;
  /** Facts that joined an item (or became one) without their block being rebuilt. */
  appended: number;
  blocks: number;
  /** Blocks rebuilt from the run's memory instead of read back (a first import's). */
  blocksFromMemory: number;
  ms: number;
}

const refKey = (b: BlockRef) => `${b.personId}\u0000${b.kind}\u0000${b.block}`;

type StoredDecision = Decision & { block?: string };
type PersonFact = Fact & { personId: string };

/** Stale documents read per transaction. */
const DOC_CHUNK = 200;
/** Resources normalized per page: what a bulk NDJSON part costs in memory at once. */
const RESOURCE_PAGE = 2000;
/** Blocks rebuilt per transaction. */
const BLOCK_BATCH = 2000;
/** Facts written per transaction, about (a chunk of documents or pages of a big one is not cut). */
const TX_FACTS = 20_000;
/** SQLite: a document with more resources than this is read a page per transaction. */
const BIG_DOCUMENT = 10_000;
/** New facts of one chunk up to which they are appended to items; above (a first import), their blocks are rebuilt once at the end. */
const APPEND_MAX_FACTS = 1000;
/**
 * SQLite: a run that read all its documents in its first transaction, writing up to this many
 * facts, rebuilds their blocks in that transaction too (one commit); a bigger one rebuilds in
 * transactions of its own, so the writer is free between them.
 */
const SHARED_FIRST_MAX_FACTS = 2000;
/** Facts of a first import kept in memory for the rebuild (~300 bytes each as stored rows); past this they are read back. */
const CACHE_MAX_FACTS = 250_000;

/** A user merge moves its facts into one block; applied again when a document is re-read. */
function applyMergeBlocks(facts: Fact[], decisions: StoredDecision[]): void {
  for (const d of decisions) {
    if (d.action !== 'merge' || !d.block) continue;
    for (const f of facts) if (f.kind === d.kind && (d.resourceIds.includes(f.resourceId) || d.resourceIds.includes(f.id))) f.block = d.block;
  }
}

export interface ReconcileOptions {
  onProgress?: () => Promise<void>;
  /** Resources per page, the SQLite big-document threshold and facts per transaction (defaults RESOURCE_PAGE, BIG_DOCUMENT, TX_FACTS; tests make them small). */
  pageSize?: number;
  bigDocument?: number;
  txFacts?: number;
}

/**
 * Brings the person's merged record up to date with their documents. `onProgress` runs after
 * each transaction that stored work (the job queue's checkpoint: a worker killed again and
 * again while the record still moves forward is not taken for a job that kills its worker).
 */
export async function reconcilePerson(store: Store, personId: string, opts: ReconcileOptions = {}): Promise<ReconcileStats> {
  const pageSize = opts.pageSize ?? RESOURCE_PAGE;
  const bigDocument = opts.bigDocument ?? BIG_DOCUMENT;
  const txFacts = opts.txFacts ?? TX_FACTS;
  const t0 = performance.now();
  const stats = { documents: 0, facts: 0, appended: 0, blocks: 0, blocksFromMemory: 0 };
  // People whose facts this run wrote (a bulk file names many): their marked blocks are rebuilt here too.
  const touched = new Set<string>([personId]);
  const cache = new FactCache(CACHE_MAX_FACTS);
  let decisionsAtStart = '';
  let finished = false;
  // The touched people's marked blocks are rebuilt BLOCK_BATCH per transaction. On SQLite one
  // transaction goes on to the next person while its batch has room (the lock is the single
  // writer's, so holding several people's costs nothing), and a run whose documents were all read
  // in its first transaction (a few facts: SHARED_FIRST_MAX_FACTS) rebuilds in that same one: a
  // bulk file naming ten people costs one commit instead of twenty-two, and each commit rewrites
  // the index pages it touched.
  // Same reads and writes in the same order, cut into fewer transactions. PostgreSQL keeps one
  // person per transaction (its locks are per person: taking several in any order could deadlock).
  const sharing = store.dialect === 'sqlite';
  let pending: string[] = [];
  const rebuildPending = async (tx: Store): Promise<number> => {
    let rebuilt = 0;
    while (pending.length) {
      const who = pending[0];
      await tx.record.lockPerson(who);
      const marks = await tx.record.dirtyBlocks(who, BLOCK_BATCH - rebuilt);
      if (!marks.length) {
        pending.shift();
        if (sharing) continue;
        break;
      }
      stats.blocksFromMemory += await rebuildBlocks(tx, who, marks, await tx.record.decisions(who), who === personId ? cache : undefined, decisionsAtStart);
      rebuilt += marks.length;
      if (!sharing || rebuilt >= BLOCK_BATCH) break;
      // The relief due between transactions before, now between people inside one (at most every 200 ms).
      relieveHeapWhenDue();
    }
    return rebuilt;
  };
  let rebuiltFirst = false;
  for (let first = true; !finished; first = false) {
    let big: string[] = [];
    const n = await store.transaction(async (tx) => {
      await tx.record.lockPerson(personId);
      if (first) {
        // Only a person without facts has every fact of a block in this run's memory. PostgreSQL
        // marks return no generation (and its reads do not follow insertion order): it reads back.
        if (tx.dialect !== 'sqlite' || (await tx.record.hasFacts(personId))) cache.disable();
        decisionsAtStart = decisionIds(await tx.record.decisions(personId));
      }
      // Chunks of documents until the transaction has written its share of facts: each commit
      // rewrites the index pages it touched (fact ids are hashes), so many tiny transactions cost
      // more than they free, and a share that grows with what is written keeps the total linear.
      let done = 0;
      let exhausted = false;
      const factsBefore = stats.facts;
      const limit = txLimit(txFacts, stats.facts);
      // Blocks already marked in this transaction: marking them again changes nothing (nothing rebuilds in between).
      const marked = new Set<string>();
      while (stats.facts - factsBefore < limit && !big.length && !exhausted) {
        let chunk = await tx.record.staleDocuments(personId, DOC_CHUNK);
        // A short chunk is the last one (a document arriving meanwhile has its own follow-up job).
        exhausted = chunk.length < DOC_CHUNK;
        if (!chunk.length) break;
        done += chunk.length;
        let sizes: Map<string, number> | undefined;
        if (tx.dialect === 'sqlite') {
          // A bulk file's part can hold a million rows: read it in transactions of its own.
          sizes = await tx.record.documentSizes(chunk);
          big = chunk.filter((id) => (sizes!.get(id) ?? 0) > bigDocument);
          chunk = chunk.filter((id) => (sizes!.get(id) ?? 0) <= bigDocument);
        }
        if (chunk.length) await readDocuments(tx, personId, chunk, touched, stats, pageSize, marked, cache, sizes);
        // A transaction over thousands of documents without facts (a bulk file's notes) never yields to the
        // worker's relief timer: its garbage would grow the heap by tens of MB (the 100 MB NDJSON import's peak).
        relieveHeapWhenDue();
      }
      finished = exhausted && !big.length;
      // A small update (one new document) is finished in this one transaction: one commit.
      if (finished && first && sharing && stats.facts <= SHARED_FIRST_MAX_FACTS) {
        pending = [...touched];
        stats.blocks += await rebuildPending(tx);
        rebuiltFirst = true;
      } else if (finished && first && touched.size === 1) {
        const marks = await tx.record.dirtyBlocks(personId, BLOCK_BATCH);
        if (marks.length) stats.blocksFromMemory += await rebuildBlocks(tx, personId, marks, await tx.record.decisions(personId), cache, decisionsAtStart);
        stats.blocks += marks.length;
      }
      return done;
    });
    if (big.length) cache.disable(); // a bulk part's facts are written and marked outside the cache
    for (const id of big) await readBigDocument(store, personId, id, touched, stats, { pageSize, txFacts }, opts.onProgress);
    stats.documents += n;
    if (n) await opts.onProgress?.();
  }
  if (!rebuiltFirst) pending = [...touched];
  while (pending.length) {
    const n = await store.transaction(rebuildPending);
    if (!n) continue;
    stats.blocks += n;
    relieveHeapWhenDue();
    await opts.onProgress?.();
  }
  return { ...stats, ms: performance.now() - t0 };
}

/**
 * One chunk of stale documents, in the caller's transaction: their old facts leave (their
 * blocks are marked), their resources are read page by page into facts, and the facts
 * either join items directly (a few) or mark their blocks (many).
 */
async function readDocuments(tx: Store, personId: string, chunk: string[], touched: Set<string>, stats: { facts: number; appended: number }, pageSize: number, marked: Set<string>, cache: FactCache, sizes?: Map<string, number>): Promise<void> {
  const marks = new Map<string, BlockRef>();
  const mark = (b: BlockRef) => marks.set(refKey(b), { personId: b.personId, kind: b.kind, block: b.block });
  for (const b of await tx.record.removeDocumentsFacts(chunk)) {
    mark(b);
    cache.drop(refKey(b));
  }
  const keep = cache.enabled ? (f: PersonFact, row: StoredFactRow) => f.personId === personId && cache.add(refKey(f), row) : undefined;
  const infos = await tx.record.documentsInfo(chunk);
  const mine = chunk.filter((id) => infos.get(id)?.personId === personId);
  await tx.record.forgetDocuments(chunk.filter((id) => infos.get(id)?.personId !== personId));
  const decisionsOf = new Map<string, StoredDecision[]>();
  const decisions = async (p: string) => {
    let d = decisionsOf.get(p);
    if (!d) decisionsOf.set(p, (d = await tx.record.decisions(p)));
    return d;
  };
  let held: PersonFact[] | undefined = [];
  for await (const page of tx.record.resourcePages(mine, FACT_RESOURCE_TYPES, pageSize, sizes)) {
    const facts = await factsOfPage(page, infos, touched, decisions);
    await tx.record.insertFacts(facts, keep);
    stats.facts += facts.length;
    if (held && held.length + facts.length <= APPEND_MAX_FACTS) held.push(...facts);
    else {
      for (const f of [...(held ?? []), ...facts]) mark(f);
      held = undefined;
    }
  }
  if (held?.length) stats.appended += await appendFacts(tx, personId, held, marks, decisions);
  const fresh = [...marks].filter(([k]) => !marked.has(k));
  for (const [k] of fresh) marked.add(k);
  const gens = await tx.record.markDirty(
    fresh.map(([, b]) => b),
    cache.base,
  );
  if (!gens) cache.disable();
  else fresh.forEach(([k], i) => cache.marked(k, gens[i]));
  await tx.record.markSeenMany(mine.map((id) => ({ documentId: id, personId, seen: infos.get(id)!.updatedAt })));
}

/** Facts a transaction writes: at least `base`, and a quarter of what this run wrote so far (a million-fact import commits ~15 times, not 50). */
function txLimit(base: number, writtenSoFar: number): number {
  return Math.max(base, Math.floor(writtenSoFar / 4));
}

type DocumentInfos = Map<string, { updatedAt: string; personId: string | null; format: string; date?: string }>;

/** The facts of a page of resources; people whose facts these are join `touched`, and their merge decisions move facts between blocks. */
async function factsOfPage(page: Array<{ id: string; documentId: string; personId: string | null; json: string }>, infos: DocumentInfos, touched: Set<string>, decisions: (p: string) => Promise<StoredDecision[]>): Promise<PersonFact[]> {
  const facts: PersonFact[] = [];
  // A page is a few documents' rows in document order: one context per document, not one per resource
  // (factsOf only reads it).
  let ctx: FactContext | undefined;
  for (const r of page) {
    if (!r.personId) continue;
    if (ctx?.documentId !== r.documentId) {
      const info = infos.get(r.documentId)!;
      ctx = { documentId: r.documentId, structured: !UNSTRUCTURED.has(info.format), documentDate: info.date };
    }
    for (const f of factsOf(JSON.parse(r.json) as Resource, r.id, ctx)) {
      (f as PersonFact).personId = r.personId;
      facts.push(f as PersonFact);
    }
  }
  for (const p of new Set(facts.map((f) => f.personId))) {
    touched.add(p);
    applyMergeBlocks(facts.filter((f) => f.personId === p), await decisions(p));
  }
  return facts;
}

/**
 * SQLite: one big document in transactions of a few pages each (TX_FACTS), so the writer is
 * free between them. The document counts as seen only at the end: a worker killed half-way leaves it
 * stale, and the next run removes what was written and reads it again.
 */
async function readBigDocument(store: Store, personId: string, documentId: string, touched: Set<string>, stats: { facts: number }, limits: { pageSize: number; txFacts: number }, onProgress?: () => Promise<void>): Promise<void> {
  const infos = await store.transaction(async (tx) => {
    await tx.record.lockPerson(personId);
    await tx.record.markDirty(await tx.record.removeDocumentsFacts([documentId]));
    const found = await tx.record.documentsInfo([documentId]);
    if (found.get(documentId)?.personId === personId) return found;
    await tx.record.forgetDocuments([documentId]);
    return undefined;
  });
  if (!infos) return;
  for (let after = -1, more = true; more; ) {
    more = await store.transaction(async (tx) => {
      await tx.record.lockPerson(personId);
      const marks = new Map<string, BlockRef>();
      const limit = txLimit(limits.txFacts, stats.facts);
      for (let written = 0; written < limit; ) {
        const page = await tx.record.documentPageAfter(documentId, FACT_RESOURCE_TYPES, after, limits.pageSize);
        if (!page.rows.length) return false;
        after = page.last;
        const facts = await factsOfPage(page.rows, infos, touched, (p) => tx.record.decisions(p));
        await tx.record.insertFacts(facts);
        for (const f of facts) marks.set(refKey(f), { personId: f.personId, kind: f.kind, block: f.block });
        await tx.record.markDirty([...marks.values()]);
        marks.clear();
        stats.facts += facts.length;
        written += Math.max(1, facts.length);
        relieveHeapWhenDue();
      }
      return true;
    });
    await onProgress?.();
  }
  await store.transaction(async (tx) => {
    await tx.record.lockPerson(personId);
    await tx.record.markSeenMany([{ documentId, personId, seen: infos.get(documentId)!.updatedAt }]);
  });
}

/**
 * New facts (already stored) join the items of their blocks where append.ts can tell the
 * result without re-clustering; a block where it cannot, or that is marked, or has user
 * decisions of its kind, is marked instead. Returns how many facts were placed.
 */
async function appendFacts(tx: Store, personId: string, facts: PersonFact[], marks: Map<string, BlockRef>, decisions: (p: string) => Promise<StoredDecision[]>): Promise<number> {
  const byBlock = new Map<string, PersonFact[]>();
  for (const f of facts) {
    const l = byBlock.get(refKey(f));
    if (l) l.push(f);
    else byBlock.set(refKey(f), [f]);
  }
  let placed = 0;
  for (const [key, list] of byBlock) {
    const ref: BlockRef = { personId: list[0].personId, kind: list[0].kind, block: list[0].block };
    const kind = list[0].kind;
    const markIt = () => marks.set(key, ref);
    // Another person's facts (a bulk file names many) are left to that person's own lock: marked.
    if (ref.personId !== personId || !APPEND_KINDS.has(kind) || marks.has(key) || (await decisions(ref.personId)).some((d) => d.kind === kind) || (await tx.record.isDirty(ref))) {
      markIt();
      continue;
    }
    const keys = new BlockKeys(await tx.record.blockKeys(ref));
    const open = new Map<string, OpenItem>();
    let fresh = 0;
    let ok = true;
    for (const f of list) {
      const where = placeFact(kind, f, keys);
      if ('recluster' in where) {
        ok = false;
        break;
      }
      const fKeys = f.keys.length ? f.keys : [LOOSE_KEY];
      if ('join' in where) {
        let it = open.get(where.join);
        if (!it) {
          const [stored] = await tx.record.itemsWithState([where.join]);
          if (!stored?.state) {
            ok = false; // an item without state (stored before keys were kept): rebuild its block
            break;
          }
          it = openItem(stored.item, stored.state, keys.keysOf(where.join));
          open.set(where.join, it);
        }
        it.members.push(f);
        for (const k of fKeys) it.keys.add(k);
        keys.add(where.join, fKeys);
      } else {
        const id = `new:${fresh++}`;
        open.set(id, { members: [f], keys: new Set(itemKeysOf([f])) });
        keys.add(id, fKeys);
      }
    }
    if (!ok) {
      markIt();
      continue;
    }
    const items: StoredItem[] = [...open.values()].map((it) => closeItem(kind, it));
    await tx.record.replaceItems(ref.personId, kind, [...open.values()].flatMap((it) => (it.storedId ? [it.storedId] : [])), items);
    placed += list.length;
  }
  return placed;
}

const decisionIds = (ds: StoredDecision[]) => ds.map((d) => d.id).join(',');

/**
 * Rebuilds blocks from their facts (replacing their items and keys) and clears the marks read.
 * Blocks whose facts the run's cache holds (and whose mark is still the run's) are not read back.
 */
async function rebuildBlocks(tx: Store, personId: string, refs: Array<BlockRef | DirtyBlock>, decisions: StoredDecision[], cache?: FactCache, decisionsAtStart?: string): Promise<number> {
  let fromMemory = 0;
  // A decision made since the run started moved facts without marking their blocks: the table is the truth.
  if (cache?.enabled && decisionIds(decisions) !== decisionsAtStart) cache.disable();
  const byKind = new Map<string, Array<BlockRef | DirtyBlock>>();
  for (const r of refs) {
    const l = byKind.get(r.kind);
    if (l) l.push(r);
    else byKind.set(r.kind, [r]);
  }
  for (const [k, list] of byKind) {
    const kind = k as ItemKind;
    const blocks = list.map((r) => r.block);
    const byBlock = new Map<string, Fact[]>(blocks.map((b) => [b, []]));
    const toRead: string[] = [];
    for (const r of list) {
      const rows = cache?.enabled && 'gen' in r ? cache.take(refKey({ personId, kind, block: r.block }), r.gen) : undefined;
      if (rows) {
        byBlock.set(r.block, rows.map(factOfRow));
        fromMemory++;
      } else toRead.push(r.block);
    }
    for (const f of await tx.record.blocksFacts(personId, kind, toRead)) byBlock.get(f.block)?.push(f);
    const items: StoredItem[] = [];
    for (const facts of byBlock.values()) {
      const groups = groupBlock(kind, facts, decisions);
      const made = itemsOfGroups(kind, groups);
      if (APPEND_KINDS.has(kind)) made.forEach((item, i) => items.push({ item, state: stateOf(item, groups[i]), keys: itemKeysOf(groups[i]) }));
      else for (const item of made) items.push({ item });
    }
    await tx.record.replaceBlocksItems(personId, kind, blocks, items);
    await tx.record.clearDirty(personId, kind, list.flatMap((r) => ('gen' in r ? [{ block: r.block, gen: r.gen }] : [])));
  }
  return fromMemory;
}

/** Forgets the person's derived record and rebuilds it from every document (decisions are kept). */
export async function rebuildPerson(store: Store, personId: string): Promise<ReconcileStats> {
  await store.transaction((tx) => tx.record.resetPerson(personId));
  return reconcilePerson(store, personId);
}

export function isItemKind(x: unknown): x is ItemKind {
  return typeof x === 'string' && (ITEM_KINDS as readonly string[]).includes(x);
}

export class DecisionError extends Error {}

/**
 * Stores a user's split or merge and re-clusters the blocks it touches. Merge: the listed
 * resources become one item (their facts move into the first one's block). Split: the
 * listed resources leave their item and form their own.
 */
export async function decide(store: Store, personId: string, action: 'merge' | 'split', kind: ItemKind, resourceIds: string[]): Promise<{ decisionId: string }> {
  return store.transaction(async (tx) => {
    await tx.record.lockPerson(personId);
    const facts = await tx.record.factsByResource(personId, resourceIds);
    const found = new Set(facts.filter((f) => f.kind === kind).map((f) => f.resourceId));
    const missing = resourceIds.filter((r) => !found.has(r));
    if (missing.length) throw new DecisionError(`not ${kind} of this person: ${missing.slice(0, 5).join(', ')}`);
    if (action === 'merge' && found.size < 2) throw new DecisionError('a merge needs at least two resources');
    const mine = facts.filter((f) => f.kind === kind);
    const refs = new Map<string, BlockRef>();
    for (const f of mine) refs.set(refKey({ personId, kind, block: f.block }), { personId, kind, block: f.block });
    let block: string | undefined;
    if (action === 'merge') {
      block = mine.find((f) => f.resourceId === resourceIds[0])!.block;
      await tx.record.moveFacts(mine.map((f) => f.id), block);
    }
    const decisionId = await tx.record.addDecision(personId, { action, kind, resourceIds, block });
    await rebuildBlocks(tx, personId, [...refs.values()], await tx.record.decisions(personId));
    return { decisionId };
  });
}

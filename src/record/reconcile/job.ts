/**
 * The reconcile job and user decisions: the I/O edge around the pure normalize/cluster code.
 * Incremental: only documents the record has not seen at their current version are
 * re-read, and only the blocks their facts touch (old and new) are re-clustered.
 */
import type { Resource } from '@medplum/fhirtypes';
import type { Store } from '../../store/store.js';
import type { JobQueue } from '../../jobs/queue.js';
import type { BlockRef } from '../../store/record.js';
import { factsOf, FACT_RESOURCE_TYPES, ITEM_KINDS, type Fact, type ItemKind } from '../normalize/fact.js';
import { clusterBlock, type Decision } from './cluster.js';

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

/** Formats whose facts were read off images or free text (OCR): ranked below structured sources. */
const UNSTRUCTURED = new Set(['pdf', 'tiff', 'jpeg', 'png', 'text']);

export interface ReconcileStats {
  documents: number;
  facts: number;
  blocks: number;
  ms: number;
}

const refKey = (b: BlockRef) => `${b.personId}\u0000${b.kind}\u0000${b.block}`;

type StoredDecision = Decision & { block?: string };

/** Above this many touched blocks of one kind, the whole kind is re-clustered from one read. */
const BULK_BLOCKS = 50;
/** Stale documents read per round of queries. */
const DOC_CHUNK = 200;

/** A user merge moves its facts into one block; applied again when a document is re-read. */
function applyMergeBlocks(facts: Fact[], decisions: StoredDecision[]): void {
  for (const d of decisions) {
    if (d.action !== 'merge' || !d.block) continue;
    for (const f of facts) if (f.kind === d.kind && (d.resourceIds.includes(f.resourceId) || d.resourceIds.includes(f.id))) f.block = d.block;
  }
}

export async function reconcilePerson(store: Store, personId: string): Promise<ReconcileStats> {
  const t0 = performance.now();
  return store.transaction(async (tx) => {
    await tx.record.lockPerson(personId);
    const stale = await tx.record.staleDocuments(personId);
    const affected = new Map<string, BlockRef>();
    const decisionsOf = new Map<string, StoredDecision[]>();
    const decisions = async (p: string) => {
      let d = decisionsOf.get(p);
      if (!d) decisionsOf.set(p, (d = await tx.record.decisions(p)));
      return d;
    };
    // 1. The stale documents' facts leave the table first: what stays there is the rest of
    // the record, and the new facts are kept in memory (never written, then read back).
    const fresh: Array<Fact & { personId: string }> = [];
    for (let c = 0; c < stale.length; c += DOC_CHUNK) {
      const chunk = stale.slice(c, c + DOC_CHUNK);
      for (const b of await tx.record.removeDocumentsFacts(chunk)) affected.set(refKey(b), b);
      const infos = await tx.record.documentsInfo(chunk);
      const mine = chunk.filter((id) => infos.get(id)?.personId === personId);
      await tx.record.forgetDocuments(chunk.filter((id) => infos.get(id)?.personId !== personId));
      const facts: Array<Fact & { personId: string }> = [];
      for (const r of await tx.record.resourcesOfDocuments(mine, FACT_RESOURCE_TYPES)) {
        if (!r.personId) continue;
        const info = infos.get(r.documentId)!;
        const ctx = { documentId: r.documentId, structured: !UNSTRUCTURED.has(info.format), documentDate: info.date };
        for (const f of factsOf(JSON.parse(r.json) as Resource, r.id, ctx)) facts.push({ ...f, personId: r.personId });
      }
      for (const p of new Set(facts.map((f) => f.personId))) applyMergeBlocks(facts.filter((f) => f.personId === p), await decisions(p));
      for (const f of facts) {
        affected.set(refKey(f), { personId: f.personId, kind: f.kind, block: f.block });
        fresh.push(f);
      }
      await tx.record.markSeenMany(mine.map((id) => ({ documentId: id, personId, seen: infos.get(id)!.updatedAt })));
    }
    const freshByBlock = new Map<string, Fact[]>();
    for (const f of fresh) {
      const l = freshByBlock.get(refKey(f));
      if (l) l.push(f);
      else freshByBlock.set(refKey(f), [f]);
    }
    // 2. Few blocks: re-cluster each. Many (a first import, a rebuild): read the kind once and rewrite it.
    const perKind = new Map<string, BlockRef[]>();
    for (const ref of affected.values()) {
      const k = `${ref.personId}\u0000${ref.kind}`;
      const l = perKind.get(k);
      if (l) l.push(ref);
      else perKind.set(k, [ref]);
    }
    for (const refs of perKind.values()) {
      const { personId: who, kind } = refs[0];
      const ds = await decisions(who);
      if (refs.length > BULK_BLOCKS) {
        const byBlock = new Map<string, Fact[]>();
        for (const ref of refs) byBlock.set(ref.block, [...(freshByBlock.get(refKey(ref)) ?? [])]);
        for (const f of await tx.record.kindFacts(who, kind)) {
          const l = byBlock.get(f.block);
          if (l) l.push(f);
          else byBlock.set(f.block, [f]);
        }
        const items = [...byBlock.values()].flatMap((fs) => clusterBlock(kind as ItemKind, fs, ds));
        await tx.record.replaceKindItems(who, kind, items);
        continue;
      }
      for (const ref of refs) {
        const facts = [...(await tx.record.blockFacts(ref)), ...(freshByBlock.get(refKey(ref)) ?? [])];
        await tx.record.replaceBlockItems(ref, clusterBlock(kind as ItemKind, facts, ds));
      }
    }
    await tx.record.insertFacts(fresh);
    return { documents: stale.length, facts: fresh.length, blocks: affected.size, ms: performance.now() - t0 };
  });
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
    const decisions = await tx.record.decisions(personId);
    for (const ref of refs.values()) {
      const blockFacts = await tx.record.blockFacts(ref);
      await tx.record.replaceBlockItems(ref, clusterBlock(kind, blockFacts, decisions));
    }
    return { decisionId };
  });
}

/**
 * One sync of a SMART connection: Patient/$everything when offered, else a search per US Core
 * type (`patient=<id>&_count=N`), following `next` links. Each page with entries is stored as
 * a document (channel 'smart') so the FHIR adapter reads it and the original stays in the
 * vault; attachments on the same server are downloaded as documents too. The cursor (step,
 * next link, counts) is saved after every page, so an interrupted sync resumes where it
 * stopped; a page fetched twice is the same bytes, which the importer stores once.
 * Re-syncs ask only for what changed since the last completed sync began.
 */
import type { Store } from '../store/store.js';
import type { Importer } from '../ingest/importer.js';
import { nowIso } from '../core/time.js';
import { extensionFor } from '../sources/fhir/attachments.js';
import { readJson, outcomeText, SmartError } from './http.js';
import { ConnectionsRepo, emptyCounts, hostTag, type Connection, type ConnectionStatus, type SyncCounts, type SyncCursor } from './repo.js';
import { FhirSession, underBase } from './session.js';
import { smartOptions, type SmartOptions } from './options.js';

export interface SyncDeps {
  store: Store;
  /** The vault keyring (current key first), or one key. */
  key: Buffer | Buffer[];
  importer: Importer;
  /** Called after each page's progress is saved (the job queue forgives earlier crashes then). */
  onProgress?: () => Promise<void>;
}

export interface SyncOutcome {
  /** 'removed': the user removed the connection while it synced; it stopped after the page in hand. */
  status: ConnectionStatus | 'removed';
  counts?: SyncCounts;
  error?: string;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The patient this connection may read: the token's `patient`, else a Patient fhirUser. */
function patientOf(c: Connection): string {
  if (c.patientId) return c.patientId;
  const m = /(?:^|\/)Patient\/([^/]+)$/.exec(c.fhirUser ?? '');
  if (m) return m[1];
  throw new SmartError('the server did not say which patient was authorized (no "patient" in its token response); Vessel needs a patient-level launch', 'status');
}

export function firstUrl(c: Connection, step: string, since: string | undefined, pageSize: number): string {
  const pid = encodeURIComponent(patientOf(c));
  const base = c.fhirBaseUrl;
  const q = new URLSearchParams();
  if (step === '$everything') {
    q.set('_count', String(pageSize));
    if (since) q.set('_since', since);
    return `${base}/Patient/${pid}/$everything?${q}`;
  }
  if (step === 'Patient') q.set('_id', patientOf(c));
  else {
    q.set('patient', patientOf(c));
    q.set('_count', String(pageSize));
  }
  if (since) q.set('_lastUpdated', `gt${since}`);
  return `${base}/${step}?${q}`;
}

/**
 * The bytes stored for a page: the entries as sent, without the envelope's per-request parts
 * (Bundle id, meta, timestamp, paging links), so the same results fetched again are the same
 * bytes and the importer's content addressing makes the repeat a no-op.
 */
export function pageBytes(bundle: Json): Buffer {
  const keep: Json = { resourceType: 'Bundle', type: bundle.type ?? 'searchset' };
  keep.entry = bundle.entry;
  return Buffer.from(JSON.stringify(keep), 'utf8');
}

function attachmentsOf(resource: Json): Json[] {
  const out: Json[] = [];
  if (resource.resourceType === 'DocumentReference' && Array.isArray(resource.content)) {
    for (const c of resource.content) if (isObj(c) && isObj(c.attachment)) out.push(c.attachment);
  }
  if (resource.resourceType === 'DiagnosticReport' && Array.isArray(resource.presentedForm)) {
    for (const a of resource.presentedForm) if (isObj(a)) out.push(a);
  }
  return out.filter((a) => typeof a.url === 'string' && a.url && a.data === undefined);
}

const stepTag = (step: string) => step.replace(/^\$/, '');

async function downloadAttachment(session: FhirSession, base: string, att: Json, what: string): Promise<Buffer | undefined> {
  const url = new URL(String(att.url), `${base}/`).href;
  if (!underBase(url, base)) return undefined;
  const res = await session.get(url, what, typeof att.contentType === 'string' ? `${att.contentType}, application/fhir+json;q=0.5, */*;q=0.1` : '*/*');
  if (!res.ok) {
    await res.body?.cancel().catch(() => {});
    throw new SmartError(`${what}: HTTP ${res.status}`, 'status', res.status);
  }
  const type = (res.headers.get('content-type') ?? '').toLowerCase();
  const bytes = Buffer.from(await res.arrayBuffer());
  const wanted = String(att.contentType ?? '').toLowerCase();
  // A server may answer with a FHIR Binary resource instead of the raw bytes.
  if (/json/.test(type) && !/json/.test(wanted)) {
    try {
      const b = JSON.parse(bytes.toString('utf8')) as Json;
      if (b.resourceType === 'Binary' && typeof b.data === 'string') return Buffer.from(b.data, 'base64');
    } catch {
      /* not JSON after all: keep the bytes */
    }
  }
  return bytes;
}

/** Runs (or resumes) one sync. SmartErrors end as a connection status, never as a throw. */
export async function syncConnection(deps: SyncDeps, connectionId: string, opts: SmartOptions = smartOptions()): Promise<SyncOutcome> {
  const repo = new ConnectionsRepo(deps.store.db, deps.key);
  const conn = await repo.get(connectionId);
  if (!conn) throw new SmartError(`no connection ${connectionId}`, 'status');
  if (conn.status === 'needs-reauthorization') return { status: conn.status, error: conn.error };
  const startedAt = nowIso();
  let cursor: SyncCursor = conn.cursor ?? {
    startedAt,
    since: conn.since,
    steps: conn.server.everything ? ['$everything'] : conn.server.types,
    step: 0,
    page: 0,
    counts: emptyCounts(),
  };
  await repo.update(conn.id, { status: 'syncing', cursor, error: null });
  const session = new FhirSession(conn, repo, opts);
  const base = conn.fhirBaseUrl;
  try {
    while (cursor.step < cursor.steps.length) {
      const step = cursor.steps[cursor.step];
      const url = cursor.next ?? firstUrl(conn, step, cursor.since, opts.pageSize);
      const what = `${stepTag(step)} page ${cursor.page + 1}`;
      const res = await session.get(url, what);
      const serverDate = Date.parse(res.headers.get('date') ?? '');
      if (cursor.step === 0 && cursor.page === 0 && !Number.isNaN(serverDate)) {
        // The next sync asks for changes after this moment by the server's clock, not ours.
        cursor = { ...cursor, startedAt: new Date(Math.min(serverDate, Date.parse(cursor.startedAt))).toISOString() };
      }
      const body = await readJson(res, what);
      if (!res.ok) {
        const detail = outcomeText(body);
        // A type this server or this grant does not cover is skipped, not fatal.
        if (!cursor.next && step !== 'Patient' && step !== '$everything' && [400, 403, 404].includes(res.status)) {
          cursor = { ...cursor, step: cursor.step + 1, next: undefined, page: 0 };
          await repo.update(conn.id, { cursor });
          continue;
        }
        throw new SmartError(`${what}: HTTP ${res.status}${detail ? ` (${detail})` : ''}`, 'status', res.status);
      }
      if (body.resourceType !== 'Bundle') throw new SmartError(`${what}: expected a Bundle, got ${String(body.resourceType ?? 'no resourceType')}`, 'not-json', res.status);
      const entries = (Array.isArray(body.entry) ? body.entry : []).filter(isObj);
      const resources = entries.map((e) => e.resource).filter((r): r is Json => isObj(r) && r.resourceType !== 'OperationOutcome');
      const counts = { ...cursor.counts };
      if (resources.length) {
        const name = `${hostTag(base)}-${stepTag(step)}-${cursor.page + 1}.json`;
        const ev = await deps.importer.importBytes(pageBytes(body), name, { channel: 'smart', scope: conn.accountId });
        if (ev.status === 'failed') throw new SmartError(`${what}: could not store the page (${ev.message ?? 'unknown reason'})`, 'status');
        counts.pages++;
        counts.resources += resources.length;
        if (ev.status === 'stored') counts.newDocuments++;
        for (const r of resources) {
          const atts = attachmentsOf(r);
          for (let i = 0; i < atts.length; i++) {
            const label = `${String(r.resourceType)}/${String(r.id ?? '?')} attachment ${i + 1}`;
            const bytes = await downloadAttachment(session, base, atts[i], label).catch((err: unknown) => {
              if (err instanceof SmartError && (err.kind === 'needs-reauthorization' || err.kind === 'timeout' || err.kind === 'network')) throw err;
              return undefined;
            });
            if (!bytes) {
              counts.attachmentsSkipped++;
              continue;
            }
            const attName = `${hostTag(base)}-${String(r.resourceType)}-${String(r.id ?? 'noid').replace(/[^A-Za-z0-9.-]/g, '')}-${i + 1}.${extensionFor(atts[i].contentType)}`;
            const aev = await deps.importer.importBytes(bytes, attName, { channel: 'smart', parentId: ev.documentId, scope: conn.accountId });
            if (aev.status === 'failed') counts.attachmentsSkipped++;
            else {
              counts.attachments++;
              if (aev.status === 'stored') counts.newDocuments++;
            }
          }
        }
      }
      const next = (Array.isArray(body.link) ? body.link : []).filter(isObj).find((l) => l.relation === 'next' && typeof l.url === 'string')?.url as string | undefined;
      if (next && !underBase(next, base)) throw new SmartError(`${what}: the next-page link points outside ${base}; stopped rather than send the token there`, 'unsafe-url');
      cursor = next && resources.length ? { ...cursor, next, page: cursor.page + 1, counts } : { ...cursor, step: cursor.step + 1, next: undefined, page: 0, counts };
      await repo.update(conn.id, { cursor });
      await deps.onProgress?.();
      // Removed meanwhile (its tokens are gone): stop here; what was imported stays.
      if (!(await repo.get(conn.id))) return { status: 'removed', counts: cursor.counts };
    }
    await repo.update(conn.id, { status: 'connected', cursor: null, since: cursor.startedAt, lastSyncStartedAt: cursor.startedAt, lastSyncAt: nowIso(), lastCounts: cursor.counts, error: null });
    return { status: 'connected', counts: cursor.counts };
  } catch (err) {
    if (!(err instanceof SmartError)) {
      await repo.update(conn.id, { status: 'error', error: 'the sync stopped on an internal error; it resumes from the last page on the next sync' });
      throw err;
    }
    const status: ConnectionStatus = err.kind === 'needs-reauthorization' ? 'needs-reauthorization' : 'error';
    const error = status === 'error' ? `${err.message}. The sync resumes from here on the next sync.` : err.message;
    await repo.update(conn.id, { status, error });
    return { status, counts: cursor.counts, error };
  }
}

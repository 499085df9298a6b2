/**
 * Typed client of the Vessel API. Types come from the server's own modules (type-only
 * imports, erased at build), so a changed shape breaks the type-check here too.
 */
import type { DocumentRecord } from '../../src/store/documents.ts';
import type { Person } from '../../src/store/people.ts';
import type { SearchFacets, SearchHit } from '../../src/store/search.ts';
import type { ImportEvent } from '../../src/ingest/importer.ts';
import type { SourceLocation } from '../../src/core/types.ts';
import type { HomeView, LabGroup, ListKind, ListView, PageLayout, TimelineView } from '../../src/views/types.ts';

export type { DocumentRecord, Person, SearchFacets, SearchHit, ImportEvent };

/** Search narrowed to one facet: records of one FHIR type, or pages of one kind of document. */
export interface SearchNarrowing {
  type?: string;
  document?: string;
}

export type PersonWithCounts = Person & { counts: { documents: number; resources: number } };
export type Page = { page: number; text: string; method: string; confidence: number | null };
export type ResourceWithSource = {
  id: string;
  resourceType: string;
  documentId: string;
  date?: string;
  resource: Record<string, unknown> & { resourceType: string };
  location: SourceLocation;
  source?: { id: string; filename: string; format: string; label: Record<string, unknown> };
};

import { csrfHeaders, sessionEnded } from './session.ts';

export class ApiFailure extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * GETs started before the page that needs them is drawn (routes.ts: the page's first data,
 * asked for while the session is checked and the page's code loads). Each is used once, by
 * the first getJson of the same URL within EARLY_MS; a failed one is asked for again.
 */
const early = new Map<string, { at: number; res: Promise<Response | undefined> }>();
const EARLY_MS = 10_000;

export function prefetchJson(url: string): void {
  if (early.has(url)) return;
  early.set(url, { at: performance.now(), res: fetch(url, { headers: { accept: 'application/json' } }).catch(() => undefined) });
}

async function takeEarly(url: string): Promise<Response | undefined> {
  const e = early.get(url);
  if (!e) return undefined;
  early.delete(url);
  if (performance.now() - e.at > EARLY_MS) return undefined;
  const res = await e.res;
  // A 401 (asked before sign-in) or any failure is asked again, so it is judged as it is now.
  return res?.ok ? res : undefined;
}

/** GET a JSON API path; an OperationOutcome answer becomes an ApiFailure with its diagnostics. */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const pre = await takeEarly(url);
  signal?.throwIfAborted();
  const res = pre ?? (await fetch(url, { signal, headers: { accept: 'application/json' } }));
  if (res.status === 401) sessionEnded();
  const body = await res.json().catch(() => undefined);
  if (!res.ok) throw new ApiFailure(body?.issue?.[0]?.diagnostics ?? `the server answered ${res.status}`, res.status);
  return body as T;
}

const q = (params: Record<string, string | number | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') s.set(k, String(v));
  const str = s.toString();
  return str ? `?${str}` : '';
};

/**
 * Page sizes of the pages' first requests: shared with routes.ts, which asks for a page's first
 * data early by the same URL the page then uses.
 */
export const FIRST_PAGE = { list: 50, conflicts: 20, timeline: 100 } as const;

export const api = {
  people: () => '/api/people',
  documents: (p: { person?: string; state?: string; limit?: number; offset?: number } = {}) => `/api/documents${q(p)}`,
  document: (id: string) => `/api/documents/${encodeURIComponent(id)}`,
  pages: (id: string) => `/api/documents/${encodeURIComponent(id)}/pages`,
  original: (id: string) => `/api/documents/${encodeURIComponent(id)}/original`,
  /** Page n of the original drawn as a PNG (PDF, TIFF, JPEG, PNG), and its word boxes. */
  pageImage: (id: string, n: number) => `/api/documents/${encodeURIComponent(id)}/pages/${n}.png`,
  pageWords: (id: string, n: number) => `/api/documents/${encodeURIComponent(id)}/pages/${n}/words`,
  resource: (id: string) => `/api/resources/${encodeURIComponent(id)}`,
  search: (text: string, person?: string, only: SearchNarrowing = {}) => `/api/search${q({ q: text, person, limit: 100, ...only })}`,
  searchFacets: (text: string, person?: string) => `/api/search/facets${q({ q: text, person })}`,
  home: (person: string) => `/api/views/home${q({ person })}`,
  labs: (person: string) => `/api/views/labs${q({ person })}`,
  vitals: (person: string) => `/api/views/vitals${q({ person })}`,
  labGroup: (person: string, kind: 'labs' | 'vitals', key: string) => `/api/views/${kind}/${encodeURIComponent(key)}${q({ person })}`,
  timeline: (person: string, p: { from?: string; to?: string; types?: string; channel?: string; facility?: string; document?: string; limit?: number; offset?: number }) => `/api/views/timeline${q({ person, ...p })}`,
  list: (person: string, kind: ListKind, p: { status?: string; limit?: number; offset?: number }) => `/api/views/lists/${kind}${q({ person, ...p })}`,
};

export type { HomeView, LabGroup, ListKind, ListView, PageLayout, TimelineView };

export async function reprocess(id: string): Promise<void> {
  const res = await fetch(`/api/documents/${encodeURIComponent(id)}/reprocess`, { method: 'POST', headers: csrfHeaders() });
  if (!res.ok) throw new ApiFailure('could not queue the document again', res.status);
}

/** Attaches a document that belongs to no one (yet) to a person of the household. */
export async function attachToPerson(documentId: string, personId: string): Promise<void> {
  const res = await fetch(`/api/documents/${encodeURIComponent(documentId)}/person`, { method: 'POST', headers: { 'content-type': 'application/json', ...csrfHeaders() }, body: JSON.stringify({ personId }) });
  if (!res.ok) {
    const body = await res.json().catch(() => undefined);
    throw new ApiFailure(body?.issue?.[0]?.diagnostics ?? `the server answered ${res.status}`, res.status);
  }
}

/** Uploads one file with progress; resolves with the server's import event for it. */
export function uploadFile(file: File, onProgress: (fraction: number) => void): Promise<ImportEvent> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.open('POST', '/api/documents');
    for (const [k, v] of Object.entries(csrfHeaders())) xhr.setRequestHeader(k, v);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiFailure('the connection to Vessel was lost during the upload', 0));
    xhr.onload = () => {
      const body = xhr.response;
      if (xhr.status >= 400) return reject(new ApiFailure(body?.issue?.[0]?.diagnostics ?? `the server answered ${xhr.status}`, xhr.status));
      const ev = body?.files?.[0] as ImportEvent | undefined;
      if (!ev) return reject(new ApiFailure('the server did not receive the file', xhr.status));
      onProgress(1);
      resolve(ev);
    };
    xhr.send(form);
  });
}

// --- Help with the doctor, sharing, connections, merged items (appended) ------------------
import type { Answer, AnswerEntry } from '../../src/doctor/answers.ts';
import type { AnswerSource } from '../../src/doctor/snapshot.ts';
import type { FormRow, FormSection, HealthForm } from '../../src/doctor/form.ts';
import type { ShareInfo } from '../../src/share/shl.ts';
import type { PublicConnection, SyncCounts } from '../../src/smart/repo.ts';
import type { Conflict } from '../../src/record/reconcile/cluster.ts';
import type { FactValue, ItemKind } from '../../src/record/normalize/fact.ts';

export type { Answer, AnswerEntry, AnswerSource, FormRow, FormSection, HealthForm, ShareInfo, PublicConnection, SyncCounts, Conflict, ItemKind };
export type AnswersView = { person: { id: string; name: string }; answers: Answer[] };
export type FormCorrection = { section: string; field: string; value: string };
export type CreatedShare = ShareInfo & { shlink: string; qr: string };
export type ShareAccess = { at: string; action: string; actor: string; ip: string | null; detail: unknown };
export type ItemSource = { resourceId: string; documentId?: string; filename?: string; location: SourceLocation };
export type RecordItem = {
  id: string;
  type: ItemKind;
  display: string;
  date?: string;
  status?: string;
  value?: FactValue;
  normalized?: { value: number; unit: string };
  strength?: string;
  facility?: string;
  codes: string[];
  /** `resourceIds`: those among `sources` only; `resourceCount`: how many the disagreement names in all. */
  conflicts: Array<Conflict & { resourceCount: number }>;
  /** The first sources (the version shown, those a disagreement names, then others); `sourceCount` says how many in all. */
  sources: ItemSource[];
  sourceCount: number;
};
export type RecordItems = { total: number; items: RecordItem[] };
export type ItemSources = { total: number; offset: number; sources: ItemSource[] };

/**
 * Every state-changing call goes through here (one place for headers such as CSRF). JSON in,
 * JSON out; an OperationOutcome answer becomes an ApiFailure with its diagnostics.
 */
export async function sendJson<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...csrfHeaders() };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const answer = await res.json().catch(() => undefined);
  if (!res.ok) throw new ApiFailure(answer?.issue?.[0]?.diagnostics ?? `the server answered ${res.status}`, res.status);
  return answer as T;
}

const person = (id: string) => `/api/people/${encodeURIComponent(id)}`;

/** Answers, the health history form and what can be shared with a provider. */
export const doctorApi = {
  answers: (id: string) => `${person(id)}/answers`,
  form: (id: string) => `${person(id)}/form`,
  formHtml: (id: string) => `${person(id)}/form.html`,
  formPdf: (id: string) => `${person(id)}/form.pdf`,
  formFhir: (id: string) => `${person(id)}/form.fhir`,
  formCorrections: (id: string) => `${person(id)}/form/corrections`,
  ips: (id: string) => `${person(id)}/ips`,
  summaryTests: (id: string) => `${person(id)}/summary-tests`,
  summaryPdf: (id: string, p: { from?: string; to?: string; tests?: string[] }) => `${person(id)}/summary.pdf${q({ from: p.from, to: p.to, tests: p.tests?.join(',') })}`,
  createShare: (id: string) => `${person(id)}/shares`,
  shares: (personId: string) => `/api/shares${q({ person: personId })}`,
  share: (shareId: string) => `/api/shares/${encodeURIComponent(shareId)}`,
  shareAccesses: (shareId: string) => `/api/shares/${encodeURIComponent(shareId)}/accesses`,
};

/** SMART on FHIR connections (docs/smart.md). */
export const connectionsApi = {
  list: () => '/api/connections',
  create: () => '/api/connections',
  sync: (id: string) => `/api/connections/${encodeURIComponent(id)}/sync`,
  remove: (id: string) => `/api/connections/${encodeURIComponent(id)}`,
};

/** Merged items with their sources and conflicts; the user's split and merge. */
export const recordApi = {
  items: (id: string, type: ItemKind, p: { limit?: number; offset?: number } = {}) => `${person(id)}/items${q({ type, ...p })}`,
  /** Only the items whose sources disagree, of every type (`?conflicts=1`). */
  conflicts: (id: string, p: { limit?: number; offset?: number } = {}) => `${person(id)}/items${q({ conflicts: 1, ...p })}`,
  /** Every source of one item, a page at a time, continuing the item's first `sources`. */
  sources: (id: string, itemId: string, p: { limit?: number; offset?: number } = {}) => `${person(id)}/items/${encodeURIComponent(itemId)}/sources${q(p)}`,
  split: (id: string) => `${person(id)}/items/split`,
  merge: (id: string) => `${person(id)}/items/merge`,
};

/** Who may see and change a person's record, and what was done with it. */
export type RoleEntry = { accountId: string; username: string; role: 'owner' | 'caregiver' | 'viewer'; grantedAt: string };
export type AuditEntry = { id: number; at: string; actor: string; action: string; target: string | null; ip: string | null; detail: Record<string, unknown> };
export const accessApi = {
  roles: (id: string) => `${person(id)}/roles`,
  role: (id: string, username: string) => `${person(id)}/roles/${encodeURIComponent(username)}`,
  audit: (id: string) => `${person(id)}/audit`,
};

/** A test the visit summary can chart for this person. */
export type ChartableTest = { id: string; display: string; results: number; usual: boolean };

/**
 * Typed client of the Vessel API. Types come from the server's own modules (type-only
 * imports, erased at build), so a changed shape breaks the type-check here too.
 */
import type { DocumentRecord } from '../../src/store/documents.ts';
import type { Person } from '../../src/store/people.ts';
import type { SearchHit } from '../../src/store/search.ts';
import type { ImportEvent } from '../../src/ingest/importer.ts';
import type { SourceLocation } from '../../src/core/types.ts';
import type { HomeView, LabGroup, ListKind, ListView, TimelineView } from '../../src/views/types.ts';

export type { DocumentRecord, Person, SearchHit, ImportEvent };
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

export class ApiFailure extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** GET a JSON API path; an OperationOutcome answer becomes an ApiFailure with its diagnostics. */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { signal, headers: { accept: 'application/json' } });
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

export const api = {
  people: () => '/api/people',
  documents: (p: { person?: string; state?: string; limit?: number; offset?: number } = {}) => `/api/documents${q(p)}`,
  document: (id: string) => `/api/documents/${encodeURIComponent(id)}`,
  pages: (id: string) => `/api/documents/${encodeURIComponent(id)}/pages`,
  original: (id: string) => `/api/documents/${encodeURIComponent(id)}/original`,
  resource: (id: string) => `/api/resources/${encodeURIComponent(id)}`,
  search: (text: string, person?: string) => `/api/search${q({ q: text, person, limit: 100 })}`,
  home: (person: string) => `/api/views/home${q({ person })}`,
  labs: (person: string) => `/api/views/labs${q({ person })}`,
  vitals: (person: string) => `/api/views/vitals${q({ person })}`,
  labGroup: (person: string, kind: 'labs' | 'vitals', key: string) => `/api/views/${kind}/${encodeURIComponent(key)}${q({ person })}`,
  timeline: (person: string, p: { from?: string; to?: string; types?: string; limit?: number; offset?: number }) => `/api/views/timeline${q({ person, ...p })}`,
  list: (person: string, kind: ListKind, p: { status?: string; limit?: number; offset?: number }) => `/api/views/lists/${kind}${q({ person, ...p })}`,
};

export type { HomeView, LabGroup, ListKind, ListView, TimelineView };

export async function reprocess(id: string): Promise<void> {
  const res = await fetch(`/api/documents/${encodeURIComponent(id)}/reprocess`, { method: 'POST' });
  if (!res.ok) throw new ApiFailure('could not queue the document again', res.status);
}

/** Attaches a document that belongs to no one (yet) to a person of the household. */
export async function attachToPerson(documentId: string, personId: string): Promise<void> {
  const res = await fetch(`/api/documents/${encodeURIComponent(documentId)}/person`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personId }) });
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

import { useState } from 'react';
import { api, type DocumentRecord } from '../api.ts';
import { useApi } from '../useApi.ts';
import { Status } from '../components/Status.tsx';
import { formatDate, STATE_LABELS } from '../format.ts';
import { href } from '../router.ts';
import { PartsLine } from '../components/FaxParts.tsx';

const PAGE = 50;

export function docTitle(d: Pick<DocumentRecord, 'label' | 'filename'>): string {
  const l = d.label as { title?: string; type?: string };
  if (l.title) return l.title;
  if (typeof l.type === 'string' && /^[a-z_]+$/.test(l.type)) return l.type.charAt(0).toUpperCase() + l.type.slice(1).replace(/_/g, ' ');
  return l.type ?? d.filename;
}

export function Documents({ personId, personName }: { personId?: string; personName?: string }) {
  const [offset, setOffset] = useState(0);
  const [mine, setMine] = useState(false);
  const all = !personId || !mine;
  const docs = useApi<DocumentRecord[]>(api.documents({ person: all ? undefined : personId, limit: PAGE + 1, offset }));
  const rows = docs.data?.slice(0, PAGE) ?? [];
  const hasMore = (docs.data?.length ?? 0) > PAGE;
  return (
    <div>
      <h1>Documents</h1>
      {personId && (
        <label className="inline">
          <input type="checkbox" checked={mine} onChange={(e) => (setMine(e.target.checked), setOffset(0))} /> Only {personName ?? 'this person'}’s documents
        </label>
      )}
      <Status loading={docs.loading && !docs.data} error={docs.error} what="documents" />
      {docs.data && !rows.length && <p>No documents yet. <a href="#/import">Import some</a>.</p>}
      {rows.length > 0 && (
        <div className="table-wrap" role="region" aria-label="Documents table" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">Document</th>
                <th scope="col">Date</th>
                <th scope="col">Facility</th>
                <th scope="col">State</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => {
                const l = d.label as { date?: string; facility?: string };
                return (
                  <tr key={d.id} className={`state-${d.state}`}>
                    <td>
                      <a href={href(['documents', d.id])}>{docTitle(d)}</a>
                      {docTitle(d) !== d.filename && <div className="muted small">{d.filename}</div>}
                      <PartsLine doc={d} />
                    </td>
                    <td>{l.date ? formatDate(l.date) : <span className="muted">added {formatDate(d.createdAt)}</span>}</td>
                    <td>{l.facility ?? ''}</td>
                    <td>
                      <span className={`badge badge-${d.state}`}>{STATE_LABELS[d.state] ?? d.state}</span>
                    </td>
                    <td>{d.error ?? ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {(offset > 0 || hasMore) && (
        <nav className="pager" aria-label="Document pages">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            Previous
          </button>
          <span>
            {offset + 1}–{offset + rows.length}
          </span>
          <button type="button" disabled={!hasMore} onClick={() => setOffset(offset + PAGE)}>
            Next
          </button>
        </nav>
      )}
    </div>
  );
}

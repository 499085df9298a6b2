import { useState } from 'react';
import { api, type ListKind, type ListView } from '../api.ts';
import type { Fact } from '../../../src/views/types.ts';
import { useApi } from '../useApi.ts';
import { Status } from '../components/Status.tsx';
import { SourceLink } from '../components/SourceLink.tsx';
import { Pager } from '../components/Pager.tsx';
import { formatDate } from '../format.ts';

export const LIST_TITLES: Record<ListKind, string> = {
  medications: 'Medications',
  problems: 'Problems',
  allergies: 'Allergies',
  immunizations: 'Immunizations',
  procedures: 'Procedures',
  visits: 'Visits',
  vitals: 'Vital signs',
  'labs-reports': 'Lab reports',
  'family-history': 'Family history',
  'social-history': 'Social history',
};
const HAS_STATUS = new Set<ListKind>(['medications', 'problems', 'allergies']);
const PAGE = 100;

export function ListPage({ personId, kind }: { personId: string; kind: ListKind }) {
  const [offset, setOffset] = useState(0);
  const [current, setCurrent] = useState(false);
  const list = useApi<ListView>(api.list(personId, kind, { status: current ? 'active' : undefined, limit: PAGE, offset }));
  const title = LIST_TITLES[kind];
  return (
    <div>
      <h1>{title}</h1>
      {HAS_STATUS.has(kind) && (
        <label className="inline">
          <input type="checkbox" checked={current} onChange={(e) => (setCurrent(e.target.checked), setOffset(0))} /> Current only
        </label>
      )}
      <Status loading={list.loading && !list.data} error={list.error} what={title.toLowerCase()} />
      {list.data && !list.data.items.length && <p className="muted">Nothing recorded.</p>}
      {list.data && list.data.items.length > 0 && (
        <ul className="fact-list">
          {list.data.items.map((f) => (
            <li key={f.id}>
              <div className="fact-line">
                <span className="fact-title">{f.title}</span>
                {f.status && <span className={`badge status-${f.status}`}>{f.status}</span>}
                {!!f.merged?.conflicts.length && <span className="badge badge-unsupported">sources disagree</span>}
                <span className="muted"> {formatDate(f.date)}</span>
              </div>
              {f.detail && <div className="fact-detail">{f.detail}</div>}
              <Sources fact={f} />
            </li>
          ))}
        </ul>
      )}
      {list.data && <Pager offset={offset} limit={PAGE} total={list.data.total} onChange={setOffset} label={title} />}
    </div>
  );
}

/**
 * Where a line comes from. A merged item names each document that says it (display source
 * first), how many received records it merges, and what its sources disagree on.
 */
function Sources({ fact }: { fact: Fact }) {
  const m = fact.merged;
  if (!m) return <SourceLink source={fact.source} resourceId={fact.id} />;
  const others = m.sources.filter((s) => s.documentId !== fact.source.documentId);
  return (
    <>
      <div>
        <SourceLink source={fact.source} resourceId={fact.id} />
        {others.map((s) => (
          <span key={s.documentId}>
            {'; '}
            <SourceLink source={s} />
          </span>
        ))}
        {m.sourceCount > m.sources.length && <span className="muted"> ({m.sourceCount} records merged)</span>}
      </div>
      {m.conflicts.length > 0 && (
        <ul className="conflict-messages" aria-label="Where the sources disagree">
          {m.conflicts.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
    </>
  );
}

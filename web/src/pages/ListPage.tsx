import { useState } from 'react';
import { api, type ListKind, type ListView } from '../api.ts';
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
                <span className="muted"> {formatDate(f.date)}</span>
              </div>
              {f.detail && <div className="fact-detail">{f.detail}</div>}
              <SourceLink source={f.source} resourceId={f.id} />
            </li>
          ))}
        </ul>
      )}
      {list.data && <Pager offset={offset} limit={PAGE} total={list.data.total} onChange={setOffset} label={title} />}
    </div>
  );
}

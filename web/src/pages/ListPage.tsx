import { useCallback, useState } from 'react';
import { api, FIRST_PAGE, type ListKind } from '../api.ts';
import type { Fact } from '../../../src/views/types.ts';
import { SourceLink } from '../components/SourceLink.tsx';
import { VirtualList } from '../components/VirtualList.tsx';
import { DoseHistory } from '../components/DoseHistory.tsx';
import { formatDate } from '../format.ts';
import { LIST_TITLES } from '../listTitles.ts';

const HAS_STATUS = new Set<ListKind>(['medications', 'problems', 'allergies']);

export function ListPage({ personId, kind }: { personId: string; kind: ListKind }) {
  const [current, setCurrent] = useState(false);
  const [total, setTotal] = useState<number | undefined>(undefined);
  const status = current ? 'active' : undefined;
  const title = LIST_TITLES[kind];
  const chunkUrl = useCallback((offset: number, limit: number) => api.list(personId, kind, { status, limit, offset }), [personId, kind, status]);
  return (
    <div>
      <h1>{title}</h1>
      {HAS_STATUS.has(kind) && (
        <label className="inline">
          <input type="checkbox" checked={current} onChange={(e) => (setCurrent(e.target.checked), setTotal(undefined))} /> Current only
        </label>
      )}
      {total !== undefined && total > 0 && (
        <p className="muted" aria-live="polite">
          {total.toLocaleString()} in this list
        </p>
      )}
      <VirtualList<Fact>
        source={`${personId}/${kind}/${status ?? 'all'}`}
        chunkUrl={chunkUrl}
        chunkSize={FIRST_PAGE.list}
        label={title}
        className="fact-list"
        itemKey={(f) => f.id}
        onTotal={setTotal}
        empty={<p className="muted">Nothing recorded.</p>}
        renderItem={(f) => (
          <>
            <div className="fact-line">
              <span className="fact-title">{f.title}</span>
              {f.status && <span className={`badge status-${f.status}`}>{f.status}</span>}
              {!!f.merged?.conflicts.length && <span className="badge badge-unsupported">sources disagree</span>}
              <span className="muted"> {formatDate(f.date)}</span>
            </div>
            {f.detail && <div className="fact-detail">{f.detail}</div>}
            {f.merged?.doses && <DoseHistory doses={f.merged.doses} current={f.merged.itemId} />}
            <Sources fact={f} />
          </>
        )}
      />
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

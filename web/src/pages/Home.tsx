import { useState } from 'react';
import { api, reprocess, type HomeView } from '../api.ts';
import { useApi } from '../useApi.ts';
import { Status } from '../components/Status.tsx';
import { SourceLink } from '../components/SourceLink.tsx';
import { formatDate, STATE_LABELS } from '../format.ts';
import { href } from '../router.ts';
import type { AttentionItem, Fact } from '../../../src/views/types.ts';

function FactList({ facts, empty, more }: { facts: Fact[]; empty: string; more: string }) {
  if (!facts.length) return <p className="muted">{empty}</p>;
  return (
    <>
      <ul className="facts">
        {facts.slice(0, 8).map((f) => (
          <li key={f.id}>
            <span className="fact-title">{f.title}</span>
            {f.detail && <span className="fact-detail"> — {f.detail}</span>}
            <br />
            <SourceLink source={f.source} resourceId={f.id} />
          </li>
        ))}
      </ul>
      {facts.length > 8 && <a href={more}>All {facts.length}</a>}
    </>
  );
}

function Attention({ items, onChange }: { items: AttentionItem[]; onChange(): void }) {
  const [busy, setBusy] = useState<string>();
  if (!items.length) return <p className="ok-line">Nothing needs your attention.</p>;
  return (
    <ul className="attention">
      {items.map((a, i) => (
        <li key={(a.documentId ?? '') + i} className={`attention-${a.kind}`}>
          <p className="attention-message">{a.message}</p>
          <p className="attention-action">{a.action}</p>
          <p className="attention-links">
            {a.documentId && <a href={href(['documents', a.documentId])}>Open the document</a>}
            {a.documentId && (a.kind === 'failed' || a.kind === 'unsupported') && (
              <button
                type="button"
                disabled={busy === a.documentId}
                onClick={async () => {
                  setBusy(a.documentId);
                  await reprocess(a.documentId!).catch(() => {});
                  setBusy(undefined);
                  onChange();
                }}
              >
                Reprocess
              </button>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}

export function Home({ personId }: { personId: string }) {
  const home = useApi<HomeView>(api.home(personId));
  const h = home.data;
  if (!h) return <Status loading={home.loading} error={home.error} what="this person's record" />;
  const p = (kind: string) => href(['p', personId, 'list', kind]);
  return (
    <div className="home">
      <h1>{h.person.displayName}</h1>
      <p className="muted">
        {h.person.birthDate ? `Born ${formatDate(h.person.birthDate)} · ` : ''}
        {h.counts.documents} document{h.counts.documents === 1 ? '' : 's'} · {h.counts.resources} fact{h.counts.resources === 1 ? '' : 's'}
      </p>
      <section aria-labelledby="attention-h" className="card">
        <h2 id="attention-h">Needs attention</h2>
        {h.conflicts > 0 && (
          <p className="attention-conflicts">
            Your records disagree about {h.conflicts} item{h.conflicts === 1 ? '' : 's'} (a different dose, status or value in different documents).{' '}
            <a href={href(['p', personId, 'conflicts'])}>Compare the sources side by side</a>
          </p>
        )}
        {(h.attention.length > 0 || h.conflicts === 0) && <Attention items={h.attention} onChange={home.reload} />}
      </section>
      <div className="grid">
        <section aria-labelledby="vitals-h" className="card">
          <h2 id="vitals-h">Latest vital signs</h2>
          {h.vitals.length ? (
            <ul className="facts">
              {h.vitals.map((g) => (
                <li key={g.key}>
                  <span className="fact-title">{g.name}</span>: <strong>{g.latest.display}</strong> <span className="muted">({formatDate(g.latest.date)})</span>
                  <br />
                  <SourceLink source={g.latest.source} resourceId={g.latest.resourceId} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No vital signs recorded.</p>
          )}
        </section>
        <section aria-labelledby="problems-h" className="card">
          <h2 id="problems-h">Active problems</h2>
          <FactList facts={h.problems} empty="No active problems recorded." more={p('problems')} />
        </section>
        <section aria-labelledby="meds-h" className="card">
          <h2 id="meds-h">Current medications</h2>
          <FactList facts={h.medications} empty="No current medications recorded." more={p('medications')} />
        </section>
        <section aria-labelledby="allergies-h" className="card">
          <h2 id="allergies-h">Allergies</h2>
          <FactList facts={h.allergies} empty="No allergies recorded." more={p('allergies')} />
        </section>
      </div>
      <section aria-labelledby="recent-h" className="card">
        <h2 id="recent-h">Recently added</h2>
        {h.recentDocuments.length ? (
          <ul className="facts">
            {h.recentDocuments.map((d) => (
              <li key={d.id}>
                <a href={href(['documents', d.id])}>{d.title ?? d.filename}</a> <span className="muted">· {d.date ? formatDate(d.date) : `added ${formatDate(d.createdAt)}`} · {STATE_LABELS[d.state] ?? d.state}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No documents yet.</p>
        )}
      </section>
    </div>
  );
}

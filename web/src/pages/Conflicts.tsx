/**
 * Merged items whose sources disagree, side by side (each source's own value, status and
 * date, with a link to its page), and the user's fixes: split sources off an item that
 * holds different things, merge items that are one thing. Decisions are kept across
 * re-imports (docs/record.md); nothing is deleted either way.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { api, FIRST_PAGE, getJson, recordApi, sendJson, type ItemKind, type ItemSource, type ItemSources, type RecordItem, type RecordItems, type ResourceWithSource } from '../api.ts';
import { useApi } from '../useApi.ts';
import { Status } from '../components/Status.tsx';
import { SourceLink } from '../components/SourceLink.tsx';
import { useNearScreen } from '../components/PagePicture.tsx';
import { describe } from '../../../src/views/facts.ts';
import { amountText } from '../../../src/views/unit-label.ts';
import type { SourceRef } from '../../../src/views/types.ts';
import { formatDate } from '../format.ts';

const KINDS: Array<[ItemKind, string]> = [
  ['medications', 'Medications'],
  ['problems', 'Problems'],
  ['allergies', 'Allergies'],
  ['immunizations', 'Vaccinations'],
  ['results', 'Lab results'],
  ['vitals', 'Vital signs'],
  ['encounters', 'Visits'],
  ['procedures', 'Procedures'],
];
const KIND_LABEL = Object.fromEntries(KINDS) as Record<ItemKind, string>;
const LIMIT = 2000;
const SHOWN = 200;
/**
 * Disagreements are read 50 at a time ("Show more"): each carries every source's version, and a
 * long record has many (1,373 on the bench person, 6 MB at once, 2–3 s to send before anything showed).
 */
const CONFLICTS_PAGE = 50;
/**
 * The first page is shorter (FIRST_PAGE.conflicts, 20): what fills the first screens. On the
 * bench person 50 were 97 KB and 35 ms of server CPU, and drawing 50 cards held the first one
 * back ~200 ms on a busy machine; 20 are 45 KB and 24 ms.
 */

/** The item's value or strength, unless its name already says it ("Metformin 500 mg tablet"). */
export function itemValue(it: Pick<RecordItem, 'value' | 'strength' | 'display'>): string | undefined {
  const v = it.value;
  if (v?.value !== undefined) return amountText(v.value, v.unit, v.comparator);
  if (v?.text) return v.text;
  const squash = (x: string) => x.toLowerCase().replace(/\s+/g, '');
  return it.strength && !squash(it.display).includes(squash(it.strength)) ? it.strength : undefined;
}

function sourceRefOf(r: ResourceWithSource): SourceRef {
  const label = (r.source?.label ?? {}) as { title?: unknown; date?: unknown };
  const ref: SourceRef = { documentId: r.documentId, filename: r.source?.filename ?? 'a document' };
  if (typeof label.title === 'string') ref.title = label.title;
  if (typeof label.date === 'string') ref.date = label.date;
  if (r.location?.page) ref.page = r.location.page;
  else if (r.location?.line) ref.line = r.location.line;
  return ref;
}

/** One source of an item as it wrote it: what, status, value and date, and its page. */
function SourceColumn({ source, index, chosen, onChoose, canSplit }: { source: RecordItem['sources'][number]; index: number; chosen: boolean; onChoose(on: boolean): void; canSplit: boolean }) {
  const r = useApi<ResourceWithSource>(api.resource(source.resourceId));
  const d = r.data ? describe(r.data.resource as Parameters<typeof describe>[0]) : undefined;
  const fallback: SourceRef = { documentId: source.documentId ?? '', filename: source.filename ?? 'a document', page: source.location.page };
  return (
    <div className="source-column">
      <h4>
        Source {index + 1}
        {index === 0 && <span className="muted small"> (the version shown in your record)</span>}
      </h4>
      {r.error && <p className="error">Could not load this source: {r.error}</p>}
      {d && (
        <dl className="meta">
          <dt>Says</dt>
          <dd>{d.title}</dd>
          {d.status && (
            <>
              <dt>Status</dt>
              <dd>{d.status}</dd>
            </>
          )}
          {d.detail && (
            <>
              <dt>Details</dt>
              <dd>{d.detail}</dd>
            </>
          )}
          <dt>Date</dt>
          <dd>{formatDate(r.data!.date)}</dd>
        </dl>
      )}
      {!d && !r.error && <p className="muted">Loading…</p>}
      {(r.data || source.documentId) && <SourceLink source={r.data ? sourceRefOf(r.data) : fallback} resourceId={source.resourceId} />}
      {canSplit && (
        <label className="check">
          <input type="checkbox" checked={chosen} onChange={(e) => onChoose(e.target.checked)} /> Not the same as the others: split off
        </label>
      )}
    </div>
  );
}

/**
 * Sources drawn side by side at first, more on request: each is one request, and an item merged
 * from a long record can have thousands (every visit's copy of a medication): drawn all at once
 * they were thousands of requests per card, which the browser refused.
 */
const SIDE_BY_SIDE = 6;

/** Sources read per "Show more" once the item's first ones (sent with the list) are drawn. */
const SOURCES_PAGE = 60;

/** An item's sources side by side, with "split the chosen sources off". */
function SideBySide({ personId, item, onSplit }: { personId: string; item: RecordItem; onSplit(item: RecordItem, resourceIds: string[]): Promise<void> }) {
  const [count, setCount] = useState(SIDE_BY_SIDE);
  // The list sends an item's first sources (the version shown, then those a disagreement names);
  // the others are read from the server a page at a time as the user asks for them.
  const [later, setLater] = useState<{ sources: ItemSource[]; loading?: boolean; error?: string }>({ sources: [] });
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => setLater({ sources: [] }), [item]); // after a split or merge the list is read again
  const sources = [...item.sources, ...later.sources];
  // Each column is one request: read only for cards near the screen (50 cards were 300 requests
  // at once, and the first card waited behind them). Cards further down are not drawn either
  // until they near the screen: 50 cards of 6 columns took ~300 ms to draw on a busy machine.
  const [ref, near] = useNearScreen<HTMLDivElement>();
  const canSplit = item.sourceCount > 1;
  const showMore = () => {
    const next = count + SIDE_BY_SIDE;
    if (next <= sources.length || sources.length >= item.sourceCount) return setCount(next);
    setLater((l) => ({ ...l, loading: true, error: undefined }));
    getJson<ItemSources>(recordApi.sources(personId, item.id, { offset: sources.length, limit: SOURCES_PAGE })).then(
      (page) => {
        setLater((l) => ({ sources: [...l.sources, ...page.sources] }));
        setCount(next);
      },
      (err: Error) => setLater((l) => ({ sources: l.sources, error: err.message })),
    );
  };
  const split = async () => {
    setBusy(true);
    setError('');
    try {
      await onSplit(item, chosen);
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };
  return (
    <>
      <div className="side-by-side" ref={ref}>
        {!near && <p className="muted">Loading the sources…</p>}
        {near &&
          sources
            .slice(0, count)
            .map((s, i) => (
              <SourceColumn key={s.resourceId} source={s} index={i} canSplit={canSplit} chosen={chosen.includes(s.resourceId)} onChoose={(on) => setChosen(on ? [...chosen, s.resourceId] : chosen.filter((x) => x !== s.resourceId))} />
            ))}
      </div>
      {item.sourceCount > count && (
        <p className="muted">
          {count} of {item.sourceCount} sources shown.{' '}
          <button type="button" onClick={showMore} disabled={later.loading}>
            Show {Math.min(SIDE_BY_SIDE, item.sourceCount - count)} more<span className="visually-hidden"> sources of {item.display}</span>
          </button>
        </p>
      )}
      {later.error && <p role="alert">Could not load more sources: {later.error}</p>}
      {canSplit && (
        <div className="actions">
          <button type="button" disabled={busy || !chosen.length || chosen.length === item.sourceCount} onClick={() => void split()}>
            Split the chosen sources off<span className="visually-hidden"> {item.display}</span>
          </button>
          {chosen.length === item.sourceCount && <span className="muted">Leave at least one source in the item.</span>}
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          Could not split: {error}
        </p>
      )}
    </>
  );
}

function ConflictCard({ personId, item, onSplit }: { personId: string; item: RecordItem; onSplit(item: RecordItem, resourceIds: string[]): Promise<void> }) {
  const headingId = useId();
  return (
    <section className="card conflict" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {item.display} <span className="badge">{KIND_LABEL[item.type]}</span>
      </h3>
      <ul className="conflict-messages">
        {item.conflicts.map((c, i) => (
          <li key={i}>{c.message}</li>
        ))}
      </ul>
      <p className="muted small">Vessel keeps every version and shows the first. If these are really different things, split them.</p>
      <SideBySide personId={personId} item={item} onSplit={onSplit} />
    </section>
  );
}

/** Sources of one item, loaded only when opened (each source is one request). */
function SourcesDetails({ personId, item, onSplit }: { personId: string; item: RecordItem; onSplit(item: RecordItem, resourceIds: string[]): Promise<void> }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {item.sourceCount} {item.sourceCount === 1 ? 'source' : 'sources'}
        <span className="visually-hidden"> of {item.display}</span>
      </summary>
      {open && <SideBySide personId={personId} item={item} onSplit={onSplit} />}
    </details>
  );
}

function AllItems({ personId, kind, items, total, onMerge, onSplit }: { personId: string; kind: ItemKind; items: RecordItem[]; total: number; onMerge(kind: ItemKind, items: RecordItem[]): Promise<void>; onSplit(item: RecordItem, resourceIds: string[]): Promise<void> }) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [find, setFind] = useState('');
  useEffect(() => (setChosen([]), setFind('')), [kind]);
  const picked = items.filter((i) => chosen.includes(i.id));
  const words = find.toLowerCase().split(/\s+/).filter(Boolean);
  // Chosen items stay listed while the filter changes, so a merge can join items found by different words.
  const shown = items.filter((i) => chosen.includes(i.id) || words.every((w) => i.display.toLowerCase().includes(w)));
  const merge = async () => {
    setBusy(true);
    setError('');
    try {
      await onMerge(kind, picked);
      setChosen([]);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <p className="muted">
        {total} {KIND_LABEL[kind].toLowerCase()}
        {shown.length > SHOWN ? `, the first ${SHOWN} of ${shown.length} shown` : ''}. Choose two or more that are the same thing to merge them.
      </p>
      <div className="filter-box">
        <label htmlFor="item-filter">Find an item</label>
        <input id="item-filter" type="search" value={find} onChange={(e) => setFind(e.target.value)} autoComplete="off" />
      </div>
      <div className="actions sticky-actions">
        <button type="button" disabled={busy || picked.length < 2} onClick={() => void merge()}>
          Merge the {picked.length || ''} chosen items
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          Could not merge: {error}
        </p>
      )}
      <ul className="fact-list merge-list">
        {shown.slice(0, SHOWN).map((it) => (
          <li key={it.id}>
            <label className="check">
              <input type="checkbox" checked={chosen.includes(it.id)} onChange={(e) => setChosen(e.target.checked ? [...chosen, it.id] : chosen.filter((x) => x !== it.id))} />
              <span>
                <span className="fact-title">{it.display}</span>
                {itemValue(it) && <span> {itemValue(it)}</span>}
                <span className="muted"> · {formatDate(it.date)}</span>
                {it.conflicts.length > 0 && <span className="badge badge-unsupported">sources disagree</span>}
              </span>
            </label>
            <SourcesDetails personId={personId} item={it} onSplit={onSplit} />
          </li>
        ))}
      </ul>
    </>
  );
}

export function Conflicts({ personId }: { personId: string }) {
  const [tick, setTick] = useState(0);
  const [kind, setKind] = useState<ItemKind>('medications');
  const [note, setNote] = useState('');
  const noteRef = useRef<HTMLParagraphElement>(null);
  // The server sends only the items that disagree (?conflicts=1), of every kind; the list of
  // all items is read for the chosen kind only, and the other kinds' sizes as counts alone.
  const conflicts = useApi<RecordItems>(recordApi.conflicts(personId, { limit: FIRST_PAGE.conflicts }));
  const [more, setMore] = useState<{ items: RecordItem[]; loading?: boolean; error?: string }>({ items: [] });
  useEffect(() => setMore({ items: [] }), [personId, conflicts.data]);
  // The rest of the page (all items of a kind, each kind's count: nine requests) is asked for
  // once the disagreements have come and the section nears the screen: sent together, the server
  // read them all before the disagreements, and the first card waited behind them; sent as the
  // cards are drawn, they took the CPU the drawing needed.
  const [allRef, allNear] = useNearScreen<HTMLElement>();
  const after = allNear && (conflicts.data !== undefined || conflicts.error !== undefined);
  const items = useApi<RecordItems>(after ? recordApi.items(personId, kind, { limit: LIMIT }) : null);
  const [totals, setTotals] = useState<Partial<Record<ItemKind, number>>>({});
  useEffect(() => {
    if (!after) return;
    const ctl = new AbortController();
    Promise.all(KINDS.map(([k]) => getJson<RecordItems>(recordApi.items(personId, k, { limit: 0 }), ctl.signal).then((r) => [k, r.total] as const))).then(
      (pairs) => setTotals(Object.fromEntries(pairs)),
      () => {}, // the counts are a hint beside each kind; the lists say their own errors
    );
    return () => ctl.abort();
  }, [personId, tick, after]);

  const reloadConflicts = conflicts.reload;
  const reloadItems = items.reload;
  const done = useCallback(
    (message: string) => {
      setNote(message);
      setTick((t) => t + 1);
      reloadConflicts();
      reloadItems();
      requestAnimationFrame(() => noteRef.current?.focus());
    },
    [reloadConflicts, reloadItems],
  );
  const onSplit = async (item: RecordItem, resourceIds: string[]) => {
    await sendJson('POST', recordApi.split(personId), { type: item.type, resourceIds });
    done(`Split ${resourceIds.length} ${resourceIds.length === 1 ? 'source' : 'sources'} off “${item.display}”. Vessel keeps this decision when records are imported again.`);
  };
  const onMerge = async (k: ItemKind, chosen: RecordItem[]) => {
    // By item id: the list sends only an item's first sources, the server joins all of each.
    await sendJson('POST', recordApi.merge(personId), { type: k, itemIds: chosen.map((i) => i.id) });
    done(`Merged ${chosen.length} items into one: ${chosen.map((i) => `“${i.display}”`).join(', ')}.`);
  };

  const conflicted = [...(conflicts.data?.items ?? []), ...more.items];
  const showMore = () => {
    setMore((m) => ({ ...m, loading: true, error: undefined }));
    getJson<RecordItems>(recordApi.conflicts(personId, { limit: CONFLICTS_PAGE, offset: conflicted.length })).then(
      (next) => setMore((m) => ({ items: [...m.items, ...next.items] })),
      (err: Error) => setMore((m) => ({ items: m.items, error: err.message })),
    );
  };
  return (
    <div>
      <h1>Conflicts and merges</h1>
      <p>When the same thing comes from several records, Vessel shows it once and lists every source. Where the sources disagree, they are shown here side by side. You can split an item that joins different things, or merge items that are the same thing.</p>
      <p className="ok-line" role="status" ref={noteRef} tabIndex={-1}>
        {note}
      </p>
      <section aria-labelledby="disagree-title">
        <h2 id="disagree-title">Where your records disagree</h2>
        <Status loading={conflicts.loading && !conflicts.data} error={conflicts.error} what="the disagreements" />
        {conflicts.data && !conflicted.length && <p className="muted">No disagreements between your records.</p>}
        {conflicted.map((it) => (
          <ConflictCard key={it.id} personId={personId} item={it} onSplit={onSplit} />
        ))}
        {conflicts.data && conflicts.data.total > conflicted.length && (
          <p className="muted">
            The first {conflicted.length} of {conflicts.data.total} are shown.{' '}
            <button type="button" onClick={showMore} disabled={more.loading}>
              Show {Math.min(CONFLICTS_PAGE, conflicts.data.total - conflicted.length)} more
            </button>
          </p>
        )}
        {more.error && <p role="alert">Could not load more disagreements: {more.error}</p>}
      </section>
      <section aria-labelledby="all-title" className="all-items" ref={allRef}>
        <h2 id="all-title">All items</h2>
        <div className="field">
          <label htmlFor="merge-kind">Kind of item</label>
          <select id="merge-kind" value={kind} onChange={(e) => setKind(e.target.value as ItemKind)}>
            {KINDS.map(([k, label]) => (
              <option key={k} value={k}>
                {label}
                {totals[k] !== undefined ? ` (${totals[k]})` : ''}
              </option>
            ))}
          </select>
        </div>
        <Status loading={!items.data && !items.error} error={items.error} what="the merged items" />
        {items.data && <AllItems personId={personId} kind={kind} items={items.data.items} total={items.data.total} onMerge={onMerge} onSplit={onSplit} />}
      </section>
    </div>
  );
}

import { api, FIRST_PAGE, type TimelineView } from '../api.ts';
import { useApi } from '../useApi.ts';
import { Status } from '../components/Status.tsx';
import { SourceLink, sourceHref } from '../components/SourceLink.tsx';
import { formatDate, TYPE_LABELS } from '../format.ts';
import { go, href } from '../router.ts';
import { keysBetween, rangeOfKey, KEY_LENGTH } from '../../../src/views/zoom.ts';
import type { Granularity, TimelineBucket } from '../../../src/views/types.ts';

const PAGE = FIRST_PAGE.timeline;
const ALL_TYPES = Object.keys(TYPE_LABELS);

interface Props {
  personId: string;
  from?: string;
  to?: string;
  types?: string;
  /** How the documents came in (`upload`, `smart`…), their facility, or one document. */
  channel?: string;
  facility?: string;
  document?: string;
  offset: number;
}

type Filters = { from?: string; to?: string; types?: string; channel?: string; facility?: string; document?: string; offset?: number };

/** Channels in the words of the import page. */
const CHANNEL_LABELS: Record<string, string> = {
  upload: 'Uploaded in the app',
  cli: 'Imported from this computer',
  watch: 'Watched folder',
  smart: 'Patient portals (SMART)',
  'zip-entry': 'Inside zip files',
  embedded: 'Attached to other documents',
  split: 'Split from faxes',
};

function bucketLabel(key: string): string {
  return formatDate(key);
}

function axisLabel(key: string, g: Granularity): string {
  if (g === 'year') return key;
  if (g === 'month') return formatDate(key).slice(0, 3);
  return String(Number(key.slice(8)));
}

/** Buckets with the empty ones in between, so gaps in the record show as gaps. */
function filled(view: TimelineView): TimelineBucket[] {
  const g = view.granularity;
  const have = new Map(view.buckets.map((b) => [b.key, b]));
  if (view.from && view.to && g !== 'year') {
    const pad = (d: string) => (d + (g === 'month' ? '-01' : '-01-01')).slice(0, KEY_LENGTH[g]);
    const end = pad(view.to);
    return keysBetween(pad(view.from), end, g)
      .filter((k) => k < end)
      .map((k) => have.get(k) ?? { key: k, count: 0, byType: {} });
  }
  const keys = view.buckets.map((b) => b.key).filter((k) => k.length === KEY_LENGTH[g]);
  if (!keys.length) return [];
  return keysBetween(keys[0], keys[keys.length - 1], g).map((k) => have.get(k) ?? { key: k, count: 0, byType: {} });
}

function Bars({ view, link }: { view: TimelineView; link(key: string): string | undefined }) {
  const buckets = filled(view);
  if (!buckets.length) return null;
  const W = 640;
  const H = 140;
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const bw = (W - 8) / buckets.length;
  const every = Math.ceil(buckets.length / 12);
  return (
    <svg viewBox={`0 0 ${W} ${H + 22}`} className="bars" role="group" aria-label={`Number of items per ${view.granularity}; select a bar to zoom in`}>
      {buckets.map((b, i) => {
        const h = b.count ? Math.max(3, (b.count / max) * H) : 0;
        const to = link(b.key);
        const bar = (
          <>
            <rect x={4 + i * bw + 1} y={H - h} width={Math.max(1, bw - 2)} height={h} className="bar" />
            <rect x={4 + i * bw} y={0} width={bw} height={H} className="bar-hit" />
            <title>{`${bucketLabel(b.key)}: ${b.count} item${b.count === 1 ? '' : 's'}`}</title>
          </>
        );
        return (
          <g key={b.key}>
            {to && b.count ? (
              <a href={to} aria-label={`${bucketLabel(b.key)}: ${b.count} items`}>
                {bar}
              </a>
            ) : (
              bar
            )}
            {i % every === 0 && (
              <text x={4 + i * bw + bw / 2} y={H + 16} textAnchor="middle" className="tick">
                {axisLabel(b.key, view.granularity)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

export function Timeline({ personId, from, to, types, channel, facility, document, offset }: Props) {
  const view = useApi<TimelineView>(api.timeline(personId, { from, to, types, channel, facility, document, limit: PAGE, offset }));
  // Zooming and paging keep the source filters; changing a filter starts at the first page.
  const kept = { channel, facility, document };
  const here = (p: Filters) => href(['p', personId, 'timeline'], { from: p.from, to: p.to, types: p.types, channel: p.channel, facility: p.facility, document: p.document, offset: p.offset || undefined });
  const selected = new Set(types ? types.split(',') : ALL_TYPES);
  const toggle = (t: string) => {
    const next = new Set(selected);
    if (next.has(t)) next.delete(t);
    else next.add(t);
    const list = ALL_TYPES.filter((x) => next.has(x));
    go(here({ from, to, ...kept, types: list.length === ALL_TYPES.length ? undefined : list.join(',') || 'None' }));
  };
  // Breadcrumbs: All years › 2019 › March 2019 › 14 Mar 2019
  const crumbs: Array<{ label: string; from?: string; to?: string }> = [{ label: 'All years' }];
  if (from) {
    for (const n of [4, 7, 10]) {
      if (from.length >= n) {
        const k = from.slice(0, n);
        const r = rangeOfKey(k);
        if (r) crumbs.push({ label: formatDate(k), ...r });
      }
    }
  }
  const v = view.data;
  return (
    <div>
      <h1>Timeline</h1>
      <nav aria-label="Zoom" className="crumbs">
        <ol>
          {crumbs.map((c, i) => (
            <li key={c.label}>
              {i === crumbs.length - 1 ? <span aria-current="page">{c.label}</span> : <a href={here({ from: c.from, to: c.to, types, ...kept })}>{c.label}</a>}
            </li>
          ))}
        </ol>
      </nav>
      <fieldset className="filters">
        <legend>Show</legend>
        {ALL_TYPES.filter((t) => v?.types[t] || selected.has(t)).filter((t) => (v ? v.types[t] !== undefined : true)).map((t) => (
          <label key={t} className="inline">
            <input type="checkbox" checked={selected.has(t)} onChange={() => toggle(t)} /> {TYPE_LABELS[t]} {v && <span className="muted">({v.types[t] ?? 0})</span>}
          </label>
        ))}
      </fieldset>
      {v && <SourceFilters view={v} channel={channel} facility={facility} document={document} go={(f) => go(here({ from, to, types, ...f }))} clearHref={here({ from, to, types })} />}
      <Status loading={view.loading && !v} error={view.error} what="the timeline" />
      {v && (
        <>
          <Bars view={v} link={(k) => { const r = rangeOfKey(k); return r ? here({ ...r, types, ...kept }) : undefined; }} />
          <h2>
            {v.total} item{v.total === 1 ? '' : 's'}
            {from ? ` in ${crumbs[crumbs.length - 1].label}` : ''}
          </h2>
          <ol className="timeline-items">
            {v.items.map((it) => (
              <li key={it.kind + it.id} className={`tl-${it.type}`}>
                <time dateTime={it.date}>{formatDate(it.date)}</time>
                <span className="badge">{TYPE_LABELS[it.type] ?? it.type}</span>{' '}
                {it.kind === 'document' ? <a href={href(['documents', it.id])}>{it.title}</a> : <a href={sourceHref(it.source, it.id)}>{it.title}</a>}
                {it.detail && <span className="fact-detail"> — {it.detail}</span>}
                {it.kind === 'resource' && (
                  <div>
                    <SourceLink source={it.source} resourceId={it.id} />
                  </div>
                )}
              </li>
            ))}
          </ol>
          {(offset > 0 || v.items.length === PAGE) && (
            <nav className="pager" aria-label="Timeline pages">
              {offset > 0 && <a href={here({ from, to, types, ...kept, offset: Math.max(0, offset - PAGE) })}>Newer</a>}
              <span>
                {offset + 1}–{offset + v.items.length} of {v.total}
              </span>
              {offset + PAGE < v.total && <a href={here({ from, to, types, ...kept, offset: offset + PAGE })}>Older</a>}
            </nav>
          )}
        </>
      )}
    </div>
  );
}

/** Where the items came from: how their documents came in, the facility, or one document. */
function SourceFilters({ view, channel, facility, document, go, clearHref }: { view: TimelineView; channel?: string; facility?: string; document?: string; go(f: { channel?: string; facility?: string; document?: string }): void; clearHref: string }) {
  const channels = Object.entries(view.channels).sort((a, b) => b[1] - a[1]);
  const facilities = Object.entries(view.facilities).sort((a, b) => a[0].localeCompare(b[0]));
  if (channel && !view.channels[channel]) channels.push([channel, 0]);
  if (facility && !view.facilities[facility]) facilities.push([facility, 0]);
  const docs = (n: number) => `${n} document${n === 1 ? '' : 's'}`;
  return (
    <fieldset className="filters source-filters">
      <legend>From</legend>
      <div className="field">
        <label htmlFor="tl-channel">Source</label>
        <select id="tl-channel" value={channel ?? ''} onChange={(e) => go({ channel: e.target.value || undefined, facility, document })}>
          <option value="">All sources</option>
          {channels.map(([c, n]) => (
            <option key={c} value={c}>
              {CHANNEL_LABELS[c] ?? c} ({docs(n)})
            </option>
          ))}
        </select>
      </div>
      {facilities.length > 0 && (
        <div className="field">
          <label htmlFor="tl-facility">Facility</label>
          <select id="tl-facility" value={facility ?? ''} onChange={(e) => go({ channel, facility: e.target.value || undefined, document })}>
            <option value="">All facilities</option>
            {facilities.map(([f, n]) => (
              <option key={f} value={f}>
                {f} ({docs(n)})
              </option>
            ))}
          </select>
        </div>
      )}
      {document && (
        <p className="only-document">
          Only what <a href={href(['documents', document])}>this document</a> says.{' '}
          <a href={clearHref}>Show everything</a>
        </p>
      )}
    </fieldset>
  );
}

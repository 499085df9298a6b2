/**
 * A long list drawn in windows. Lines are fetched a chunk at a time as the reader scrolls, and
 * only the chunks near the screen are in the page; the chunks above and below are one empty
 * spacer each, as tall as they were drawn (or as estimated, before they ever were). Twenty
 * years of records can hold thousands of lines; the page keeps a few hundred elements, however
 * long the list. Every line states its position (aria-posinset / aria-setsize), so assistive
 * technology can say "line 812 of 3,000" though most lines are not in the page.
 *
 * Heights are set through the style object (CSSOM), which the strict CSP allows; the page's
 * own scroll is used, so the list scrolls like the rest of the app (and on phones).
 */
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { getJson } from '../api.ts';

export interface Chunk<T> {
  items: T[];
  total: number;
}

interface Props<T> {
  /** The URL of the lines [offset, offset + limit). A new function identity does not reset; `source` does. */
  chunkUrl(offset: number, limit: number): string;
  /** Identity of what is listed (person, kind, filters): when it changes the list starts again. */
  source: string;
  renderItem(item: T, index: number): ReactNode;
  itemKey(item: T): string;
  label: string;
  className?: string;
  /** Said when the list is empty. */
  empty: ReactNode;
  /** Told the total once the first chunk arrives. */
  onTotal?(total: number): void;
  chunkSize?: number;
}

/** Lines drawn or fetched beyond the screen, in screen heights, so fast scrolling rarely shows a gap. */
const MARGIN_SCREENS = 1;
const ESTIMATED_LINE_PX = 64;
/** A spacer is only height: no padding or border from the list's line style. */
const GAP = { padding: 0, border: 0, margin: 0 } as const;

interface Window {
  first: number;
  last: number;
}

export function VirtualList<T>({ chunkUrl, source, renderItem, itemKey, label, className, empty, onTotal, chunkSize = 50 }: Props<T>) {
  const [total, setTotal] = useState<number | undefined>(undefined);
  const [chunks, setChunks] = useState<Map<number, T[]>>(new Map());
  const [error, setError] = useState<string | undefined>(undefined);
  const [win, setWin] = useState<Window>({ first: 0, last: 0 });
  const listRef = useRef<HTMLUListElement>(null);
  const measured = useRef(new Map<number, number>());
  const lineEstimate = useRef(ESTIMATED_LINE_PX);
  const inFlight = useRef(new Set<number>());
  const urlOf = useRef(chunkUrl);
  urlOf.current = chunkUrl;
  const sourceNow = useRef(source);
  sourceNow.current = source;
  const fetches = useRef(new AbortController());

  // A new source starts from nothing: no chunks, no measurements, the first window.
  useEffect(() => {
    fetches.current.abort();
    fetches.current = new AbortController();
    setTotal(undefined);
    setChunks(new Map());
    setError(undefined);
    setWin({ first: 0, last: 0 });
    measured.current = new Map();
    inFlight.current = new Set();
  }, [source]);
  useEffect(() => () => fetches.current.abort(), []);

  const chunkCount = total === undefined ? 1 : Math.ceil(total / chunkSize);
  const linesIn = (c: number) => (total === undefined ? chunkSize : Math.max(0, Math.min(chunkSize, total - c * chunkSize)));
  const heightOf = (c: number) => measured.current.get(c) ?? linesIn(c) * lineEstimate.current;

  // Fetch the chunks of the window that are not here yet (kept going while the window moves).
  useEffect(() => {
    for (let c = win.first; c <= win.last && c < chunkCount; c++) {
      if (chunks.has(c) || inFlight.current.has(c)) continue;
      inFlight.current.add(c);
      const requested = source;
      getJson<Chunk<T>>(urlOf.current(c * chunkSize, chunkSize), fetches.current.signal).then(
        (body) => {
          inFlight.current.delete(c);
          if (requested !== sourceNow.current) return;
          setTotal(body.total);
          setChunks((m) => new Map(m).set(c, body.items));
        },
        (err: Error) => {
          inFlight.current.delete(c);
          if (err.name !== 'AbortError' && requested === sourceNow.current) setError(err.message);
        },
      );
    }
  }, [win, chunkCount, chunks, source, chunkSize]);

  useEffect(() => {
    if (total !== undefined) onTotal?.(total);
  }, [total, onTotal]);

  // After drawing: remember how tall each drawn chunk is, and refine the estimate for the rest.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    for (let c = win.first; c <= win.last; c++) {
      const lines = list.querySelectorAll<HTMLLIElement>(`li[data-chunk="${c}"]:not(.virtual-gap)`);
      if (!lines.length) continue;
      const top = lines[0].getBoundingClientRect().top;
      const bottom = lines[lines.length - 1].getBoundingClientRect().bottom;
      measured.current.set(c, bottom - top);
    }
    let px = 0;
    let n = 0;
    for (const [c, h] of measured.current) {
      px += h;
      n += linesIn(c);
    }
    if (n) lineEstimate.current = px / n;
  });

  // Which chunks are near the screen, from the list's position and the chunks' heights.
  useEffect(() => {
    if (total === undefined) return;
    const update = () => {
      const list = listRef.current;
      if (!list) return;
      const top = list.getBoundingClientRect().top;
      const from = -top - MARGIN_SCREENS * window.innerHeight;
      const to = -top + (1 + MARGIN_SCREENS) * window.innerHeight;
      let y = 0;
      let first = -1;
      let last = 0;
      for (let c = 0; c < chunkCount; c++) {
        const h = heightOf(c);
        if (first < 0 && y + h >= from) first = c;
        if (y <= to) last = c;
        y += h;
      }
      const next = { first: Math.max(0, Math.min(first < 0 ? chunkCount - 1 : first, last)), last };
      setWin((w) => (w.first === next.first && w.last === next.last ? w : next));
    };
    update();
    window.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      window.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
    // heightOf reads refs; the window is recomputed on every scroll anyway.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [total, chunkCount, chunks]);

  if (error) return <p role="alert">Could not load {label.toLowerCase()}: {error}</p>;
  if (total === 0) return <>{empty}</>;
  if (total === undefined) return <p className="muted" aria-live="polite">Loading {label.toLowerCase()}…</p>;

  let above = 0;
  for (let c = 0; c < win.first; c++) above += heightOf(c);
  let below = 0;
  for (let c = win.last + 1; c < chunkCount; c++) below += heightOf(c);

  const drawn: ReactNode[] = [];
  for (let c = win.first; c <= win.last && c < chunkCount; c++) {
    const items = chunks.get(c);
    if (!items) {
      drawn.push(<li key={`gap-${c}`} className="virtual-gap" aria-hidden="true" data-chunk={c} style={{ ...GAP, height: `${heightOf(c)}px` }} />);
      continue;
    }
    items.forEach((item, i) => {
      const index = c * chunkSize + i;
      drawn.push(
        <li key={`${c}:${itemKey(item)}`} data-chunk={c} aria-posinset={index + 1} aria-setsize={total}>
          {renderItem(item, index)}
        </li>,
      );
    });
  }
  return (
    <ul ref={listRef} className={className} aria-label={label}>
      {above > 0 && <li key="above" className="virtual-gap" aria-hidden="true" style={{ ...GAP, height: `${above}px` }} />}
      {drawn}
      {below > 0 && <li key="below" className="virtual-gap" aria-hidden="true" style={{ ...GAP, height: `${below}px` }} />}
    </ul>
  );
}

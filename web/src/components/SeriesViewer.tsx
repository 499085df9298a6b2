/**
 * A series viewer: one image at a time on a canvas (no inline styles: drawing is not
 * styling), scrolled with the arrow keys, the mouse wheel or the slider; window/level from
 * presets or by dragging; zoom and pan; the key DICOM tags beside. Frames are rendered by the
 * server (`/api/documents/:id/frames/:n.png?wc=&ww=`); while one loads, only the latest
 * wanted image is fetched next, so dragging the window never piles up requests.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { DicomTags, InstanceView, SeriesView } from '../../../src/imaging/model.ts';
import { getJson } from '../api.ts';
import { href } from '../router.ts';

interface Window {
  center: number;
  width: number;
}

/** CT presets in Hounsfield units (centre/width). */
export const CT_PRESETS: Array<{ name: string; center: number; width: number }> = [
  { name: 'Soft tissue', center: 40, width: 400 },
  { name: 'Lung', center: -600, width: 1500 },
  { name: 'Bone', center: 400, width: 1800 },
  { name: 'Brain', center: 40, width: 80 },
];

const VIEW_SIZE = 1024;

const frameUrl = (documentId: string, frame: number, w: Window | null) => {
  const q = new URLSearchParams({ size: String(VIEW_SIZE) });
  if (w) {
    q.set('wc', String(Math.round(w.center)));
    q.set('ww', String(Math.max(1, Math.round(w.width))));
  }
  return `/api/documents/${encodeURIComponent(documentId)}/frames/${frame}.png?${q}`;
};

/** Why an image URL failed, from the server's OperationOutcome. */
async function failureOf(url: string): Promise<string> {
  try {
    await getJson(url);
    return 'the image could not be shown';
  } catch (e) {
    return (e as Error).message;
  }
}

export function SeriesViewer({ series, modality }: { series: SeriesView; modality?: string }) {
  const images = series.instances.filter((i): i is InstanceView & { documentId: string } => !!i.documentId && i.image);
  const [index, setIndex] = useState(0);
  const [frame, setFrame] = useState(0);
  const [win, setWin] = useState<Window | null>(null);
  const [zoom, setZoom] = useState(1);
  const [pan, setPan] = useState({ x: 0, y: 0 });
  const [tool, setTool] = useState<'window' | 'pan'>('window');
  const [tags, setTags] = useState<DicomTags | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const viewport = useRef<HTMLDivElement>(null);
  const shown = useRef<HTMLImageElement | null>(null);
  const loading = useRef<string | null>(null);
  const wanted = useRef<string | null>(null);
  const [drawn, setDrawn] = useState('');
  const current = images[Math.min(index, images.length - 1)];
  const frames = tags?.frames ?? 1;
  const isCt = (modality ?? series.modality) === 'CT';

  // A new series starts at its first image, default window, no zoom.
  useEffect(() => {
    setIndex(0);
    setFrame(0);
    setWin(null);
    setZoom(1);
    setPan({ x: 0, y: 0 });
  }, [series.uid]);

  useEffect(() => {
    if (!current) return;
    const ctl = new AbortController();
    setTags(null);
    getJson<DicomTags>(`/api/documents/${encodeURIComponent(current.documentId)}/dicom`, ctl.signal).then(setTags, (e: Error) => e.name !== 'AbortError' && setError(e.message));
    return () => ctl.abort();
  }, [current?.documentId]);

  const draw = useCallback(() => {
    const c = canvas.current;
    const img = shown.current;
    if (!c) return;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, c.width, c.height);
    if (!img) return;
    const dpr = c.width / Math.max(1, c.clientWidth);
    const fit = Math.min(c.width / img.naturalWidth, c.height / img.naturalHeight) * zoom;
    const w = img.naturalWidth * fit;
    const h = img.naturalHeight * fit;
    ctx.imageSmoothingEnabled = fit < 2;
    ctx.drawImage(img, (c.width - w) / 2 + pan.x * dpr, (c.height - h) / 2 + pan.y * dpr, w, h);
  }, [zoom, pan]);

  // Load the wanted image; if one is already loading, the newest wish waits for it.
  const load = useCallback(
    (url: string) => {
      wanted.current = url;
      if (loading.current) return;
      loading.current = url;
      const img = new Image();
      img.onload = () => {
        shown.current = img;
        loading.current = null;
        setError(null);
        draw();
        setDrawn(url);
        if (wanted.current && wanted.current !== url) load(wanted.current);
      };
      img.onerror = () => {
        loading.current = null;
        void failureOf(url).then(setError);
        if (wanted.current && wanted.current !== url) load(wanted.current);
      };
      img.src = url;
    },
    [draw],
  );

  useEffect(() => {
    if (!current || (tags && !tags.decodable)) return;
    load(frameUrl(current.documentId, Math.min(frame, frames - 1), win));
    // Warm the browser's cache with the neighbours so scrolling feels immediate.
    for (const k of [index + 1, index - 1]) {
      const n = images[k];
      if (n && !win) new Image().src = frameUrl(n.documentId, 0, null);
    }
  }, [current?.documentId, frame, win, tags?.decodable]);

  useEffect(draw, [draw]);

  // The canvas follows the viewport's size (attributes, not styles).
  useEffect(() => {
    const v = viewport.current;
    const c = canvas.current;
    if (!v || !c) return;
    const fit = () => {
      const dpr = window.devicePixelRatio || 1;
      c.width = Math.round(v.clientWidth * dpr);
      c.height = Math.round(v.clientHeight * dpr);
      draw();
    };
    fit();
    const ro = new ResizeObserver(fit);
    ro.observe(v);
    return () => ro.disconnect();
  }, [draw]);

  const step = useCallback(
    (delta: number) => {
      // Multi-frame images scroll through their frames first, then on to the next image.
      if (frames > 1 && frame + delta >= 0 && frame + delta < frames) return setFrame(frame + delta);
      const next = Math.max(0, Math.min(images.length - 1, index + delta));
      if (next !== index) {
        setIndex(next);
        setFrame(0);
      }
    },
    [frames, frame, index, images.length],
  );

  // Wheel scrolls slices (ctrl/pinch zooms); a non-passive listener so the page stays put.
  useEffect(() => {
    const v = viewport.current;
    if (!v) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      if (e.ctrlKey) setZoom((z) => Math.max(0.25, Math.min(16, z * (e.deltaY < 0 ? 1.15 : 1 / 1.15))));
      else step(e.deltaY > 0 ? 1 : -1);
    };
    v.addEventListener('wheel', onWheel, { passive: false });
    return () => v.removeEventListener('wheel', onWheel);
  }, [step]);

  const drag = useRef<{ x: number; y: number; win: Window; pan: { x: number; y: number } } | null>(null);
  const baseWindow = (): Window => win ?? (tags?.windowWidth ? { center: tags.windowCenter!, width: tags.windowWidth } : { center: 40, width: 400 });
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, y: e.clientY, win: baseWindow(), pan };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (tool === 'pan' || e.shiftKey) return setPan({ x: d.pan.x + dx, y: d.pan.y + dy });
    // Right widens the window, down raises the level; scaled to the window so it feels the same for CT and MR.
    const k = Math.max(1, d.win.width / 200);
    setWin({ center: d.win.center + dy * k, width: Math.max(1, d.win.width + dx * k * 2) });
  };
  const onPointerUp = () => void (drag.current = null);

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => step(1),
      ArrowRight: () => step(1),
      PageDown: () => step(10),
      ArrowUp: () => step(-1),
      ArrowLeft: () => step(-1),
      PageUp: () => step(-10),
      Home: () => (setIndex(0), setFrame(0)),
      End: () => (setIndex(images.length - 1), setFrame(0)),
      '+': () => setZoom((z) => Math.min(16, z * 1.25)),
      '=': () => setZoom((z) => Math.min(16, z * 1.25)),
      '-': () => setZoom((z) => Math.max(0.25, z / 1.25)),
      '0': () => (setZoom(1), setPan({ x: 0, y: 0})),
    };
    const f = keys[e.key];
    if (f) {
      e.preventDefault();
      f();
    }
  };

  if (!images.length) return <p className="muted">No image of this series is on this computer{series.numberOfInstances ? ` (the disc listed ${series.numberOfInstances})` : ''}.</p>;
  const position = `Image ${index + 1} of ${images.length}${frames > 1 ? `, frame ${frame + 1} of ${frames}` : ''}`;
  const shownWindow = win ?? (tags?.windowWidth ? { center: tags.windowCenter!, width: tags.windowWidth } : null);
  return (
    <div className="series-viewer">
      <div className="viewer-tools" role="toolbar" aria-label="Image tools">
        <span className="tool-group" role="group" aria-label="Window">
          <button type="button" aria-pressed={win === null} onClick={() => setWin(null)}>
            Default
          </button>
          {isCt &&
            CT_PRESETS.map((p) => (
              <button key={p.name} type="button" aria-pressed={win?.center === p.center && win.width === p.width} onClick={() => setWin({ center: p.center, width: p.width })}>
                {p.name}
              </button>
            ))}
        </span>
        <span className="tool-group" role="group" aria-label="Drag to">
          <button type="button" aria-pressed={tool === 'window'} onClick={() => setTool('window')}>
            Drag: window
          </button>
          <button type="button" aria-pressed={tool === 'pan'} onClick={() => setTool('pan')}>
            Drag: pan
          </button>
        </span>
        <span className="tool-group" role="group" aria-label="Zoom">
          <button type="button" aria-label="Zoom out" onClick={() => setZoom((z) => Math.max(0.25, z / 1.25))}>
            −
          </button>
          <button type="button" aria-label="Zoom in" onClick={() => setZoom((z) => Math.min(16, z * 1.25))}>
            +
          </button>
          <button type="button" onClick={() => (setZoom(1), setPan({ x: 0, y: 0 }))}>
            Fit
          </button>
        </span>
      </div>
      <div
        ref={viewport}
        className={`viewport tool-${tool}`}
        tabIndex={0}
        role="img"
        aria-label={`${series.description ?? 'Series'}: ${position}. Arrow keys or the mouse wheel move through the images; drag to change the window, or pan.`}
        onKeyDown={onKey}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        <canvas ref={canvas} className="dicom-canvas" data-testid="dicom-canvas" data-rendered={drawn} />
      </div>
      <label className="slice-slider">
        <span className="visually-hidden">Image</span>
        <input type="range" min={1} max={images.length} value={index + 1} onChange={(e) => (setIndex(Number(e.target.value) - 1), setFrame(0))} disabled={images.length < 2} />
      </label>
      <p className="viewer-status" aria-live="polite">
        <output data-testid="viewer-position">{position}</output>
        {shownWindow && (
          <span className="muted">
            {' '}
            · window {Math.round(shownWindow.width)} / level {Math.round(shownWindow.center)}
          </span>
        )}
        {zoom !== 1 && <span className="muted"> · zoom {Math.round(zoom * 100)}%</span>}
      </p>
      {tags && !tags.decodable && <p className="error">This image cannot be shown: {tags.reason}.</p>}
      {error && <p className="error" role="alert">{error}</p>}
      <details className="dicom-tags" open>
        <summary>Image details</summary>
        {tags ? (
          <dl className="meta">
            {tags.tags.map((t) => (
              <div key={t.tag + t.name} className="tag-row">
                <dt title={t.tag}>{t.name}</dt>
                <dd>{t.value}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="muted">Loading…</p>
        )}
        <p>
          <a href={href(['documents', current.documentId])}>Source file: {current.filename ?? 'DICOM file'}</a>
        </p>
      </details>
    </div>
  );
}

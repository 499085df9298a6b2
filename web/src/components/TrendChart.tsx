/**
 * A lab's values over time as a hand-written SVG: the reference range as a shaded band
 * (per point, since labs differ), the values as linked points that open their source.
 * No inline styles (the CSP forbids them): classes and presentation attributes only.
 */
import type { LabGroup, LabPoint } from '../../../src/views/types.ts';
import { formatDate } from '../format.ts';
import { unitLabel } from '../../../src/views/unit-label.ts';
import { sourceHref, sourceText } from './SourceLink.tsx';

const W = 640;
const H = 260;
const PAD = { left: 52, right: 16, top: 16, bottom: 36 };

function time(d: string): number {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(d);
  return m ? Date.UTC(Number(m[1]), Number(m[2] ?? 7) - 1, Number(m[3] ?? 1)) : NaN;
}

function niceTicks(min: number, max: number, n = 4): number[] {
  const span = max - min || 1;
  const step0 = span / n;
  const mag = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= step0) ?? step0;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) out.push(Number(v.toPrecision(6)));
  return out;
}

export function TrendChart({ group, points }: { group: LabGroup; points: LabPoint[] }) {
  const pts = points.filter((p) => p.date && p.value !== undefined && Number.isFinite(time(p.date)));
  if (pts.length === 0) return <p className="muted">No numeric values to draw.</p>;
  const xs = pts.map((p) => time(p.date!));
  let x0 = Math.min(...xs);
  let x1 = Math.max(...xs);
  if (x0 === x1) {
    x0 -= 180 * 86_400_000;
    x1 += 180 * 86_400_000;
  }
  const ys = pts.flatMap((p) => [p.value!, p.low, p.high].filter((v): v is number => v !== undefined));
  let y0 = Math.min(...ys);
  let y1 = Math.max(...ys);
  const pad = (y1 - y0 || Math.abs(y1) || 1) * 0.15;
  y0 -= pad;
  y1 += pad;
  const sx = (t: number) => PAD.left + ((t - x0) / (x1 - x0)) * (W - PAD.left - PAD.right);
  const sy = (v: number) => PAD.top + (1 - (v - y0) / (y1 - y0)) * (H - PAD.top - PAD.bottom);
  const px = xs.map(sx);

  // Band: each point's own range, drawn from halfway to its neighbours.
  const band = pts.map((p, i) => {
    if (p.low === undefined && p.high === undefined) return null;
    const left = i === 0 ? PAD.left : (px[i - 1] + px[i]) / 2;
    const right = i === pts.length - 1 ? W - PAD.right : (px[i] + px[i + 1]) / 2;
    const top = sy(p.high ?? y1);
    const bottom = sy(p.low ?? y0);
    return <rect key={`b${i}`} className="band" x={left} y={top} width={Math.max(1, right - left)} height={Math.max(1, bottom - top)} />;
  });
  const hasBand = band.some(Boolean);
  const years = niceYearTicks(x0, x1);
  const unit = unitLabel(group.unit ?? pts[0].unit) ?? '';
  const label = `${group.name}: ${pts.length} values from ${formatDate(pts[0].date)} to ${formatDate(pts[pts.length - 1].date)}, latest ${pts[pts.length - 1].display}${hasBand ? '; the shaded band is the reference range' : ''}.`;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="group" aria-label={label} className="trend">
        <g className="band-layer" shapeRendering="crispEdges">{band}</g>
        {niceTicks(y0, y1).map((v) => (
          <g key={`y${v}`} className="tick">
            <line x1={PAD.left} x2={W - PAD.right} y1={sy(v)} y2={sy(v)} className="grid" />
            <text x={PAD.left - 6} y={sy(v) + 4} textAnchor="end">
              {v}
            </text>
          </g>
        ))}
        {years.map((t) => (
          <text key={`x${t}`} x={sx(t)} y={H - 12} textAnchor="middle" className="tick">
            {new Date(t).getUTCFullYear()}
          </text>
        ))}
        <text x={12} y={PAD.top + 4} className="unit" transform={`rotate(-90 12 ${PAD.top + 4})`} textAnchor="end">
          {unit}
        </text>
        <polyline className="line" fill="none" points={pts.map((p, i) => `${px[i]},${sy(p.value!)}`).join(' ')} />
        {pts.map((p, i) => (
          <a key={p.resourceId + i} href={sourceHref(p.source, p.resourceId)} className="point-link" aria-label={`${p.display} on ${formatDate(p.date)}${p.flag && p.flag !== 'N' ? `, flagged ${p.flag}` : ''}, ${sourceText(p.source)}`}>
            <circle cx={px[i]} cy={sy(p.value!)} r={6} className={`point flag-${p.flag ?? 'none'}`}>
              <title>{`${p.display}${p.original ? ` (as written: ${p.original})` : ''} · ${formatDate(p.date)}${p.rangeText ? ` · range ${p.rangeText}` : ''} · ${sourceText(p.source)}`}</title>
            </circle>
          </a>
        ))}
      </svg>
      <figcaption>
        {hasBand ? <span className="legend-band">Shaded: reference range</span> : <span className="muted">No reference range given</span>}
        <span> · select a point to open its source</span>
      </figcaption>
    </figure>
  );
}

function niceYearTicks(x0: number, x1: number): number[] {
  const y0 = new Date(x0).getUTCFullYear();
  const y1 = new Date(x1).getUTCFullYear();
  const step = Math.max(1, Math.ceil((y1 - y0 + 1) / 8));
  const out: number[] = [];
  for (let y = y0; y <= y1 + 1; y += step) {
    const t = Date.UTC(y, 0, 1);
    if (t >= x0 && t <= x1) out.push(t);
  }
  if (!out.length) out.push(Date.UTC(y0, 6, 1));
  return out;
}

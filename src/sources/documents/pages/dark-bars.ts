/**
 * Reverse-video bars (white text on a solid dark band: lab report titles, section headers) made
 * black on white before OCR, so tesseract's own per-line inversion check can stay off (README,
 * session 13). Pure function over a grey raster.
 */
import type { Raster } from './raster.js';

/** Grid cell (pixels at ~200 dpi) for finding solid dark bars. */
const BAR_CELL = 8;

/**
 * White-on-black bars (reverse-video headers of lab reports, dark title bands) made black on
 * white, so tesseract's own per-line inversion check can be off. A bar is a solid dark region
 * at least 0.75 in wide and 0.1 in tall whose pixels are mostly dark (its white text leaves it
 * ≥ 65 % dark); each such rectangle is inverted in place. Returns the count inverted.
 */
export function invertDarkBars(r: Raster): { raster: Raster; bars: number } {
  const { width: w, height: h, data } = r;
  const dpi = r.xdpi ?? 200;
  const cs = Math.max(4, Math.round((BAR_CELL * dpi) / 204));
  const gw = Math.ceil(w / cs);
  const gh = Math.ceil(h / cs);
  const dark = new Float32Array(gw * gh);
  for (let gy = 0; gy < gh; gy++) {
    const y1 = Math.min(h, (gy + 1) * cs);
    for (let gx = 0; gx < gw; gx++) {
      const x1 = Math.min(w, (gx + 1) * cs);
      let n = 0;
      let d = 0;
      for (let y = gy * cs; y < y1; y++) for (let x = gx * cs, i = y * w + x; x < x1; x++, i++, n++) if (data[i] < 128) d++;
      dark[gy * gw + gx] = d / n;
    }
  }
  const mark = new Uint8Array(gw * gh);
  for (let i = 0; i < mark.length; i++) mark[i] = dark[i] >= 0.55 ? 1 : 0;
  const seen = new Uint8Array(gw * gh);
  const rects: Array<[number, number, number, number]> = [];
  const stack: number[] = [];
  for (let s = 0; s < mark.length; s++) {
    if (!mark[s] || seen[s]) continue;
    let x0 = gw, y0 = gh, x1 = -1, y1 = -1, cells = 0;
    stack.push(s);
    seen[s] = 1;
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % gw;
      const y = (i - x) / gw;
      cells++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (const j of [x > 0 ? i - 1 : -1, x < gw - 1 ? i + 1 : -1, y > 0 ? i - gw : -1, y < gh - 1 ? i + gw : -1]) {
        if (j >= 0 && mark[j] && !seen[j]) {
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
    const bw = (x1 - x0 + 1) * cs;
    const bh = (y1 - y0 + 1) * cs;
    if (bw < 0.75 * dpi || bh < 0.1 * dpi) continue;
    if (cells / ((x1 - x0 + 1) * (y1 - y0 + 1)) < 0.8) continue;
    // Pixel-exact edges: grow the cell box outward while the next row/column is mostly dark.
    let px0 = x0 * cs, py0 = y0 * cs, px1 = Math.min(w, (x1 + 1) * cs), py1 = Math.min(h, (y1 + 1) * cs);
    const rowDark = (y: number) => { let d = 0; for (let x = px0; x < px1; x++) if (data[y * w + x] < 128) d++; return d / (px1 - px0); };
    const colDark = (x: number) => { let d = 0; for (let y = py0; y < py1; y++) if (data[y * w + x] < 128) d++; return d / (py1 - py0); };
    while (py0 > 0 && rowDark(py0 - 1) >= 0.5) py0--;
    while (py1 < h && rowDark(py1) >= 0.5) py1++;
    while (px0 > 0 && colDark(px0 - 1) >= 0.5) px0--;
    while (px1 < w && colDark(px1) >= 0.5) px1++;
    while (py1 - py0 > 2 && rowDark(py0) < 0.5) py0++;
    while (py1 - py0 > 2 && rowDark(py1 - 1) < 0.5) py1--;
    while (px1 - px0 > 2 && colDark(px0) < 0.5) px0++;
    while (px1 - px0 > 2 && colDark(px1 - 1) < 0.5) px1--;
    let d = 0;
    for (let y = py0; y < py1; y++) for (let x = px0; x < px1; x++) if (data[y * w + x] < 128) d++;
    if (d / ((px1 - px0) * (py1 - py0)) < 0.65) continue;
    rects.push([px0, py0, px1, py1]);
  }
  if (!rects.length) return { raster: r, bars: 0 };
  const out = new Uint8Array(data);
  for (const [ax, ay, bx, by] of rects) for (let y = ay; y < by; y++) for (let x = ax, i = y * w + x; x < bx; x++, i++) out[i] = 255 - out[i];
  return { raster: { ...r, data: out }, bars: rects.length };
}

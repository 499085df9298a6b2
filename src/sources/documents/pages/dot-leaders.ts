/**
 * Dot leaders: rows of evenly spaced dots between a label and its value (`White Blood Cell Count
 * ............ 5.1`, `PATIENT.......: DOE, JANE`), printed by line-printer LIS reports, forms and
 * price lists. Read as part of a line, tesseract takes the dots for letters (`..........ccccoevviiii
 * iniieniice nieces sven.`) and the row's small dots throw off its x-height, so the name beside them
 * comes out in mixed capitals (`HEMALOCTIE`, `EOSINOPNIIS`, `Platelet COoUNt`): a 300 dpi scan of a
 * dot-leader lab report (set-l seed 2606) found 34 of its 101 results.
 *
 * `findDotLeaders` finds them on the page image: dot-sized pieces of ink (no taller than a
 * period, about square) in a row on one baseline, at least MIN_DOTS of them, at an even pitch. A
 * dot with ink just above it is half a colon or semicolon and stays. A row with another row of
 * dots just above or below over the same stretch is a halftone or dither pattern, not a leader.
 * `eraseLeaders` makes the dots paper before OCR; `withLeaders` puts each leader back into the
 * reading as a word of as many dots as it had, on the row it stood on, so the text keeps it.
 * Pure.
 */
import type { OcrLine, OcrResult, OcrWord } from './ocr-pool.js';
import type { Raster } from './raster.js';

type Box = [number, number, number, number];

export interface DotLeader {
  /** The run's box, [x0, y0, x1, y1] in the raster's pixels. */
  box: Box;
  /** The boxes of its dots. */
  dots: Box[];
  /** Median distance between its dots' centres (pixels). */
  pitch: number;
}

/** A leader has at least this many dots. */
export const LEADER_MIN_DOTS = 6;
/** A dot is no larger than this across and down (inches; a 12-point period is ~0.025 in). */
const DOT_MAX_IN = 0.024;
/** Dots of one leader stand this far apart, centre to centre (inches). */
const PITCH_MIN_IN = 0.012;
const PITCH_MAX_IN = 0.09;
/** Each gap within this share of the run's median gap: leaders are typed, evenly spaced. */
const PITCH_SLACK = 0.4;

interface Piece {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  area: number;
}

/** Connected pieces of ink (8-connected) no larger than `maxSize` across and down; larger ones are skipped. */
function smallPieces(r: Raster, ink: number, maxSize: number): Piece[] {
  const { width: w, height: h, data } = r;
  const seen = new Uint8Array(w * h);
  const stack: number[] = [];
  const out: Piece[] = [];
  for (let start = 0; start < data.length; start++) {
    if (seen[start] || data[start] >= ink) continue;
    seen[start] = 1;
    stack.push(start);
    let x0 = start % w;
    let x1 = x0;
    let y0 = (start / w) | 0;
    let y1 = y0;
    let area = 0;
    let big = false;
    while (stack.length) {
      const i = stack.pop()!;
      area++;
      const x = i % w;
      const y = (i / w) | 0;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      if (x1 - x0 >= maxSize || y1 - y0 >= maxSize) big = true;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w) continue;
          const j = yy * w + xx;
          if (!seen[j] && data[j] < ink) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    if (!big) out.push({ x0, y0, x1: x1 + 1, y1: y1 + 1, area });
  }
  return out;
}

const cx = (p: Piece) => (p.x0 + p.x1) / 2;

/** Index of the first piece (sorted by centre x) whose centre is at or right of `x`. */
function firstAtOrAfter(sorted: Piece[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (cx(sorted[m]!) < x) lo = m + 1;
    else hi = m;
  }
  return lo;
}
const cy = (p: Piece) => (p.y0 + p.y1) / 2;

/** The leaders of a page (see the module's comment); `ink` is the grey level below which a pixel is ink. */
export function findDotLeaders(r: Raster, ink = 128): DotLeader[] {
  const dpi = r.xdpi ?? 200;
  const maxDot = Math.max(2, Math.round(DOT_MAX_IN * dpi));
  const pieces = smallPieces(r, ink, maxDot + 1);
  // Dot-like: small, about square, mostly filled.
  const dots = pieces.filter((p) => {
    const pw = p.x1 - p.x0;
    const ph = p.y1 - p.y0;
    // No wider than tall by much (a typed dash is; a period stretched to square fax pixels is taller).
    return pw <= maxDot && ph <= maxDot && pw <= 1.6 * ph && ph <= 2.5 * pw && p.area >= 0.4 * pw * ph;
  });
  // Half a colon or semicolon: another small piece straight above, within a dot's height or two.
  const byRow = [...dots].sort((a, b) => a.y0 - b.y0);
  const colonHalf = new Set<Piece>();
  for (let i = 0; i < byRow.length; i++) {
    const p = byRow[i]!;
    for (let j = i - 1; j >= 0 && p.y0 - byRow[j]!.y1 <= 3 * maxDot; j--) {
      const q = byRow[j]!;
      if (q.y1 <= p.y0 && Math.min(p.x1, q.x1) - Math.max(p.x0, q.x0) > 0) {
        colonHalf.add(p);
        colonHalf.add(q);
      }
    }
  }
  const cands = dots.filter((p) => !colonHalf.has(p)).sort((a, b) => cx(a) - cx(b));
  // Rows: chains of dots on one baseline, each next dot the nearest to the right within the pitch.
  const minPitch = PITCH_MIN_IN * dpi;
  const maxPitch = PITCH_MAX_IN * dpi;
  const tolY = Math.max(1.5, 0.012 * dpi);
  const used = new Set<Piece>();
  const runs: Array<{ run: Piece[]; pitch: number }> = [];
  for (const p of cands) {
    if (used.has(p)) continue;
    const run = [p];
    let last = p;
    for (;;) {
      let next: Piece | undefined;
      // Candidates are in x order: the first one a pitch to the right, on until too far.
      for (let k = firstAtOrAfter(cands, cx(last) + minPitch); k < cands.length && cx(cands[k]!) - cx(last) <= maxPitch; k++) {
        const q = cands[k]!;
        if (used.has(q) || Math.abs(cy(q) - cy(last)) > tolY) continue;
        if (!next || cx(q) < cx(next)) next = q;
      }
      if (!next) break;
      run.push(next);
      last = next;
    }
    if (run.length < LEADER_MIN_DOTS) continue;
    const gaps = run.slice(1).map((q, i) => cx(q) - cx(run[i]!)).sort((a, b) => a - b);
    const median = gaps[gaps.length >> 1]!;
    if (!gaps.every((g) => Math.abs(g - median) <= PITCH_SLACK * median)) continue;
    // Typed dots are one size; specks of noise that fell in a row are not.
    const areas = run.map((q) => q.area).sort((a, b) => a - b);
    const mid = areas[areas.length >> 1]!;
    if (!areas.every((a) => a >= 0.4 * mid && a <= 2.5 * mid)) continue;
    for (const q of run) used.add(q);
    runs.push({ run, pitch: median });
  }
  const leaders = runs.map(({ run, pitch }): DotLeader => ({
    box: [Math.min(...run.map((p) => p.x0)), Math.min(...run.map((p) => p.y0)), Math.max(...run.map((p) => p.x1)), Math.max(...run.map((p) => p.y1))],
    dots: run.map((p): Box => [p.x0, p.y0, p.x1, p.y1]),
    pitch,
  }));
  // A dither or halftone pattern: rows of dots stacked over the same stretch, a pitch or two apart
  // (leaders on lines of text stand a line apart: four or five of their pitches).
  const stacked = (a: DotLeader, b: DotLeader) => {
    const across = Math.min(a.box[2], b.box[2]) - Math.max(a.box[0], b.box[0]);
    const down = Math.abs((a.box[1] + a.box[3]) / 2 - (b.box[1] + b.box[3]) / 2);
    return a !== b && across > 0.3 * Math.min(a.box[2] - a.box[0], b.box[2] - b.box[0]) && down <= 2.5 * Math.max(a.pitch, b.pitch);
  };
  return leaders.filter((a) => !leaders.some((b) => stacked(a, b)));
}

/** A copy of the raster with the leaders' dots (and `grow` pixels around each, their grey edge) made paper. */
export function eraseLeaders(r: Raster, leaders: DotLeader[], grow = 1): Raster {
  if (!leaders.length) return r;
  const data = new Uint8Array(r.data);
  for (const l of leaders) {
    for (const [x0, y0, x1, y1] of l.dots) {
      for (let y = Math.max(0, y0 - grow); y < Math.min(r.height, y1 + grow); y++) data.fill(255, y * r.width + Math.max(0, x0 - grow), y * r.width + Math.min(r.width, x1 + grow));
    }
  }
  return { ...r, data };
}

const mean = (ws: OcrWord[]) => (ws.length ? ws.reduce((s, x) => s + x.confidence, 0) / ws.length : 0);

/** Two boxes on one row: they overlap down by half the smaller one's height. */
function sameRow(a: Box, b: Box): boolean {
  const h = Math.min(a[3] - a[1], b[3] - b[1]);
  return Math.min(a[3], b[3]) - Math.max(a[1], b[1]) >= 0.5 * Math.max(1, h);
}

/** A line's text from its words: one space within a cell, three where the gap is wider than the line is tall. */
function textOf(words: OcrWord[]): string {
  const height = Math.max(1, ...words.map((wd) => wd.box[3] - wd.box[1]));
  let text = '';
  let prevEnd = -Infinity;
  for (const wd of words) {
    text += text ? (wd.box[0] - prevEnd > 1.5 * height ? '   ' : ' ') : '';
    text += wd.text;
    prevEnd = wd.box[2];
  }
  return text;
}

/**
 * The reading with each leader put back as a word of its dots (`........`), in the line on its row
 * (a leader sits on the baseline, below the middle of its line's box: it joins the line whose box
 * holds its dots' row); one with no line beside it is a dotted rule and is left out. Words of the
 * reading lying over a leader (a dot read as a letter the erasing missed) give way to it.
 */
export function withLeaders(res: OcrResult, leaders: DotLeader[]): OcrResult {
  if (!leaders.length) return res;
  let lines = res.lines;
  for (const l of leaders) {
    const word: OcrWord = { text: '.'.repeat(l.dots.length), box: l.box, confidence: 90 };
    const rowOf = (line: OcrLine) => line.box[1] <= l.box[1] && line.box[3] >= l.box[3] - 1;
    const host = lines.find((line) => rowOf(line) && line.box[0] < l.box[2] + 0.5 * (l.box[2] - l.box[0]) && line.box[2] > l.box[0] - 0.5 * (l.box[2] - l.box[0]));
    // A row of dots with no text beside it is a dotted rule drawn across the page (a cover's
    // field lines, a separator), not a leader of printed text: it stays erased.
    if (!host) continue;
    const over = (wd: OcrWord) => Math.min(wd.box[2], l.box[2]) - Math.max(wd.box[0], l.box[0]) > 0.5 * (wd.box[2] - wd.box[0]) && sameRow(wd.box, host.box);
    const words = [...host.words.filter((wd) => !over(wd)), word].sort((a, b) => a.box[0] - b.box[0]);
    lines = lines.map((line) => (line === host ? { ...line, text: textOf(words), words, confidence: mean(words) } : line));
  }
  const words = lines.flatMap((line) => line.words);
  return { ...res, text: lines.map((line) => line.text).join('\n'), words, lines };
}

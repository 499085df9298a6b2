/**
 * Boxed grids: tables whose every cell is drawn with borders (a lab "results summary" with the
 * tests across, a form of ruled boxes). Read as one block (PSM 6), such a grid comes out as
 * garbage (`Ger maw | we I ams I wi I ms`): the rules crossing every row make tesseract find
 * lines made of rule pieces and cut the cells' text into fragments. The text above and below
 * reads well.
 *
 * `findLattices` finds ruled lattices — long horizontal and long vertical rules crossing at 3 or
 * more rows and 3 or more columns — on the page as it is read (after deskew; small residual
 * slant is tolerated: a rule may step one row or column along its run). `eraseRules` whitens the
 * rule pixels inside a region, keeping the text strokes that touch or cross them (a pixel goes
 * only when the ink through it, across the rule, is no thicker than a rule). `readGrids` reads
 * each lattice again from the cleaned page, cropped, and its lines replace the page reading's
 * lines there when tesseract is clearly surer of them (README, session 14: boxed grids).
 * Pages without a lattice cost one pass of run lengths (a few tens of ms), no reading.
 */
import type { OcrLine, OcrPool, OcrResult, OcrWord } from './ocr-pool.js';
import type { Raster } from './raster.js';
import { otsuThreshold, toPng } from './preprocess.js';

/** Ink below this grey level counts as dark (the fax path; grey pages pass their own level, gridInkLevel). */
const DEFAULT_DARK = 128;
/**
 * On grey pages (scans, photos) the denoising blur lightens a one-pixel rule to 130–180 while
 * text strokes stay dark, so at 128 a lattice's rules break up and the grid is never found (a
 * ruled flowsheet on a 200 dpi scan: no lattice, the page reading garbled every cell at
 * confidence 28). There ink is what Otsu's threshold of the page says — the split tesseract
 * itself binarizes at — within these bounds.
 */
export const GRID_GREY_INK_MIN = 128;
export const GRID_GREY_INK_MAX = 192;
/** A horizontal rule runs at least this far (inches); text strokes are far shorter. */
export const GRID_MIN_HRULE_IN = 0.4;
/** A vertical rule runs at least this far (inches): more than a row of 10–12 pt text. */
export const GRID_MIN_VRULE_IN = 0.3;
/** Rules thicker than this (inches; 6 px at 204 dpi) are bars or strokes, not cell borders. */
export const GRID_MAX_RULE_IN = 0.03;
/**
 * The grey fringe of a rule (anti-aliasing, deskew's resampling, the blur of a descreened page)
 * goes with it: pixels darker than FRINGE_GREY, growing lighter away from the rule, up to FRINGE
 * pixels beyond the dark run.
 */
const FRINGE = 4;
const FRINGE_GREY = 235;
/** A lattice needs this many distinct rows and columns of crossings. */
export const GRID_MIN_RULES = 3;
/** Mean word confidence the grid's new reading must gain over the page reading's lines there. */
export const GRID_MIN_GAIN = 10;
/** A word this confident counts as read (for the second way a grid's new reading is accepted). */
export const GRID_CONFIDENT_WORD = 70;

export type Box = [number, number, number, number];

export interface Lattice {
  /** [x0, y0, x1, y1] of the crossings, grown a little; in the raster's pixels. */
  box: Box;
  rows: number;
  cols: number;
}

interface Masks {
  h: Uint8Array;
  v: Uint8Array;
  /** The grey level below which the masks counted a pixel as ink. */
  dark: number;
}

const dpiOf = (r: Raster) => r.xdpi ?? 200;

/**
 * Pixels of long horizontal (`h`) and vertical (`v`) runs. A run is looked for in a band three
 * pixels wide (the row and its two neighbours, or the column and its two), so a rule slanted by a
 * few tenths of a degree, stepping one pixel along its length, still runs long; only the dark
 * pixels of the row (column) itself are marked.
 */
export function ruleMasks(r: Raster, ink: number = DEFAULT_DARK): Masks {
  const { width: w, height: hgt, data } = r;
  const dpi = dpiOf(r);
  const minH = Math.round(GRID_MIN_HRULE_IN * dpi);
  const minV = Math.round(GRID_MIN_VRULE_IN * dpi);
  const h = new Uint8Array(w * hgt);
  const v = new Uint8Array(w * hgt);
  for (let y = 1; y + 1 < hgt; y++) {
    let start = -1;
    for (let x = 0; x <= w; x++) {
      const i = y * w + x;
      const on = x < w && (data[i] < ink || data[i - w] < ink || data[i + w] < ink);
      if (on) {
        if (start < 0) start = x;
      } else if (start >= 0) {
        if (x - start >= minH) for (let k = y * w + start; k < y * w + x; k++) if (data[k] < ink) h[k] = 1;
        start = -1;
      }
    }
  }
  for (let x = 1; x + 1 < w; x++) {
    let start = -1;
    for (let y = 0; y <= hgt; y++) {
      const i = y * w + x;
      const on = y < hgt && (data[i] < ink || data[i - 1] < ink || data[i + 1] < ink);
      if (on) {
        if (start < 0) start = y;
      } else if (start >= 0) {
        if (y - start >= minV) for (let yy = start; yy < y; yy++) if (data[yy * w + x] < ink) v[yy * w + x] = 1;
        start = -1;
      }
    }
  }
  return { h, v, dark: ink };
}

/** The ink level of a grey page's grid rules: Otsu's threshold of the page, within GRID_GREY_INK_MIN..MAX. */
export function gridInkLevel(r: Raster): number {
  return Math.max(GRID_GREY_INK_MIN, Math.min(GRID_GREY_INK_MAX, otsuThreshold(r)));
}

/** Distinct positions among sorted values: a new group starts after a gap larger than `gap`. */
function groups(values: number[], gap: number): number {
  const s = [...values].sort((a, b) => a - b);
  let n = s.length ? 1 : 0;
  for (let i = 1; i < s.length; i++) if (s[i] - s[i - 1] > gap) n++;
  return n;
}

/**
 * Ruled lattices of a page: crossings of long horizontal and vertical rules (8-px cells holding
 * both), linked into one lattice when near each other (within 1.25 in across, 0.6 in down: cells
 * are wide and short), kept when they make at least 3 rows and 3 columns.
 */
export function findLattices(r: Raster, masks: Masks = ruleMasks(r), joinAlongRules = true): Lattice[] {
  const { width: w, height: hgt } = r;
  const dpi = dpiOf(r);
  const c = 8;
  const cw = Math.ceil(w / c);
  const ch = Math.ceil(hgt / c);
  const hc = new Uint8Array(cw * ch);
  const vc = new Uint8Array(cw * ch);
  for (let y = 0; y < hgt; y++) {
    const row = Math.floor(y / c) * cw;
    for (let x = 0, i = y * w; x < w; x++, i++) {
      if (masks.h[i]) hc[row + ((x / c) | 0)] = 1;
      if (masks.v[i]) vc[row + ((x / c) | 0)] = 1;
    }
  }
  // A crossing: a cell holding both, or a horizontal rule ending just short of a vertical one (a
  // header cell's underline drawn inside its cell's padding, stopping a few pixels from the
  // column rule): a T that does not quite touch still ties the rows to the columns.
  const reach = Math.max(1, Math.round((0.06 * dpi) / c));
  const nearV = (k: number) => {
    const x = k % cw;
    for (let d = -reach; d <= reach; d++) if (x + d >= 0 && x + d < cw && vc[k + d]) return true;
    return false;
  };
  const pts: Array<[number, number]> = [];
  for (let k = 0; k < hc.length; k++) if (hc[k] && nearV(k)) pts.push([(k % cw) * c + c / 2, Math.floor(k / cw) * c + c / 2]);
  if (pts.length < GRID_MIN_RULES * GRID_MIN_RULES || pts.length > 20_000) return [];
  const linkX = 1.25 * dpi;
  const linkY = 0.6 * dpi;
  // Single linkage by union-find; points are in row order, so the inner loop stops once too far down.
  const parent = pts.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < pts.length; i++) {
    for (let j = i + 1; j < pts.length && pts[j][1] - pts[i][1] <= linkY; j++) {
      if (Math.abs(pts[j][0] - pts[i][0]) <= linkX) parent[find(j)] = find(i);
    }
  }
  // Crossings farther apart are still one lattice when the rule they lie on runs between them: a
  // flowsheet of four tests across a page has columns 1.5–1.8 in wide. Next crossings along a
  // row of cells are joined when the horizontal rule's cells between them are all there.
  for (let i = 0; joinAlongRules && i + 1 < pts.length; i++) {
    const [xa, ya] = pts[i];
    const [xb, yb] = pts[i + 1];
    if (ya !== yb || xb - xa <= linkX) continue;
    const row = ((ya / c) | 0) * cw;
    let joined = true;
    for (let k = (xa / c) | 0; k <= ((xb / c) | 0) && joined; k++) joined = hc[row + k] === 1;
    if (joined) parent[find(i + 1)] = find(i);
  }
  // Likewise down a column: a panel of tall boxed cells (a lab report's patient / physician /
  // specimen box, its header row ruled off) has its last rule more than linkY below the others.
  // A crossing is joined to the next one below it in its column (within a cell across, for a
  // residual slant) when the vertical rule's cells between them are all there.
  for (let i = 0; joinAlongRules && i < pts.length; i++) {
    const [xa, ya] = pts[i];
    let j = i + 1;
    while (j < pts.length && (pts[j][1] - ya <= linkY || Math.abs(pts[j][0] - xa) > c)) j++;
    if (j >= pts.length) continue;
    const [xb, yb] = pts[j];
    let joined = true;
    for (let k = (ya / c) | 0; k <= ((yb / c) | 0) && joined; k++) {
      const col = (((xa + xb) / 2 / c) | 0);
      joined = vc[k * cw + col] === 1 || vc[k * cw + col - 1] === 1 || vc[k * cw + col + 1] === 1;
    }
    if (joined) parent[find(j)] = find(i);
  }
  const clusters = new Map<number, Array<[number, number]>>();
  pts.forEach((p, i) => {
    const k = find(i);
    const list = clusters.get(k);
    if (list) list.push(p);
    else clusters.set(k, [p]);
  });
  const pad = Math.round(0.06 * dpi);
  const out: Lattice[] = [];
  for (const list of clusters.values()) {
    // Crossings of one rule spread over a few cells (thickness, slant): groups split on gaps wider
    // than two cells.
    const rows = groups(list.map((p) => p[1]), 2 * c);
    const cols = groups(list.map((p) => p[0]), 2 * c);
    if (rows < GRID_MIN_RULES || cols < GRID_MIN_RULES) continue;
    const xs = list.map((p) => p[0]);
    const ys = list.map((p) => p[1]);
    out.push({
      box: [Math.max(0, Math.min(...xs) - pad), Math.max(0, Math.min(...ys) - pad), Math.min(w, Math.max(...xs) + pad), Math.min(hgt, Math.max(...ys) + pad)],
      rows,
      cols,
    });
  }
  return out.sort((a, b) => a.box[1] - b.box[1]);
}

/**
 * A copy of the raster with the rule pixels inside `boxes` made paper. A horizontal rule's pixel
 * goes when the ink through it, up and down, is no thicker than a rule (a letter's stem crossing
 * or touching the rule is taller and stays); likewise a vertical rule's pixel when the ink across
 * it is no wider. The grey fringe of an erased run (anti-aliasing, deskew's resampling) goes with it.
 */
export function eraseRules(r: Raster, boxes: Box[], masks: Masks = ruleMasks(r)): Raster {
  const { width: w, height: hgt, data } = r;
  const out = new Uint8Array(data);
  const gone = new Uint8Array(w * hgt);
  const maxT = Math.max(3, Math.round(GRID_MAX_RULE_IN * dpiOf(r)));
  const ink = masks.dark;
  const dark = (i: number) => data[i] < ink;
  // A fringe pixel is grey and no darker than the one before it, going away from the rule: where
  // it darkens again, a letter's stroke begins.
  const fades = (next: number, prev: number) => next < FRINGE_GREY && next >= prev;
  const clear = (i: number) => {
    out[i] = 255;
    gone[i] = 1;
  };
  for (const [x0, y0, x1, y1] of boxes) {
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const i = y * w + x;
        if (!masks.h[i] && !masks.v[i]) continue;
        // Where two rules cross, the ink runs long both ways: it is rule.
        if (masks.h[i] && masks.v[i]) {
          clear(i);
          continue;
        }
        if (masks.h[i]) {
          let a = y;
          while (a > 0 && dark((a - 1) * w + x)) a--;
          let b = y;
          while (b + 1 < hgt && dark((b + 1) * w + x)) b++;
          if (b - a + 1 <= maxT) {
            while (a > 0 && y - a < maxT + FRINGE && fades(data[(a - 1) * w + x], data[a * w + x])) a--;
            while (b + 1 < hgt && b - y < maxT + FRINGE && fades(data[(b + 1) * w + x], data[b * w + x])) b++;
            for (let yy = a; yy <= b; yy++) clear(yy * w + x);
          }
        } else {
          let a = x;
          while (a > 0 && dark(y * w + a - 1)) a--;
          let b = x;
          while (b + 1 < w && dark(y * w + b + 1)) b++;
          if (b - a + 1 <= maxT) {
            while (a > 0 && x - a < maxT + FRINGE && fades(data[y * w + a - 1], data[y * w + a])) a--;
            while (b + 1 < w && b - x < maxT + FRINGE && fades(data[y * w + b + 1], data[y * w + b])) b++;
            for (let xx = a; xx <= b; xx++) clear(y * w + xx);
          }
        }
      }
    }
  }
  // What is left of a rule where it crossed another or thickened (a few pixels beside erased
  // ones) goes too: a small dark component touching erased pixels. Text touching a rule is larger.
  const maxArea = 2 * maxT * maxT;
  const seen = new Uint8Array(w * hgt);
  for (const [x0, y0, x1, y1] of boxes) {
    for (let y = Math.max(1, y0); y < Math.min(hgt - 1, y1); y++) {
      for (let x = Math.max(1, x0); x < Math.min(w - 1, x1); x++) {
        const s = y * w + x;
        if (seen[s] || out[s] >= ink) continue;
        const comp: number[] = [s];
        seen[s] = 1;
        let touches = false;
        for (let k = 0; k < comp.length && comp.length <= maxArea; k++) {
          const i = comp[k];
          const cx = i % w;
          for (let dy = -1; dy <= 1; dy++) {
            for (let dx = -1; dx <= 1; dx++) {
              const nx = cx + dx;
              const j = i + dy * w + dx;
              if (nx < 0 || nx >= w || j < 0 || j >= w * hgt) continue;
              if (gone[j]) touches = true;
              if (!seen[j] && out[j] < ink) {
                seen[j] = 1;
                comp.push(j);
              }
            }
          }
        }
        if (touches && comp.length <= maxArea) for (const i of comp) out[i] = 255;
      }
    }
  }
  return { ...r, data: out };
}

/** Cuts a region out of a raster. */
export function crop(r: Raster, [x0, y0, x1, y1]: Box): Raster {
  const w = x1 - x0;
  const out = new Uint8Array(w * (y1 - y0));
  for (let y = y0; y < y1; y++) out.set(r.data.subarray(y * r.width + x0, y * r.width + x1), (y - y0) * w);
  return { data: out, width: w, height: y1 - y0, xdpi: r.xdpi, ydpi: r.ydpi };
}

const mean = (ws: OcrWord[]) => (ws.length ? ws.reduce((s, x) => s + x.confidence, 0) / ws.length : 0);

/** A line lies in the region when its vertical middle does and it overlaps the region across. */
function inRegion(l: OcrLine, [x0, y0, x1, y1]: Box): boolean {
  const mid = (l.box[1] + l.box[3]) / 2;
  return mid >= y0 && mid <= y1 && l.box[2] > x0 && l.box[0] < x1;
}

const midX = (wd: OcrWord) => (wd.box[0] + wd.box[2]) / 2;
/** A word lies inside the region across when its middle does (its line is in the region). */
const wordInside = (wd: OcrWord, [x0, , x1]: Box) => midX(wd) >= x0 && midX(wd) <= x1;
/** The box around boxes (words or lines). */
const boxAround = (boxes: Box[]): Box => [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];

/** The words of the page's lines in the region that lie inside it: what a new reading of the region stands against. */
function wordsInRegion(lines: OcrLine[], box: Box): OcrWord[] {
  return lines.filter((l) => inRegion(l, box)).flatMap((l) => l.words.filter((wd) => wordInside(wd, box)));
}

/**
 * A grid line's text laid out by its words' pixel positions on one character pitch for the whole
 * grid: tesseract spaces each line by its own estimate of a space (a bold row of values gets fewer
 * spaces per inch than its row of names), so the cells of a grid's rows would not line up by
 * their offsets in the text, which is how structuring places a cell under its test
 * (lab-grid.ts). Words closer than `join` pixels stay one space apart (`Ref Range`, `NEUT %`);
 * wider gaps start a new cell, at least two spaces on.
 */
export function layoutLine(words: OcrWord[], left: number, pitch: number, join: number): string {
  let text = '';
  let prevEnd = -Infinity;
  for (const wd of [...words].sort((a, b) => a.box[0] - b.box[0])) {
    if (text) {
      if (wd.box[0] - prevEnd < join) text += ' ';
      else text = text.padEnd(Math.max(text.length + 2, Math.round((wd.box[0] - left) / pitch)), ' ');
    } else text = ' '.repeat(Math.max(0, Math.round((wd.box[0] - left) / pitch)));
    text += wd.text;
    prevEnd = wd.box[2];
  }
  return text;
}

/** The grid's lines with their texts laid out on one pitch (see layoutLine), from the page's left edge. */
function layOut(lines: OcrLine[]): OcrLine[] {
  const words = lines.flatMap((l) => l.words).filter((wd) => wd.text.length >= 2);
  if (!words.length) return lines;
  const perChar = words.map((wd) => (wd.box[2] - wd.box[0]) / wd.text.length).sort((a, b) => a - b);
  // Half the median character width: a cell then starts within half a character of its place.
  const pitch = Math.max(2, perChar[perChar.length >> 1] / 2);
  const heights = lines.map((l) => l.box[3] - l.box[1]).sort((a, b) => a - b);
  const join = 0.6 * heights[heights.length >> 1];
  return lines.map((l) => ({ ...l, text: layoutLine(l.words, 0, pitch, join) }));
}

/** Two lines on one row: they overlap down by half the smaller one's height. */
function sameRow(a: OcrLine, b: OcrLine): boolean {
  const h = Math.min(a.box[3] - a.box[1], b.box[3] - b.box[1]);
  return h > 0 && Math.min(a.box[3], b.box[3]) - Math.max(a.box[1], b.box[1]) >= 0.5 * h;
}

/**
 * The page reading's lines with those in the region replaced by the grid's `fresh` lines, the
 * page's own order kept: the grid's lines go where the first replaced line stood (or, when the
 * region held none, before the first line below its top). A page line in the region keeps its
 * words outside the box: a part of a table (the lattice of its narrow value columns, its wide
 * name column's crossings too far apart to link) replaces only the values, and each row's name,
 * read on the page line that ran across both, stays. A grid line beside lines of the page on the
 * same row (those kept words, or a boxed table in a column of a form) joins them, in order across.
 * Pure; exported for its test.
 */
export function putInPlace(lines: OcrLine[], fresh: OcrLine[], box: Box): OcrLine[] {
  const first = lines.findIndex((l) => inRegion(l, box));
  const rest: OcrLine[] = [];
  const halves: Array<[OcrLine, OcrLine]> = [];
  let at = -1;
  for (const [i, l] of lines.entries()) {
    if (i === first) at = rest.length;
    if (!inRegion(l, box)) {
      rest.push(l);
      continue;
    }
    // Its words left of the box and those right of it stay, as two lines the grid's row joins.
    const leftOf = l.words.filter((wd) => midX(wd) < box[0]);
    const rightOf = l.words.filter((wd) => midX(wd) > box[2]);
    const left = leftOf.length ? lineOf(leftOf) : undefined;
    const right = rightOf.length ? lineOf(rightOf) : undefined;
    if (left) rest.push(left);
    if (right) rest.push(right);
    if (left && right) halves.push([left, right]);
  }
  if (at < 0) at = rest.findIndex((l) => (l.box[1] + l.box[3]) / 2 > box[1]);
  if (at < 0) at = rest.length;
  const before = new Set(rest.slice(0, at));
  const insert: OcrLine[] = [];
  // Beside the grid's line: a kept word may reach into the box — by a pixel or two, or, where the
  // box cuts through it (a part of a table cropped through a wide cell), by up to a line's height.
  const beside = (l: OcrLine, f: OcrLine) => {
    const reach = Math.max(2, f.box[3] - f.box[1]);
    return l.box[2] <= f.box[0] + reach || l.box[0] >= f.box[2] - reach;
  };
  for (const f0 of fresh) {
    const hosts = rest.filter((l) => sameRow(l, f0) && beside(l, f0));
    if (!hosts.length) {
      insert.push(f0);
      continue;
    }
    // The crop's reading of a kept word's cut-off end (`;` of `chest;`, `r` of `for`) is not a word of its own.
    const f = withoutFragments(f0, hosts.flatMap((l) => l.words));
    const row = [...hosts, ...(f.words.length ? [f] : [])].sort((a, b) => a.box[0] - b.box[0]);
    const words = row.flatMap((l) => l.words);
    const joined: OcrLine = {
      text: row.map((l) => l.text.trim()).join('   '),
      box: boxAround(row.map((l) => l.box)),
      confidence: mean(words),
      words,
    };
    if (before.has(hosts[0]!)) before.add(joined);
    rest[rest.indexOf(hosts[0]!)] = joined;
    for (const h of hosts.slice(1)) rest.splice(rest.indexOf(h), 1);
  }
  // A line's two halves that no grid line came between are one line again.
  for (const [left, right] of halves) {
    const i = rest.indexOf(left);
    const j = rest.indexOf(right);
    if (i < 0 || j < 0) continue;
    rest[i] = lineOf([...left.words, ...right.words]);
    if (before.has(left)) before.add(rest[i]!);
    rest.splice(j, 1);
  }
  // The grid's other lines go in among the lines from where the region began, by height on the
  // page: a caption row of the grid that only its kept words fill (a panel's name in the name
  // column) stays between the rows above and below it.
  const out = [...rest];
  let from = out.findIndex((l) => !before.has(l));
  if (from < 0) from = out.length;
  const midY = (l: OcrLine) => (l.box[1] + l.box[3]) / 2;
  for (const f of insert) {
    let j = from;
    while (j < out.length && midY(out[j]!) <= midY(f)) j++;
    out.splice(j, 0, f);
    from = j + 1;
  }
  return out;
}

/** `line` without its words lying mostly over one of `kept` (half their width or more); its text re-made only when one went. */
function withoutFragments(line: OcrLine, kept: OcrWord[]): OcrLine {
  const over = (wd: OcrWord, k: OcrWord) => Math.min(wd.box[2], k.box[2]) - Math.max(wd.box[0], k.box[0]);
  const words = line.words.filter((wd) => !kept.some((k) => over(wd, k) >= 0.5 * Math.max(1, wd.box[2] - wd.box[0])));
  if (words.length === line.words.length) return line;
  return words.length ? lineOf(words) : { ...line, words: [], text: '' };
}

/** A line made of some of a line's words: its text the words, a new cell after a gap wider than the line's height. */
function lineOf(words: OcrWord[]): OcrLine {
  const height = Math.max(1, ...words.map((wd) => wd.box[3] - wd.box[1]));
  let text = '';
  let prevEnd = -Infinity;
  for (const wd of words) {
    text += text ? (wd.box[0] - prevEnd > height ? '   ' : ' ') : '';
    text += wd.text;
    prevEnd = wd.box[2];
  }
  return { text, box: boxAround(words.map((wd) => wd.box)), confidence: mean(words), words };
}

/**
 * Whether a grid's new reading (`fresh`, its words) replaces the page reading's words in the
 * region (`old`): surer by GRID_MIN_GAIN; or within GRID_MIN_GAIN of it while reading at least
 * twice the confident words — where the page reading dropped most of the grid's rows (as noise on
 * a speckled page; or every row of a lab grid but its panel captions, which it read surely), the
 * few words left say little of the grid, and their mean confidence may even be the higher; or as
 * sure while reading more than GRID_MIN_RULES confident words more (a row under a rule the page
 * reading dropped). Pure.
 */
export function gridReadingWins(old: OcrWord[], fresh: OcrWord[]): boolean {
  const before = mean(old);
  const after = mean(fresh);
  const confident = (ws: OcrWord[]) => ws.filter((wd) => wd.confidence >= GRID_CONFIDENT_WORD).length;
  const more = confident(fresh) - confident(old);
  return after >= before + GRID_MIN_GAIN || (after >= before - GRID_MIN_GAIN && confident(fresh) >= 2 * confident(old) + GRID_MIN_RULES) || (after >= before && more > GRID_MIN_RULES);
}

export interface GridInfo {
  /** Lattices found on the page. */
  found: number;
  /** Lattices whose new reading replaced the page reading's lines. */
  replaced: number;
  /** Mean word confidence of each lattice region: page reading → new reading. */
  confidence: Array<[number, number]>;
}

/**
 * Reads each ruled lattice of the page image `image` (the image `res` was read from) again,
 * its rules erased and the region cropped (PSM 6), its lines laid out on one pitch (layOut), and
 * puts those lines in place of the page reading's lines in the region when their mean word
 * confidence is at least GRID_MIN_GAIN higher, or no lower with twice the confident words.
 * Returns the reading (word boxes in the page image's pixels), the image with the rules of the
 * replaced lattices erased (the number re-read crops from it), and what was done.
 * `findOn` (same size and geometry as `image`) is where rules are looked for: a photo's page
 * with the dark frame around the paper made white (ocr-page.ts). Left dark, the frame's every
 * cell is a "crossing" of long dark runs; a table within linkX / linkY of the paper's edge
 * joined that one-group mass and no lattice was found.
 */
export async function readGrids(image: Raster, res: OcrResult, pool: OcrPool, ink: number = DEFAULT_DARK, findOn: Raster = image): Promise<{ result: OcrResult; image: Raster; info: GridInfo }> {
  const masks = ruleMasks(findOn, ink);
  const lattices = findLattices(findOn, masks);
  const info: GridInfo = { found: lattices.length, replaced: 0, confidence: [] };
  if (!lattices.length) return { result: res, image, info };
  // Rules are erased a little beyond the crossings: a slanted rule strays out of the box by a few pixels.
  const reach = Math.round(0.1 * dpiOf(image));
  const grow = ([x0, y0, x1, y1]: Box): Box => [Math.max(0, x0 - reach), Math.max(0, y0 - reach), Math.min(image.width, x1 + reach), Math.min(image.height, y1 + reach)];
  const cleaned = eraseRules(image, lattices.map((l) => grow(l.box)), masks);
  let lines = res.lines;
  const kept: Box[] = [];
  const tryBox = async (box: Box): Promise<boolean> => {
    const [x0, y0] = box;
    const read = await pool.recognize(await toPng(crop(cleaned, box)));
    const shift = (b: Box): Box => [b[0] + x0, b[1] + y0, b[2] + x0, b[3] + y0];
    const fresh: OcrLine[] = layOut(
      read.lines.filter((l) => l.words.length).map((l) => ({ ...l, box: shift(l.box), words: l.words.map((wd) => ({ ...wd, box: shift(wd.box) })) })),
    );
    const old = wordsInRegion(lines, box);
    const freshWords = fresh.flatMap((l) => l.words);
    info.confidence.push([Math.round(mean(old)), Math.round(mean(freshWords))]);
    if (!fresh.length || !gridReadingWins(old, freshWords)) return false;
    lines = putInPlace(lines, fresh, box);
    kept.push(box);
    info.replaced++;
    return true;
  };
  // The lattices found by distance alone, before crossings were joined along their rules: where a
  // joined lattice (a table with the box around it, say) reads no surer as a whole, its parts may.
  let apart: Lattice[] | undefined;
  for (const { box } of lattices) {
    if (await tryBox(box)) continue;
    apart ??= findLattices(findOn, masks, false);
    for (const part of apart) if (inside(part.box, box) && !sameBox(part.box, box)) await tryBox(part.box);
  }
  if (!kept.length) return { result: res, image, info };
  const words = lines.flatMap((l) => l.words);
  const result: OcrResult = { text: lines.map((l) => l.text).join('\n'), confidence: mean(words), words, lines };
  const all = kept.length === lattices.length && kept.every((b, i) => sameBox(b, lattices[i]!.box));
  return { result, image: all ? cleaned : eraseRules(image, kept.map(grow), masks), info };
}

const sameBox = (a: Box, b: Box) => a.every((v, i) => v === b[i]);
const inside = (a: Box, b: Box) => a[0] >= b[0] && a[1] >= b[1] && a[2] <= b[2] && a[3] <= b[3];

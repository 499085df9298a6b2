/**
 * Print the page reading left out. Read as one block (PSM 6), tesseract sizes its text lines from
 * the block's common print, and a line of much larger print (a form's title, `FACSIMILE
 * TRANSMITTAL` in 20-point bold above 10-point fields) or of smaller print beside it (`Report
 * Status: Final` right of a lab's large name, the address under it) comes out dropped or as a
 * few rule glyphs. The same line cropped and read alone reads cleanly.
 *
 * `unreadRows` finds rows of letter-sized ink that no confident word of the reading covers (long
 * rules left out) — pure; `readUnreadInk` reads each such row again, cropped with the reading's
 * words and the rules whitened (PSM 7), and puts what it reads in place when tesseract is sure
 * of it and surer than of whatever the page reading put there.
 */
import type { OcrLine, OcrPool, OcrResult, OcrWord } from './ocr-pool.js';
import type { Raster } from './raster.js';
import { toPng } from './preprocess.js';
import { crop, gridReadingWins, putInPlace, ruleMasks, type Box } from './ruled-grid.js';

/** A word at least this sure, holding a letter or digit, counts as having read its ink. */
export const UNREAD_COVERED_CONFIDENCE = 60;
/** Mean word confidence a row's new reading needs to be taken at all. */
export const UNREAD_MIN_CONFIDENCE = 80;
/** Rows read again per page at most (a page of garbage would otherwise cost a reading per row). */
export const UNREAD_MAX_ROWS = 10;
/** A row needs this many letter-sized pieces of ink side by side (a logo or a stamp's edge is one or two). */
export const UNREAD_MIN_PIECES = 4;

/** A row this many times taller than its pieces' median height is read as a block of lines. */
export const MULTI_LINE_HEIGHT_RATIO = 1.8;
/** A word this unsure whose box holds more rule than other ink is a rule read as text (`—n—m`, `rr`). */
export const RULE_NOISE_MAX_CONFIDENCE = 30;

/** Letter-sized ink (inches): 5-point lower case to 40-point capitals; a piece no wider than a few touching letters. */
const MIN_PIECE_H_IN = 0.035;
const MAX_PIECE_H_IN = 0.6;
const MIN_PIECE_PIXELS = 10;

export interface InkRow {
  box: Box;
  /** Pieces of ink (connected components) in the row. */
  pieces: number;
  /** Median height of the pieces (pixels). */
  height: number;
}

export interface UnreadInfo {
  /** Rows of unread ink found. */
  rows: number;
  /** Rows whose new reading was put in. */
  added: number;
  /** Words dropped as rules read as text (isRuleNoise). */
  ruleNoise: number;
}

/** The lines without the given words (a line left with none goes). */
function withoutWords(lines: OcrLine[], drop: Set<OcrWord>): OcrLine[] {
  const out: OcrLine[] = [];
  for (const l of lines) {
    if (!l.words.some((wd) => drop.has(wd))) {
      out.push(l);
      continue;
    }
    const words = l.words.filter((wd) => !drop.has(wd));
    if (!words.length) continue;
    out.push({ ...l, words, text: words.map((wd) => wd.text).join(' '), box: [Math.min(...words.map((wd) => wd.box[0])), Math.min(...words.map((wd) => wd.box[1])), Math.max(...words.map((wd) => wd.box[2])), Math.max(...words.map((wd) => wd.box[3]))], confidence: mean(words) });
  }
  return out;
}

interface Piece {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  n: number;
}

const hasText = (wd: OcrWord) => /[\p{L}\p{N}]/u.test(wd.text);
const mean = (ws: OcrWord[]) => (ws.length ? ws.reduce((s, x) => s + x.confidence, 0) / ws.length : 0);

/**
 * The ink of `r` that counts as print: darker than `ink`, not on a long rule, not under a word of
 * `words` the reading was sure of (its box grown by `grow` pixels). 1 = unread ink.
 */
export function unreadMask(r: Raster, words: OcrWord[], ink = 128, grow = 2, rules = ruleMasks(r, ink)): Uint8Array {
  const { width: w, height: h, data } = r;
  const mask = new Uint8Array(w * h);
  for (let i = 0; i < mask.length; i++) mask[i] = data[i]! < ink && !rules.h[i] && !rules.v[i] ? 1 : 0;
  for (const wd of words) {
    if (wd.confidence < UNREAD_COVERED_CONFIDENCE || !hasText(wd)) continue;
    const x0 = Math.max(0, wd.box[0] - grow);
    const x1 = Math.min(w, wd.box[2] + grow);
    for (let y = Math.max(0, wd.box[1] - grow); y < Math.min(h, wd.box[3] + grow); y++) mask.fill(0, y * w + x0, y * w + x1);
  }
  return mask;
}

/**
 * Whether a word is a rule read as text: unsure (below RULE_NOISE_MAX_CONFIDENCE) and its box
 * holding more rule pixels (`rules`, 1 = on a long rule) than other ink (`mask`). Pure.
 */
export function isRuleNoise(wd: OcrWord, rules: Uint8Array, mask: Uint8Array, w: number): boolean {
  if (wd.confidence >= RULE_NOISE_MAX_CONFIDENCE) return false;
  let rule = 0;
  let other = 0;
  for (let y = wd.box[1]; y < wd.box[3]; y++) {
    for (let x = wd.box[0], i = y * w + x; x < wd.box[2]; x++, i++) {
      if (rules[i]) rule++;
      else if (mask[i]) other++;
    }
  }
  return rule > other;
}

/** Connected pieces (8-connected) of a 0/1 mask, by runs along each row joined to the runs they touch above. */
function pieces(mask: Uint8Array, w: number, h: number): Piece[] {
  const parent: number[] = [];
  const find = (a: number): number => {
    while (parent[a] !== a) a = parent[a] = parent[parent[a]!]!;
    return a;
  };
  const runs: Array<{ x0: number; x1: number; y: number; id: number }> = [];
  let prev: typeof runs = [];
  for (let y = 0; y < h; y++) {
    const cur: typeof runs = [];
    const row = y * w;
    for (let x = 0; x < w; x++) {
      if (!mask[row + x]) continue;
      const x0 = x;
      while (x < w && mask[row + x]) x++;
      const id = parent.length;
      parent.push(id);
      const run = { x0, x1: x - 1, y, id };
      for (const p of prev) if (p.x0 <= run.x1 + 1 && p.x1 >= run.x0 - 1) parent[find(p.id)] = find(id);
      cur.push(run);
      runs.push(run);
    }
    prev = cur;
  }
  const byRoot = new Map<number, Piece>();
  for (const r of runs) {
    const root = find(r.id);
    const p = byRoot.get(root);
    if (!p) byRoot.set(root, { x0: r.x0, y0: r.y, x1: r.x1 + 1, y1: r.y + 1, n: r.x1 - r.x0 + 1 });
    else {
      p.x0 = Math.min(p.x0, r.x0);
      p.x1 = Math.max(p.x1, r.x1 + 1);
      p.y0 = Math.min(p.y0, r.y);
      p.y1 = Math.max(p.y1, r.y + 1);
      p.n += r.x1 - r.x0 + 1;
    }
  }
  return [...byRoot.values()];
}

/**
 * Rows of unread print: letter-sized pieces of the mask (see unreadMask) side by side — their
 * heights alike, overlapping down by half the smaller, no farther apart across than the taller
 * one's height — at least UNREAD_MIN_PIECES of them, wider than tall. Pure.
 */
export function unreadRows(mask: Uint8Array, w: number, h: number, dpi: number): InkRow[] {
  const minH = MIN_PIECE_H_IN * dpi;
  const maxH = MAX_PIECE_H_IN * dpi;
  const letters = pieces(mask, w, h).filter((p) => {
    const ph = p.y1 - p.y0;
    const pw = p.x1 - p.x0;
    // A letter, or a few touching: not a speck, not a bar, not a block of solid ink (a logo's disc).
    return p.n >= MIN_PIECE_PIXELS && ph >= minH && ph <= maxH && pw <= 4 * ph && p.n <= 0.8 * ph * pw;
  });
  letters.sort((a, b) => a.x0 - b.x0);
  const rows: Array<{ members: Piece[]; box: Box }> = [];
  for (const p of letters) {
    const ph = p.y1 - p.y0;
    const host = rows.find((r) => {
      const last = r.members[r.members.length - 1]!;
      const lh = last.y1 - last.y0;
      const overlap = Math.min(last.y1, p.y1) - Math.max(last.y0, p.y0);
      return overlap >= 0.5 * Math.min(lh, ph) && Math.max(lh, ph) <= 2.5 * Math.min(lh, ph) && p.x0 - r.box[2] <= Math.max(lh, ph);
    });
    if (host) {
      host.members.push(p);
      host.box = [Math.min(host.box[0], p.x0), Math.min(host.box[1], p.y0), Math.max(host.box[2], p.x1), Math.max(host.box[3], p.y1)];
    } else rows.push({ members: [p], box: [p.x0, p.y0, p.x1, p.y1] });
  }
  return rows
    .filter((r) => r.members.length >= UNREAD_MIN_PIECES && r.box[2] - r.box[0] > 1.5 * (r.box[3] - r.box[1]))
    .map((r) => {
      const hs = r.members.map((m) => m.y1 - m.y0).sort((a, b) => a - b);
      return { box: r.box, pieces: r.members.length, height: hs[hs.length >> 1]! };
    });
}

/**
 * How a row is read: a row taller than its print holds more than one line (a name over its
 * address, caught in one row by a descender or a slant, on a scan: `a ea thea` read as one line)
 * and is read as a block (PSM 6), else as one line (PSM 7). Pure.
 */
export function rowPsm(row: InkRow): '6' | '7' {
  return row.box[3] - row.box[1] > MULTI_LINE_HEIGHT_RATIO * row.height ? '6' : '7';
}

const overlapDown = (a: Box, b: Box) => Math.min(a[3], b[3]) - Math.max(a[1], b[1]) >= 0.5 * Math.min(a[3] - a[1], b[3] - b[1]);
const overlapAcross = (a: Box, b: Box) => Math.min(a[2], b[2]) > Math.max(a[0], b[0]);

/**
 * Rows grown over the unsure words of the page reading they touch, and rows that then overlap
 * made one: a word's ink broken into two rows (a gap in a faint word) is read again whole, and a
 * new reading never stands for part of an old word. Pure.
 */
export function widenToWords(rows: InkRow[], unsure: OcrWord[]): InkRow[] {
  const grown = rows.map((r) => {
    let box = r.box;
    for (const wd of unsure) if (overlapDown(box, wd.box) && overlapAcross(box, wd.box)) box = [Math.min(box[0], wd.box[0]), Math.min(box[1], wd.box[1]), Math.max(box[2], wd.box[2]), Math.max(box[3], wd.box[3])];
    return { ...r, box };
  });
  const out: InkRow[] = [];
  for (const r of grown.sort((a, b) => a.box[0] - b.box[0])) {
    const host = out.find((o) => overlapDown(o.box, r.box) && overlapAcross(o.box, r.box));
    if (!host) out.push({ ...r });
    else {
      host.box = [Math.min(host.box[0], r.box[0]), Math.min(host.box[1], r.box[1]), Math.max(host.box[2], r.box[2]), Math.max(host.box[3], r.box[3])];
      host.pieces += r.pieces;
      host.height = Math.max(host.height, r.height);
    }
  }
  return out;
}

/** A new reading of a row replaces the page reading's words there only with this many times their letters and digits. */
export const RECOVERED_MIN_GROWTH = 1.5;

/**
 * Whether a new reading of a row brings text the page reading did not have (nothing or a scrap
 * before: `Oy` for `Report Status: Final Report`), rather than the same words spelt otherwise.
 * tesseract's confidence in a word read alone says little of which spelling is right
 * (`TRIGLYCERIDES` at 5 in the page, `TRICLYCERIDES` at 88 cropped; `Uric` then `ung`), so the
 * new reading must hold RECOVERED_MIN_GROWTH times the old one's letters and digits. Pure.
 */
export function recoversText(old: OcrWord[], fresh: OcrWord[]): boolean {
  const count = (ws: OcrWord[]) => ws.reduce((n, wd) => n + (wd.text.match(/[\p{L}\p{N}]/gu)?.length ?? 0), 0);
  return count(fresh) >= RECOVERED_MIN_GROWTH * count(old) + 1;
}

/**
 * Reads each row of unread print again (see the module comment) and puts the new words in place
 * (putInPlace) when their mean confidence is at least UNREAD_MIN_CONFIDENCE and, where the page
 * reading had words in the row, the new reading wins over them as a grid's does
 * (gridReadingWins). `image` is the image `res` was read from; word boxes stay in its pixels.
 */
export async function readUnreadInk(image: Raster, res: OcrResult, pool: OcrPool, ink = 128): Promise<{ result: OcrResult; info: UnreadInfo }> {
  const dpi = image.xdpi ?? 200;
  const masks = ruleMasks(image, ink);
  const mask = unreadMask(image, res.words, ink, 2, masks);
  const rules = masks.h.map((v, i) => v | masks.v[i]!);
  const noise = new Set(res.words.filter((wd) => isRuleNoise(wd, rules, mask, image.width)));
  const unsure = res.words.filter((wd) => !noise.has(wd) && (wd.confidence < UNREAD_COVERED_CONFIDENCE || !hasText(wd)));
  const rows = widenToWords(unreadRows(mask, image.width, image.height, dpi), unsure)
    .sort((a, b) => b.pieces - a.pieces)
    .slice(0, UNREAD_MAX_ROWS);
  const info: UnreadInfo = { rows: rows.length, added: 0, ruleNoise: noise.size };
  let lines = noise.size ? withoutWords(res.lines, noise) : res.lines;
  if (!rows.length && !noise.size) return { result: res, info };
  // Only the unread ink goes to tesseract: the row's neighbours, already read, would be read twice.
  const cleaned: Raster = { ...image, data: image.data.map((v, i) => (mask[i] ? v : 255)) };
  for (const row of rows) {
    const pad = Math.round(0.5 * row.height);
    const box: Box = [Math.max(0, row.box[0] - pad), Math.max(0, row.box[1] - pad), Math.min(image.width, row.box[2] + pad), Math.min(image.height, row.box[3] + pad)];
    const read = await pool.recognize(await toPng(crop(cleaned, box)), { psm: rowPsm(row) });
    const shift = (b: Box): Box => [b[0] + box[0], b[1] + box[1], b[2] + box[0], b[3] + box[1]];
    const fresh: OcrLine[] = read.lines
      .map((l) => ({ ...l, box: shift(l.box), words: l.words.filter(hasText).map((wd) => ({ ...wd, box: shift(wd.box) })) }))
      .filter((l) => l.words.length)
      .map((l) => ({ ...l, text: l.words.map((wd) => wd.text).join(' '), confidence: mean(l.words) }));
    const words = fresh.flatMap((l) => l.words);
    if (!words.length || mean(words) < UNREAD_MIN_CONFIDENCE) continue;
    const old = lines.flatMap((l) => l.words).filter((wd) => {
      const mx = (wd.box[0] + wd.box[2]) / 2;
      const my = (wd.box[1] + wd.box[3]) / 2;
      return mx >= row.box[0] && mx <= row.box[2] && my >= row.box[1] && my <= row.box[3];
    });
    if (old.length && !(gridReadingWins(old, words) && recoversText(old, words))) continue;
    lines = putInPlace(lines, fresh, row.box);
    info.added++;
  }
  if (!info.added && !noise.size) return { result: res, info };
  const words = lines.flatMap((l) => l.words);
  return { result: { text: lines.map((l) => l.text).join('\n'), confidence: mean(words), words, lines }, info };
}

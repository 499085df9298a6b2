/**
 * Locating a parsed row on the page image: the words of the page are grouped into lines by
 * their vertical position; the line holding most of the row's tokens is chosen, and the box is
 * the union of the boxes of the row's words on it.
 */
import type { ExtractedPage, PageWord, SourceLocation } from '../../../core/types.js';

type Box = [number, number, number, number];

function norm(t: string): string {
  return t.toLowerCase().replace(/[^a-z0-9.%/<>=-]/g, '');
}

/** Words grouped into visual lines, top to bottom. */
export function wordLines(words: PageWord[]): PageWord[][] {
  const ws = words.filter((w) => Array.isArray(w.box) && w.box.length === 4 && w.text.trim());
  if (!ws.length) return [];
  const heights = ws.map((w) => Math.max(1, w.box[3] - w.box[1])).sort((a, b) => a - b);
  const h = heights[Math.floor(heights.length / 2)]!;
  const sorted = [...ws].sort((a, b) => (a.box[1] + a.box[3]) / 2 - (b.box[1] + b.box[3]) / 2);
  const lines: Array<{ yc: number; words: PageWord[] }> = [];
  for (const w of sorted) {
    const yc = (w.box[1] + w.box[3]) / 2;
    const last = lines[lines.length - 1];
    if (last && Math.abs(yc - last.yc) <= h * 0.5) {
      last.words.push(w);
      last.yc = (last.yc * (last.words.length - 1) + yc) / last.words.length;
    } else lines.push({ yc, words: [w] });
  }
  return lines.map((l) => l.words.sort((a, b) => a.box[0] - b.box[0]));
}

const cache = new WeakMap<ExtractedPage, PageWord[][]>();

/** Location of a row: page always, box when the page has words and the row's tokens are found. */
export function locate(page: ExtractedPage | undefined, pageNo: number, tokens: string[], lineIndex?: number, lineCount?: number): SourceLocation {
  const loc: SourceLocation = { page: pageNo };
  if (!page?.words?.length) return loc;
  let lines = cache.get(page);
  if (!lines) {
    lines = wordLines(page.words);
    cache.set(page, lines);
  }
  const want = new Set(tokens.map(norm).filter((t) => t.length > 0));
  if (!want.size) return loc;
  let best: { score: number; words: PageWord[]; dist: number } | null = null;
  lines.forEach((ln, i) => {
    const hits = ln.filter((w) => want.has(norm(w.text)));
    if (!hits.length) return;
    const expected = lineIndex !== undefined && lineCount ? (lineIndex / lineCount) * lines!.length : i;
    const dist = Math.abs(i - expected);
    const score = hits.length;
    if (!best || score > best.score || (score === best.score && dist < best.dist)) best = { score, words: hits, dist };
  });
  const b = best as { score: number; words: PageWord[]; dist: number } | null;
  if (!b || b.score < Math.min(2, want.size)) return loc;
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const w of b.words) {
    box[0] = Math.min(box[0], w.box[0]);
    box[1] = Math.min(box[1], w.box[1]);
    box[2] = Math.max(box[2], w.box[2]);
    box[3] = Math.max(box[3], w.box[3]);
  }
  return { page: pageNo, box };
}

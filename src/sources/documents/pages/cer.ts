/**
 * Character error rate against ground truth, and the per-degradation CER of a faxgen corpus
 * (the `eval fax` suite reuses `measureCer`).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Collapses every run of whitespace to one space and trims. */
export function normalizeWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Levenshtein distance over UTF-16 code units, O(n·m) time, O(m) memory. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      const sub = prev[j - 1] + cost;
      cur[j] = del < ins ? (del < sub ? del : sub) : ins < sub ? ins : sub;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/**
 * Edit distance between whitespace-normalised texts divided by the reference length
 * (the definition faxgen's ocr_check.mjs uses). 0 = perfect; can exceed 1 for garbage.
 */
export function characterErrorRate(ref: string, hyp: string): number {
  const r = normalizeWhitespace(ref);
  const h = normalizeWhitespace(hyp);
  if (!r.length) return h.length ? 1 : 0;
  return levenshtein(r, h) / r.length;
}

/** Degradation names reported by measureCer; a fax is split by its resolution. */
export type DegradationName = 'clean' | 'fax_fine' | 'fax_standard' | 'scan' | 'photo';

/** Names a transmission's degradation from its ground truth (`degradation.kind` + `resolution`). */
export function degradationName(gt: { degradation?: { kind?: string; resolution?: string } }): DegradationName | string {
  const kind = gt.degradation?.kind ?? 'unknown';
  if (kind === 'fax') return gt.degradation?.resolution === 'standard' ? 'fax_standard' : 'fax_fine';
  return kind;
}

export interface CerOptions {
  /** Reads one transmission's page texts; default: readPages with a pool made for the run. */
  readTransmission?: (files: Array<{ path: string; format: string; page?: number }>, dir: string) => Promise<string[]>;
  /** Only the first N transmissions. */
  limit?: number;
  /** Only these degradation names. */
  only?: string[];
  /** Only these transmissions (ids such as `tx-0010`): a quick loop over a few pages. */
  ids?: string[];
  /** Progress lines. */
  log?: (line: string) => void;
}

export interface CerResult {
  /** Character-weighted CER per degradation (sum of edits / sum of reference characters). */
  cer: Record<string, number>;
  /** Pages scored per degradation. */
  pages: Record<string, number>;
  /** Per page detail. */
  detail: Array<{ id: string; page: number; degradation: string; cer: number }>;
}

/**
 * CER per degradation over a folder of faxgen transmissions (tx-*.json beside their files).
 * OCR is injected (`readTransmission`) so this stays independent of the pool's lifetime.
 */
export async function measureCerDetail(corpusDir: string, opts: CerOptions = {}): Promise<CerResult> {
  if (!opts.readTransmission) {
    const { OcrPool } = await import('./ocr-pool.js');
    const pool = new OcrPool();
    try {
      return await measureCerDetail(corpusDir, { ...opts, readTransmission: (files, dir) => readTexts(files, dir, pool) });
    } finally {
      await pool.terminate();
    }
  }
  const read = opts.readTransmission;
  const names = (await readdir(corpusDir)).filter((n) => /^tx-.*\.json$/.test(n) && (!opts.ids || opts.ids.includes(n.slice(0, -5)))).sort();
  const edits: Record<string, number> = {};
  const chars: Record<string, number> = {};
  const pages: Record<string, number> = {};
  const detail: CerResult['detail'] = [];
  let done = 0;
  for (const name of names) {
    if (opts.limit !== undefined && done >= opts.limit) break;
    const gt = JSON.parse(await readFile(join(corpusDir, name), 'utf8'));
    const deg = degradationName(gt);
    if (opts.only && !opts.only.includes(deg)) continue;
    done++;
    const texts = await read(gt.files, corpusDir);
    for (const p of gt.pages as Array<{ page: number; text: string }>) {
      const ref = normalizeWhitespace(p.text);
      const hyp = normalizeWhitespace(texts[p.page - 1] ?? '');
      const e = levenshtein(ref, hyp);
      edits[deg] = (edits[deg] ?? 0) + e;
      chars[deg] = (chars[deg] ?? 0) + ref.length;
      pages[deg] = (pages[deg] ?? 0) + 1;
      const c = ref.length ? e / ref.length : hyp.length ? 1 : 0;
      detail.push({ id: gt.id, page: p.page, degradation: deg, cer: c });
      opts.log?.(`${gt.id} p${p.page} ${deg} CER ${(c * 100).toFixed(2)}%`);
    }
  }
  const cer: Record<string, number> = {};
  for (const k of Object.keys(edits)) cer[k] = chars[k] ? edits[k] / chars[k] : 0;
  return { cer, pages, detail };
}

/**
 * CER per degradation name ({ clean, fax_fine, fax_standard, scan, photo } as ratios) over a
 * faxgen corpus folder; OCR through a pool created and terminated for the run.
 */
export async function measureCer(corpusDir: string, opts: CerOptions = {}): Promise<Record<string, number>> {
  return (await measureCerDetail(corpusDir, opts)).cer;
}

/** Page texts of one transmission (its files in ground-truth order) through readPages. */
export async function readTexts(files: Array<{ path: string; format: string; page?: number }>, dir: string, pool: import('./ocr-pool.js').OcrPool): Promise<string[]> {
  const { readPages } = await import('./read.js');
  const texts: string[] = [];
  for (const f of files) {
    const bytes = await readFile(join(dir, f.path));
    const fmt = f.format === 'jpg' ? 'jpeg' : (f.format as 'pdf' | 'tiff' | 'jpeg' | 'png');
    for await (const r of readPages(bytes, fmt, { ocr: pool })) if (r.page) texts.push(r.page.text);
  }
  return texts;
}

// npx tsx src/sources/documents/pages/cer.ts <corpusDir> [--only fax_fine,fax_standard] [--limit N] [--ids tx-0010,tx-0030]
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--')) ?? '../shared/corpus/fax/generated';
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;
  const limit = args.includes('--limit') ? Number(args[args.indexOf('--limit') + 1]) : undefined;
  const ids = args.includes('--ids') ? args[args.indexOf('--ids') + 1].split(',') : undefined;
  const t0 = Date.now();
  const c0 = process.cpuUsage();
  const r = await measureCerDetail(dir, { only, limit, ids, log: (l) => console.error(l) });
  const cpu = process.cpuUsage(c0);
  // CPU time beside wall time: the machine is shared, wall time alone says little.
  console.log(JSON.stringify({ cer: r.cer, pages: r.pages, seconds: Math.round((Date.now() - t0) / 1000), cpuSeconds: Math.round((cpu.user + cpu.system) / 1e6) }));
}

/**
 * OCR throughput: pages/minute through the OcrPool (tesseract.js, one worker per core)
 * beside Debian's `tesseract` CLI (OMP_THREAD_LIMIT=1, one process per core) on the same
 * page images. The CLI is a yardstick only, never a product dependency. It runs twice: with
 * Debian's own English data (tessdata_fast, a smaller network than the pool's) and with the
 * pool's model (best_int from @tesseract.js-data/eng), so the figures separate what the model
 * costs from what WebAssembly costs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PSM } from 'tesseract.js';
import { ENG_LANG_PATH, OcrPool } from './ocr-pool.js';
import { readPages, type PageFormat } from './read.js';
import { squarePixels, toPng } from './preprocess.js';
import { decodeTiffPage, tiffDirectories } from './raster.js';

export interface BenchResult {
  pages: number;
  workers: number;
  pool: { seconds: number; startupSeconds: number; pagesPerMinute: number };
  /** The CLI with its own (Debian's) English data. */
  cli?: { seconds: number; pagesPerMinute: number; version: string };
  /** The CLI with the pool's model, the like-for-like comparison. */
  cliSameModel?: { seconds: number; pagesPerMinute: number };
  cliError?: string;
  /** Peak resident set size of this process during the run (MB). */
  peakRssMb: number;
}

function cliVersion(): string | undefined {
  const r = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  return (r.stdout || r.stderr).split('\n')[0];
}

function runCli(img: string, tessdataDir?: string): Promise<void> {
  const model = tessdataDir ? ['--tessdata-dir', tessdataDir] : [];
  return new Promise((resolve, reject) => {
    const p = spawn('tesseract', [img, 'stdout', '--psm', PSM.SINGLE_BLOCK, ...model], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: ['ignore', 'ignore', 'ignore'] });
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`tesseract exited ${code}`))));
  });
}

/**
 * Benchmarks OCR of the given page images (PNG/JPEG/TIFF files, one page each). Pool
 * start-up (loading the language model) is timed apart; both runs use `workers` in parallel.
 */
export async function benchOcr(pages: string[], opts: { workers?: number; cli?: boolean } = {}): Promise<BenchResult> {
  const workers = opts.workers ?? availableParallelism();
  let peak = process.memoryUsage().rss;
  const probe = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  try {
    const images = await Promise.all(pages.map((p) => readFile(p)));
    const pool = new OcrPool({ size: workers });
    let t0 = Date.now();
    // Warm-up: one tiny job per worker so every worker has loaded its model.
    const tiny = await toPng({ data: new Uint8Array(64 * 32).fill(255), width: 64, height: 32, xdpi: 300, ydpi: 300 });
    await Promise.all(Array.from({ length: workers }, () => pool.recognize(tiny)));
    const startupSeconds = (Date.now() - t0) / 1000;
    t0 = Date.now();
    await Promise.all(images.map((img) => pool.recognize(img)));
    const poolSeconds = (Date.now() - t0) / 1000;
    await pool.terminate();
    const result: BenchResult = {
      pages: pages.length,
      workers,
      pool: { seconds: poolSeconds, startupSeconds, pagesPerMinute: (pages.length * 60) / poolSeconds },
      peakRssMb: 0,
    };
    const version = opts.cli === false ? undefined : cliVersion();
    if (version) {
      const timeCli = async (tessdataDir?: string) => {
        const t = Date.now();
        const queue = [...pages];
        await Promise.all(Array.from({ length: workers }, async () => {
          for (let p = queue.shift(); p; p = queue.shift()) await runCli(p, tessdataDir);
        }));
        const s = (Date.now() - t) / 1000;
        return { seconds: s, pagesPerMinute: (pages.length * 60) / s };
      };
      result.cli = { ...(await timeCli()), version };
      const tessdata = await mkdtemp(join(tmpdir(), 'vessel-ocr-model-'));
      try {
        await writeFile(join(tessdata, 'eng.traineddata'), gunzipSync(await readFile(join(ENG_LANG_PATH, 'eng.traineddata.gz'))));
        result.cliSameModel = await timeCli(tessdata);
      } finally {
        await rm(tessdata, { recursive: true, force: true });
      }
    } else if (opts.cli !== false) result.cliError = 'tesseract CLI not found (apt-get install tesseract-ocr)';
    result.peakRssMb = Math.round(peak / 1e6);
    return result;
  } finally {
    clearInterval(probe);
  }
}

/**
 * Writes `count` page images of a faxgen corpus (square pixels, as the OCR step sees them)
 * to a temporary folder and returns their paths; `cleanup()` removes the folder.
 */
export async function corpusPageImages(corpusDir: string, count: number): Promise<{ paths: string[]; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'vessel-ocr-bench-'));
  const paths: string[] = [];
  const names = (await readdir(corpusDir)).filter((n) => /^tx-.*\.json$/.test(n)).sort();
  for (const name of names) {
    if (paths.length >= count) break;
    const gt = JSON.parse(await readFile(join(corpusDir, name), 'utf8'));
    if (gt.degradation?.kind !== 'fax') continue;
    for (const f of gt.files as Array<{ path: string; format: string }>) {
      const bytes = await readFile(join(corpusDir, f.path));
      if (f.format === 'tiff') {
        const d = tiffDirectories(bytes);
        for (const pg of d.pages) {
          if (paths.length >= count) break;
          const png = await toPng(await squarePixels(decodeTiffPage(bytes, d.ifds, pg)));
          const out = join(dir, `${gt.id}-p${pg.index + 1}.png`);
          await writeFile(out, png);
          paths.push(out);
        }
      }
    }
  }
  return { paths, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Peak memory while reading a long document page by page (pages are read and dropped; no
 * OCR, so this measures decoding and the streaming bound, not tesseract's own memory).
 */
export async function benchStreamingMemory(bytes: Uint8Array, format: PageFormat): Promise<{ pages: number; peakRssMb: number; seconds: number }> {
  let peak = process.memoryUsage().rss;
  const probe = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const t0 = Date.now();
  let pages = 0;
  try {
    for await (const r of readPages(bytes, format, { maxPages: 5000 })) if (r.page) pages++;
  } finally {
    clearInterval(probe);
  }
  return { pages, peakRssMb: Math.round(peak / 1e6), seconds: (Date.now() - t0) / 1000 };
}

/**
 * Writes a long image-only fax: a multi-page CCITT G4 TIFF of `pages` pages, cycling through
 * the pages of the corpus's fax TIFFs (fine and standard resolution, as received). Returns
 * the file's path; `cleanup()` removes its folder.
 */
export async function writeLongFax(corpusDir: string, pages: number): Promise<{ path: string; sourcePages: number; bytes: number; cleanup: () => Promise<void> }> {
  const { g4Tiff } = await import('./test-fixtures.js');
  const dir = await mkdtemp(join(tmpdir(), 'vessel-fax-long-'));
  const specs: Array<{ png: Buffer; xdpi: number; ydpi: number }> = [];
  const names = (await readdir(corpusDir)).filter((n) => /^tx-.*\.json$/.test(n)).sort();
  for (const name of names) {
    const gt = JSON.parse(await readFile(join(corpusDir, name), 'utf8'));
    if (gt.degradation?.kind !== 'fax') continue;
    for (const f of gt.files as Array<{ path: string; format: string }>) {
      if (f.format !== 'tiff') continue;
      const bytes = await readFile(join(corpusDir, f.path));
      const d = tiffDirectories(bytes);
      for (const pg of d.pages) {
        const r = decodeTiffPage(bytes, d.ifds, pg);
        // g4Tiff squashes a square-pixel page back to the stored resolution.
        specs.push({ png: await toPng(await squarePixels(r)), xdpi: r.xdpi ?? 204, ydpi: r.ydpi ?? 196 });
      }
    }
  }
  if (!specs.length) throw new Error(`no fax TIFF pages under ${corpusDir}`);
  const tiff = await g4Tiff(Array.from({ length: pages }, (_, i) => specs[i % specs.length]!));
  const path = join(dir, `fax-${pages}.tif`);
  await writeFile(path, tiff);
  return { path, sourcePages: specs.length, bytes: tiff.length, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export interface LongFaxResult {
  pages: number;
  seconds: number;
  /** CPU time of this process (main thread and OCR worker threads). */
  cpuSeconds: number;
  pagesPerMinute: number;
  /** RSS before reading, at its peak, and sampled every `sampleSeconds` (flat = bounded). */
  startRssMb: number;
  peakRssMb: number;
  rssSamplesMb: number[];
  sampleSeconds: number;
  /** Peak of the main thread's V8 heap + buffers (heapTotal + external): what the extraction holds. */
  peakMainHeapMb: number;
  /** RSS just before and after the OCR workers are stopped at the end: their share (wasm heaps). */
  rssBeforePoolCloseMb: number;
  rssAfterPoolCloseMb: number;
  /** OCR workers replaced after their share of recognitions (maxJobsPerWorker) or stopped when idle. */
  workersRecycled: number;
  /** Times the idle pool stopped its workers (a page took the main thread longer than the idle timeout). */
  workersIdleStops: number;
  documents: number;
  labResults: number;
  /** Bytes of the split parts' searchable PDFs (handed on one at a time, as the store writes them). */
  partPdfMb: number;
}

/**
 * Reads one long fax through the documents adapter's stream (streamed page reading, OCR pool,
 * structuring, split parts with their searchable PDFs) the way the store consumes it: page
 * batches and part files are dropped once handed on (the store writes them), and records this
 * process's memory. Run it in a fresh process so building the fixture does not set the peak.
 */
export async function benchLongFax(path: string, sampleSeconds = 30): Promise<LongFaxResult> {
  const { documentsAdapter, sharedOcrPool, closeSharedOcrPool } = await import('../index.js');
  const bytes = await readFile(path);
  const mb = (n: number) => Math.round(n / 1048576);
  const startRss = process.memoryUsage().rss;
  let peak = startRss;
  let peakMain = 0;
  const samples: number[] = [];
  const probe = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    peakMain = Math.max(peakMain, m.heapTotal + m.external);
  }, 100);
  const sampler = setInterval(() => samples.push(mb(process.memoryUsage().rss)), sampleSeconds * 1000);
  const cpu0 = process.cpuUsage();
  const t0 = Date.now();
  const pool = sharedOcrPool();
  try {
    let pages = 0;
    let documents = 0;
    let labResults = 0;
    let pdfBytes = 0;
    const input = { filename: 'long-fax.tif', format: 'tiff' as const, size: bytes.length, bytes: async () => bytes, stream: () => { throw new Error('not used'); } };
    const out = documentsAdapter.extract(input);
    const labs = (x: { resources: Array<{ resource: { resourceType: string } }> } | undefined) => (x?.resources ?? []).filter((r) => r.resource.resourceType === 'Observation').length;
    for await (const x of Symbol.asyncIterator in out ? out : [await out]) {
      pages += x.pages?.length ?? 0;
      labResults += labs(x);
      for (const c of x.children ?? []) {
        documents++;
        pdfBytes += c.bytes.byteLength;
        labResults += labs(c.read);
      }
    }
    const seconds = (Date.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const recycled = pool.recycled;
    const beforeClose = process.memoryUsage().rss;
    await closeSharedOcrPool();
    await new Promise((r) => setTimeout(r, 1000));
    return {
      pages,
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      pagesPerMinute: (pages * 60) / seconds,
      startRssMb: mb(startRss),
      peakRssMb: mb(peak),
      rssSamplesMb: samples,
      sampleSeconds,
      peakMainHeapMb: mb(peakMain),
      rssBeforePoolCloseMb: mb(beforeClose),
      rssAfterPoolCloseMb: mb(process.memoryUsage().rss),
      workersRecycled: recycled,
      workersIdleStops: pool.idleStops,
      documents: Math.max(1, documents),
      labResults,
      partPdfMb: +(pdfBytes / 1048576).toFixed(1),
    };
  } finally {
    clearInterval(probe);
    clearInterval(sampler);
    await closeSharedOcrPool();
  }
}

// npx tsx src/sources/documents/pages/bench.ts long-fax <file.tif> → one JSON line (LongFaxResult)
// npx tsx src/sources/documents/pages/bench.ts [corpusDir] [pages]
if (process.argv[1] && import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1]).href && process.argv[2] === 'long-fax') {
  console.log(JSON.stringify(await benchLongFax(process.argv[3]!, Number(process.argv[4] ?? 30))));
} else if (process.argv[1] && import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? '../shared/corpus/fax/generated';
  const n = Number(process.argv[3] ?? 6);
  const { paths, cleanup } = await corpusPageImages(dir, n);
  try {
    console.log(JSON.stringify(await benchOcr(paths)));
  } finally {
    await cleanup();
  }
}

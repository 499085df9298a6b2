/**
 * `npm run bench`: measures, never asserts. Prints a table (and with --json one JSON line per
 * section). Each section needs only what it names; one that cannot run here says why.
 *
 *   npm run bench                 all sections
 *   npm run bench -- ingest-fhir  one section (name filter) [--ingest-rounds=N, default 2: first and warm figures]
 *   npm run bench -- --json
 *   npm run bench -- ndjson-large --ndjson-mb=2048 [--ndjson-dir=/tmp/x --keep]
 *   npm run bench -- load [--quick] [--load-people=1000 --load-users=50 --load-seconds=30
 *                          --load-uploaders=2 --load-workers=2 --load-rate=<mean req/s per user, default 0: no think time>
 *                          --load-upload-rate=<uploads/s, default 0: back to back> --load-cpu-prof=<dir>]
 *   npm run bench -- load --load-rate=1 --load-upload-rate=5   users with think time, steady imports
 *   npm run bench -- views-postgres [--no-vacuum] [--views-only=home,timeline]
 *   npm run bench -- fax-200 [--fax-pages=200]   long fax through OCR: peak RSS, pages/min
 *   npm run bench -- views-browser [--browser-runs=5]
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { DATABASE_URL, openTestVessel, postgresSkipReason } from '../test/helpers/vessels.js';

const CORPUS = path.resolve(process.env.VESSEL_CORPUS ?? '../shared/corpus');
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const filters = args.filter((a) => !a.startsWith('--'));
/** `--name=value` options of single sections. */
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

type Figures = Record<string, string | number>;
interface Section {
  name: string;
  run(): Promise<Figures | string>;
}

function filesUnder(dir: string, re: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p, re));
    else if (re.test(e.name)) out.push(p);
  }
  return out.sort();
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

type ThreadTimes = Map<string, { user: number; sys: number }>;

/** Linux: CPU seconds per thread of this process (/proc/self/task); undefined elsewhere. */
function threadTimes(): ThreadTimes | undefined {
  try {
    const tick = 100; // USER_HZ
    return new Map(
      fs.readdirSync('/proc/self/task').map((t) => {
        const stat = fs.readFileSync(`/proc/self/task/${t}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return [t, { user: Number(f[11]) / tick, sys: Number(f[12]) / tick }];
      }),
    );
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds since `before`, split into the main thread, V8's helper threads (garbage
 * collection and compilation: mostly user time) and libuv's pool (file-system calls: mostly
 * kernel time). It says where the CPU goes that a JavaScript profile shows as idle: on a fresh
 * ext4 directory creating a file can cost ~0.8 ms of kernel time (src/sources/fhir/README.md).
 */
function threadSplit(before: ThreadTimes | undefined): { main: number; v8: number; pool: number } | undefined {
  const now = threadTimes();
  if (!before || !now) return undefined;
  const split = { main: 0, v8: 0, pool: 0 };
  for (const [t, c] of now) {
    const b = before.get(t) ?? { user: 0, sys: 0 };
    const user = c.user - b.user;
    const sys = c.sys - b.sys;
    if (t === String(process.pid)) split.main += user + sys;
    else if (user >= sys) split.v8 += user + sys;
    else split.pool += user + sys;
  }
  return split;
}

/** Imports the FHIR corpus through the whole pipeline (vault, jobs, adapter, store). */
async function ingestFhir(dialect: 'sqlite' | 'postgres'): Promise<Figures | string> {
  if (dialect === 'postgres') {
    const skip = await postgresSkipReason();
    if (skip) return skip;
  }
  const sets = [path.join(CORPUS, 'fhir/smart-generated-sample-data-r4-synthea'), path.join(CORPUS, 'fhir/smart-bulk-fhir-10-patients')];
  if (!sets.every((s) => fs.existsSync(s))) return `corpus not present at ${CORPUS}`;
  // Warm-up on a throwaway store: module loading and JIT are not ingest throughput.
  const warmUp = await openTestVessel(dialect);
  await warmUp.vessel.importer.importPaths([sets[0]]);
  await warmUp.vessel.runJobsUntilIdle({ pollMs: 5 });
  await warmUp.cleanup();
  const rounds = Math.max(1, Number(option('ingest-rounds') ?? 2) || 2);
  const first = await timedFhirImport(dialect, sets);
  let last = first;
  for (let r = 1; r < rounds; r++) last = await timedFhirImport(dialect, sets);
  const cpu = process.cpuUsage();
  // Later rounds run on code V8 has already optimized: the first round's V8 helper time is mostly
  // its optimizing compiler warming up (~100 µs/resource, a per-process cost), not throughput.
  const warm = rounds > 1 ? Object.fromEntries(['resources/s', 'import cpu µs/resource', 'main thread µs/resource', 'V8 helper threads µs/resource'].filter((k) => k in last).map((k) => [`warm ${k}`, last[k]!])) : {};
  return { ...first, ...warm, rounds, 'process cpu s': +((cpu.user + cpu.system) / 1e6).toFixed(1) };
}

/** One timed import of the FHIR sets into a fresh encrypted store: throughput, CPU by thread, peak RSS. */
async function timedFhirImport(dialect: 'sqlite' | 'postgres', sets: string[]): Promise<Figures> {
  const tv = await openTestVessel(dialect, { key: randomBytes(32).toString('base64') });
  try {
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const th0 = threadTimes();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await tv.vessel.importer.importPaths(sets);
    await tv.vessel.runJobsUntilIdle({ pollMs: 5 });
    const seconds = (performance.now() - t0) / 1000;
    // CPU of the timed import alone (the process figure holds start-up and the warm-up too).
    const timed = process.cpuUsage(c0);
    const threads = threadSplit(th0);
    clearInterval(timer);
    const counts = await tv.vessel.store.resources.countByType();
    const resources = Object.values(counts).reduce((a, b) => a + b, 0);
    const documents = Object.values(await tv.vessel.store.documents.countByState()).reduce((a, b) => a + b, 0);
    return { resources, documents, seconds: +seconds.toFixed(2), 'resources/s': Math.round(resources / seconds), 'peak RSS MB': Math.round(peak / 1048576), 'load avg': os.loadavg()[0].toFixed(1), 'import cpu s': +((timed.user + timed.system) / 1e6).toFixed(2), 'import cpu µs/resource': Math.round((timed.user + timed.system) / resources), ...(threads ? { 'main thread µs/resource': Math.round((threads.main * 1e6) / resources), 'V8 helper threads µs/resource': Math.round((threads.v8 * 1e6) / resources), 'libuv pool µs/resource': Math.round((threads.pool * 1e6) / resources) } : {}) };
  } finally {
    await tv.cleanup();
  }
}

/**
 * A bulk NDJSON export of --ndjson-mb MB (default 50) generated from the corpus in the temp
 * folder (or one generated before, --ndjson-dir with --keep), imported with `vessel import` in a child process.
 */
async function ndjsonLarge(): Promise<Figures | string> {
  if (!fs.existsSync(path.join(CORPUS, 'fhir/smart-bulk-fhir-10-patients'))) return `corpus not present at ${CORPUS}`;
  const { generateBulkExport, importWithCli } = await import('./ndjson-large.js');
  const mb = Number(option('ndjson-mb') ?? 50);
  const given = option('ndjson-dir');
  const dir = given ?? fs.mkdtempSync(path.join(os.tmpdir(), 'vessel-ndjson-'));
  try {
    const t = performance.now();
    const made = given && fs.existsSync(path.join(given, 'export.json')) ? JSON.parse(fs.readFileSync(path.join(given, 'export.json'), 'utf8')) : await generateBulkExport(CORPUS, dir, mb * 1048576);
    const generateSeconds = (performance.now() - t) / 1000;
    const run = await importWithCli(made.dir);
    const docs = Object.entries(run.documents).map(([k, v]) => `${k}:${v}`).join(',');
    return { MB: Math.round(made.bytes / 1048576), copies: made.copies, 'resources in': made.resources, 'generate s': +generateSeconds.toFixed(1), resources: run.resources, documents: docs, 'import s': +run.seconds.toFixed(1), 'import cpu s': +run.cpuSeconds.toFixed(1), 'resources/s': Math.round(run.resources / run.seconds), 'peak RSS MB': run.peakRssMb, 'load avg': os.loadavg()[0].toFixed(1) };
  } finally {
    if (!given && !args.includes('--keep')) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** p50/p95/p99 of the API's list and search queries on whatever the FHIR corpus produced. */
async function apiLatency(): Promise<Figures | string> {
  const dir = path.join(CORPUS, 'fhir/smart-generated-sample-data-r4-synthea');
  if (!fs.existsSync(dir)) return `corpus not present at ${CORPUS}`;
  const { buildServer } = await import('../src/server/app.js');
  const tv = await openTestVessel('sqlite');
  try {
    await tv.vessel.importer.importPaths([dir]);
    await tv.vessel.runJobsUntilIdle({ pollMs: 5 });
    const app = await buildServer(tv.vessel);
    const people = (await app.inject('/api/people')).json() as Array<{ id: string }>;
    const urls = people.flatMap((p) => [`/api/resources?person=${p.id}&type=Observation&limit=200`, `/api/resources?person=${p.id}&limit=200`, `/api/documents?person=${p.id}`, `/api/search?q=glucose&person=${p.id}`]);
    const times: number[] = [];
    for (let round = 0; round < 10; round++) {
      for (const url of urls) {
        const t = performance.now();
        await app.inject(url);
        times.push(performance.now() - t);
      }
    }
    await app.close();
    times.sort((a, b) => a - b);
    return { requests: times.length, 'p50 ms': +percentile(times, 50).toFixed(2), 'p95 ms': +percentile(times, 95).toFixed(2), 'p99 ms': +percentile(times, 99).toFixed(2) };
  } finally {
    await tv.cleanup();
  }
}

/** The FHIR adapter alone, no store. */
async function fhirParse(): Promise<Figures | string> {
  const files = filesUnder(path.join(CORPUS, 'fhir'), /\.(json|ndjson)$/);
  if (!files.length) return `corpus not present at ${CORPUS}`;
  const { benchFhirParseDetailed } = await import('../src/sources/fhir/bench.js');
  const r = await benchFhirParseDetailed(files);
  return { files: r.files, resources: r.resources, 'resources/s': r.resourcesPerSecond, 'MB/s': +(r.bytes / 1048576 / r.seconds).toFixed(1), 'peak RSS MB': r.peakRssMb };
}

/**
 * The web app's read models on a synthetic person with ~100,000 resources over ~15 years
 * from 10 sources (the issue's big record), after the reconcile job ran: p95 per query.
 */
async function views(dialect: 'sqlite' | 'postgres'): Promise<Figures | string> {
  if (dialect === 'postgres') {
    const skip = await postgresSkipReason();
    if (skip) return skip;
  }
  const { benchViews, labelBenchFacilities } = await import('../src/views/bench.js');
  const { seedSyntheticPerson } = await import('../src/record/reconcile/bench.js');
  const { reconcilePerson } = await import('../src/record/reconcile/job.js');
  const tv = await openTestVessel(dialect);
  try {
    const { store } = tv.vessel;
    const seeded = await seedSyntheticPerson(store);
    await reconcilePerson(store, seeded.personId);
    await labelBenchFacilities(store, seeded.personId);
    // What autovacuum does on a server soon after a big import (statistics, visibility map for
    // index-only scans); the test server runs with autovacuum off. --no-vacuum times without.
    if (dialect === 'postgres' && !args.includes('--no-vacuum')) {
      const { sql } = await import('kysely');
      for (const t of ['resources', 'documents', 'provenance', 'record_items', 'record_facts', 'timeline_counts']) await sql`VACUUM ANALYZE ${sql.table(t)}`.execute(store.db);
    }
    const timings = await benchViews(store, seeded.personId, { only: option('views-only')?.split(',') });
    const worst = timings.reduce((a, b) => (b.p95Ms > a.p95Ms ? b : a));
    const figures: Figures = { 'person resources': seeded.resources, 'worst p95 ms': worst.p95Ms, 'worst query': worst.query, 'load avg': os.loadavg()[0].toFixed(1) };
    for (const t of timings) figures[`${t.query} ms p50/p95/cpu`] = `${t.p50Ms}/${t.p95Ms}/${t.cpuMs}`;
    return figures;
  } finally {
    await tv.cleanup();
  }
}

/** The same person as views-sqlite, served to Debian's chromium: navigation to content on screen per page (bench/browser-views.ts). */
async function viewsBrowser(): Promise<Figures | string> {
  const { benchBrowserViews, browserFigures } = await import('./browser-views.js');
  const { labelBenchFacilities } = await import('../src/views/bench.js');
  const { seedSyntheticPerson } = await import('../src/record/reconcile/bench.js');
  const { reconcilePerson } = await import('../src/record/reconcile/job.js');
  const tv = await openTestVessel('sqlite');
  try {
    const seeded = await seedSyntheticPerson(tv.vessel.store);
    await reconcilePerson(tv.vessel.store, seeded.personId);
    await labelBenchFacilities(tv.vessel.store, seeded.personId);
    const timings = await benchBrowserViews(tv.vessel, seeded.personId, Number(option('browser-runs') ?? 5));
    if (typeof timings === 'string') return timings;
    return { 'person resources': seeded.resources, ...browserFigures(timings) };
  } finally {
    await tv.cleanup();
  }
}

/** Reconcile of a synthetic person (~100,000 resources from 10 sources), then one new document: in memory. */
async function reconcile(): Promise<Figures | string> {
  const { benchReconcile } = await import('../src/record/reconcile/bench.js');
  const r = benchReconcile();
  return { resources: r.resources, items: r.items, 'full ms': Math.round(r.fullMs), 'full cpu ms': Math.round(r.fullCpuMs), 'incremental ms': Math.round(r.incrementalMs), 'incremental cpu ms': Math.round(r.incrementalCpuMs) };
}

/** The same person through the store and the real reconcile job (in a worker process of its own): full, then one new document; peak RSS of that process; SQLite: how long a concurrent write waited. */
async function reconcileStore(dialect: 'sqlite' | 'postgres'): Promise<Figures | string> {
  if (dialect === 'postgres') {
    const skip = await postgresSkipReason();
    if (skip) return skip;
  }
  const { benchReconcileStore } = await import('../src/record/reconcile/bench.js');
  const tv = await openTestVessel(dialect);
  try {
    const r = await benchReconcileStore(tv.vessel.store, { dataDir: tv.dataDir, keyring: tv.vessel.keyring, databaseUrl: dialect === 'postgres' ? DATABASE_URL : undefined, pgSchema: tv.pgSchema });
    const figures: Figures = { resources: r.resources, items: r.items, 'full ms': r.fullMs, 'full cpu ms': r.fullCpuMs, 'full peak RSS MB': r.fullPeakRssMb, 'incremental ms': r.incrementalMs, 'incremental cpu ms': r.incrementalCpuMs };
    if (r.concurrentWriteMaxMs !== undefined) Object.assign(figures, { 'concurrent write max wait ms': r.concurrentWriteMaxMs, 'concurrent writes': r.concurrentWrites, 'concurrent write errors': r.concurrentWriteErrors });
    figures['load avg'] = os.loadavg()[0].toFixed(1);
    return figures;
  } finally {
    await tv.cleanup();
  }
}

/** OCR pages/minute through the pool beside Debian's tesseract CLI on the same pages. */
async function ocr(): Promise<Figures | string> {
  const dir = path.join(CORPUS, 'fax/generated');
  if (!fs.existsSync(dir)) return `corpus not present at ${CORPUS}`;
  const { benchOcr, corpusPageImages } = await import('../src/sources/documents/pages/bench.js');
  const { paths, cleanup } = await corpusPageImages(dir, 12);
  try {
    const r = await benchOcr(paths, { cli: true });
    return {
      pages: r.pages,
      workers: r.workers,
      'pool pages/min': +r.pool.pagesPerMinute.toFixed(1),
      'pool startup s': +r.pool.startupSeconds.toFixed(1),
      'CLI pages/min': r.cli ? +r.cli.pagesPerMinute.toFixed(1) : (r.cliError ?? 'no tesseract CLI'),
      'CLI same model pages/min': r.cliSameModel ? +r.cliSameModel.pagesPerMinute.toFixed(1) : 'not run',
      'peak RSS MB': r.peakRssMb,
    };
  } finally {
    await cleanup();
  }
}

/**
 * A long image-only fax (multi-page G4 TIFF cycling through the sample's fax pages, 200 by
 * default, `--fax-pages=N`) read through the documents pipeline in a fresh process: peak RSS,
 * RSS over time (flat = pages are streamed, not held) and pages/min with OCR.
 */
async function faxLong(): Promise<Figures | string> {
  const dir = path.join(CORPUS, 'fax/generated');
  if (!fs.existsSync(dir)) return `corpus not present at ${CORPUS}`;
  const { writeLongFax } = await import('../src/sources/documents/pages/bench.js');
  const { spawnSync } = await import('node:child_process');
  const pages = Math.max(1, Number(option('fax-pages') ?? 200) || 200);
  const fax = await writeLongFax(dir, pages);
  try {
    // As `npm start` runs the server (two glibc malloc arenas); MALLOC_ARENA_MAX in the environment wins.
    const env = { MALLOC_ARENA_MAX: '2', ...process.env };
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'src/sources/documents/pages/bench.ts', 'long-fax', fax.path], { encoding: 'utf8', maxBuffer: 1 << 24, env });
    const line = child.stdout.trim().split('\n').pop() ?? '';
    if (child.status !== 0 || !line.startsWith('{')) return `long-fax run failed: ${child.stderr.trim().split('\n').slice(-3).join(' ')}`;
    const r = JSON.parse(line) as import('../src/sources/documents/pages/bench.js').LongFaxResult;
    return {
      pages: r.pages,
      'TIFF MB': +(fax.bytes / 1048576).toFixed(1),
      'distinct source pages': fax.sourcePages,
      seconds: +r.seconds.toFixed(0),
      'cpu s': +r.cpuSeconds.toFixed(0),
      'pages/min': +r.pagesPerMinute.toFixed(1),
      'RSS at start MB': r.startRssMb,
      'peak RSS MB': r.peakRssMb,
      [`RSS every ${r.sampleSeconds} s MB`]: r.rssSamplesMb.join(' '),
      'peak main heap+buffers MB': r.peakMainHeapMb,
      'RSS before/after OCR workers stop MB': `${r.rssBeforePoolCloseMb}/${r.rssAfterPoolCloseMb}`,
      'workers recycled/idle stops': `${r.workersRecycled}/${r.workersIdleStops}`,
      documents: r.documents,
      'part PDFs MB': r.partPdfMb,
      'lab results': r.labResults,
      'load avg': os.loadavg()[0].toFixed(1),
      MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX,
    };
  } finally {
    await fax.cleanup();
  }
}

/** C-CDA documents/s and MB/s: Vessel's adapter beside @medplum/ccda on the same files. */
async function ccda(): Promise<Figures | string> {
  const dir = path.join(CORPUS, 'ccda');
  if (!fs.existsSync(dir)) return `corpus not present at ${CORPUS}`;
  const { detectFormat } = await import('../src/detect/detect.js');
  const { ccdaAdapter } = await import('../src/sources/ccda/index.js');
  const { convertCcdaToFhir, convertXmlToCcda } = await import('@medplum/ccda');
  const docs = filesUnder(dir, /\.(xml|ccd|ccda|cda|txt)$/i)
    .map((f) => fs.readFileSync(f))
    .filter((b) => detectFormat(b.subarray(0, 65536), b.length) === 'cda-xml');
  const mb = docs.reduce((a, b) => a + b.length, 0) / 1048576;
  const time = async (fn: (b: Buffer) => Promise<unknown> | unknown) => {
    const t = performance.now();
    for (const b of docs) {
      try {
        await fn(b);
      } catch {
        // the baseline throws on some documents; its time still counts
      }
    }
    return (performance.now() - t) / 1000;
  };
  const input = (b: Buffer) => ({ filename: 'x.xml', format: 'cda-xml' as const, size: b.length, bytes: async () => b, stream: () => { throw new Error('not used'); } });
  const ours = await time((b) => ccdaAdapter.extract(input(b) as never));
  const medplum = await time((b) => convertCcdaToFhir(convertXmlToCcda(b.toString('utf8'))));
  return { documents: docs.length, MB: +mb.toFixed(1), 'vessel docs/s': +(docs.length / ours).toFixed(1), 'vessel MB/s': +(mb / ours).toFixed(2), 'medplum docs/s': +(docs.length / medplum).toFixed(1), 'medplum MB/s': +(mb / medplum).toFixed(2) };
}

/** A 500-slice CT series indexed, then the viewer's first requests (src/imaging/bench.ts). */
async function imaging(): Promise<Figures | string> {
  const { benchImaging } = await import('../src/imaging/bench.js');
  const tv = await openTestVessel('sqlite');
  try {
    const r = await benchImaging(tv.vessel);
    return { images: r.images, 'index s': r.indexSeconds, 'images/s': r.imagesPerSecond, 'list ms': r.listMs, 'study ms': r.studyMs, 'first frame ms': r.firstFrameMs, 'first image after import ms': r.firstImageAfterImportMs, 'next slice ms': r.nextSliceMs, 'rewindow ms': r.rewindowMs, 'thumbnail ms': r.thumbnailMs, 'scroll p50 ms': r.scrollP50Ms, 'scroll p95 ms': r.scrollP95Ms, 'max loop stall ms': r.maxStallMs };
  } finally {
    await tv.cleanup();
  }
}

/**
 * Issue 10's load test (bench/load.ts): `vessel serve` + worker processes on PostgreSQL over
 * loopback, one autocannon connection per account browsing its own people while uploads keep
 * the workers busy. Goal: p95 under 100 ms and no errors. `--quick`: a tiny run for checking.
 */
async function load(): Promise<Figures | string> {
  const skip = await postgresSkipReason();
  if (skip) return skip;
  const { benchLoad } = await import('./load.js');
  const quick = args.includes('--quick');
  const num = (name: string, d: number) => Math.max(1, Number(option(name) ?? d) || d);
  const r = await benchLoad({
    databaseUrl: DATABASE_URL,
    people: num('load-people', quick ? 40 : 1000),
    users: num('load-users', quick ? 4 : 50),
    seconds: num('load-seconds', quick ? 5 : 30),
    uploaders: Math.max(0, Number(option('load-uploaders') ?? (quick ? 1 : 2)) || 0),
    workers: num('load-workers', 2),
    uploadRate: Math.max(0, Number(option('load-upload-rate') ?? 0) || 0),
    ratePerUser: Math.max(0, Number(option('load-rate') ?? 0) || 0),
    cpuProfDir: option('load-cpu-prof'),
    log: asJson ? undefined : (line) => console.error(line),
  });
  const met = r.p95 < 100 && r.errors === 0 && r.timeouts === 0 && r.non2xx === 0;
  const figures: Figures = {
    people: r.people, users: r.users, 'rate/user': option('load-rate') ?? 'max', 'upload rate': option('load-upload-rate') ?? 'max', 'setup s': r.setupSeconds, seconds: r.seconds, requests: r.requests, 'req/s': r.requestsPerSecond,
    'p50 ms': r.p50, 'p95 ms': r.p95, 'p99 ms': r.p99, 'max ms': r.max, non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts,
    goal: met ? 'met (p95 < 100 ms, 0 errors)' : 'MISSED (p95 < 100 ms, 0 errors)',
    uploads: r.uploads, 'upload errors': r.uploadErrors, 'upload p95 ms': r.uploadP95, 'documents read': r.documentsRead, 'jobs left': r.jobsQueuedAtEnd,
    'server cpu': r.serverCpu, 'workers cpu': r.workersCpu, 'load avg': r.loadAvg, cores: os.availableParallelism(),
  };
  for (const route of r.routes) figures[`${route.route} p50/p95/p99 ms`] = `${route.p50}/${route.p95}/${route.p99}${route.non2xx ? ` (${route.non2xx} non-2xx)` : ''}`;
  return figures;
}

const sections: Section[] = [
  { name: 'ingest-fhir-sqlite', run: () => ingestFhir('sqlite') },
  { name: 'ingest-fhir-postgres', run: () => ingestFhir('postgres') },
  { name: 'fhir-parse', run: fhirParse },
  { name: 'ndjson-large', run: ndjsonLarge },
  { name: 'api-latency-sqlite', run: apiLatency },
  { name: 'views-sqlite', run: () => views('sqlite') },
  { name: 'views-postgres', run: () => views('postgres') },
  { name: 'views-browser', run: viewsBrowser },
  { name: 'reconcile-memory', run: reconcile },
  { name: 'reconcile-store-sqlite', run: () => reconcileStore('sqlite') },
  { name: 'reconcile-store-postgres', run: () => reconcileStore('postgres') },
  { name: 'ocr', run: ocr },
  { name: 'fax-200', run: faxLong },
  { name: 'ccda', run: ccda },
  { name: 'imaging', run: imaging },
  { name: 'load', run: load },
];

const selected = sections.filter((s) => !filters.length || filters.some((f) => s.name.includes(f)));
const rows: Array<{ name: string; figures: Figures | string }> = [];
for (const s of selected) {
  let figures: Figures | string;
  try {
    figures = await s.run();
  } catch (err) {
    figures = `error: ${(err as Error).message}`;
  }
  rows.push({ name: s.name, figures });
  if (asJson) console.log(JSON.stringify({ bench: s.name, ...(typeof figures === 'string' ? { skipped: figures } : figures) }));
  else console.log(`${s.name.padEnd(22)} ${typeof figures === 'string' ? `(skipped: ${figures})` : Object.entries(figures).map(([k, v]) => `${k}=${v}`).join('  ')}`);
}

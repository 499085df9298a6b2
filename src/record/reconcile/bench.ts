/**
 * benchReconcile(): a synthetic person with 20 years of data from 10 sources (~100,000
 * resources: labs, vitals, medications, problems, immunizations, encounters, procedures,
 * each fact repeated by several sources with their own units and codes). Times the full
 * reconcile (normalize every resource + cluster every block) and the incremental one (a new
 * document of ~100 resources: normalize it, re-cluster only the blocks it touches), in memory.
 */
import { createHash } from 'node:crypto';
import type { Resource } from '@medplum/fhirtypes';
import { factsOf, type Fact } from '../normalize/fact.js';
import { clusterBlock, reconcileFacts } from './cluster.js';
import type { Store } from '../../store/store.js';

const LABS: Array<[string, string, number, string]> = [
  ['2345-7', 'mg/dL', 95, 'glucose'], ['14749-6', 'mmol/L', 5.3, 'glucose'], ['2093-3', 'mg/dL', 190, 'chol'], ['2085-9', 'mg/dL', 55, 'hdl'],
  ['13457-7', 'mg/dL', 110, 'ldl'], ['2571-8', 'mg/dL', 140, 'tg'], ['2160-0', 'mg/dL', 0.9, 'creat'], ['14682-9', 'umol/L', 80, 'creat'],
  ['3094-0', 'mg/dL', 14, 'bun'], ['4548-4', '%', 5.6, 'a1c'], ['718-7', 'g/dL', 13.5, 'hgb'], ['6690-2', '10*3/uL', 6.1, 'wbc'],
];
const VITALS: Array<[string, string, number]> = [['8480-6', 'mm[Hg]', 120], ['8462-4', 'mm[Hg]', 80], ['8867-4', '/min', 70], ['29463-7', 'kg', 72], ['8302-2', 'cm', 170]];
const MEDS = ['Lipitor 20 mg tablet', 'atorvastatin 20 MG Oral Tablet', 'metformin 500 mg', 'Glucophage 500 MG', 'lisinopril 10 mg', 'Synthroid 50 mcg'];

function day(i: number): string {
  const d = new Date(Date.UTC(2005, 0, 1) + i * 86400000);
  return d.toISOString().slice(0, 10);
}

/** One source's document on a visit day: what it says about that day (and the standing lists). */
function documentResources(source: number, visit: number): Resource[] {
  const date = day(visit * 7);
  const out: Resource[] = [];
  const cat = (c: string) => [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: c }] }];
  for (const [code, unit, v] of LABS) {
    out.push({ resourceType: 'Observation', status: 'final', category: cat('laboratory'), code: { coding: [{ system: 'http://loinc.org', code }] }, effectiveDateTime: `${date}T08:30:00`, valueQuantity: { value: v + (visit % 7) * 0.1, unit, code: unit } } as Resource);
  }
  for (const [code, unit, v] of VITALS) {
    out.push({ resourceType: 'Observation', status: 'final', category: cat('vital-signs'), code: { coding: [{ system: 'http://loinc.org', code }] }, effectiveDateTime: date, valueQuantity: { value: v + (visit % 5), unit, code: unit } } as Resource);
  }
  for (const m of MEDS.slice(0, 3 + (source % 3))) out.push({ resourceType: 'MedicationStatement', status: source % 4 ? 'active' : 'completed', medicationCodeableConcept: { text: m }, effectivePeriod: { start: day((visit % 50) * 30) } } as Resource);
  out.push({ resourceType: 'Condition', code: { coding: [{ system: 'http://snomed.info/sct', code: '59621000', display: 'Essential hypertension' }] }, clinicalStatus: { coding: [{ code: 'active' }] }, onsetDateTime: '2010' } as Resource);
  out.push({ resourceType: 'Encounter', status: 'finished', period: { start: date }, location: [{ location: { display: 'Valley Clinic' } }] } as Resource);
  if (visit % 50 === 0) out.push({ resourceType: 'Immunization', status: 'completed', vaccineCode: { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '141' }] }, occurrenceDateTime: date } as Resource);
  if (visit % 20 === 0) out.push({ resourceType: 'Procedure', status: 'completed', code: { text: 'Colonoscopy' }, performedDateTime: date } as Resource);
  return out;
}

export interface BenchResult {
  resources: number;
  facts: number;
  items: number;
  fullMs: number;
  /** CPU time of this process (user + system): the machine is shared, wall time includes waiting. */
  fullCpuMs: number;
  incrementalMs: number;
  incrementalCpuMs: number;
  incrementalResources: number;
}

export function benchReconcile(opts: { sources?: number; visitsPerSource?: number } = {}): BenchResult {
  const sources = opts.sources ?? 10;
  const visits = opts.visitsPerSource ?? 400; // ~25 resources each → ~100,000 resources
  const docs: Array<{ id: string; resources: Resource[] }> = [];
  for (let s = 0; s < sources; s++) for (let v = 0; v < visits; v++) docs.push({ id: `s${s}v${v}`, resources: documentResources(s, (v * 3 + s) % (visits * 2)) });
  const resources = docs.reduce((n, d) => n + d.resources.length, 0);

  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const facts: Fact[] = [];
  for (const d of docs) d.resources.forEach((r, i) => facts.push(...factsOf(r, `${d.id}:${i}`, { documentId: d.id, structured: true })));
  const tFacts = performance.now();
  const items = reconcileFacts(facts);
  const fullMs = performance.now() - t0;
  const fullCpu = process.cpuUsage(c0);
  if (process.env.BENCH_DEBUG) console.error(`facts ${Math.round(tFacts - t0)} ms, cluster ${Math.round(performance.now() - tFacts)} ms`);

  // Incremental: index of facts by block (what the record_facts table holds), then one new document.
  const byBlock = new Map<string, Fact[]>();
  for (const f of facts) {
    const k = `${f.kind}\u0000${f.block}`;
    const l = byBlock.get(k);
    if (l) l.push(f);
    else byBlock.set(k, [f]);
  }
  const fresh = documentResources(3, 123);
  const c1 = process.cpuUsage();
  const t1 = performance.now();
  const newFacts: Fact[] = [];
  fresh.forEach((r, i) => newFacts.push(...factsOf(r, `new:${i}`, { documentId: 'new', structured: true })));
  const touched = new Set<string>();
  for (const f of newFacts) {
    const k = `${f.kind}\u0000${f.block}`;
    (byBlock.get(k) ?? byBlock.set(k, []).get(k)!).push(f);
    touched.add(k);
  }
  for (const k of touched) clusterBlock(k.split('\u0000')[0] as Fact['kind'], byBlock.get(k)!);
  const incrementalMs = performance.now() - t1;
  const incCpu = process.cpuUsage(c1);
  return {
    resources,
    facts: facts.length,
    items: items.length,
    fullMs: Math.round(fullMs),
    fullCpuMs: Math.round((fullCpu.user + fullCpu.system) / 1000),
    incrementalMs: Math.round(incrementalMs * 10) / 10,
    incrementalCpuMs: Math.round((incCpu.user + incCpu.system) / 100) / 10,
    incrementalResources: fresh.length,
  };
}


/**
 * Puts the synthetic person into an empty store as the pipeline would (one document per
 * source visit, resources with provenance), for the store-backed benches (reconcile, views).
 */
export async function seedSyntheticPerson(store: Store, opts: { sources?: number; visitsPerSource?: number } = {}): Promise<{ personId: string; resources: number; addDocument: (name: string, rs?: Resource[]) => Promise<void> }> {
  const person = await store.people.create({ family: 'Bench', given: ['Synthetic'], birthDate: '1970-01-01' });
  const sources = opts.sources ?? 10;
  const visits = opts.visitsPerSource ?? 400;
  let resources = 0;
  const addDoc = async (name: string, rs: Resource[], st: Store) => {
    const sha = createHash('sha256').update(name).digest('hex');
    const { doc } = await st.documents.insertIfNew({ sha256: sha, channel: 'cli', filename: `${name}.json`, format: 'fhir-json', size: 1, state: 'done', personId: person.id });
    await st.resources.insertMany(rs.map((r, i) => ({ resource: { ...r, id: createHash('sha1').update(`${sha}/${i}`).digest('hex') } as Resource & { id: string }, personId: person.id, documentId: doc.id, location: { line: i + 1 } })));
    resources += rs.length;
  };
  await store.transaction(async (tx) => {
    for (let s = 0; s < sources; s++) for (let v = 0; v < visits; v++) await addDoc(`s${s}v${v}`, documentResources(s, (v * 3 + s) % (visits * 2)), tx);
  });
  return {
    personId: person.id,
    get resources() {
      return resources;
    },
    addDocument: (name, rs = documentResources(3, 123)) => store.transaction((tx) => addDoc(name, rs, tx)),
  };
}

export interface StoreBenchResult {
  resources: number;
  items: number;
  fullMs: number;
  fullCpuMs: number;
  /** Peak RSS of the worker process that ran the full reconcile (what `vessel worker` would reach). */
  fullPeakRssMb: number;
  incrementalMs: number;
  incrementalCpuMs: number;
  /** SQLite: the longest a small write of another connection waited while the full reconcile ran (an import's insert). */
  concurrentWriteMaxMs?: number;
  concurrentWrites?: number;
  concurrentWriteErrors?: number;
}

/** One more synthetic document for the person (the "new document" of the incremental figure). */
export async function addSyntheticDocument(store: Store, personId: string, name: string, rs: Resource[] = documentResources(3, 123)): Promise<void> {
  await store.transaction(async (tx) => {
    const sha = createHash('sha256').update(name).digest('hex');
    const { doc } = await tx.documents.insertIfNew({ sha256: sha, channel: 'cli', filename: `${name}.json`, format: 'fhir-json', size: 1, state: 'done', personId });
    await tx.resources.insertMany(rs.map((r, i) => ({ resource: { ...r, id: createHash('sha1').update(`${sha}/${i}`).digest('hex') } as Resource & { id: string }, personId, documentId: doc.id, location: { line: i + 1 } })));
  });
}

/**
 * The synthetic person through an empty store (either dialect): the reconcile job timed in
 * full (every document new) and incrementally (one new document into the existing record).
 * The job runs in a child process (bench-worker.ts, given the data folder and keyring) so its peak RSS is the job's own, not the
 * seeding's; on SQLite this process meanwhile writes a row every 100 ms, as an import would,
 * and records how long each write waited for the job's transactions.
 */
export async function benchReconcileStore(store: Store, where: { dataDir: string; keyring: Buffer[]; databaseUrl?: string; pgSchema?: string }, opts: { sources?: number; visitsPerSource?: number } = {}): Promise<StoreBenchResult> {
  const { spawn } = await import('node:child_process');
  const seeded = await seedSyntheticPerson(store, opts);
  // BENCH_CPU_PROF=<dir>: a V8 CPU profile of the job's process (NODE_OPTIONS does not take --cpu-prof).
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [];
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', new URL('./bench-worker.ts', import.meta.url).pathname], {
    env: { ...process.env, BENCH_DATA_DIR: where.dataDir, BENCH_KEYRING: where.keyring.map((k) => k.toString('base64')).join(','), BENCH_DATABASE_URL: where.databaseUrl ?? '', BENCH_PG_SCHEMA: where.pgSchema ?? '', BENCH_PERSON: seeded.personId },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  let fullDone = false;
  let buf = '';
  child.stdout.on('data', (d: Buffer) => {
    buf += d.toString();
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      lines.push(line);
      if (line.includes('"full"')) fullDone = true;
    }
  });
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
  let writes = 0;
  let errors = 0;
  let maxWait = 0;
  let running = true;
  void exited.then(() => (running = false));
  if (store.dialect === 'sqlite') {
    await new Promise((r) => setTimeout(r, 300));
    while (running && !fullDone) {
      const t = performance.now();
      try {
        await store.audit.record({ actor: 'bench', action: 'bench.concurrent-write' });
        writes++;
      } catch {
        errors++;
      }
      maxWait = Math.max(maxWait, performance.now() - t);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const code = await exited;
  if (code !== 0) throw new Error(`bench worker exited with ${code}`);
  const byPhase = Object.fromEntries(lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { phase: string; ms: number; cpuMs: number; maxRssMb: number }).map((r) => [r.phase, r]));
  const counts = await store.db.selectFrom('record_items').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  return {
    resources: seeded.resources,
    items: Number(counts?.n ?? 0),
    fullMs: byPhase.full.ms,
    fullCpuMs: byPhase.full.cpuMs,
    fullPeakRssMb: byPhase.full.maxRssMb,
    incrementalMs: byPhase.incremental.ms,
    incrementalCpuMs: byPhase.incremental.cpuMs,
    ...(store.dialect === 'sqlite' ? { concurrentWriteMaxMs: Math.round(maxWait), concurrentWrites: writes, concurrentWriteErrors: errors } : {}),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log('in memory', benchReconcile());

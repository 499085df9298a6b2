/**
 * The load test of issue 10 ("Under load"): `vessel serve --no-worker` and N `vessel worker`
 * processes on PostgreSQL (a fresh schema), over loopback; `users` accounts each owning
 * people/users people; one autocannon connection per account browsing its own records (the
 * web app's calls) while background loops upload new documents that keep the workers busy.
 *
 * The household is made the way a user would make it, by importing: per account one FHIR bundle
 * holding its people (each a Patient + Observations + Conditions + a MedicationStatement),
 * stored through the importer with the account as scope, then read by the worker processes
 * (ingest, then one reconcile job per person: the "setup s" figure). Accounts are written as rows with one shared scrypt hash (making 50
 * hashes would only time scrypt); every account still signs in through POST /api/session.
 *
 * Latency is measured per response (autocannon's own histogram has no p95) and per route.
 * Everything started here (processes, schema, temp folder) is removed, also on failure.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import http from 'node:http';
import pg from 'pg';
import autocannon from 'autocannon';
import { openVessel, type Vessel } from '../src/app/vessel.js';
import { hashPassword } from '../src/auth/password.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PASSWORD = 'load test password 1';

export interface LoadOptions {
  databaseUrl: string;
  people: number;
  users: number;
  seconds: number;
  /** Background upload loops (each keeps one upload in flight). */
  uploaders: number;
  /** Uploads per second of all loops together (random pauses); 0: each loop uploads again at once. */
  uploadRate: number;
  workers: number;
  /**
   * Requests per second of each user: 0 = autocannon, each user's next request as soon as the
   * last one is answered (no think time: the server's capacity). Above 0, each user pauses a
   * random (exponential) time of mean 1/rate s between requests (autocannon's connectionRate
   * fires every connection at the same tick of each second: bursts no browsing makes).
   */
  ratePerUser: number;
  /** Folder for a V8 CPU profile of the server process (node --cpu-prof). */
  cpuProfDir?: string;
  log?: (line: string) => void;
}

export interface RouteFigures {
  route: string;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
}

export interface LoadResult {
  people: number;
  users: number;
  setupSeconds: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  routes: RouteFigures[];
  uploads: number;
  uploadErrors: number;
  uploadP95: number;
  /** Documents the workers finished reading during the run, and jobs still waiting at its end. */
  documentsRead: number;
  jobsQueuedAtEnd: number;
  /** Share of one core each process used during the run (Linux /proc), -1 elsewhere. */
  serverCpu: number;
  workersCpu: number;
  loadAvg: number;
}

// --- the data: small FHIR bundles, one per person ---------------------------------------------

interface PersonSeed {
  index: number;
  family: string;
  given: string;
  birthDate: string;
  mrn: string;
}

const FAMILIES = ['Lindqvist', 'Okafor', 'Haddad', 'Moreau', 'Tanaka', 'Novak', 'Quispe', 'Brennan', 'Castillo', 'Iversen', 'Mbeki', 'Rossi', 'Kowalski', 'Nguyen', 'Oduya', 'Petrov'];
const GIVENS = ['Ada', 'Bo', 'Cleo', 'Dev', 'Esme', 'Finn', 'Gia', 'Hugo', 'Ines', 'Jon', 'Kai', 'Lena', 'Milo', 'Nia', 'Otto', 'Pia', 'Quinn', 'Rafa', 'Sana', 'Theo'];

function personSeed(i: number): PersonSeed {
  // Distinct names and birth dates (identity matching uses family + first given + birth date).
  const day = new Date(Date.UTC(1940, 0, 1) + i * 9 * 86_400_000).toISOString().slice(0, 10);
  return { index: i, family: `${FAMILIES[i % FAMILIES.length]}${Math.floor(i / FAMILIES.length)}`, given: GIVENS[i % GIVENS.length], birthDate: day, mrn: `LOAD-${i}` };
}

const LABS = [
  { code: '2345-7', display: 'Glucose [Mass/volume] in Serum or Plasma', unit: 'mg/dL', base: 95 },
  { code: '4548-4', display: 'Hemoglobin A1c/Hemoglobin.total in Blood', unit: '%', base: 5.6 },
  { code: '2093-3', display: 'Cholesterol [Mass/volume] in Serum or Plasma', unit: 'mg/dL', base: 190 },
  { code: '8867-4', display: 'Heart rate', unit: '/min', base: 70 },
];

/** One visit's entries for a person; `visit` makes the bytes (and dates) of each upload distinct. */
function personEntries(p: PersonSeed, visit: number): unknown[] {
  const pid = `p${p.index}`;
  const date = new Date(Date.UTC(2015, 0, 1) + (visit * 37 + p.index) * 86_400_000).toISOString().slice(0, 10);
  const entries: unknown[] = [
    { fullUrl: `urn:uuid:${pid}`, resource: { resourceType: 'Patient', id: pid, identifier: [{ system: 'urn:vessel:load-mrn', value: p.mrn }], name: [{ family: p.family, given: [p.given] }], gender: p.index % 2 ? 'female' : 'male', birthDate: p.birthDate } },
  ];
  LABS.forEach((lab, k) => {
    const value = +(lab.base * (0.85 + (((p.index * 7 + visit * 13 + k) % 30) / 100))).toFixed(1);
    entries.push({
      fullUrl: `urn:uuid:${pid}-v${visit}-o${k}`,
      resource: {
        resourceType: 'Observation', id: `${pid}-v${visit}-o${k}`, status: 'final',
        category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: k === 3 ? 'vital-signs' : 'laboratory' }] }],
        code: { coding: [{ system: 'http://loinc.org', code: lab.code, display: lab.display }], text: lab.display },
        subject: { reference: `urn:uuid:${pid}` }, effectiveDateTime: `${date}T09:${String(10 + k).padStart(2, '0')}:00Z`,
        valueQuantity: { value, unit: lab.unit, system: 'http://unitsofmeasure.org', code: lab.unit },
      },
    });
  });
  if (visit === 0) {
    entries.push(
      { fullUrl: `urn:uuid:${pid}-c1`, resource: { resourceType: 'Condition', id: `${pid}-c1`, clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] }, code: { coding: [{ system: 'http://snomed.info/sct', code: '44054006', display: 'Diabetes mellitus type 2' }] }, subject: { reference: `urn:uuid:${pid}` }, onsetDateTime: '2012-05-01' } },
      { fullUrl: `urn:uuid:${pid}-c2`, resource: { resourceType: 'Condition', id: `${pid}-c2`, clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] }, code: { coding: [{ system: 'http://snomed.info/sct', code: '38341003', display: 'Hypertension' }] }, subject: { reference: `urn:uuid:${pid}` }, onsetDateTime: '2010-03-01' } },
      { fullUrl: `urn:uuid:${pid}-m1`, resource: { resourceType: 'MedicationStatement', id: `${pid}-m1`, status: 'active', medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '860975', display: 'metformin hydrochloride 500 MG Oral Tablet' }] }, subject: { reference: `urn:uuid:${pid}` }, effectivePeriod: { start: '2012-05-02' } } },
    );
  }
  return entries;
}

/** A bundle of visits: one person's new results, or a household's first export (several Patients). */
export function bundleOf(people: PersonSeed[], visit: number): Buffer {
  return Buffer.from(JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: people.flatMap((p) => personEntries(p, visit)) }));
}

// --- processes ----------------------------------------------------------------------------------

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function startVessel(args: string[], env: NodeJS.ProcessEnv, nodeFlags: string[] = []): ChildProcess {
  const child = spawn(process.execPath, [...nodeFlags, path.join(ROOT, 'bin/vessel.js'), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (b: Buffer) => (tail = (tail + b.toString()).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  (child as ChildProcess & { tail: () => string }).tail = () => tail;
  return child;
}

async function stopProcess(child: ChildProcess): Promise<void> {
  const name = child.spawnargs.slice(2).join(' ');
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    console.error(`  ${name} (${child.pid}) did not stop within 30 s of SIGTERM: killed`);
    child.kill('SIGKILL');
  }, 30_000);
  await exited;
  clearTimeout(timer);
}

/** CPU seconds a process has used so far (utime + stime from /proc), NaN where there is no /proc. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // clock ticks, 100 Hz on Linux
  } catch {
    return NaN;
  }
}

async function waitForServer(base: string, child: ChildProcess, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`vessel serve exited: ${(child as ChildProcess & { tail: () => string }).tail()}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('vessel serve did not answer within a minute');
}

async function waitForIdle(v: Vessel, workers: ChildProcess[], log: (s: string) => void): Promise<void> {
  let last = 0;
  for (;;) {
    const c = await v.queue.counts();
    if (c.queued + c.running === 0) return;
    for (const w of workers) if (w.exitCode !== null) throw new Error(`a worker exited: ${(w as ChildProcess & { tail: () => string }).tail()}`);
    if (Date.now() - last > 5000) {
      log(`  reading: ${c.queued} queued, ${c.running} running, ${c.done} done`);
      last = Date.now();
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

// --- the browsing mix ----------------------------------------------------------------------------

interface Session {
  username: string;
  cookie: string;
  csrfToken: string;
  people: Array<{ id: string; family: string; given: string; birthDate: string }>;
}

/** The web app's calls for one account: the people list, then each of its people's pages, and a search. */
function browsingMix(s: Session): Array<{ method: 'GET'; path: string; route: string }> {
  const out: Array<{ method: 'GET'; path: string; route: string }> = [];
  const get = (route: string, p: string) => out.push({ method: 'GET', path: p, route });
  s.people.forEach((p, i) => {
    get('people', '/api/people');
    get('home', `/api/views/home?person=${p.id}`);
    get('labs', `/api/views/labs?person=${p.id}`);
    get('timeline', `/api/views/timeline?person=${p.id}`);
    get('medications', `/api/views/lists/medications?person=${p.id}`);
    get('documents', `/api/documents?person=${p.id}`);
    if (i % 2 === 0) get('search', '/api/search?q=glucose');
  });
  return out;
}

async function signInOver(base: string, username: string): Promise<Omit<Session, 'people'>> {
  const res = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in of ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return { username, cookie, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
}

type Sample = { route: string; ms: number; status: number };

function httpGet(url: string, cookie: string, agent: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers: { cookie }, timeout: 10_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', reject);
  });
}

/** Users with think time: one keep-alive connection each, random pauses (see LoadOptions.ratePerUser). */
async function pacedUsers(base: string, sessions: Session[], seconds: number, rate: number, samples: Sample[]) {
  const until = performance.now() + seconds * 1000;
  const pause = (meanMs: number) => new Promise((r) => setTimeout(r, -Math.log(1 - Math.random()) * meanMs));
  let errors = 0;
  let timeouts = 0;
  await Promise.all(
    sessions.map(async (s, k) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const mix = browsingMix(s);
      await new Promise((r) => setTimeout(r, Math.random() * (1000 / rate))); // users do not arrive together
      for (let i = k * 7; performance.now() < until; i++) {
        const r = mix[i % mix.length];
        const t = performance.now();
        try {
          const status = await httpGet(base + r.path, s.cookie, agent);
          samples.push({ route: r.route, ms: performance.now() - t, status });
        } catch (err) {
          if ((err as { code?: string }).code === 'TIMEOUT') timeouts++;
          else errors++;
        }
        await pause(1000 / rate);
      }
      agent.destroy();
    }),
  );
  return { errors, timeouts, non2xx: samples.filter((x) => x.status < 200 || x.status > 299).length };
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}
const ms = (x: number) => +x.toFixed(1);

// --- the run -----------------------------------------------------------------------------------

export async function benchLoad(o: LoadOptions): Promise<LoadResult> {
  const log = o.log ?? (() => {});
  const schema = `load_${randomBytes(6).toString('hex')}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vessel-load-'));
  const key = randomBytes(32).toString('base64');
  const env = { ...process.env, VESSEL_DATABASE_URL: o.databaseUrl, VESSEL_PG_SCHEMA: schema, VESSEL_DATA: dataDir, VESSEL_KEY: key };
  const children: ChildProcess[] = [];
  const stopUploads = new AbortController();
  let uploads: Array<Promise<void>> = [];
  let v: Vessel | undefined;
  try {
    v = await openVessel({ dataDir, key, databaseUrl: o.databaseUrl, pgSchema: schema });
    const { store } = v;

    // Accounts: rows with one shared hash (see the header), user k owns people k, k+users, …
    const hash = await hashPassword(PASSWORD);
    const accounts = [];
    for (let k = 0; k < o.users; k++) accounts.push(await store.accounts.create(`load${k}`, hash));
    const seeds = Array.from({ length: o.people }, (_, i) => personSeed(i));

    const t0 = performance.now();
    // One export per account holding all its people (one document each: 1,000 single-person
    // documents spent most of the setup on per-document overhead, not on what is measured).
    for (let k = 0; k < o.users; k++) {
      const own = seeds.filter((p) => p.index % o.users === k);
      if (own.length) await v.importer.importBytes(bundleOf(own, 0), `household-${k}.json`, { channel: 'upload', scope: accounts[k].id });
    }
    log(`  ${o.users} bundles of ${o.people} people stored in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${o.workers} workers reading them`);
    for (let w = 0; w < o.workers; w++) children.push(startVessel(['worker'], env));
    const workers = [...children];
    await waitForIdle(v, workers, log);
    const setupSeconds = (performance.now() - t0) / 1000;
    const people = await store.people.list();
    if (people.length !== o.people) throw new Error(`expected ${o.people} people after import, found ${people.length}`);

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const cpuProf = o.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(o.cpuProfDir)}`] : [];
    const server = startVessel(['serve', '--port', String(port), '--no-worker'], env, cpuProf);
    children.push(server);
    await waitForServer(base, server);

    // Sign every account in (scrypt on the server: a few at a time, not measured).
    const sessions: Session[] = [];
    for (let k = 0; k < o.users; k += 4) {
      const batch = await Promise.all(accounts.slice(k, k + 4).map((a) => signInOver(base, a.username)));
      for (const s of batch) {
        const res = await fetch(`${base}/api/people`, { headers: { cookie: s.cookie } });
        const list = (await res.json()) as Session['people'];
        if (res.status !== 200 || !list.length) throw new Error(`${s.username} sees no people (${res.status})`);
        sessions.push({ ...s, people: list });
      }
    }
    // Warm-up, not measured: each route once (lazy module loads, JIT, first plans).
    for (const r of browsingMix(sessions[0]).slice(0, 7)) await fetch(base + r.path, { headers: { cookie: sessions[0].cookie } });

    // Background imports: each loop uploads (an upload in flight is let finish at the end: a
    // server whose client vanished mid-multipart did not stop on SIGTERM) a new visit of one of its account's people.
    const uploadTimes: number[] = [];
    let uploadErrors = 0;
    const uploader = async (u: number) => {
      for (let n = 0; !stopUploads.signal.aborted; n++) {
        const s = sessions[(u + n * o.uploaders) % sessions.length];
        const p = s.people[n % s.people.length];
        const seed = seeds.find((x) => x.family === p.family && x.birthDate === p.birthDate) ?? personSeed(0);
        const form = new FormData();
        form.append('file', new Blob([bundleOf([seed], 1 + u + n * o.uploaders)], { type: 'application/fhir+json' }), `visit-${u}-${n}.json`);
        const t = performance.now();
        try {
          const res = await fetch(`${base}/api/documents`, { method: 'POST', body: form, headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken } });
          await res.arrayBuffer();
          if (res.status !== 200) uploadErrors++;
          else uploadTimes.push(performance.now() - t);
        } catch {
          uploadErrors++;
        }
        if (o.uploadRate > 0) await new Promise((r) => setTimeout(r, -Math.log(1 - Math.random()) * ((1000 * o.uploaders) / o.uploadRate)));
      }
    };
    const docsDone = async () => (await store.documents.countByState()).done ?? 0;
    const doneBefore = await docsDone();
    uploads = Array.from({ length: o.uploaders }, (_, u) => uploader(u));

    // The browsing load: one connection per account, its own people, cookie on every request.
    const samples: Sample[] = [];
    let next = 0;
    const cpu0 = { server: cpuSeconds(server.pid), workers: workers.reduce((a, w) => a + cpuSeconds(w.pid), 0), t: performance.now() };
    const result = o.ratePerUser > 0 ? await pacedUsers(base, sessions, o.seconds, o.ratePerUser, samples) : await autocannon({
      url: base,
      connections: sessions.length,
      duration: o.seconds,
      timeout: 10,
      setupClient(client) {
        const s = sessions[next++ % sessions.length];
        const mix = browsingMix(s).map((r) => ({ ...r, headers: { cookie: s.cookie } }));
        // Start each connection at a different place of its mix so routes interleave.
        const shift = (next * 7) % mix.length;
        client.setRequests([...mix.slice(shift), ...mix.slice(0, shift)]);
        client.on('response', (status: number, _bytes: number, responseTime: number) => {
          // With pipelining 1 the iterator still points at the request just answered.
          const current = (client as unknown as { requestIterator: { currentRequest: { route?: string } } }).requestIterator.currentRequest;
          samples.push({ route: current.route ?? '?', ms: responseTime, status });
        });
      },
    });
    const elapsed = (performance.now() - cpu0.t) / 1000;
    const serverCpu = (cpuSeconds(server.pid) - cpu0.server) / elapsed;
    const workersCpu = (workers.reduce((a, w) => a + cpuSeconds(w.pid), 0) - cpu0.workers) / elapsed;
    stopUploads.abort();
    await Promise.allSettled(uploads);
    const counts = await v.queue.counts();

    const all = samples.map((s) => s.ms).sort((a, b) => a - b);
    const byRoute = new Map<string, Array<{ ms: number; status: number }>>();
    for (const s of samples) byRoute.set(s.route, [...(byRoute.get(s.route) ?? []), s]);
    const routes = [...byRoute].map(([route, list]) => {
      const t = list.map((x) => x.ms).sort((a, b) => a - b);
      return { route, requests: list.length, p50: ms(percentile(t, 50)), p95: ms(percentile(t, 95)), p99: ms(percentile(t, 99)), non2xx: list.filter((x) => x.status < 200 || x.status > 299).length };
    });
    uploadTimes.sort((a, b) => a - b);
    return {
      people: o.people,
      users: sessions.length,
      setupSeconds: +setupSeconds.toFixed(1),
      seconds: +elapsed.toFixed(1),
      requests: samples.length,
      requestsPerSecond: Math.round(samples.length / elapsed),
      p50: ms(percentile(all, 50)),
      p95: ms(percentile(all, 95)),
      p99: ms(percentile(all, 99)),
      max: ms(all[all.length - 1] ?? NaN),
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      routes,
      uploads: uploadTimes.length,
      uploadErrors,
      uploadP95: ms(percentile(uploadTimes, 95)),
      documentsRead: (await docsDone()) - doneBefore,
      jobsQueuedAtEnd: counts.queued + counts.running,
      serverCpu: Number.isFinite(serverCpu) ? +serverCpu.toFixed(2) : -1,
      workersCpu: Number.isFinite(workersCpu) ? +workersCpu.toFixed(2) : -1,
      loadAvg: +os.loadavg()[0].toFixed(1),
    };
  } finally {
    stopUploads.abort();
    await Promise.race([Promise.allSettled(uploads), new Promise((r) => setTimeout(r, 20_000))]);
    await Promise.allSettled(children.map(stopProcess));
    await v?.close().catch(() => {});
    const c = new pg.Client({ connectionString: o.databaseUrl });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await c.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

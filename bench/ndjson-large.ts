/**
 * A large bulk-data NDJSON export made from the shared FHIR corpus, and its import through
 * `vessel import` in a child process (wall time, its CPU time, resources/s, peak RSS of that process:
 * VmHWM, the figure `/usr/bin/time -v` gives for it).
 *
 * The export: every resource of the 10-patient bulk export and of the Synthea bundles, one
 * `<Type>.ndjson` per resource type, repeated with new ids (`<id>-r<n>`, references rewritten
 * the same way) until the files reach the wanted size. Practitioners, organizations and
 * locations are written once, as a real export of one record lists them once. Each copy of
 * a clinical note gets its own bytes (a marker line), so the vault cannot collapse copies.
 * The patients keep their identity: the copies are more record for the same people.
 */
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { once } from 'node:events';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/** Resource types a bulk export lists once, whatever the number of copies of the rest. */
const SHARED_TYPES = new Set(['Organization', 'Practitioner', 'PractitionerRole', 'Location']);

export interface GeneratedExport {
  dir: string;
  files: number;
  bytes: number;
  resources: number;
  copies: number;
}

type Json = Record<string, unknown>;

/** Resources of the corpus as compact JSON lines, by type; bundle `urn:uuid:` references become `Type/id`. */
function corpusLines(corpus: string): Map<string, string[]> {
  const byType = new Map<string, string[]>();
  const add = (r: Json) => {
    const type = r.resourceType as string;
    if (!byType.has(type)) byType.set(type, []);
    byType.get(type)!.push(JSON.stringify(r));
  };
  const bulk = path.join(corpus, 'fhir/smart-bulk-fhir-10-patients');
  for (const f of fs.readdirSync(bulk).filter((n) => n.endsWith('.ndjson') && n !== 'log.ndjson').sort()) {
    for (const line of fs.readFileSync(path.join(bulk, f), 'utf8').split('\n')) if (line.trim()) add(JSON.parse(line));
  }
  const synthea = path.join(corpus, 'fhir/smart-generated-sample-data-r4-synthea');
  for (const f of fs.readdirSync(synthea).filter((n) => n.endsWith('.json')).sort()) {
    const bundle = JSON.parse(fs.readFileSync(path.join(synthea, f), 'utf8')) as { entry?: Array<{ fullUrl?: string; resource?: Json }> };
    const urls = new Map<string, string>();
    for (const e of bundle.entry ?? []) if (e.fullUrl && e.resource?.id) urls.set(e.fullUrl, `${e.resource.resourceType}/${e.resource.id}`);
    for (const e of bundle.entry ?? []) {
      if (!e.resource) continue;
      add(JSON.parse(JSON.stringify(e.resource).replace(/"reference":"(urn:uuid:[^"]+)"/g, (m, u: string) => (urls.has(u) ? `"reference":"${urls.get(u)}"` : m))));
    }
  }
  return byType;
}

/** One copy of a resource line: ids and references to copied types get the suffix; note bytes get a marker. */
export function copyLine(line: string, copy: number): string {
  if (copy === 0) return line;
  const suffix = `-r${copy}`;
  return line
    .replace(/"id":"([^"]+)"/g, (_m, id: string) => `"id":"${id}${suffix}"`)
    .replace(/"reference":"([A-Z][A-Za-z]+)\/([^"/?]+)"/g, (m, type: string, id: string) => (SHARED_TYPES.has(type) ? m : `"reference":"${type}/${id}${suffix}"`))
    .replace(/"data":"([A-Za-z0-9+/=]+)"/g, (_m, b64: string) => `"data":"${Buffer.concat([Buffer.from(b64, 'base64'), Buffer.from(`\n[copy ${copy}]\n`)]).toString('base64')}"`);
}

/**
 * Writes the export into `<root>/ndjson` (what to import) and its figures into
 * `<root>/export.json`; stops after the copy that passes `targetBytes`.
 */
export async function generateBulkExport(corpus: string, root: string, targetBytes: number): Promise<GeneratedExport> {
  const byType = corpusLines(corpus);
  const dir = path.join(root, 'ndjson');
  fs.mkdirSync(dir, { recursive: true });
  const outs = new Map<string, fs.WriteStream>();
  for (const type of byType.keys()) outs.set(type, fs.createWriteStream(path.join(dir, `${type}.ndjson`)));
  let bytes = 0;
  let resources = 0;
  let copies = 0;
  const write = async (out: fs.WriteStream, text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  while (bytes < targetBytes || copies === 0) {
    for (const [type, lines] of byType) {
      if (copies > 0 && SHARED_TYPES.has(type)) continue;
      let chunk = '';
      for (const line of lines) {
        chunk += copyLine(line, copies) + '\n';
        resources++;
        if (chunk.length > 1 << 20) {
          await write(outs.get(type)!, chunk);
          chunk = '';
        }
      }
      if (chunk) await write(outs.get(type)!, chunk);
    }
    copies++;
  }
  await Promise.all([...outs.values()].map((o) => new Promise((resolve) => o.end(resolve))));
  fs.writeFileSync(path.join(root, 'export.json'), JSON.stringify({ dir, files: outs.size, bytes, resources, copies }));
  return { dir, files: outs.size, bytes, resources, copies };
}

export interface ImportRun {
  seconds: number;
  /** CPU time of the import process (user + system), as last sampled before it exited. */
  cpuSeconds: number;
  peakRssMb: number;
  resources: number;
  documents: Record<string, number>;
}

/** Runs `vessel import <dir>` in a child process on a fresh data folder; samples its peak RSS. */
export async function importWithCli(dir: string, env: NodeJS.ProcessEnv = {}): Promise<ImportRun> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vessel-bench-data-'));
  const key = randomBytes(32).toString('base64');
  const root = path.resolve(import.meta.dirname, '..');
  try {
    const t0 = performance.now();
    const child = spawn(process.execPath, [path.join(root, 'bin/vessel.js'), 'import', '--json', dir], {
      cwd: root,
      env: { ...process.env, ...env, VESSEL_DATA: dataDir, VESSEL_KEY: key },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let peak = 0;
    let ticks = 0;
    const sample = () => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peak = Math.max(peak, Number(hwm[1]) * 1024);
        // utime and stime, fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name).
        const stat = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks = Math.max(ticks, Number(fields[11]) + Number(fields[12]));
      } catch {
        // exited between samples; the last sample stands (VmHWM only grows)
      }
    };
    const timer = setInterval(sample, 100);
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    clearInterval(timer);
    const seconds = (performance.now() - t0) / 1000;
    if (code !== 0) throw new Error(`vessel import exited with ${code}`);
    const { openVessel } = await import('../src/app/vessel.js');
    const v = await openVessel({ dataDir, key, databaseUrl: env.VESSEL_DATABASE_URL, pgSchema: env.VESSEL_PG_SCHEMA });
    try {
      const counts = await v.store.resources.countByType();
      const documents = await v.store.documents.countByState();
      return { seconds, cpuSeconds: ticks / 100, peakRssMb: Math.round(peak / 1048576), resources: Object.values(counts).reduce((a, b) => a + b, 0), documents };
    } finally {
      await v.close();
      void out;
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

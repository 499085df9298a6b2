// Crash safety of SMART syncs: a `vessel worker` syncing from a slow portal (the loopback
// OAuth + FHIR peers) is killed with SIGKILL at random moments, again and again; a last
// worker finishes. The store must end as after an uninterrupted sync: every resource and
// every document stored once, each attachment once in the vault, the connection connected
// with a last sync time, no job left queued, running or failed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { tempDir } from '../helpers/vessels.js';
import { connect, startPeers, type Peers } from './peers.js';
import { PATIENT_ID } from './fhir-server.js';
import { openVessel } from '../../src/app/vessel.js';
import { openEncryptedSqlite } from '../../src/store/sqlite-encryption.js';
import { loadKeyring } from '../../src/vault/key.js';

const BIN = path.resolve('bin/vessel.js');

/** More than the fixture's 13 resources: enough pages and attachments for kills to land mid-sync. */
function addMore(peers: Peers): void {
  const subject = { reference: `Patient/${PATIENT_ID}` };
  for (let i = 0; i < 10; i++) {
    peers.fhir.add({ resourceType: 'Observation', id: `extra-o${i}`, status: 'final', subject, effectiveDateTime: `2022-0${1 + (i % 9)}-15`, code: { coding: [{ system: 'http://loinc.org', code: '2345-7', display: 'Glucose' }] }, valueQuantity: { value: 90 + i, unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' } });
  }
  for (let i = 2; i <= 5; i++) {
    peers.fhir.binaries.set(`b${i}`, { contentType: 'text/plain', bytes: Buffer.from(`Visit note ${i}: follow-up in ${i} weeks.\n`) });
    peers.fhir.add({ resourceType: 'DocumentReference', id: `d${i}`, status: 'current', subject, date: `2023-0${i}-10T10:00:00Z`, type: { coding: [{ system: 'http://loinc.org', code: '11506-3', display: 'Progress note' }] }, content: [{ attachment: { contentType: 'text/plain', url: `Binary/b${i}`, title: `Visit note ${i}` } }] });
  }
}

/** Connects a fresh data folder to the peers and queues its first sync (not run here). */
async function connectedStore(dataDir: string, key: string, peers: Peers): Promise<string> {
  const v = await openVessel({ dataDir, key, databaseUrl: undefined });
  try {
    return (await connect(v, peers, { sync: true })).id;
  } finally {
    await v.close();
  }
}

function vaultObjects(dataDir: string): string[] {
  const root = path.join(dataDir, 'vault');
  const out: string[] = [];
  for (const dir of fs.readdirSync(root)) {
    if (dir === 'tmp' || !fs.statSync(path.join(root, dir)).isDirectory()) continue;
    out.push(...fs.readdirSync(path.join(root, dir)));
  }
  return out.sort();
}

/** Read beside the running worker, with the data folder's own key (the database is encrypted). */
function snapshot(dataDir: string, key: string) {
  const { db } = openEncryptedSqlite(path.join(dataDir, 'vessel.sqlite'), { keyring: loadKeyring(dataDir, key), readonly: true });
  try {
    const all = <T>(q: string) => db.prepare(q).all() as T[];
    const jobs = Object.fromEntries(all<{ state: string; n: number }>('SELECT state, count(*) AS n FROM jobs GROUP BY state').map((j) => [j.state, j.n]));
    const documents = all<{ d: string }>(`SELECT d.filename || ' ' || d.sha256 || ' ' || d.state || ' parent:' || coalesce(p.filename, '-') AS d FROM documents d LEFT JOIN documents p ON p.id = d.parent_id ORDER BY 1`).map((r) => r.d);
    const resources = all<{ id: string }>('SELECT id FROM resources ORDER BY id').map((r) => r.id);
    const conn = db.prepare('SELECT status, cursor_json, last_sync_at, last_counts_json, error FROM smart_connections').get() as { status: string; cursor_json: string | null; last_sync_at: string | null; last_counts_json: string | null; error: string | null };
    const running = all<{ kind: string; locked_by: string }>("SELECT kind, locked_by FROM jobs WHERE state = 'running'");
    const failed = all<{ kind: string; error: string; attempts: number }>("SELECT kind, error, attempts FROM jobs WHERE state = 'failed'");
    return { jobs, documents, resources, conn, running, failed };
  } finally {
    db.close();
  }
}

const pending = (dataDir: string, key: string) => {
  const s = snapshot(dataDir, key).jobs;
  return (s.queued ?? 0) + (s.running ?? 0);
};

test('kill -9 during SMART syncs, many times: every resource and attachment stored once, the sync finishes', async (t) => {
  const peers = await startPeers();
  const dirs: string[] = [];
  t.after(async () => {
    await peers.stop();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });
  addMore(peers);

  // Reference: the same sync, uninterrupted, in this process.
  const reference = tempDir();
  dirs.push(reference);
  const refKey = randomBytes(32).toString('hex');
  await connectedStore(reference, refKey, peers);
  const rv = await openVessel({ dataDir: reference, key: refKey, databaseUrl: undefined });
  await rv.runJobsUntilIdle();
  await rv.close();
  const expected = snapshot(reference, refKey);
  assert.equal(expected.conn.status, 'connected', expected.conn.error ?? '');
  assert.ok(expected.resources.length >= 27, `the reference sync stored the portal's resources (${expected.resources.length})`);
  const expectedCounts = JSON.parse(expected.conn.last_counts_json!);
  assert.equal(expectedCounts.attachments, 5);

  // The same sync from a slow portal, with the worker killed at random moments.
  peers.fhir.delayMs = 150;
  const data = tempDir();
  dirs.push(data);
  const key = randomBytes(32).toString('hex');
  await connectedStore(data, key, peers);
  const env = { ...process.env, VESSEL_DATA: data, VESSEL_KEY: key, VESSEL_DATABASE_URL: '' };
  let kills = 0;
  let midSync = 0;
  for (let round = 0; round < 5 && pending(data, key) > 0; round++) {
    const w = spawn(process.execPath, [BIN, 'worker', '--concurrency', '2'], { env, stdio: 'ignore' });
    // Once this worker holds a job (the sync, or pages being read after it), a random moment
    // later: not while the process is still starting up.
    const mine = () => snapshot(data, key).running.filter((j) => j.locked_by.split('/')[1] === String(w.pid));
    const started = Date.now();
    while (Date.now() - started < 20_000 && mine().length === 0 && pending(data, key) > 0) await sleep(50);
    await sleep(Math.floor(Math.random() * 1500));
    if (mine().some((j) => j.kind === 'smart-sync')) midSync++;
    w.kill('SIGKILL');
    await new Promise((r) => w.once('exit', r));
    kills++;
  }
  // A last worker finishes (the killed workers' jobs are taken back: their pids are dead).
  const last = spawn(process.execPath, [BIN, 'worker', '--concurrency', '2'], { env, stdio: 'ignore' });
  try {
    for (let i = 0; i < 1200 && pending(data, key) > 0; i++) await sleep(100);
  } finally {
    last.kill('SIGTERM');
    await new Promise((r) => last.once('exit', r));
  }
  console.log(`# killed the worker ${kills} times, ${midSync} of them while it was running the sync`);
  assert.ok(midSync >= 1, 'at least one kill landed in the middle of the sync');

  const got = snapshot(data, key);
  assert.deepEqual(got.jobs.queued ?? 0, 0, 'nothing left queued');
  assert.deepEqual(got.jobs.running ?? 0, 0, 'no job stuck running');
  assert.deepEqual(got.failed, [], 'no job failed');
  assert.equal(got.conn.status, 'connected', got.conn.error ?? '');
  assert.ok(got.conn.last_sync_at, 'the connection has a last sync time');
  assert.equal(got.conn.cursor_json, null, 'no half-finished sync left to resume');
  assert.deepEqual(got.resources, expected.resources, 'the same resources, each once');
  assert.deepEqual(got.documents, expected.documents, 'the same pages and attachments, each once and read');
  const counts = JSON.parse(got.conn.last_counts_json!);
  assert.deepEqual({ pages: counts.pages, resources: counts.resources, attachments: counts.attachments }, { pages: expectedCounts.pages, resources: expectedCounts.resources, attachments: expectedCounts.attachments }, 'the sync counted each page once');
  const objects = vaultObjects(data);
  assert.deepEqual(objects, vaultObjects(reference), 'the vault holds the same objects');
  assert.equal(new Set(objects).size, objects.length);
  const tmp = path.join(data, 'vault', 'tmp');
  assert.deepEqual(fs.existsSync(tmp) ? fs.readdirSync(tmp) : [], [], 'no half-written vault file left behind');
});

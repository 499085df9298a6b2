// Crash safety of processing and reconcile: `vessel worker` killed with SIGKILL at random
// moments, again and again, while it reads documents and merges the record; after a last
// run the merged record is exactly what an uninterrupted run makes, nothing failed or lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Bundle } from '@medplum/fhirtypes';
import { tempDir } from '../helpers/vessels.js';
import { openEncryptedSqlite } from '../../src/store/sqlite-encryption.js';
import { loadKeyring } from '../../src/vault/key.js';
import { fixtureBundle } from '../doctor/fixture.js';

const BIN = path.resolve('bin/vessel.js');
const envFor = (dataDir: string) => ({ ...process.env, VESSEL_DATA: dataDir, VESSEL_KEY: '', VESSEL_DATABASE_URL: '' });

/** The same person's record from 16 sources: each a copy of the fixture with its own ids. */
function writeSources(dir: string): void {
  for (let i = 0; i < 16; i++) {
    const b = JSON.parse(JSON.stringify(fixtureBundle()).replaceAll('"id":"', `"id":"s${i}-`).replaceAll('Patient/', `Patient/s${i}-`)) as Bundle;
    fs.writeFileSync(path.join(dir, `source-${i}.json`), JSON.stringify(b));
  }
}

function snapshot(dataDir: string) {
  // Read beside the running worker, with the data folder's own key (the database is encrypted).
  const { db } = openEncryptedSqlite(path.join(dataDir, 'vessel.sqlite'), { keyring: loadKeyring(dataDir), readonly: true });
  try {
    const jobs = db.prepare('SELECT state, count(*) AS n FROM jobs GROUP BY state').all() as Array<{ state: string; n: number }>;
    const docs = db.prepare('SELECT state, count(*) AS n FROM documents GROUP BY state').all() as Array<{ state: string; n: number }>;
    const resources = (db.prepare('SELECT count(*) AS n FROM resources').get() as { n: number }).n;
    const items = (db.prepare('SELECT kind, display, date, conflicts FROM record_items ORDER BY kind, display, date').all() as Array<Record<string, unknown>>).map((r) => JSON.stringify(r));
    return { jobs: Object.fromEntries(jobs.map((j) => [j.state, j.n])), docs: Object.fromEntries(docs.map((d) => [d.state, d.n])), resources, items };
  } finally {
    db.close();
  }
}

const pending = (dataDir: string) => {
  const s = snapshot(dataDir).jobs;
  return (s.queued ?? 0) + (s.running ?? 0);
};

test('kill -9 during processing and reconcile, many times: the record ends as if nothing happened', async () => {
  const src = tempDir();
  writeSources(src);

  // Reference: one uninterrupted run.
  const reference = tempDir();
  const ref = spawnSync(process.execPath, [BIN, 'import', src], { env: envFor(reference), encoding: 'utf8' });
  assert.equal(ref.status, 0, ref.stderr);
  const expected = snapshot(reference);
  assert.ok(expected.items.length > 10, 'the reference record has merged items');

  // The same files, with the worker killed at random moments.
  const data = tempDir();
  const imp = spawnSync(process.execPath, [BIN, 'import', '--no-wait', src], { env: envFor(data), encoding: 'utf8' });
  assert.equal(imp.status, 0, imp.stderr);
  let kills = 0;
  for (let round = 0; round < 6 && pending(data) > 0; round++) {
    const w = spawn(process.execPath, [BIN, 'worker', '--concurrency', '2'], { env: envFor(data), stdio: 'ignore' });
    await sleep(1200 + Math.floor(Math.random() * 2500));
    w.kill('SIGKILL');
    await new Promise((r) => w.once('exit', r));
    kills++;
  }
  // A last worker finishes what is left (a killed worker's jobs are taken back: its pid is dead).
  const last = spawn(process.execPath, [BIN, 'worker', '--concurrency', '2'], { env: envFor(data), stdio: 'ignore' });
  try {
    for (let i = 0; i < 900 && pending(data) > 0; i++) await sleep(100);
  } finally {
    last.kill('SIGTERM');
    await new Promise((r) => last.once('exit', r));
  }
  const got = snapshot(data);
  console.log(`# killed the worker ${kills} times`);
  assert.equal(pending(data), 0, 'no work left behind');
  assert.equal(got.jobs.failed ?? 0, 0, 'no job failed');
  assert.deepEqual(got.docs, expected.docs, 'every document read, as in the uninterrupted run');
  assert.equal(got.resources, expected.resources, 'no fact doubled or lost');
  assert.deepEqual(got.items, expected.items, 'the merged record is the same');
  for (const d of [src, reference, data]) fs.rmSync(d, { recursive: true, force: true });
});

// Scale-out on PostgreSQL: several `vessel worker` processes take jobs from one queue; one is
// killed with SIGKILL midway; every document ends processed exactly once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { DATABASE_URL, postgresSkipReason, tempDir } from '../helpers/vessels.js';

const BIN = path.resolve('bin/vessel.js');

test('worker processes on PostgreSQL survive a kill -9 and process every document once', { skip: await postgresSkipReason() }, async (t) => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const data = tempDir();
  const env = { ...process.env, VESSEL_DATA: data, VESSEL_DATABASE_URL: DATABASE_URL, VESSEL_PG_SCHEMA: schema, VESSEL_KEY: randomBytes(32).toString('hex') };
  const workers: ChildProcess[] = [];
  t.after(async () => {
    for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
    const c = new pg.Client({ connectionString: DATABASE_URL });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await c.end();
    fs.rmSync(data, { recursive: true, force: true });
  });

  const src = tempDir();
  const N = 400;
  for (let i = 0; i < N; i++) fs.writeFileSync(path.join(src, `note${i}.txt`), `visit note ${i} ${randomBytes(6).toString('hex')}`);
  const imp = spawnSync(process.execPath, [BIN, 'import', '--no-wait', src], { env, encoding: 'utf8' });
  assert.equal(imp.status, 0, imp.stderr);

  const startWorker = () => {
    const w = spawn(process.execPath, [BIN, 'worker', '--concurrency', '2'], { env, stdio: 'ignore' });
    workers.push(w);
    return w;
  };
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  t.after(() => db.end());
  const counts = async () => {
    const r = await db.query(`SELECT state, count(*)::int AS n FROM "${schema}".jobs GROUP BY state`);
    return Object.fromEntries(r.rows.map((x: { state: string; n: number }) => [x.state, x.n])) as Record<string, number>;
  };

  const victim = startWorker();
  startWorker();
  // Kill one worker once the two have made some progress.
  for (let i = 0; i < 600 && ((await counts()).done ?? 0) < 40; i++) await sleep(100);
  victim.kill('SIGKILL');
  startWorker();
  let c: Record<string, number> = {};
  for (let i = 0; i < 1200; i++) {
    c = await counts();
    if ((c.done ?? 0) === N) break;
    await sleep(100);
  }
  assert.deepEqual(c, { done: N }, 'every job done, none lost or failed');
  const docs = await db.query(`SELECT state, count(*)::int AS n FROM "${schema}".documents GROUP BY state`);
  assert.deepEqual(docs.rows, [{ state: 'done', n: N }]);
  const pages = await db.query(`SELECT count(*)::int AS n, count(DISTINCT document_id)::int AS d FROM "${schema}".pages`);
  assert.deepEqual(pages.rows[0], { n: N, d: N }, 'each document read once: one page each, none doubled');
});

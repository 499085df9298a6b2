/**
 * Before/after check of the timeline on the bench person: the timeline function of another tree
 * (e.g. `git worktree add /tmp/wt-old <commit>` with node_modules linked) and of this one, run on
 * one seeded store, must give identical JSON for every query here; then both are timed
 * alternately (20 runs each, p50/p95 ms, CPU ms of this process per call, load average).
 *
 *   npx tsx bench/timeline-compare.ts --old=/tmp/wt-old [--postgres] [--no-times]
 *
 * The store is made by this tree's migrations. Trees before migration 0017 read what it dropped:
 * SQLite's month index (0011) is put back and PostgreSQL's per-person month counts (0015) are
 * given as a view over `timeline_counts` (so their unfiltered timings are not theirs).
 */
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openTestVessel, postgresSkipReason } from '../test/helpers/vessels.js';
import { seedSyntheticPerson } from '../src/record/reconcile/bench.js';
import { labelBenchFacilities } from '../src/views/bench.js';
import { timeline, type TimelineQuery } from '../src/views/timeline.js';

const args = process.argv.slice(2);
const oldTree = args.find((a) => a.startsWith('--old='))?.slice(6);
if (!oldTree) throw new Error('usage: npx tsx bench/timeline-compare.ts --old=<path of the other tree>');
const dialect = args.includes('--postgres') ? 'postgres' : 'sqlite';
if (dialect === 'postgres' && (await postgresSkipReason())) throw new Error(String(await postgresSkipReason()));
const oldTimeline = (await import(path.resolve(oldTree, 'src/views/timeline.ts'))).timeline as typeof timeline;

const tv = await openTestVessel(dialect);
try {
  const { store } = tv.vessel;
  const seeded = await seedSyntheticPerson(store);
  await labelBenchFacilities(store, seeded.personId);
  if (dialect === 'sqlite') await sql`CREATE INDEX IF NOT EXISTS resources_person_type_month_document ON resources (person_id, resource_type, substr(date, 1, 7), document_id)`.execute(store.db);
  else {
    await sql`CREATE OR REPLACE VIEW timeline_month_counts AS SELECT person_id, resource_type, month, sum(n) AS n FROM timeline_counts GROUP BY 1, 2, 3`.execute(store.db);
    for (const t of ['resources', 'documents', 'timeline_counts']) await sql`VACUUM ANALYZE ${sql.table(t)}`.execute(store.db);
  }
  const doc = (await store.db.selectFrom('documents').select('id').where('person_id', '=', seeded.personId).orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
  const timed: Array<[string, TimelineQuery]> = [
    ['all years', {}],
    ['one year', { from: '2019', to: '2020' }],
    ['facility on most documents', { facility: 'Mercy Hospital' }],
    ['same, one year', { facility: 'Mercy Hospital', from: '2019', to: '2020' }],
    ['facility on a tenth', { facility: 'Valley Clinic' }],
    ['source on most documents', { channel: 'cli' }],
    ['same, one year ', { channel: 'cli', from: '2019', to: '2020' }],
    ['source of a tenth', { channel: 'smart' }],
    ['one document', { document: doc }],
    ['same, one year  ', { document: doc, from: '2019', to: '2020' }],
  ];
  const compared: Array<[string, TimelineQuery]> = [
    ...timed,
    ['facility of a tenth, one year', { facility: 'Valley Clinic', from: '2019', to: '2020' }],
    ['page 3 of 40', { facility: 'Mercy Hospital', limit: 40, offset: 80 }],
    ['one month (days)', { facility: 'Mercy Hospital', from: '2019-03', to: '2019-04' }],
    ['two years', { facility: 'Mercy Hospital', from: '2018-06', to: '2020-06' }],
    ['two types', { facility: 'Mercy Hospital', types: ['Observation', 'Document'] }],
    ['far page', { facility: 'Valley Clinic', offset: 500, limit: 100 }],
    ['no such facility', { facility: 'Nowhere' }],
  ];
  for (const [name, q] of compared) assert.deepEqual(await timeline(store, seeded.personId, q), await oldTimeline(store, seeded.personId, q), name);
  console.log(`${compared.length} queries: identical JSON (${dialect}, ${seeded.resources} resources)`);
  if (!args.includes('--no-times')) {
    const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
    for (const [name, q] of timed) {
      const line: string[] = [];
      for (const [which, fn] of [['old', oldTimeline], ['new', timeline], ['old', oldTimeline], ['new', timeline]] as const) {
        await fn(store, seeded.personId, q);
        const times: number[] = [];
        const cpu0 = process.cpuUsage();
        for (let i = 0; i < 20; i++) {
          const t0 = performance.now();
          await fn(store, seeded.personId, q);
          times.push(performance.now() - t0);
        }
        const cpu = process.cpuUsage(cpu0);
        times.sort((a, b) => a - b);
        line.push(`${which} ${pct(times, 50).toFixed(1)}/${pct(times, 95).toFixed(1)} cpu ${((cpu.user + cpu.system) / 20000).toFixed(1)} load ${os.loadavg()[0].toFixed(1)}`);
      }
      console.log(name.padEnd(28), line.join(' | '));
    }
  }
} finally {
  await tv.cleanup();
}

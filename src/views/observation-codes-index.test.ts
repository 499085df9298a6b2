// Observations' codes are indexed for Observations only (migration 0021): a b-tree entry per
// Observation instead of one per stored resource. The labs overview, a lab's results and the
// vital-signs list still show exactly what the stored resources say, and (SQLite) the lists that
// filter Observations by a code read that index alone, as they read the index it replaces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DIALECTS, openTestVessel, postgresSkipReason } from '../../test/helpers/vessels.js';
import { labsView, listView, observationGroup } from './lists.js';

const GLUCOSE = 'http://loinc.org|2345-7';

for (const dialect of DIALECTS) test(`Observations' codes have an index of their own, and the labs and vitals views read it (${dialect})`, { skip: dialect === 'postgres' ? await postgresSkipReason() : false }, async (t) => {
  const tv = await openTestVessel(dialect);
  t.after(() => tv.cleanup());
  const { store } = tv.vessel;
  const { seedSyntheticPerson } = await import('../record/reconcile/bench.js');
  const { personId } = await seedSyntheticPerson(store, { sources: 2, visitsPerSource: 4 });

  // The index: Observations only, and the all-types codes index of migration 0006 is gone.
  const indexes =
    dialect === 'sqlite'
      ? (await sql<{ name: string; def: string }>`SELECT name, sql AS def FROM sqlite_master WHERE type = 'index' AND tbl_name = 'resources'`.execute(store.db)).rows
      : (await sql<{ name: string; def: string }>`SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE tablename = 'resources' AND schemaname = current_schema()`.execute(store.db)).rows;
  const byName = new Map(indexes.map((i) => [i.name, i.def]));
  assert.equal(byName.has('resources_person_type_codes'), false, 'the codes index of every resource is dropped');
  assert.match(byName.get('resources_observation_codes') ?? '', /\(person_id, codes, date, id\) WHERE \(?resource_type = 'Observation'/i);

  if (dialect === 'sqlite') {
    // The filtered list's ids come from the Observations' index alone (no row read per Observation).
    // Looked at first: the driver keeps its prepared statements, so a later call would not prepare it.
    const raw = store.sqliteHandle()!;
    const plans: string[] = [];
    const prepare = raw.prepare;
    raw.prepare = ((text: string) => {
      if (/^\s*SELECT r\.id FROM resources/i.test(text)) {
        const explain = prepare.call(raw, `EXPLAIN QUERY PLAN ${text}`) as unknown as { all(...params: unknown[]): Array<{ detail: string }> };
        plans.push(explain.all(personId, `% ${GLUCOSE} %`, 20000, 0).map((r) => r.detail).join(' | '));
      }
      return prepare.call(raw, text);
    }) as typeof raw.prepare;
    try {
      await observationGroup(store, personId, 'loinc:2345-7', 'lab');
    } finally {
      raw.prepare = prepare;
    }
    assert.ok(plans.length > 0, 'the lab group asked for its ids');
    for (const p of plans) assert.match(p, /USING COVERING INDEX resources_observation_codes/);
  }

  // What a user sees, against the stored resources counted by hand.
  const observations = await store.db.selectFrom('resources').select(['id', 'codes', 'date']).where('person_id', '=', personId).where('resource_type', '=', 'Observation').execute();
  const glucose = observations.filter((o) => ` ${o.codes} `.includes(` ${GLUCOSE} `));
  const vitals = observations.filter((o) => ` ${o.codes} `.includes('|vital-signs '));
  assert.ok(glucose.length > 0 && vitals.length > 0);

  const group = await observationGroup(store, personId, 'loinc:2345-7', 'lab');
  assert.deepEqual(group?.points.map((p) => p.resourceId).sort(), glucose.map((o) => o.id).sort());
  const labs = await labsView(store, personId);
  const glucoseGroup = labs.find((g) => g.key === 'loinc:2345-7');
  assert.equal(glucoseGroup?.count, glucose.length);
  assert.equal(glucoseGroup?.latest.date?.slice(0, 10), glucose.map((o) => o.date!).sort().at(-1)!.slice(0, 10));
  const vitalList = await listView(store, personId, 'vitals', { limit: 1000 });
  assert.equal(vitalList.total, vitals.length);
  assert.deepEqual(vitalList.items.map((f) => f.id).sort(), vitals.map((o) => o.id).sort());

});

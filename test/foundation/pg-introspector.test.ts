// Vessel's PostgreSQL migrations start while other schemas of the same database come and go
// (tests in parallel, a second Vessel being removed). Kysely's stock introspector lists every
// table of every schema and failed with "schema … does not exist" when one was dropped meanwhile
// (measured: 12 of 300 listings against a dropping loop); the scoped one reads our schema only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Kysely } from 'kysely';
import { ScopedPostgresDialect } from '../../src/store/pg-introspector.js';
import { DATABASE_URL, openTestVessel, postgresSkipReason } from '../helpers/vessels.js';

const pgSkip = await postgresSkipReason();

test('PostgreSQL start-up is not disturbed by other schemas being dropped', { skip: pgSkip }, async () => {
  const churn = new pg.Client({ connectionString: DATABASE_URL });
  await churn.connect();
  const prefix = `churn_${randomBytes(4).toString('hex')}`;
  let stop = false;
  // Other schemas with serial columns appear and disappear the whole time.
  const loop = (async () => {
    for (let i = 0; !stop; i++) {
      const s = `${prefix}_${i % 4}`;
      await churn.query(`create schema if not exists ${s}; create table if not exists ${s}.t (id serial primary key, a int)`);
      await churn.query(`drop schema ${s} cascade`);
    }
  })();
  const tv = await openTestVessel('postgres');
  const schema = tv.pgSchema!;
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 2, options: `-c search_path="${schema}"` });
  const db = new Kysely<any>({ dialect: new ScopedPostgresDialect({ pool }) });
  try {
    const failures: string[] = [];
    let tables: string[] = [];
    for (let n = 0; n < 300; n++) {
      try {
        tables = (await db.introspection.getTables({ withInternalKyselyTables: true })).map((t) => `${t.schema}.${t.name}`);
      } catch (err) {
        failures.push((err as Error).message);
      }
    }
    assert.deepEqual(failures.slice(0, 3), [], 'no listing failed');
    // What the migrator looks for, and only our own schema's tables.
    assert.ok(tables.includes(`${schema}.kysely_migration`), `the migration table is found: ${tables.join(', ')}`);
    assert.ok(tables.includes(`${schema}.resources`), 'Vessel tables are listed');
    assert.ok(tables.every((t) => t.startsWith(`${schema}.`)), 'no other schema is listed');
    // And a second Vessel starts on its own schema meanwhile.
    const second = await openTestVessel('postgres');
    await second.cleanup();
  } finally {
    stop = true;
    await loop;
    await churn.end();
    await db.destroy();
    await tv.cleanup();
  }
});

// The embedded database is encrypted at rest: nothing a person's record says can be read off the
// data folder's files, the wrong key is refused plainly (the file left as it was), and a plaintext
// database from a version before encryption is encrypted when the new version first opens it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { Kysely, SqliteDialect } from 'kysely';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { openVessel } from '../../src/app/vessel.js';
import { Store } from '../../src/store/store.js';
import { migrateToLatest } from '../../src/store/migrations.js';
import type { Database } from '../../src/store/schema.js';
import { DatabaseKeyError, openEncryptedSqlite } from '../../src/store/sqlite-encryption.js';
import { tempDir } from '../helpers/vessels.js';
import { textFixtureAdapter } from '../helpers/text-adapter.js';
import { filesContaining } from '../helpers/plaintext.js';

const NAME = 'Wilhelmina Quarrington';
const PAGE_TEXT = 'Colonoscopy findings: a sessile polyp in the transverse colon';

function digestOf(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

async function importRecord(dataDir: string, key: string) {
  const v = await openVessel({ dataDir, key, databaseUrl: '', adapters: [textFixtureAdapter] });
  try {
    const [given, family] = NAME.split(' ');
    await v.importer.importBytes(Buffer.from(`Patient: ${given} ${family}, 1961-07-14, MRN 4471\nGlucose 104 mg/dL 2021-03-04\n${PAGE_TEXT}\n`), 'visit.txt', { channel: 'cli' });
    await v.runJobsUntilIdle({ pollMs: 10 });
    // The record really is in the database: the test below would pass vacuously otherwise.
    assert.equal((await v.store.people.list())[0]?.displayName, NAME);
    assert.ok((await v.store.search.search('sessile polyp')).length > 0, 'the page text is searchable');
  } finally {
    await v.close();
  }
}

test('the data folder holds no readable name or page text, open or closed', async () => {
  const dataDir = tempDir();
  try {
    const key = randomBytes(32).toString('base64');
    await importRecord(dataDir, key);
    assert.deepEqual(filesContaining(dataDir, NAME.split(' ')[1]), [], 'the family name is in no file');
    assert.deepEqual(filesContaining(dataDir, 'sessile polyp'), [], 'the page text is in no file');

    // While Vessel runs, the write-ahead log holds recent pages: encrypted too.
    const v = await openVessel({ dataDir, key, databaseUrl: '' });
    try {
      await v.store.people.create({ given: ['Bartholomew'], family: 'Fenwickshire', birthDate: '1990-01-01' });
      assert.ok(fs.statSync(path.join(dataDir, 'vessel.sqlite-wal')).size > 0, 'the new row is in the write-ahead log');
      assert.deepEqual(filesContaining(dataDir, 'Fenwickshire'), []);
    } finally {
      await v.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('another key is refused with a clear error; the database is left as it was', async () => {
  const dataDir = tempDir();
  try {
    const key = randomBytes(32).toString('base64');
    await importRecord(dataDir, key);
    const file = path.join(dataDir, 'vessel.sqlite');
    const before = digestOf(file);
    await assert.rejects(
      openVessel({ dataDir, key: randomBytes(32).toString('base64'), databaseUrl: '' }),
      (err: Error) => err instanceof DatabaseKeyError && /does not open with the vault key/.test(err.message),
    );
    assert.equal(digestOf(file), before, 'the database file is untouched');
    const v = await openVessel({ dataDir, key, databaseUrl: '' });
    try {
      assert.equal((await v.store.people.list())[0]?.displayName, NAME, 'the right key still opens the record');
    } finally {
      await v.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

/**
 * What a version before encryption left: a plaintext SQLite file in WAL mode written through the
 * same migrations and repositories, killed with work still in the write-ahead log.
 */
async function writePlaintextDatabase(dataDir: string): Promise<void> {
  const live = tempDir();
  const raw = new Sqlite(path.join(live, 'vessel.sqlite'));
  raw.pragma('journal_mode = WAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  try {
    await migrateToLatest(db, 'sqlite');
    const store = new Store(db, 'sqlite');
    const [given, family] = NAME.split(' ');
    const person = await store.people.create({ given: [given], family, birthDate: '1961-07-14' });
    const { doc } = await store.documents.insertIfNew({ sha256: 'a'.repeat(64), channel: 'cli', filename: 'visit.txt', format: 'text', size: 100, state: 'done', personId: person.id });
    await store.search.insertPages(doc.id, [{ page: 1, text: PAGE_TEXT, method: 'plain' }]);
    // Copied while the connection is open, as a kill would leave it.
    for (const f of fs.readdirSync(live)) fs.copyFileSync(path.join(live, f), path.join(dataDir, f));
  } finally {
    await db.destroy();
    fs.rmSync(live, { recursive: true, force: true });
  }
}

test('a plaintext database from before encryption is encrypted on first open, nothing lost', async () => {
  const dataDir = tempDir();
  try {
    await writePlaintextDatabase(dataDir);
    assert.ok(fs.existsSync(path.join(dataDir, 'vessel.sqlite-wal')), 'the old version left a write-ahead log');
    assert.ok(filesContaining(dataDir, 'Quarrington').length > 0, 'the fixture is plaintext');
    // A copy left by a run killed mid-way (its process is gone) is thrown away.
    fs.writeFileSync(path.join(dataDir, 'vessel.sqlite.999999999.reencrypt'), 'half a copy');

    const key = randomBytes(32).toString('base64');
    const v = await openVessel({ dataDir, key, databaseUrl: '' });
    try {
      assert.equal(v.store.sqliteKey, 'encrypted-plaintext');
      assert.equal((await v.store.people.list())[0]?.displayName, NAME, 'the person is there');
      const hits = await v.store.search.search('sessile polyp');
      assert.equal(hits.length, 1, 'the page text is there and searchable');
    } finally {
      await v.close();
    }
    assert.deepEqual(filesContaining(dataDir, 'Quarrington'), [], 'no plaintext name left in the data folder');
    assert.deepEqual(filesContaining(dataDir, 'sessile polyp'), [], 'no plaintext page text left in the data folder');
    assert.deepEqual(fs.readdirSync(dataDir).filter((f) => f.includes('reencrypt')), [], 'no copy left behind');

    const again = await openVessel({ dataDir, key, databaseUrl: '' });
    try {
      assert.equal(again.store.sqliteKey, 'opened', 'the second start just opens it');
    } finally {
      await again.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a re-key is refused while another process has the database open, and keeps everything once it runs', async () => {
  const dataDir = tempDir();
  try {
    const oldKey = randomBytes(32).toString('base64');
    const newKey = randomBytes(32).toString('base64');
    await importRecord(dataDir, oldKey);
    const running = await openVessel({ dataDir, key: oldKey, databaseUrl: '' });
    try {
      await assert.rejects(openVessel({ dataDir, key: `${newKey},${oldKey}`, databaseUrl: '' }), /open in another process/);
      assert.equal((await running.store.people.list())[0]?.displayName, NAME, 'the running one is undisturbed');
    } finally {
      await running.close();
    }
    const rotated = await openVessel({ dataDir, key: `${newKey},${oldKey}`, databaseUrl: '' });
    try {
      assert.equal(rotated.store.sqliteKey, 'rekeyed');
    } finally {
      await rotated.close();
    }
    const v = await openVessel({ dataDir, key: newKey, databaseUrl: '' });
    try {
      assert.equal((await v.store.people.list())[0]?.displayName, NAME);
      assert.equal((await v.store.search.search('sessile polyp')).length, 1);
    } finally {
      await v.close();
    }
    await assert.rejects(openVessel({ dataDir, key: oldKey, databaseUrl: '' }), DatabaseKeyError, 'the old key no longer opens it');
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('processes starting together on a plaintext database: one encrypts it, all open it, no write lost', async () => {
  const dataDir = tempDir();
  try {
    const file = path.join(dataDir, 'vessel.sqlite');
    const plain = new Sqlite(file);
    plain.pragma('journal_mode = WAL');
    plain.exec('CREATE TABLE started (name TEXT); CREATE TABLE filler (t TEXT)');
    const fill = plain.prepare('INSERT INTO filler VALUES (?)');
    // Big enough (~20 MB) that the others arrive while the copy is being written.
    plain.transaction(() => {
      for (let i = 0; i < 20_000; i++) fill.run(randomBytes(500).toString('hex'));
    })();
    plain.close();
    const key = randomBytes(32);
    const script = `
      import { openEncryptedSqlite } from ${JSON.stringify(path.resolve('src/store/sqlite-encryption.ts'))};
      const { db, outcome } = openEncryptedSqlite(process.argv[1], { keyring: [Buffer.from(process.argv[2], 'hex')] });
      db.prepare('INSERT INTO started VALUES (?)').run(process.argv[3]);
      db.close();
      console.log(outcome);`;
    const start = (name: string) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, file, key.toString('hex'), name]);
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (out += d));
        child.on('exit', (code) => resolve({ code, out: out.trim() }));
      });
    const results = await Promise.all(['server', 'worker-1', 'worker-2'].map(start));
    for (const r of results) assert.equal(r.code, 0, r.out);
    assert.deepEqual(results.map((r) => r.out).sort(), ['encrypted-plaintext', 'opened', 'opened']);
    const { db } = openEncryptedSqlite(file, { keyring: [key], readonly: true });
    try {
      assert.deepEqual((db.prepare('SELECT name FROM started ORDER BY name').all() as Array<{ name: string }>).map((r) => r.name), ['server', 'worker-1', 'worker-2']);
      assert.equal((db.prepare('SELECT count(*) AS n FROM filler').get() as { n: number }).n, 20_000);
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

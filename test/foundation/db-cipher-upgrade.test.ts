// A database written in the SQLCipher 4 scheme (what Vessel used before AEGIS-256) is
// re-encrypted when the new version first opens it: nothing lost, nothing readable left, the old
// scheme no longer opens the file, and a process killed in the middle of it leaves a database
// that the next start opens whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { Kysely, SqliteDialect } from 'kysely';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { openVessel } from '../../src/app/vessel.js';
import { Store } from '../../src/store/store.js';
import { migrateToLatest } from '../../src/store/migrations.js';
import type { Database } from '../../src/store/schema.js';
import { databaseKeyHex, openEncryptedSqlite } from '../../src/store/sqlite-encryption.js';
import { tempDir } from '../helpers/vessels.js';
import { filesContaining } from '../helpers/plaintext.js';

const NAME = 'Ottoline Brackenbury';
const PAGE_TEXT = 'Echocardiogram: mild mitral regurgitation, ejection fraction 58 percent';

/** Opens `file` the way the version before AEGIS did: SQLCipher 4, raw key derived from the vault key. */
function openSqlcipher(file: string, vaultKey: Buffer): Sqlite.Database {
  const raw = new Sqlite(file);
  raw.pragma(`cipher = 'sqlcipher'`);
  raw.pragma('legacy = 4');
  raw.pragma(`key = "x'${databaseKeyHex(vaultKey, 'sqlcipher')}'"`);
  return raw;
}

/** What the previous version left: a SQLCipher 4 database in WAL mode, killed with work still in its log. */
async function writeSqlcipherDatabase(dataDir: string, vaultKey: Buffer): Promise<void> {
  const live = tempDir();
  const raw = openSqlcipher(path.join(live, 'vessel.sqlite'), vaultKey);
  raw.pragma('journal_mode = WAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  try {
    await migrateToLatest(db, 'sqlite');
    const store = new Store(db, 'sqlite');
    const [given, family] = NAME.split(' ');
    const person = await store.people.create({ given: [given], family, birthDate: '1958-11-02' });
    const { doc } = await store.documents.insertIfNew({ sha256: 'b'.repeat(64), channel: 'cli', filename: 'echo.txt', format: 'text', size: 100, state: 'done', personId: person.id });
    await store.search.insertPages(doc.id, [{ page: 1, text: PAGE_TEXT, method: 'plain' }]);
    for (const f of fs.readdirSync(live)) fs.copyFileSync(path.join(live, f), path.join(dataDir, f));
  } finally {
    await db.destroy();
    fs.rmSync(live, { recursive: true, force: true });
  }
}

/** True when the SQLCipher scheme (under this vault key) reads the file. */
function sqlcipherOpens(file: string, vaultKey: Buffer): boolean {
  const raw = openSqlcipher(file, vaultKey);
  try {
    raw.prepare('SELECT count(*) FROM sqlite_schema').get();
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') return false;
    throw err;
  } finally {
    raw.close();
  }
}

test('a SQLCipher-scheme database is re-encrypted with AEGIS-256 on first open, nothing lost', async () => {
  const dataDir = tempDir();
  try {
    const key = randomBytes(32);
    await writeSqlcipherDatabase(dataDir, key);
    const file = path.join(dataDir, 'vessel.sqlite');
    assert.ok(sqlcipherOpens(file, key), 'the fixture is in the old scheme');

    const v = await openVessel({ dataDir, key: key.toString('base64'), databaseUrl: '' });
    try {
      assert.equal(v.store.sqliteKey, 'reencrypted-aegis');
      assert.equal((await v.store.people.list())[0]?.displayName, NAME, 'the person is there');
      assert.equal((await v.store.search.search('mitral regurgitation')).length, 1, 'the page text is there and searchable');
    } finally {
      await v.close();
    }
    assert.equal(sqlcipherOpens(file, key), false, 'the old scheme no longer reads it');
    assert.deepEqual(filesContaining(dataDir, 'Brackenbury'), [], 'no readable name in the data folder');
    assert.deepEqual(filesContaining(dataDir, 'mitral regurgitation'), [], 'no readable page text in the data folder');
    assert.deepEqual(fs.readdirSync(dataDir).filter((f) => f.includes('reencrypt')), [], 'no copy left behind');

    const again = await openVessel({ dataDir, key: key.toString('base64'), databaseUrl: '' });
    try {
      assert.equal(again.store.sqliteKey, 'opened', 'the second start just opens it');
    } finally {
      await again.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a rotation that starts on a SQLCipher-scheme database under the old key ends under the new key alone', async () => {
  const dataDir = tempDir();
  try {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    await writeSqlcipherDatabase(dataDir, oldKey);
    const rotated = await openVessel({ dataDir, key: `${newKey.toString('base64')},${oldKey.toString('base64')}`, databaseUrl: '' });
    try {
      assert.equal(rotated.store.sqliteKey, 'rekeyed');
    } finally {
      await rotated.close();
    }
    const v = await openVessel({ dataDir, key: newKey.toString('base64'), databaseUrl: '' });
    try {
      assert.equal((await v.store.people.list())[0]?.displayName, NAME);
    } finally {
      await v.close();
    }
    await assert.rejects(openVessel({ dataDir, key: oldKey.toString('base64'), databaseUrl: '' }), /does not open with the vault key/);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('killed while re-encrypting a SQLCipher-scheme database: the next start opens it whole', async () => {
  const dataDir = tempDir();
  try {
    const key = randomBytes(32);
    const file = path.join(dataDir, 'vessel.sqlite');
    const old = openSqlcipher(file, key);
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE filler (t TEXT)');
    const fill = old.prepare('INSERT INTO filler VALUES (?)');
    // ~20 MB: the copy takes long enough for kills to land inside it.
    old.transaction(() => {
      for (let i = 0; i < 20_000; i++) fill.run(randomBytes(500).toString('hex'));
    })();
    old.close();
    const script = `
      import { openEncryptedSqlite } from ${JSON.stringify(path.resolve('src/store/sqlite-encryption.ts'))};
      const { db, outcome } = openEncryptedSqlite(process.argv[1], { keyring: [Buffer.from(process.argv[2], 'hex')] });
      db.close();
      console.log(outcome);`;
    const outcomes: string[] = [];
    // Kills at growing delays: early ones land before or during the copy, later ones may not land at all.
    for (const delayMs of [250, 450, 650, 900, 1200]) {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, file, key.toString('hex')]);
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), delayMs + Math.floor(Math.random() * 200));
      await new Promise((resolve) => child.on('exit', resolve));
      clearTimeout(timer);
      if (out.trim()) outcomes.push(out.trim());
    }
    const { db, outcome } = openEncryptedSqlite(file, { keyring: [key] });
    try {
      outcomes.push(outcome);
      assert.equal((db.prepare('SELECT count(*) AS n FROM filler').get() as { n: number }).n, 20_000, 'every row kept');
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    } finally {
      db.close();
    }
    // A process killed after its rename but before it printed leaves the next one just opening.
    assert.ok(outcomes.filter((o) => o === 'reencrypted-aegis').length <= 1, `re-encrypted at most once (outcomes: ${outcomes.join(', ')})`);
    assert.equal(sqlcipherOpens(file, key), false, 'the old scheme no longer reads it');
    // The copies of killed processes were removed by the run that finished the job.
    assert.deepEqual(fs.readdirSync(dataDir).filter((f) => f.includes('reencrypt')), []);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a SQLCipher-scheme database left with a hot journal by a killed writer is re-encrypted whole on the next start', async () => {
  const dataDir = tempDir();
  try {
    const key = randomBytes(32);
    const file = path.join(dataDir, 'vessel.sqlite');
    const old = openSqlcipher(file, key);
    old.exec('CREATE TABLE filler (t TEXT)');
    old.prepare('INSERT INTO filler VALUES (?)').run('kept');
    old.close();
    // A writer in rollback-journal mode killed inside its transaction (what a re-encryption killed while
    // leaving WAL leaves): its journal is hot; a read-only connection, or another scheme's key, cannot roll it back.
    const script = `
      import Sqlite from 'better-sqlite3-multiple-ciphers';
      const db = new Sqlite(process.argv[1]);
      db.pragma("cipher = 'sqlcipher'");
      db.pragma('legacy = 4');
      db.pragma("key = \\"x'" + process.argv[2] + "'\\"");
      db.pragma('journal_mode = DELETE');
      db.pragma('cache_size = 2');
      db.exec('BEGIN');
      const fill = db.prepare('INSERT INTO filler VALUES (?)');
      for (let i = 0; i < 2000; i++) fill.run('x'.repeat(500));
      console.log('inside');
      setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, file, databaseKeyHex(key, 'sqlcipher')]);
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d) => String(d).includes('inside') && resolve());
      child.on('exit', (code) => reject(new Error(`writer exited ${code} before its transaction was open`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    assert.ok(fs.existsSync(`${file}-journal`), 'the killed writer left its journal');

    const { db, outcome } = openEncryptedSqlite(file, { keyring: [key] });
    try {
      assert.equal(outcome, 'reencrypted-aegis');
      assert.deepEqual(db.prepare('SELECT t FROM filler').all(), [{ t: 'kept' }], 'the killed transaction rolled back, the committed row kept');
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    } finally {
      db.close();
    }
    assert.equal(sqlcipherOpens(file, key), false, 'the old scheme no longer reads it');
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

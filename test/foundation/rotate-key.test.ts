// `vessel rotate-key`, killed with SIGKILL at random moments and run again: in the end the
// database, every original, connection token and share key open with the new key alone, and
// nothing is lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { openVessel } from '../../src/app/vessel.js';
import { tempDir } from '../helpers/vessels.js';
import { textFixtureAdapter } from '../helpers/text-adapter.js';
import { ConnectionsRepo } from '../../src/smart/repo.js';
import { createShare, parseWhat, resealShareKey } from '../../src/share/shl.js';
import { DatabaseKeyError, openEncryptedSqlite } from '../../src/store/sqlite-encryption.js';
import { loadKeyring } from '../../src/vault/key.js';

const BIN = path.resolve('bin/vessel.js');
const env = (dataDir: string) => ({ ...process.env, VESSEL_DATA: dataDir, VESSEL_KEY: '', VESSEL_DATABASE_URL: '' });

function originalFor(i: number): Buffer {
  // Deterministic, distinct content, 32–96 KB: enough objects that a kill lands mid-way.
  const seed = createHash('sha256').update(`original ${i}`).digest();
  return Buffer.concat(Array.from({ length: 1024 + (i % 64) * 32 }, () => seed));
}

/**
 * Everything in the database but what a rotation rewrites on purpose (sealed secrets, its own
 * audit event), read with only the given keys, as sorted rows per table.
 */
function databaseContents(dataDir: string, keyring: Buffer[]): string {
  const { db } = openEncryptedSqlite(path.join(dataDir, 'vessel.sqlite'), { keyring, readonly: true });
  try {
    const rewritten = new Set(['shares', 'smart_connections', 'smart_authorizations', 'sqlite_sequence']);
    const tables = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all() as Array<{ name: string }>).filter((t) => !rewritten.has(t.name));
    const hash = createHash('sha256');
    for (const { name } of tables) {
      const where = name === 'audit_events' ? ` WHERE action <> 'key.rotate'` : '';
      const rows = (db.prepare(`SELECT * FROM "${name}"${where}`).raw().all() as unknown[][]).map((r) => JSON.stringify(r, (_k, v) => (Buffer.isBuffer(v) ? v.toString('hex') : v))).sort();
      hash.update(`${name}\n${rows.join('\n')}\n`);
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

test('rotate-key survives being killed and loses nothing', async () => {
  const dataDir = tempDir();
  const count = 400;
  let personId: string;
  let shareId: string;
  let connectionId: string;
  {
    const v = await openVessel({ dataDir, key: '', databaseUrl: '', adapters: [textFixtureAdapter] });
    for (let i = 0; i < count; i++) await v.vault.putBytes(originalFor(i));
    // A document read and cleared first leaves a gap in the rowids: the search index points at rows by rowid, so the copy must keep them.
    const gap = await v.importer.importBytes(Buffer.from('Patient: Ada Keyring, 1950-02-03\nFerritin 12 ng/mL 2019-01-02\n'), 'gap.txt', { channel: 'cli' });
    await v.runJobsUntilIdle({ pollMs: 10 });
    await v.store.resources.clearDocument(gap.documentId!);
    await v.importer.importBytes(Buffer.from('Patient: Ada Keyring, 1950-02-03\nGlucose 99 mg/dL 2020-01-02\n'), 'ada.txt', { channel: 'cli' });
    await v.runJobsUntilIdle({ pollMs: 10 });
    personId = (await v.store.people.list())[0].id;
    shareId = (await createShare(v, { personId, what: parseWhat('ips'), expiresIn: '1d', origin: 'http://127.0.0.1:4780' })).id;
    connectionId = (
      await new ConnectionsRepo(v.store.db, v.keyring).saveAuthorized({
        fhirBaseUrl: 'https://fhir.example/r4',
        clientId: 'vessel',
        server: { authorizationEndpoint: 'https://fhir.example/auth', tokenEndpoint: 'https://fhir.example/token' } as never,
        tokens: { accessToken: 'secret-access-token', tokenType: 'Bearer' } as never,
      })
    ).id;
    // A long audit trail: enough pages that a kill can land while the database is re-encrypted.
    await v.store.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 20_000; i += 500) {
        const rows = Array.from({ length: 500 }, (_, j) => ({ at: new Date(Date.UTC(2020, 0, 1) + (i + j) * 60_000).toISOString(), actor: 'local', action: 'record.view', person_id: personId, detail_json: JSON.stringify({ n: i + j, note: createHash('sha256').update(String(i + j)).digest('hex').repeat(12) }) }));
        await trx.insertInto('audit_events').values(rows).execute();
      }
    });
    await v.close();
  }
  const contentsBefore = databaseContents(dataDir, loadKeyring(dataDir));
  const keyFile = path.join(dataDir, 'vessel.key');
  const originalKey = fs.readFileSync(keyFile, 'utf8').trim();

  // Killed at random points; each run carries on from the last.
  let kills = 0;
  let killsDuringDatabaseCopy = 0;
  for (let attempt = 0; attempt < 4; attempt++) {
    const child = spawn(process.execPath, [BIN, 'rotate-key'], { env: env(dataDir), stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 1200 + Math.floor(Math.random() * 2500));
    const code = await exited;
    clearTimeout(timer);
    if (code === null) kills++;
    else break;
    // The killed run's half-written encrypted copy of the database is still there.
    if (fs.readdirSync(dataDir).some((f) => f.endsWith('.reencrypt'))) killsDuringDatabaseCopy++;
  }
  const last = spawnSync(process.execPath, [BIN, 'rotate-key'], { env: env(dataDir), encoding: 'utf8' });
  assert.equal(last.status, 0, last.stderr);
  assert.match(last.stdout, /key rotated/);

  const keys = fs.readFileSync(keyFile, 'utf8').trim().split('\n');
  assert.equal(keys.length, 1, 'the old key is gone from the key file once everything is re-sealed');
  assert.notEqual(keys[0], originalKey);

  const newKeyOnly = loadKeyring(dataDir);
  assert.equal(databaseContents(dataDir, newKeyOnly), contentsBefore, 'the database opens with the new key alone, its contents unchanged');
  assert.throws(() => databaseContents(dataDir, loadKeyring(dataDir, originalKey)), DatabaseKeyError, 'the old key no longer opens the database');
  assert.deepEqual(fs.readdirSync(dataDir).filter((f) => f.includes('.reencrypt')), [], 'no copy of the database left behind');

  const v = await openVessel({ dataDir, key: '', databaseUrl: '' });
  try {
    assert.deepEqual(v.keyring.length, 1);
    for (let i = 0; i < count; i++) {
      const bytes = originalFor(i);
      const sha = createHash('sha256').update(bytes).digest('hex');
      assert.ok(v.vault.sealedWithCurrentKey(sha), `original ${i} is sealed with the new key`);
      assert.ok((await v.vault.get(sha)).equals(bytes), `original ${i} opens and is unchanged`);
    }
    const tokens = await new ConnectionsRepo(v.store.db, v.keyring).tokens(connectionId);
    assert.equal((tokens as { accessToken: string }).accessToken, 'secret-access-token');
    const share = await v.store.db.selectFrom('shares').select('key_enc').where('id', '=', shareId).executeTakeFirstOrThrow();
    assert.doesNotThrow(() => resealShareKey(v, shareId, share.key_enc), 'the share key opens with the new key');
    const tmp = path.join(dataDir, 'vault', 'tmp');
    assert.deepEqual(fs.existsSync(tmp) ? fs.readdirSync(tmp) : [], [], 'no temp files left');
    const audit = await v.store.audit.list(undefined, 50);
    assert.ok(audit.some((e) => e.action === 'key.rotate'));
    const hits = await v.store.search.search('glucose');
    assert.ok(hits.some((h) => h.kind === 'resource' && h.snippet.includes('[Glucose]')), 'the resource text is still found, with its snippet');
    assert.ok(hits.some((h) => h.kind === 'page'), 'the page text is still found');
    // FTS5 checks its index against the rows it reads the text from (rowid by rowid); it throws on a mismatch.
    await sql`INSERT INTO resources_fts (resources_fts, rank) VALUES ('integrity-check', 1)`.execute(v.store.db);
    await sql`INSERT INTO pages_fts (pages_fts, rank) VALUES ('integrity-check', 1)`.execute(v.store.db);
    console.log(`# rotate-key: killed ${kills} times (${killsDuringDatabaseCopy} while the database was being re-encrypted), then finished`);
  } finally {
    await v.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

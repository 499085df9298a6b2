// Backup while running, restore on "a new machine" (fresh folder, either dialect): every
// original byte-exact, every resource equal, search working again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIALECTS, openTestVessel, postgresSkipReason, tempDir } from '../helpers/vessels.js';
import { textFixtureAdapter } from '../helpers/text-adapter.js';
import { backup, restore } from '../../src/backup/backup.js';
import { makeZip } from '../helpers/zip.js';
import { filesContaining } from '../helpers/plaintext.js';

for (const target of DIALECTS) {
  test(`backup from SQLite, restore into ${target}`, { skip: target === 'postgres' ? await postgresSkipReason() : false }, async (t) => {
    const src = await openTestVessel('sqlite', { adapters: [textFixtureAdapter] });
    t.after(() => src.cleanup());
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'labs.txt'), 'Patient: Ada Testbury, 1950-02-03\nGlucose 99 mg/dL 2020-01-02\nPage\nPotassium 4.1 mmol/L 2020-01-02\n');
    fs.writeFileSync(path.join(dir, 'bundle.zip'), makeZip([{ name: 'note.txt', data: Buffer.from('Patient: Bo Sample, 1980-07-08\nTSH 2.1 mIU/L 2022-03-04\n') }]));
    fs.writeFileSync(path.join(dir, 'scan.bin'), Buffer.from([0, 1, 2, 3, 0xfe]));
    await src.vessel.importer.importPaths([dir]);
    await src.vessel.runJobsUntilIdle({ pollMs: 5 });
    const file = path.join(tempDir(), 'vessel.backup');
    const summary = await backup(src.vessel, file);
    assert.equal(summary.originals, 4);
    assert.equal(fs.readFileSync(file).includes(Buffer.from('Testbury')), false, 'the backup is encrypted');

    const dst = await openTestVessel(target, { key: src.vessel.key.toString('base64') });
    t.after(() => dst.cleanup());
    await restore(dst.vessel, file);
    const before = await src.vessel.store.documents.list();
    const after = await dst.vessel.store.documents.list();
    assert.deepEqual(after.map((d) => [d.id, d.state, d.parentId]).sort(), before.map((d) => [d.id, d.state, d.parentId]).sort());
    for (const d of before) assert.deepEqual(await dst.vessel.vault.get(d.sha256), await src.vessel.vault.get(d.sha256), `original ${d.filename} byte-exact`);
    const all = async (v: typeof src.vessel) => (await v.store.resources.list({ limit: 1000 })).map((r) => JSON.stringify([r.id, r.personId, r.resource])).sort();
    assert.deepEqual(await all(dst.vessel), await all(src.vessel));
    assert.ok((await dst.vessel.store.search.search('potassium')).length >= 1, 'search works after restore');
    if (target === 'sqlite') assert.deepEqual(filesContaining(dst.dataDir, 'Testbury'), [], 'the restored database is encrypted with the key');
    await assert.rejects(restore(dst.vessel, file), /empty Vessel/);
  });
}

test('a backup cannot be restored with another key, and a truncated one is refused', async (t) => {
  const src = await openTestVessel('sqlite');
  t.after(() => src.cleanup());
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'a.bin'), Buffer.from([0, 1, 2, 9, 0xfe]));
  await src.vessel.importer.importPaths([dir]);
  const file = path.join(tempDir(), 'b.backup');
  await backup(src.vessel, file);
  const other = await openTestVessel('sqlite');
  t.after(() => other.cleanup());
  await assert.rejects(restore(other.vessel, file), /cannot be decrypted/);
  const cut = file + '.cut';
  fs.writeFileSync(cut, fs.readFileSync(file).subarray(0, fs.statSync(file).size - 20));
  const third = await openTestVessel('sqlite', { key: src.vessel.key.toString('base64') });
  t.after(() => third.cleanup());
  await assert.rejects(restore(third.vessel, cut), /truncated|ends early/);
  assert.equal((await third.vessel.store.documents.list()).length, 0, 'a failed restore leaves nothing half-restored');
});

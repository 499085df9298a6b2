// The `vessel` command as a user runs it: a real process, a real data folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { tempDir } from '../helpers/vessels.js';
import { Vault } from '../../src/vault/vault.js';
import { parseKey } from '../../src/vault/key.js';

const BIN = path.resolve('bin/vessel.js');

function env(dataDir: string) {
  return { ...process.env, VESSEL_DATA: dataDir, VESSEL_KEY: '', VESSEL_DATABASE_URL: '' };
}

function vessel(dataDir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: env(dataDir), encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('import, status, people and export from the command line', async () => {
  const data = tempDir();
  const src = tempDir();
  fs.writeFileSync(path.join(src, 'a.txt'), 'some text');
  fs.writeFileSync(path.join(src, 'b.hl7'), 'MSH|^~\\&|LAB|X|||20200101||ORU^R01|1|P|2.5.1\rPID|1||42^^^X||Testbury^Ada||19500203|F\r');
  fs.writeFileSync(path.join(src, 'empty.xml'), '');
  const imp = vessel(data, 'import', src);
  assert.equal(imp.code, 0, imp.err);
  assert.match(imp.out, /3 files/);
  assert.match(imp.err, /stored/);
  const again = vessel(data, 'import', src);
  assert.match(again.err, /already stored/);
  const status = JSON.parse(vessel(data, 'status', '--json').out);
  assert.equal(Object.values(status.documents as Record<string, number>).reduce((a, b) => a + b, 0), 3);
  assert.equal(status.documents.failed, 1);
  assert.equal(status.jobs.queued, 0);
  assert.deepEqual(JSON.parse(vessel(data, 'people', '--json').out).length >= 0, true);
  const out = tempDir();
  const exp = vessel(data, 'export', out);
  assert.equal(exp.code, 0, exp.err);
  const originals = fs.readdirSync(path.join(out, 'originals'));
  assert.equal(originals.length, 3, 'every original is exported, the empty one too');
  assert.ok(originals.some((f) => f.endsWith('-b.hl7') && fs.readFileSync(path.join(out, 'originals', f), 'utf8').startsWith('MSH|')));
  assert.equal(fs.statSync(path.join(data, 'vessel.key')).mode & 0o777, 0o600);
  assert.match(vessel(data, 'import', '--help').out, /Import files, folders and zips/);
  assert.equal(vessel(data, 'export', out, '--person', 'nobody').code, 2);
});

test('kill -9 during a 1,000-file import, then import again: every file stored exactly once', async () => {
  const data = tempDir();
  const src = tempDir();
  for (let i = 0; i < 1000; i++) fs.writeFileSync(path.join(src, `f${String(i).padStart(4, '0')}.txt`), `record ${i} ${randomBytes(8).toString('hex')}`);

  const child = spawn(process.execPath, [BIN, 'import', src], { env: env(data) });
  let lines = 0;
  await new Promise<void>((resolve) => {
    child.stderr.on('data', (d: Buffer) => {
      lines += d.toString().split('\n').length - 1;
      if (lines >= 250 && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('exit', () => resolve());
  });
  assert.equal(child.signalCode, 'SIGKILL', 'the import was killed midway');

  const rerun = vessel(data, 'import', src);
  assert.equal(rerun.code, 0, rerun.err);
  assert.match(rerun.out, /1000 files/);
  const status = JSON.parse(vessel(data, 'status', '--json').out);
  assert.deepEqual(status.documents, { done: 1000 }, 'every file read once (text files become searchable pages)');
  assert.equal(status.jobs.queued + status.jobs.running, 0);

  const vault = new Vault(path.join(data, 'vault'), parseKey(fs.readFileSync(path.join(data, 'vessel.key'), 'utf8')));
  const objects: string[] = [];
  for await (const s of vault.list()) objects.push(s);
  assert.equal(objects.length, 1000, 'one vault object per file, none doubled or lost');
  assert.deepEqual(fs.readdirSync(path.join(data, 'vault', 'tmp')), [], 'the temp file the kill interrupted was cleaned up at restart');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { syncFileSystemOf, syncfsHelperPid } from './syncfs.js';

const linux = process.platform === 'linux';

test('syncfs: one helper shell serves every flush; a failed flush rejects and the next one works', { skip: !linux && 'sync -f is Linux-only' }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'syncfs-'));
  fs.writeFileSync(path.join(dir, 'a'), 'x');
  await Promise.all([1, 2, 3, 4, 5].map(() => syncFileSystemOf(dir)));
  const pid = syncfsHelperPid();
  assert.ok(pid);
  await syncFileSystemOf(path.join(dir, 'a'));
  assert.equal(syncfsHelperPid(), pid, 'no new process per flush');
  await assert.rejects(syncFileSystemOf(path.join(dir, 'missing', 'x')));
  await syncFileSystemOf(dir);
  assert.equal(syncfsHelperPid(), pid);
  await assert.rejects(syncFileSystemOf(`${dir}\nrm -rf /`), /line break/);
  fs.rmSync(dir, { recursive: true });
});

test('syncfs: a helper killed is replaced, and a flush asked as it dies is asked again', { skip: !linux && 'sync -f is Linux-only' }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'syncfs-'));
  await syncFileSystemOf(dir);
  const pid = syncfsHelperPid()!;
  process.kill(pid, 'SIGKILL');
  await syncFileSystemOf(dir); // written to the dying helper (or its closed pipe): answered by a new one
  const second = syncfsHelperPid()!;
  assert.notEqual(second, pid);
  process.kill(second, 'SIGKILL');
  for (let i = 0; i < 50 && syncfsHelperPid() === second; i++) await new Promise((r) => setTimeout(r, 10));
  await syncFileSystemOf(dir);
  assert.notEqual(syncfsHelperPid(), second);
  fs.rmSync(dir, { recursive: true });
});

test('syncfs: the helper does not keep a finished process alive, and ends with it', { skip: !linux && 'sync -f is Linux-only' }, () => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const script = `import { syncFileSystemOf, syncfsHelperPid } from ${JSON.stringify(path.join(here, 'syncfs.ts'))}; await syncFileSystemOf(${JSON.stringify(os.tmpdir())}); console.log(syncfsHelperPid());`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(run.status, 0, run.stderr);
  const pid = Number(run.stdout.trim());
  assert.ok(pid > 0);
  // Its input closed with the process: the shell leaves its loop.
  const deadline = Date.now() + 5_000;
  let alive = true;
  while (alive && Date.now() < deadline) {
    try {
      process.kill(pid, 0);
      spawnSync('sleep', ['0.05']);
    } catch {
      alive = false;
    }
  }
  assert.equal(alive, false, 'helper shell still running after its process ended');
});

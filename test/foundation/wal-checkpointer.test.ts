// The embedded database's WAL checkpoints run on a thread of their own (src/store/sqlite-checkpointer.ts),
// started once the log has grown: the writer's commits no longer pay for them. The log is still checkpointed, the file stays whole,
// and closing the store closes the thread's connection first (so the log is removed as before).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Store } from '../../src/store/store.js';
import { BACKSTOP_FRAMES, CHECKPOINT_FRAMES, START_FRAMES } from '../../src/store/sqlite-checkpointer.js';
import { tempDir } from '../helpers/vessels.js';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, fn: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > end) assert.fail(`timed out waiting until ${what}`);
    await wait(20);
  }
}

/** mxFrame and nBackfill of the WAL-index header (https://www.sqlite.org/walformat.html). */
function walState(file: string): { frames: number; backfilled: number } {
  const head = fs.readFileSync(`${file}-shm`).subarray(0, 100);
  return { frames: head.readUInt32LE(16), backfilled: head.readUInt32LE(96) };
}

test('a thread checkpoints the log; the writer keeps its own checkpoint only as a backstop', async () => {
  const dataDir = tempDir();
  const file = path.join(dataDir, 'vessel.sqlite');
  try {
    const keyring = [randomBytes(32)];
    const store = await Store.open({ dataDir, keyring });
    const raw = store.sqliteHandle()!;
    try {
      raw.exec('CREATE TABLE wal_test (n INTEGER PRIMARY KEY, b BLOB)');
      const insert = raw.prepare('INSERT INTO wal_test (b) VALUES (?)');
      // A store that writes little starts no thread.
      await wait(300);
      assert.equal(raw.pragma('wal_autocheckpoint', { simple: true }), CHECKPOINT_FRAMES);
      // The thread starts once the log has held START_FRAMES frames.
      raw.transaction(() => {
        for (let i = 0; i < START_FRAMES; i++) insert.run(randomBytes(3_000));
      })();
      await until('the thread has opened the database', () => raw.pragma('wal_autocheckpoint', { simple: true }) === BACKSTOP_FRAMES);
      // ~1.2 pages per row, in one commit: past the thread's threshold, under the writer's backstop.
      const rows = Math.ceil((CHECKPOINT_FRAMES * 1.5) / 1.2);
      raw.transaction(() => {
        for (let i = 0; i < rows; i++) insert.run(randomBytes(4_900));
      })();
      assert.ok(walState(file).frames >= CHECKPOINT_FRAMES);
      await until('the thread has checkpointed the whole log', () => {
        const s = walState(file);
        return s.backfilled === s.frames && s.frames >= CHECKPOINT_FRAMES;
      });
      // The next write transaction starts the log over.
      raw.transaction(() => insert.run(randomBytes(10)))();
      assert.ok(walState(file).frames < CHECKPOINT_FRAMES, 'the log started over');
      assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok');
    } finally {
      await store.close();
    }
    assert.equal(fs.existsSync(`${file}-wal`), false, 'the last connection closed removed the log: the thread closed its own first');
    const again = await Store.open({ dataDir, keyring });
    try {
      const r = again.sqliteHandle()!;
      assert.equal(r.pragma('integrity_check', { simple: true }), 'ok');
      assert.ok((r.prepare('SELECT count(*) AS n FROM wal_test').get() as { n: number }).n >= CHECKPOINT_FRAMES);
    } finally {
      await again.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

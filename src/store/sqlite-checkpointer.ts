/**
 * WAL checkpoints of the embedded database on a thread of their own.
 *
 * A checkpoint copies the pages written to the write-ahead log into the database file and
 * fsyncs both. Run by SQLite itself (`wal_autocheckpoint`), it runs inside the COMMIT of the
 * transaction that crossed the threshold, on the thread that is writing: in the FHIR bench
 * import (8,337 resources) three checkpoints of 4,000–5,400 frames cost 30–50 ms of that
 * thread's CPU each, plus their fsyncs' wait — more than half of all the commits' time.
 *
 * Here a worker thread with a connection of its own (started once the log has grown: START_FRAMES)
 * watches the log and runs a PASSIVE
 * checkpoint (which never blocks the writer or readers, and never waits for them) once 4,000
 * frames are waiting to be copied, and copies the rest of a log that long once the writer pauses
 * (a checkpoint overlapping a commit does not reach the log's end, and only a log copied to its
 * end is started over by the next transaction). The writer's own automatic checkpoint stays as
 * a backstop at a larger log (and a database whose checkpoint thread could not start is
 * checkpointed as before). On Linux the thread runs at nice 10. What the checkpoint does is
 * SQLite's; only the thread and the moment change. Memory: one small isolate and a connection with a tiny cache
 * (the copy goes frame by frame through one page buffer).
 *
 * The thread reads the log's state from the WAL-index header in the `-shm` file
 * (https://www.sqlite.org/walformat.html: mxFrame at byte 16, nBackfill at byte 96, native byte
 * order) — only to decide when to checkpoint; a torn read costs at most an early or late one.
 */
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import os from 'node:os';

/** Frames waiting in the log (4 KiB pages) before the thread checkpoints: SQLite's setting here before. */
export const CHECKPOINT_FRAMES = 4_000;
/** The writer's own automatic checkpoint, when the thread falls this far behind (or is not running). */
export const BACKSTOP_FRAMES = 16_000;
const POLL_MS = 25;
/**
 * The thread starts once the log has held this many frames (a frame is a 4 KiB page and its 24-byte
 * header): starting one costs ~30 ms of CPU (an isolate, the driver, a connection), which a store
 * that writes little (a command, a test, a server between imports) never needs to pay.
 */
export const START_FRAMES = 1_000;
const START_CHECK_MS = 100;

export interface WalCheckpointer {
  /** Stops the thread and closes its connection (before the writer's connection is closed). */
  close(): Promise<void>;
}

/**
 * `startWalCheckpointer` once the log reaches START_FRAMES (its file's size, checked every
 * 100 ms by an unref'd timer: the file is never shrunk while the store is open, so its size is the
 * largest the log has been).
 */
export function walCheckpointerWhenNeeded(file: string, cipherPragmas: string[], onReady: () => void, onLost: () => void): WalCheckpointer {
  let started: WalCheckpointer | undefined;
  const timer = setInterval(() => {
    let size = 0;
    try {
      size = fs.statSync(`${file}-wal`).size;
    } catch {
      return;
    }
    if (size < START_FRAMES * 4_120) return;
    clearInterval(timer);
    started = startWalCheckpointer(file, cipherPragmas, onReady, onLost);
  }, START_CHECK_MS);
  timer.unref();
  return {
    async close() {
      clearInterval(timer);
      await started?.close();
    },
  };
}

/** The worker's code: CommonJS, no TypeScript loader, only the SQLite driver. */
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const Sqlite = require(workerData.driver);
const { file, cipherPragmas, threshold, pollMs, littleEndian } = workerData;
let db, shm, timer, last = -1;
try {
  db = new Sqlite(file, { fileMustExist: true });
  for (const p of cipherPragmas) db.pragma(p);
  db.pragma('cache_size = 16');
  db.pragma('synchronous = NORMAL');
  db.prepare('SELECT count(*) FROM sqlite_schema').get();
  shm = fs.openSync(file + '-shm', 'r');
} catch (err) {
  try { db && db.close(); } catch {}
  parentPort.postMessage({ failed: String(err && err.message || err) });
  process.exit(0);
}
// Background work: on Linux the thread runs at a lower priority than the writer (nice 10), so that
// on a machine whose cores are all busy it does not take the writer's time; it then falls behind
// and the writer's backstop checkpoint catches up, as before the thread.
try { require('node:os').setPriority(Number(fs.readlinkSync('/proc/thread-self').split('/').pop()), 10); } catch {}
const head = Buffer.alloc(100);
const u32 = (o) => (littleEndian ? head.readUInt32LE(o) : head.readUInt32BE(o));
function poll() {
  try {
    if (fs.readSync(shm, head, 0, 100, 0) < 100) return;
    const frames = u32(16);
    const waiting = frames - u32(96);
    // A long log whose writer paused: copy the rest, so that its next transaction starts the log over.
    if (waiting >= threshold || (waiting > 0 && frames >= threshold && frames === last)) db.pragma('wal_checkpoint(PASSIVE)');
    last = frames;
  } catch {
    // A busy or failed checkpoint is left to the next poll (and to the writer's backstop).
  }
}
timer = setInterval(poll, pollMs);
parentPort.on('message', () => {
  clearInterval(timer);
  try { fs.closeSync(shm); } catch {}
  try { db.close(); } catch {}
  process.exit(0);
});
parentPort.postMessage({ ready: true });
`;

/**
 * Starts the checkpoint thread for an open WAL database. `cipherPragmas` open the file as the
 * writer's connection does. `onReady` runs once the thread's connection is open (the caller then
 * raises its own automatic checkpoint to the backstop); a thread that cannot open the file ends
 * and leaves the writer's setting as it was; `onLost` runs if a ready thread ends before `close`
 * (the caller lowers its own setting again).
 */
export function startWalCheckpointer(file: string, cipherPragmas: string[], onReady: () => void, onLost: () => void): WalCheckpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    // No TypeScript loader or inspector flags in this thread: it runs plain JavaScript.
    execArgv: [],
    workerData: {
      driver: createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers'),
      file,
      cipherPragmas,
      threshold: CHECKPOINT_FRAMES,
      pollMs: POLL_MS,
      littleEndian: os.endianness() === 'LE',
    },
    resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 2 },
  });
  // The thread never keeps a process alive: a process that ends without closing the store
  // ends it with it (its connection's state is in the file's locks, released by the kernel).
  worker.unref();
  let exited = false;
  let ready = false;
  let closing = false;
  const done = new Promise<void>((resolve) => {
    worker.once('exit', () => {
      exited = true;
      if (ready && !closing) onLost();
      resolve();
    });
  });
  worker.on('error', () => {});
  worker.on('message', (m: { ready?: boolean; failed?: string }) => {
    if (m.ready && !exited && !closing) {
      ready = true;
      onReady();
    }
  });
  return {
    async close() {
      closing = true;
      if (!exited) {
        // Kept alive until the thread has closed its connection.
        worker.ref();
        worker.postMessage('close');
      }
      await done;
    },
  };
}

/**
 * syncfs(2) for Node, which has no binding: coreutils `sync -f <path>` flushes everything
 * written to the file system holding the path.
 *
 * Why a helper shell: spawning `sync` from Node forks the whole Node process first, and a
 * ~250 MB import process took 15–40 ms of main-thread CPU per fork (page tables copied; two
 * per vault batch, ~10 µs per stored FHIR resource on the bench corpus). One small `sh` is
 * started on first use (one fork, once per process) and runs `sync -f` for each path written
 * to it, one at a time, answering one line each: its forks copy a shell, not Node. The flush
 * itself is the same system call with the same result as before.
 *
 * The shell does not keep the process alive (its pipes are unreferenced while nothing waits),
 * and it ends when the process does (end of its input). A helper that dies under a flush is
 * replaced and the flush asked again once; a flush that fails or takes longer than the timeout
 * fails the call, as the spawned `sync` did.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';

const SCRIPT = 'while IFS= read -r p; do if sync -f "$p" >/dev/null 2>&1; then echo 0; else echo 1; fi; done';
const TIMEOUT_MS = 120_000;

/** The helper ended or could not start (not an answer of `sync`): worth one retry with a new one. */
class HelperLost extends Error {}

interface Waiter {
  resolve: () => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

let child: ChildProcessByStdio<Writable, Readable, null> | undefined;
const waiting: Waiter[] = [];
let pendingOut = '';

function pipes(c: NonNullable<typeof child>): Array<{ ref(): unknown; unref(): unknown }> {
  return [c.stdin as unknown as { ref(): unknown; unref(): unknown }, c.stdout as unknown as { ref(): unknown; unref(): unknown }];
}

/** Keeps the event loop alive only while a flush is awaited. */
function hold(c: NonNullable<typeof child>, on: boolean): void {
  for (const p of pipes(c)) if (typeof p.ref === 'function') (on ? p.ref() : p.unref());
  if (on) c.ref();
  else c.unref();
}

function fail(c: NonNullable<typeof child>, err: Error): void {
  if (child !== c) return;
  child = undefined;
  pendingOut = '';
  for (const w of waiting.splice(0)) {
    clearTimeout(w.timer);
    w.reject(err);
  }
  c.kill('SIGKILL');
}

function start(): NonNullable<typeof child> {
  const c = spawn('sh', ['-c', SCRIPT], { stdio: ['pipe', 'pipe', 'ignore'] });
  child = c;
  c.on('error', (err) => fail(c, new HelperLost(`syncfs helper: ${err.message}`)));
  c.on('exit', (code, signal) => fail(c, new HelperLost(`syncfs helper ended (${signal ?? code})`)));
  c.stdin.on('error', (err) => fail(c, new HelperLost(`syncfs helper: ${err.message}`)));
  c.stdout.setEncoding('utf8');
  c.stdout.on('data', (text: string) => {
    pendingOut += text;
    let nl: number;
    while ((nl = pendingOut.indexOf('\n')) >= 0) {
      const answer = pendingOut.slice(0, nl);
      pendingOut = pendingOut.slice(nl + 1);
      const w = waiting.shift();
      if (!w) continue;
      clearTimeout(w.timer);
      if (answer === '0') w.resolve();
      else w.reject(new Error(`sync -f failed (${answer})`));
    }
    if (!waiting.length && child === c) hold(c, false);
  });
  return c;
}

/**
 * Flushes the file system holding `p` (`sync -f p`). Rejects when the flush failed, timed out
 * or could not run at all.
 */
export async function syncFileSystemOf(p: string): Promise<void> {
  const target = path.resolve(p);
  if (/[\n\r]/.test(target)) throw new Error('syncfs: a path with a line break');
  try {
    await ask(target);
  } catch (err) {
    if (!(err instanceof HelperLost)) throw err;
    await ask(target);
  }
}

function ask(target: string): Promise<void> {
  const c = child ?? start();
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(c, new Error(`sync -f timed out after ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    timer.unref();
    waiting.push({ resolve, reject, timer });
    hold(c, true);
    c.stdin.write(`${target}\n`);
  });
}

/** The helper shell's process id, if one runs (tests). */
export function syncfsHelperPid(): number | undefined {
  return child?.pid;
}

/**
 * Prepared SQLite statements kept per handle and SQL text, for the hot paths that bypass Kysely
 * (imports, the reconcile, the job queue): Kysely builds and compiles a query on every call, and
 * SQLite compiles it again; a statement prepared once runs the same SQL without either.
 */
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

const byHandle = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();
/** Statements kept per handle: the fixed ones of the hot paths plus the IN-list lengths of the reconcile's chunks. */
const KEPT = 128;

/** The statement for `text` on this handle, prepared on first use (the least recently used beyond KEPT is dropped). */
export function prepared(raw: BetterSqlite3.Database, text: string): BetterSqlite3.Statement {
  let byText = byHandle.get(raw);
  if (!byText) byHandle.set(raw, (byText = new Map()));
  let st = byText.get(text);
  if (st) {
    byText.delete(text);
  } else {
    st = raw.prepare(text);
    if (byText.size >= KEPT) byText.delete(byText.keys().next().value!);
  }
  byText.set(text, st);
  return st;
}

/**
 * A statement whose SQL holds an IN list of `n` parameters — `before` + `(?, …, ?)` + `after`, the
 * text Kysely compiles for `.where(col, 'in', list)`. The reconcile's per-chunk reads take a chunk's
 * document ids (up to 200): Kysely built a node per id and compiled it on every call (~1% of the
 * bench import's main thread, session 8).
 */
export function listed(raw: BetterSqlite3.Database, before: string, n: number, after = ''): BetterSqlite3.Statement {
  return prepared(raw, `${before}(${Array(n).fill('?').join(', ')})${after}`);
}

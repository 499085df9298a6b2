/**
 * A first import's facts kept in memory for the block rebuild at the end of the run, so the
 * full reconcile does not read back (and decrypt, on SQLite) every fact it has just written.
 * The facts are kept as the stored rows (their JSON string) and parsed by the same function a
 * read from the table uses: the rebuild sees exactly what it would have read.
 *
 * Used only when the person had no facts when the run started (every fact of a block is then
 * one this run wrote) and only where nobody else touched the block since: every writer of facts
 * marks the block in the same transaction, and this run's marks carry generations it can predict
 * (a fresh mark starts at the run's random base, each later mark of the run adds one). A block
 * whose mark does not have the generation this run expects (another job marked it, or rebuilt
 * and cleared it meanwhile) is read from the table as before. A user decision made meanwhile
 * (it moves facts without marking) drops the whole cache. Bounded: past `cap` facts it is dropped
 * (memory follows the person otherwise).
 */
import type { StoredFactRow } from '../../store/record.js';

interface Entry {
  rows: StoredFactRow[];
  /** The generation of this run's last mark of the block; undefined until marked. */
  gen?: number;
}

export class FactCache {
  /** The generation a mark this run creates starts at (random: another run's fresh marks do not collide with it). */
  readonly base = 1_000_000 + Math.floor(Math.random() * 1_000_000_000);
  private blocks = new Map<string, Entry>();
  /** Blocks dropped once: never cached again in this run (a later entry would hold only part of their facts). */
  private dead = new Set<string>();
  private size = 0;
  private off = false;

  constructor(private readonly cap: number) {}

  get enabled(): boolean {
    return !this.off;
  }

  /** A stored fact of the run's person, in the order the table returns a block's rows (insertion). */
  add(key: string, row: StoredFactRow): void {
    if (this.off) return;
    if (this.dead.has(key)) return;
    if (++this.size > this.cap) return this.disable();
    const e = this.blocks.get(key);
    if (e) e.rows.push(row);
    else this.blocks.set(key, { rows: [row] });
  }

  /** This run marked the block and the mark now has generation `gen`. */
  marked(key: string, gen: number): void {
    const e = this.blocks.get(key);
    if (!e) return;
    const expected = e.gen === undefined ? this.base : e.gen + 1;
    if (gen === expected) e.gen = gen;
    else this.drop(key);
  }

  /** Facts of the block left the table (a document re-read): the table is the only truth for it now. */
  drop(key: string): void {
    this.dead.add(key);
    const e = this.blocks.get(key);
    if (!e) return;
    this.size -= e.rows.length;
    this.blocks.delete(key);
  }

  disable(): void {
    this.off = true;
    this.blocks.clear();
    this.size = 0;
  }

  /** The block's rows if its mark is still the one this run made (and forgets them: a block is rebuilt once). */
  take(key: string, gen: number): StoredFactRow[] | undefined {
    const e = this.blocks.get(key);
    if (!e) return undefined;
    this.drop(key);
    return e.gen === gen ? e.rows : undefined;
  }
}

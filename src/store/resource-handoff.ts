/**
 * Resources a SQLite import just wrote, kept parsed for the reconcile that reads them next, so it
 * does not parse again the JSON it stored a moment before (JSON.parse was ~8 µs of the ~26 µs per
 * resource the reconcile jobs cost). A read takes an entry only if the row's JSON is exactly the
 * string stored with it: a row rewritten since, or a write that rolled back and came again with
 * other content, is parsed from the table as before — the facts are those a read would give.
 *
 * Bounded (oldest out first): a resource nobody reads back within `cap` newer ones costs nothing
 * but its place. One per database connection (tests open many stores in one process).
 */
import type { Resource } from '@medplum/fhirtypes';

/** Parsed resources held per database, about (a bench corpus's small documents are reconciled a few at a time). */
const CAP = 6000;

export class ResourceHandoff {
  private entries = new Map<string, { json: string; resource: Resource }>();

  constructor(private readonly cap = CAP) {}

  /** The resource as stored: `json` is the exact text written to its row, `resource` the object it was made from (not touched again by the writer). */
  put(id: string, json: string, resource: Resource): void {
    this.entries.delete(id);
    this.entries.set(id, { json, resource });
    if (this.entries.size > this.cap) this.entries.delete(this.entries.keys().next().value!);
  }

  /** The parsed resource of a row just read, if it is the one handed off (and forgets it: a resource is read once). */
  take(id: string, json: string): Resource | undefined {
    const e = this.entries.get(id);
    if (!e) return undefined;
    this.entries.delete(id);
    return e.json === json ? e.resource : undefined;
  }

  drop(ids: string[]): void {
    for (const id of ids) this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }
}

const byDatabase = new WeakMap<object, ResourceHandoff>();

export function handoffOf(db: object): ResourceHandoff {
  let h = byDatabase.get(db);
  if (!h) byDatabase.set(db, (h = new ResourceHandoff()));
  return h;
}

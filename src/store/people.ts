/** The people of the household: the patients whose records Vessel keeps. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, PeopleTable } from './schema.js';
import type { PersonHints } from '../core/types.js';
import { nowIso } from '../core/time.js';
import { identifierKey } from '../record/identity.js';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { prepared } from './sqlite-statements.js';


export interface Person {
  id: string;
  displayName: string;
  given?: string;
  family?: string;
  birthDate?: string;
  gender?: string;
  identifiers: Array<{ system?: string; value: string }>;
  createdAt: string;
}

export function rowToPerson(r: PeopleTable): Person {
  return {
    id: r.id,
    displayName: r.display_name,
    given: r.given ?? undefined,
    family: r.family ?? undefined,
    birthDate: r.birth_date ?? undefined,
    gender: r.gender ?? undefined,
    identifiers: JSON.parse(r.identifiers_json),
    createdAt: r.created_at,
  };
}

export function displayNameOf(h: PersonHints): string {
  if (h.name) return capitalsAsName(h.name);
  const n = [...(h.given ?? []), h.family].filter(Boolean).join(' ');
  return capitalsAsName(n) || 'Unnamed person';
}

/**
 * A name written all in capitals, as HL7 v2 feeds, DICOM headers and lab systems write them
 * ("JANE B SMITH", "O'BRIEN-MCDONALD"), as a person writes it: "Jane B Smith", "O'Brien-McDonald".
 * A name in mixed case is kept as written ("van der Berg", "DeShawn").
 */
export function capitalsAsName(name: string): string {
  if (/\p{Ll}/u.test(name) || !/\p{Lu}/u.test(name)) return name;
  return name
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase())
    .replace(/\bMc(\p{L})/gu, (_m, c: string) => `Mc${c.toUpperCase()}`);
}

export class PeopleRepo {
  constructor(
    private readonly db: Kysely<Database>,
    /** Set only inside a transaction on SQLite (see ResourcesRepo). */
    private readonly sqlite?: BetterSqlite3.Database,
  ) {}

  /** Everyone, or (with `ids`) just those people — an account's household. */
  async list(ids?: string[]): Promise<Person[]> {
    if (ids && !ids.length) return [];
    if (!ids && this.sqlite) {
      // Deciding who a document's subject is lists everyone, once per subject of every part (a bulk
      // file: one per patient): a prepared statement (the SQL Kysely compiled) instead of a query built each time.
      return (prepared(this.sqlite, 'select * from "people" order by "created_at"').all() as PeopleTable[]).map(rowToPerson);
    }
    let q = this.db.selectFrom('people').selectAll();
    if (ids) q = q.where('id', 'in', ids);
    const rows = await q.orderBy('created_at').execute();
    return rows.map(rowToPerson);
  }

  async get(id: string): Promise<Person | undefined> {
    const r = await this.db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? rowToPerson(r) : undefined;
  }

  async create(h: PersonHints, db: Kysely<Database> = this.db): Promise<Person> {
    const row: PeopleTable = {
      id: randomUUID(),
      display_name: displayNameOf(h),
      given: h.given?.join(' ') ?? null,
      family: h.family ?? null,
      birth_date: h.birthDate ?? null,
      gender: h.gender ?? null,
      identifiers_json: JSON.stringify(h.identifiers ?? []),
      created_at: nowIso(),
    };
    await db.insertInto('people').values(row).execute();
    return rowToPerson(row);
  }

  /** Adds identifiers a new document states for an already-matched person. */
  async addIdentifiers(person: Person, ids: Array<{ system?: string; value: string }>, db: Kysely<Database> = this.db): Promise<void> {
    const known = new Set(person.identifiers.map(identifierKey));
    const fresh = ids.filter((i) => !known.has(identifierKey(i)));
    if (!fresh.length) return;
    person.identifiers.push(...fresh);
    await db.updateTable('people').set({ identifiers_json: JSON.stringify(person.identifiers) }).where('id', '=', person.id).execute();
  }

  /**
   * Records that a document waits for a person with one of these identifiers ("system|value"):
   * its resources name a patient only by reference to a Patient not read yet.
   */
  async addWaits(documentId: string, identifiers: string[], db: Kysely<Database> = this.db): Promise<void> {
    if (!identifiers.length) return;
    await db
      .insertInto('person_waits')
      .values(identifiers.map((identifier) => ({ document_id: documentId, identifier })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  /** The documents waiting for any of these identifiers; their waits are removed (they are read again). */
  async takeWaiters(identifiers: string[], db: Kysely<Database> = this.db): Promise<string[]> {
    if (!identifiers.length) return [];
    const rows = await db.selectFrom('person_waits').select('document_id').where('identifier', 'in', identifiers).execute();
    const docs = [...new Set(rows.map((r) => r.document_id))];
    if (docs.length) await db.deleteFrom('person_waits').where('document_id', 'in', docs).execute();
    return docs;
  }

  /** Counts of documents and resources per person (all, or `ids`), for `vessel people` and the API. */
  async counts(ids?: string[]): Promise<Map<string, { documents: number; resources: number }>> {
    if (ids && !ids.length) return new Map();
    let dq = this.db.selectFrom('documents').select(['person_id', (eb) => eb.fn.countAll<string>().as('n')]);
    let rq = this.db.selectFrom('resources').select(['person_id', (eb) => eb.fn.countAll<string>().as('n')]);
    if (ids) {
      dq = dq.where('person_id', 'in', ids);
      rq = rq.where('person_id', 'in', ids);
    }
    const docs = await dq.groupBy('person_id').execute();
    const res = await rq.groupBy('person_id').execute();
    const out = new Map<string, { documents: number; resources: number }>();
    for (const d of docs) if (d.person_id) out.set(d.person_id, { documents: Number(d.n), resources: 0 });
    for (const r of res) {
      if (!r.person_id) continue;
      const e = out.get(r.person_id) ?? { documents: 0, resources: 0 };
      e.resources = Number(r.n);
      out.set(r.person_id, e);
    }
    return out;
  }
}

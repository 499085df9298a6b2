/**
 * What one account may see across the household: the people it has a role on, and the
 * documents it brought in that are not attached to anyone yet. Lists that span people
 * (documents, resources, search) take this and filter in SQL, so nothing outside it is read.
 */
import { sql, type RawBuilder } from 'kysely';

export interface Visibility {
  personIds: string[];
  /** The account id: its own unattached documents are visible too. */
  scope: string;
}

// `IN ()` is not valid SQL; a value no id can take stands for "nobody" (the empty string: a NUL
// character would do on SQLite, but PostgreSQL refuses it in text and failed the whole query).
export const idsOrNobody = (personIds: string[]): string[] => (personIds.length ? personIds : ['']);
const ids = (v: Visibility) => idsOrNobody(v.personIds);

/** `<documentIdColumn> IN (documents visible)` */
export function visibleDocumentSql(documentIdColumn: RawBuilder<unknown>, v: Visibility): RawBuilder<unknown> {
  return sql`${documentIdColumn} IN (SELECT id FROM documents WHERE person_id IN (${sql.join(ids(v))}) OR (person_id IS NULL AND scope = ${v.scope}))`;
}

/** A resource row is visible by its person, or, with no person, by its document. */
export function visibleResourceSql(alias: string, v: Visibility): RawBuilder<unknown> {
  const personCol = sql.ref(`${alias}.person_id`);
  const docCol = sql.ref(`${alias}.document_id`);
  return sql`(${personCol} IN (${sql.join(ids(v))}) OR (${personCol} IS NULL AND ${docCol} IN (SELECT id FROM documents WHERE person_id IS NULL AND scope = ${v.scope})))`;
}

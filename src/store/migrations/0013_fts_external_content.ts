/**
 * SQLite only: the full-text indexes read their text from the rows they index (FTS5
 * "external content": `content='resources'` / `content='pages'`, joined by rowid) instead of
 * keeping a second copy of every resource text and page text in their own content tables.
 * Measured on the FHIR corpus import (8,337 resources, 1,217 text pages): the database
 * shrinks by that copy (resources_fts_content 1.75 MB, pages_fts_content 2.2 MB of 42 MB),
 * which every import writes twice (WAL, then the database file), encrypted page by page.
 *
 * What this relies on (src/store/resources.ts, search.ts): an index row is added with its
 * base row's rowid and removed (DELETE … WHERE rowid IN …) before its base row is, while the
 * base row still holds the text that was indexed; resources with no text get no index row.
 * Rowids survive the copies the encrypted store makes (VACUUM INTO keeps them; sqlite-encryption.ts
 * refuses a copy whose rowids differ, and test/foundation/rotate-key.test.ts searches and runs
 * FTS5's integrity-check after a rotation).
 * PostgreSQL keeps its generated tsvector columns and is not changed.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema.js';

type AnyDb = Kysely<any>;

export const migration0013 = (dialect: Dialect) => ({
  async up(db: AnyDb) {
    if (dialect !== 'sqlite') return;
    await sql`DROP TABLE resources_fts`.execute(db);
    await sql`CREATE VIRTUAL TABLE resources_fts USING fts5(text, content = 'resources', content_rowid = 'rowid', tokenize = 'porter unicode61')`.execute(db);
    await sql`INSERT INTO resources_fts (rowid, text) SELECT rowid, text FROM resources WHERE text <> ''`.execute(db);
    await sql`DROP TABLE pages_fts`.execute(db);
    // document_id and page_no stay columns of the index (search filters on them), read from pages.
    await sql`CREATE VIRTUAL TABLE pages_fts USING fts5(text, document_id UNINDEXED, page_no UNINDEXED, content = 'pages', content_rowid = 'rowid', tokenize = 'porter unicode61')`.execute(db);
    await sql`INSERT INTO pages_fts (rowid, text, document_id, page_no) SELECT rowid, text, document_id, page_no FROM pages`.execute(db);
  },
});

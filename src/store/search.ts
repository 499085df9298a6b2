/**
 * Page texts and full-text search over documents and resources.
 * SQLite: FTS5 indexes over the base tables' text (external content, joined by rowid; see
 * migration 0013). PostgreSQL: generated tsvector columns.
 */
import { sql, type Kysely } from 'kysely';
import { visibleDocumentSql, visibleResourceSql, type Visibility } from './visibility.js';
import type { Database, Dialect } from './schema.js';
import type { ExtractedPage } from '../core/types.js';

export interface SearchHit {
  kind: 'page' | 'resource';
  documentId: string;
  page?: number;
  resourceId?: string;
  resourceType?: string;
  snippet: string;
}

/** Turns free user text into a safe query: words only, every word must match (prefix on the last). */
export function toFtsWords(q: string): string[] {
  return (q.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12).map((w) => w.toLowerCase());
}

/**
 * Pages of a fax that was split into documents are found in those documents (the same text
 * under the same page numbers): the transmission's copy is left out so a hit shows once.
 */
const notSplit = (documentId: ReturnType<typeof sql.ref>) => sql`NOT EXISTS (SELECT 1 FROM documents c WHERE c.parent_id = ${documentId} AND c.channel = 'split')`;

/** Word boxes of a page, its size in their pixel space, and the turn it was read at (sideways pages). */
const layoutJson = (p: ExtractedPage) => (p.words ? JSON.stringify({ width: p.width, height: p.height, words: p.words, ...(p.turned ? { turned: p.turned } : {}) }) : null);

export class SearchRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  async insertPages(documentId: string, pages: ExtractedPage[], db: Kysely<Database> = this.db): Promise<void> {
    if (!pages.length) return;
    // Postgres text cannot hold NUL; OCR and PDFs sometimes produce it.
    const clean = (t: string) => t.replace(/\u0000/g, '');
    const numbers = sql.join(pages.map((p) => p.page));
    // A page read again replaces its text: its index entry goes first, while the row still holds the text it indexed.
    if (this.dialect === 'sqlite') await sql`DELETE FROM pages_fts WHERE rowid IN (SELECT rowid FROM pages WHERE document_id = ${documentId} AND page_no IN (${numbers}))`.execute(db);
    await db
      .insertInto('pages')
      .values(pages.map((p) => ({ document_id: documentId, page_no: p.page, text: clean(p.text), method: p.method, confidence: p.confidence ?? null, layout_json: layoutJson(p) })))
      .onConflict((oc) => oc.columns(['document_id', 'page_no']).doUpdateSet((eb) => ({ text: eb.ref('excluded.text'), method: eb.ref('excluded.method') })))
      .execute();
    if (this.dialect === 'sqlite') {
      await sql`INSERT INTO pages_fts (rowid, text, document_id, page_no) SELECT rowid, text, document_id, page_no FROM pages WHERE document_id = ${documentId} AND page_no IN (${numbers})`.execute(db);
    }
  }

  /** Pages of many new documents at once (text attachments stored by their parent's job). */
  async insertPagesOfMany(docs: Array<{ documentId: string; pages: ExtractedPage[] }>, db: Kysely<Database> = this.db): Promise<void> {
    // Whole documents per statement, so the full-text rows can be added by document id.
    for (let i = 0; i < docs.length; ) {
      const group: typeof docs = [];
      for (let n = 0; i < docs.length && (n === 0 || n + docs[i].pages.length <= 500); i++) {
        n += docs[i].pages.length;
        group.push(docs[i]);
      }
      const rows = group.flatMap((d) => d.pages.map((p) => ({ document_id: d.documentId, page_no: p.page, text: p.text.replace(/\u0000/g, ''), method: p.method, confidence: p.confidence ?? null, layout_json: layoutJson(p) })));
      if (!rows.length) continue;
      await db.insertInto('pages').values(rows).execute();
      if (this.dialect === 'sqlite') {
        await sql`INSERT INTO pages_fts (rowid, text, document_id, page_no) SELECT rowid, text, document_id, page_no FROM pages WHERE document_id IN (${sql.join(group.map((d) => d.documentId))})`.execute(db);
      }
    }
  }

  async pages(documentId: string): Promise<Array<{ page: number; text: string; method: string; confidence: number | null }>> {
    const rows = await this.db.selectFrom('pages').selectAll().where('document_id', '=', documentId).orderBy('page_no').execute();
    return rows.map((r) => ({ page: r.page_no, text: r.text, method: r.method, confidence: r.confidence }));
  }

  /**
   * Searches page texts and resource texts; `personId` limits to one person's documents,
   * `visible` to what one account may see.
   */
  async search(query: string, opts: { personId?: string; visible?: Visibility; limit?: number } = {}): Promise<SearchHit[]> {
    const words = toFtsWords(query);
    if (!words.length) return [];
    const limit = opts.limit ?? 50;
    return this.dialect === 'sqlite' ? this.searchSqlite(words, opts, limit) : this.searchPostgres(words, opts, limit);
  }

  private async searchSqlite(words: string[], opts: { personId?: string; visible?: Visibility }, limit: number): Promise<SearchHit[]> {
    const { personId, visible } = opts;
    const match = words.map((w, i) => (i === words.length - 1 ? `"${w}"*` : `"${w}"`)).join(' AND ');
    const personPages = sql`${personId ? sql`AND f.document_id IN (SELECT id FROM documents WHERE person_id = ${personId})` : sql``} ${visible ? sql`AND ${visibleDocumentSql(sql.ref('f.document_id'), visible)}` : sql``}`;
    const pages = await sql<{ document_id: string; page_no: number; snip: string }>`
      SELECT f.document_id, f.page_no, snippet(pages_fts, 0, '[', ']', '…', 12) AS snip
      FROM pages_fts f WHERE pages_fts MATCH ${match} ${personPages} AND ${notSplit(sql.ref('f.document_id'))} ORDER BY rank LIMIT ${limit}`.execute(this.db);
    const personRes = sql`${personId ? sql`AND r.person_id = ${personId}` : sql``} ${visible ? sql`AND ${visibleResourceSql('r', visible)}` : sql``}`;
    const res = await sql<{ id: string; document_id: string; resource_type: string; snip: string }>`
      SELECT r.id, r.document_id, r.resource_type, snippet(resources_fts, 0, '[', ']', '…', 12) AS snip
      FROM resources_fts f JOIN resources r ON r.rowid = f.rowid
      WHERE resources_fts MATCH ${match} ${personRes} ORDER BY rank LIMIT ${limit}`.execute(this.db);
    return [
      ...res.rows.map((r) => ({ kind: 'resource' as const, documentId: r.document_id, resourceId: r.id, resourceType: r.resource_type, snippet: r.snip })),
      ...pages.rows.map((p) => ({ kind: 'page' as const, documentId: p.document_id, page: Number(p.page_no), snippet: p.snip })),
    ];
  }

  private async searchPostgres(words: string[], opts: { personId?: string; visible?: Visibility }, limit: number): Promise<SearchHit[]> {
    const { personId, visible } = opts;
    const tsq = words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
    const personPages = sql`${personId ? sql`AND p.document_id IN (SELECT id FROM documents WHERE person_id = ${personId})` : sql``} ${visible ? sql`AND ${visibleDocumentSql(sql.ref('p.document_id'), visible)}` : sql``}`;
    const pages = await sql<{ document_id: string; page_no: number; snip: string }>`
      SELECT p.document_id, p.page_no,
        ts_headline('english', p.text, to_tsquery('english', ${tsq}), 'StartSel=[,StopSel=],MaxWords=24,MinWords=8') AS snip
      FROM pages p WHERE p.tsv @@ to_tsquery('english', ${tsq}) ${personPages} AND ${notSplit(sql.ref('p.document_id'))}
      ORDER BY ts_rank(p.tsv, to_tsquery('english', ${tsq})) DESC LIMIT ${limit}`.execute(this.db);
    const personRes = sql`${personId ? sql`AND r.person_id = ${personId}` : sql``} ${visible ? sql`AND ${visibleResourceSql('r', visible)}` : sql``}`;
    const res = await sql<{ id: string; document_id: string; resource_type: string; snip: string }>`
      SELECT r.id, r.document_id, r.resource_type,
        ts_headline('english', r.text, to_tsquery('english', ${tsq}), 'StartSel=[,StopSel=],MaxWords=24,MinWords=8') AS snip
      FROM resources r WHERE r.tsv @@ to_tsquery('english', ${tsq}) ${personRes}
      ORDER BY ts_rank(r.tsv, to_tsquery('english', ${tsq})) DESC LIMIT ${limit}`.execute(this.db);
    return [
      ...res.rows.map((r) => ({ kind: 'resource' as const, documentId: r.document_id, resourceId: r.id, resourceType: r.resource_type, snippet: r.snip })),
      ...pages.rows.map((p) => ({ kind: 'page' as const, documentId: p.document_id, page: Number(p.page_no), snippet: p.snip })),
    ];
  }
}

/**
 * Page texts and full-text search over documents and resources.
 * SQLite: FTS5 indexes over the base tables' text (external content, joined by rowid; see
 * migration 0013). PostgreSQL: generated tsvector columns.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { visibleDocumentSql, visibleResourceSql, type Visibility } from './visibility.js';
import type { Database, Dialect } from './schema.js';
import type { ExtractedPage } from '../core/types.js';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { listed, prepared } from './sqlite-statements.js';

export interface SearchHit {
  kind: 'page' | 'resource';
  documentId: string;
  page?: number;
  resourceId?: string;
  resourceType?: string;
  snippet: string;
  /** The document the hit is in, so a result can be named without reading the document list. */
  document?: { filename: string; label: Record<string, unknown> };
  /** Whose record the hit is in (a household's search mixes everyone's): the resource's person, else its document's. */
  personId?: string;
}

/**
 * One slice of the results a reader can narrow to: records of one FHIR type, or pages of one
 * kind of document (its label's type — lab_report, discharge_summary … — else its format).
 */
export type SearchFacet = { resourceType: string } | { documentType: string };

/** How many hits each slice holds, over all matches (not just the page of hits returned). */
export interface SearchFacets {
  resources: Array<{ resourceType: string; count: number }>;
  documents: Array<{ documentType: string; count: number }>;
}

export interface SearchOptions {
  personId?: string;
  visible?: Visibility;
  limit?: number;
  /** Only this slice of the results. */
  only?: SearchFacet;
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
    /** Set only inside a transaction on SQLite (see ResourcesRepo). */
    private readonly sqlite?: BetterSqlite3.Database,
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
      if (this.sqlite && db === this.db) {
        // A bulk export's notes: one prepared insert per page, in the same order (the same rowids), and the
        // full-text rows as below but without Kysely building a 500-row statement that SQLite compiles anew each time.
        const raw = this.sqlite;
        const st = prepared(raw, 'insert into "pages" ("document_id", "page_no", "text", "method", "confidence", "layout_json") values (?, ?, ?, ?, ?, ?)');
        for (const r of rows) st.run(r.document_id, r.page_no, r.text, r.method, r.confidence, r.layout_json);
        listed(raw, 'INSERT INTO pages_fts (rowid, text, document_id, page_no) SELECT rowid, text, document_id, page_no FROM pages WHERE document_id IN ', group.length).run(...group.map((d) => d.documentId));
        continue;
      }
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
   * `visible` to what one account may see, `only` to one facet.
   */
  async search(query: string, opts: SearchOptions = {}): Promise<SearchHit[]> {
    const words = toFtsWords(query);
    if (!words.length) return [];
    const limit = opts.limit ?? 50;
    const wantResources = !opts.only || 'resourceType' in opts.only;
    const wantPages = !opts.only || 'documentType' in opts.only;
    const m = this.matcher(words);
    const [res, pages] = await Promise.all([
      wantResources ? this.resourceHits(m, opts, limit) : [],
      wantPages ? this.pageHits(m, opts, limit) : [],
    ]);
    return [...res, ...pages];
  }

  /** Counts of every match per resource type and per document type, for the reader to narrow by. */
  async facets(query: string, opts: Omit<SearchOptions, 'only' | 'limit'> = {}): Promise<SearchFacets> {
    const words = toFtsWords(query);
    if (!words.length) return { resources: [], documents: [] };
    const m = this.matcher(words);
    const [res, pages] = await Promise.all([
      sql<{ k: string; c: number | string }>`
        SELECT r.resource_type AS k, count(*) AS c FROM ${m.resourceFrom} WHERE ${m.resourceMatch} ${this.resourceScope(opts)}
        GROUP BY r.resource_type`.execute(this.db),
      sql<{ k: string; c: number | string }>`
        SELECT ${documentTypeSql(this.dialect)} AS k, count(*) AS c FROM ${m.pageFrom} JOIN documents d ON d.id = p.document_id
        WHERE ${m.pageMatch} ${this.pageScope(opts)} GROUP BY 1`.execute(this.db),
    ]);
    const sorted = <T extends { count: number }>(xs: T[]) => xs.sort((a, b) => b.count - a.count);
    return {
      resources: sorted(res.rows.map((r) => ({ resourceType: r.k, count: Number(r.c) }))),
      documents: sorted(pages.rows.map((r) => ({ documentType: r.k, count: Number(r.c) }))),
    };
  }

  /**
   * The dialect's full-text pieces for the words: SQLite FTS5 (every word, prefix on the last),
   * PostgreSQL tsvector columns with the same prefix rule.
   */
  private matcher(words: string[]) {
    if (this.dialect === 'sqlite') {
      const match = words.map((w, i) => (i === words.length - 1 ? `"${w}"*` : `"${w}"`)).join(' AND ');
      return {
        resourceFrom: sql`resources_fts f JOIN resources r ON r.rowid = f.rowid`,
        resourceMatch: sql`resources_fts MATCH ${match}`,
        resourceSnippet: sql`snippet(resources_fts, 0, '[', ']', '…', 12)`,
        resourceRank: sql`rank`,
        pageFrom: sql`pages_fts p`,
        pageMatch: sql`pages_fts MATCH ${match}`,
        pageSnippet: sql`snippet(pages_fts, 0, '[', ']', '…', 12)`,
        pageRank: sql`rank`,
      };
    }
    const tsq = words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
    const q = sql`to_tsquery('english', ${tsq})`;
    const headline = (col: RawBuilder<unknown>) => sql`ts_headline('english', ${col}, ${q}, 'StartSel=[,StopSel=],MaxWords=24,MinWords=8')`;
    return {
      resourceFrom: sql`resources r`,
      resourceMatch: sql`r.tsv @@ ${q}`,
      resourceSnippet: headline(sql.ref('r.text')),
      resourceRank: sql`ts_rank(r.tsv, ${q}) DESC`,
      pageFrom: sql`pages p`,
      pageMatch: sql`p.tsv @@ ${q}`,
      pageSnippet: headline(sql.ref('p.text')),
      pageRank: sql`ts_rank(p.tsv, ${q}) DESC`,
    };
  }

  private resourceScope(opts: SearchOptions): RawBuilder<unknown> {
    const { personId, visible, only } = opts;
    return sql`${personId ? sql`AND r.person_id = ${personId}` : sql``} ${visible ? sql`AND ${visibleResourceSql('r', visible)}` : sql``} ${only && 'resourceType' in only ? sql`AND r.resource_type = ${only.resourceType}` : sql``}`;
  }

  /** Pages of what the reader may see, leaving out a split fax's own copy of its parts' pages. */
  private pageScope(opts: SearchOptions): RawBuilder<unknown> {
    const { personId, visible, only } = opts;
    const doc = sql.ref('p.document_id');
    return sql`${personId ? sql`AND ${doc} IN (SELECT id FROM documents WHERE person_id = ${personId})` : sql``} ${visible ? sql`AND ${visibleDocumentSql(doc, visible)}` : sql``}
      AND ${notSplit(doc)}
      ${only && 'documentType' in only ? sql`AND ${doc} IN (SELECT d.id FROM documents d WHERE ${documentTypeSql(this.dialect)} = ${only.documentType})` : sql``}`;
  }

  private async resourceHits(m: ReturnType<SearchRepo['matcher']>, opts: SearchOptions, limit: number): Promise<SearchHit[]> {
    const { rows } = await sql<{ id: string; document_id: string; resource_type: string; person_id: string | null; snip: string; filename: string | null; label_json: string | null }>`
      SELECT h.*, d.filename, d.label_json FROM (
        SELECT r.id, r.document_id, r.resource_type, r.person_id, ${m.resourceSnippet} AS snip
        FROM ${m.resourceFrom} WHERE ${m.resourceMatch} ${this.resourceScope(opts)} ORDER BY ${m.resourceRank} LIMIT ${limit}
      ) h LEFT JOIN documents d ON d.id = h.document_id`.execute(this.db);
    return rows.map((r) => ({ kind: 'resource' as const, documentId: r.document_id, resourceId: r.id, resourceType: r.resource_type, snippet: r.snip, ...documentOf(r), ...(r.person_id ? { personId: r.person_id } : {}) }));
  }

  private async pageHits(m: ReturnType<SearchRepo['matcher']>, opts: SearchOptions, limit: number): Promise<SearchHit[]> {
    const { rows } = await sql<{ document_id: string; page_no: number; snip: string; filename: string | null; label_json: string | null; person_id: string | null }>`
      SELECT h.*, d.filename, d.label_json, d.person_id FROM (
        SELECT p.document_id, p.page_no, ${m.pageSnippet} AS snip
        FROM ${m.pageFrom} WHERE ${m.pageMatch} ${this.pageScope(opts)} ORDER BY ${m.pageRank} LIMIT ${limit}
      ) h LEFT JOIN documents d ON d.id = h.document_id`.execute(this.db);
    return rows.map((p) => ({ kind: 'page' as const, documentId: p.document_id, page: Number(p.page_no), snippet: p.snip, ...documentOf(p), ...(p.person_id ? { personId: p.person_id } : {}) }));
  }
}

/** A document's kind for the facets: the type its label gives (lab_report …), else its format (ccda, pdf …). */
function documentTypeSql(dialect: Dialect): RawBuilder<string> {
  return dialect === 'sqlite'
    ? sql<string>`CASE WHEN json_valid(d.label_json) AND json_type(d.label_json, '$.type') = 'text' THEN json_extract(d.label_json, '$.type') ELSE d.format END`
    : sql<string>`CASE WHEN jsonb_typeof(d.label_json::jsonb -> 'type') = 'string' THEN d.label_json::jsonb ->> 'type' ELSE d.format END`;
}

function documentOf(r: { filename: string | null; label_json: string | null }): Pick<SearchHit, 'document'> {
  if (r.filename === null) return {};
  let label: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(r.label_json ?? '{}');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) label = parsed as Record<string, unknown>;
  } catch {
    // a label that is not JSON names nothing; the filename still does
  }
  return { document: { filename: r.filename, label } };
}

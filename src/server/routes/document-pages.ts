/**
 * A document's pages as pictures for the viewer: page N of the original drawn as a PNG, and
 * the page's word boxes (to lay the OCR text over the picture, mark search hits and outline a
 * fact). A part split out of a fax keeps the fax's page numbers and is drawn from the fax,
 * limited to its own pages. Handlers parse, call src/views/page-image.ts, answer.
 */
import type { FastifyInstance } from 'fastify';
import type { Vessel } from '../../app/vessel.js';
import type { DocumentRecord } from '../../store/documents.js';
import { ApiError } from '../errors.js';
import { PAGE_FORMATS, PageImageError, pageLayout, renderPageImage } from '../../views/page-image.js';

/** Drawn pages kept in memory: scrolling back through a fax does not draw it again. */
const CACHE_BYTES = 48 * 1024 * 1024;
/** Originals larger than this are not drawn in the server (they download as they are). */
const MAX_DRAWN_BYTES = 200 * 1024 * 1024;

class PageCache {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;
  get(key: string): Buffer | undefined {
    const v = this.entries.get(key);
    if (v) {
      this.entries.delete(key);
      this.entries.set(key, v);
    }
    return v;
  }
  set(key: string, v: Buffer): void {
    this.entries.set(key, v);
    this.bytes += v.length;
    for (const [k, old] of this.entries) {
      if (this.bytes <= CACHE_BYTES) break;
      this.entries.delete(k);
      this.bytes -= old.length;
    }
  }
}

export async function documentPageRoutes(app: FastifyInstance, opts: { vessel: Vessel }): Promise<void> {
  const { store, vault } = opts.vessel;
  const cache = new PageCache();

  async function pageOf(id: string, n: string): Promise<{ doc: DocumentRecord; page: number }> {
    const doc = await store.documents.get(id);
    if (!doc) throw new ApiError('not_found', 'no such document');
    const page = Number(n);
    if (!Number.isInteger(page) || page < 1 || page > 100_000) throw new ApiError('bad_request', 'pages are numbered from 1');
    return { doc, page };
  }

  /** The file a page is drawn from, and its page number there (a fax part: the fax itself). */
  async function drawnFrom(doc: DocumentRecord, page: number): Promise<{ file: DocumentRecord; page: number }> {
    const at = doc.label.split as { first?: number; last?: number } | undefined;
    if (doc.channel === 'split' && doc.parentId && at?.first && at.last) {
      if (page < at.first || page > at.last) throw new ApiError('not_found', `this document holds pages ${at.first} to ${at.last} of its fax`);
      const fax = await store.documents.get(doc.parentId);
      if (fax && PAGE_FORMATS.has(fax.format) && (await vault.has(fax.sha256))) return { file: fax, page };
      return { file: doc, page: page - at.first + 1 }; // the part's own PDF holds its pages from 1
    }
    return { file: doc, page };
  }

  app.get<{ Params: { id: string; n: string }; Querystring: { width?: string } }>('/api/documents/:id/pages/:n.png', { config: { access: 'document' } }, async (req, reply) => {
    const { doc, page } = await pageOf(req.params.id, req.params.n);
    const { file, page: filePage } = await drawnFrom(doc, page);
    if (!PAGE_FORMATS.has(file.format)) throw new ApiError('not_found', `a ${file.format} document has no page images; its text is shown instead`);
    if (file.size > MAX_DRAWN_BYTES || !(await vault.has(file.sha256))) throw new ApiError('not_found', 'the original of this document cannot be drawn here; download it instead');
    const width = Number(req.query.width) || undefined;
    const layout = await pageLayout(store, doc.id, page);
    const key = `${file.sha256}/${filePage}/${width ?? ''}/${layout?.turned ?? 0}`;
    let png = cache.get(key);
    if (!png) {
      try {
        png = await renderPageImage(await vault.get(file.sha256), file.format, filePage, { width, turned: layout?.turned });
      } catch (err) {
        if (err instanceof PageImageError) throw new ApiError('bad_request', err.message);
        throw err;
      }
      if (!png) throw new ApiError('not_found', `this document has no page ${page}`);
      cache.set(key, png);
    }
    reply.header('Content-Type', 'image/png');
    return reply.send(png);
  });

  app.get<{ Params: { id: string; n: string } }>('/api/documents/:id/pages/:n/words', { config: { access: 'document' } }, async (req) => {
    const { doc, page } = await pageOf(req.params.id, req.params.n);
    const layout = await pageLayout(store, doc.id, page);
    if (!layout) throw new ApiError('not_found', `this document has no page ${page}`);
    return layout;
  });
}

/**
 * The HTTP surface: a JSON API over the store and the web app's files. One readable route
 * table; handlers parse, call the store or importer, answer. Call `buildServer` in tests
 * and use `app.inject()`; `vessel serve` listens.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { Visibility } from '../store/visibility.js';
import type { SearchFacet } from '../store/search.js';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { Vessel } from '../app/vessel.js';
import { ApiError, outcome } from './errors.js';
import type { DocumentState } from '../core/types.js';
import { VaultError } from '../vault/vault.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const WEB_ROOTS = [path.resolve(here, '../../web/dist'), path.resolve(here, '../../web/static')];

const MEDIA_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  tiff: 'image/tiff',
  jpeg: 'image/jpeg',
  png: 'image/png',
  'cda-xml': 'application/xml',
  xml: 'application/xml',
  'fhir-json': 'application/fhir+json',
  'fhir-ndjson': 'application/fhir+ndjson',
  'fhir-xml': 'application/fhir+xml',
  hl7v2: 'text/plain',
  dicom: 'application/dicom',
  dicomdir: 'application/dicom',
  zip: 'application/zip',
  text: 'text/plain',
};

const DOC_STATES: DocumentState[] = ['queued', 'processing', 'done', 'failed', 'unsupported'];

export interface ServerOptions {
  logger?: boolean;
  /** Serve HTTPS with this PEM certificate and key. */
  https?: { cert: Buffer; key: Buffer };
  /** Largest upload accepted over HTTP, bytes. */
  maxUploadBytes?: number;
}

export async function buildServer(vessel: Vessel, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const { store, importer, vault, queue } = vessel;
  const app = (opts.https ? Fastify({ logger: opts.logger ?? false, bodyLimit: 10 * 1024 * 1024, https: opts.https }) : Fastify({ logger: opts.logger ?? false, bodyLimit: 10 * 1024 * 1024 })) as unknown as FastifyInstance;
  const maxUpload = opts.maxUploadBytes ?? Math.min(vessel.config.limits.maxFileBytes, 1024 ** 3);
  await app.register(multipart, { limits: { fileSize: maxUpload, files: 1000 } });

  app.addHook('onSend', async (req, reply) => {
    if (opts.https) reply.header('Strict-Transport-Security', 'max-age=31536000');
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Content-Security-Policy', "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'");
    // The web app's built files are named by their content hash (web/dist/assets, Vite): a new
    // build has new names, so the browser may keep them; reopening Vessel then neither downloads
    // nor re-parses the app's code. Everything else (the API, index.html) is never stored.
    const asset = req.url.startsWith('/assets/') && reply.statusCode === 200;
    reply.header('Cache-Control', asset ? 'public, max-age=31536000, immutable' : 'no-store');
  });

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof ApiError) return reply.status(err.status).send(outcome(err.key, err.message));
    if (err instanceof VaultError && err.code === 'not_found') return reply.status(404).send(outcome('not_found', 'the original is not in the vault'));
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 413 || (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') return reply.status(413).send(outcome('too_large', `upload is larger than ${maxUpload} bytes`));
    if (status && status >= 400 && status < 500) return reply.status(status).send(outcome("bad_request", (err as Error).message));
    req.log.error(err);
    return reply.status(500).send(outcome('internal', 'something went wrong on the server; the error was logged'));
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) return reply.status(404).send(outcome('not_found', `no route ${req.method} ${req.url.split('?')[0]}`));
    return reply.status(404).type('text/plain').send('not found');
  });

  await app.register((await import('./auth.js')).authPlugin, { vessel, secure: !!opts.https }); // sessions, CSRF, roles

  /** What the signed-in account may see across the household (routes with access 'account'). */
  const visibility = (req: FastifyRequest): Visibility => ({ personIds: req.auth!.readable(), scope: req.auth!.account.id });
  /** A `?person=` on an account-wide list must be one the account may read; else: no such person. */
  const readablePerson = (req: FastifyRequest, personId: string | undefined) => {
    if (personId && !req.auth!.roles.has(personId)) throw new ApiError('not_found', 'no such person');
    return personId;
  };

  const intParam = (v: unknown, d: number, max: number) => {
    const n = Number(v);
    return Number.isInteger(n) && n >= 0 ? Math.min(n, max) : d;
  };

  // --- route table -------------------------------------------------------------------
  app.get('/api/health', { config: { access: 'public' } }, async () => ({ ok: true, dialect: store.dialect }));

  app.get('/api/status', { config: { access: 'account' } }, async (req) => ({ documents: await store.documents.countByState(req.auth!.account.id) }));

  app.get('/api/people', { config: { access: 'account' } }, async (req) => {
    const roles = req.auth!.roles;
    const ids = [...roles.keys()];
    const counts = await store.people.counts(ids);
    return (await store.people.list(ids)).map((p) => ({ ...p, role: roles.get(p.id), counts: counts.get(p.id) ?? { documents: 0, resources: 0 } }));
  });

  app.get<{ Params: { id: string } }>('/api/people/:id', { config: { access: 'person' } }, async (req) => {
    const p = await store.people.get(req.params.id);
    if (!p) throw new ApiError('not_found', 'no such person');
    return { ...p, resources: await store.resources.countByType(p.id) };
  });

  app.get<{ Querystring: { person?: string; state?: string; parent?: string; limit?: string; offset?: string } }>('/api/documents', { config: { access: 'account' } }, async (req) => {
    const q = req.query;
    if (q.state && !DOC_STATES.includes(q.state as DocumentState)) throw new ApiError('bad_request', `state must be one of ${DOC_STATES.join(', ')}`);
    return store.documents.list({ personId: readablePerson(req, q.person), personIds: visibility(req).personIds, orScope: req.auth!.account.id, state: q.state as DocumentState | undefined, parentId: q.parent, limit: intParam(q.limit, 200, 1000), offset: intParam(q.offset, 0, 1e9) });
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id', { config: { access: 'document' } }, async (req) => {
    const d = await store.documents.get(req.params.id);
    if (!d) throw new ApiError('not_found', 'no such document');
    return d;
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id/pages', { config: { access: 'document' } }, async (req) => {
    const d = await store.documents.get(req.params.id);
    if (!d) throw new ApiError('not_found', 'no such document');
    return store.search.pages(d.id);
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id/original', { config: { access: 'document' } }, async (req, reply) => {
    const d = await store.documents.get(req.params.id);
    if (!d) throw new ApiError('not_found', 'no such document');
    if (!(await vault.has(d.sha256))) throw new ApiError('not_found', 'the original of this document was not stored (see its error)');
    await store.audit.record({ actor: req.auth!.account.username, accountId: req.auth!.account.id, action: 'document.download', personId: d.personId, target: d.id, ip: req.ip });
    reply.header('Content-Type', MEDIA_TYPES[d.format] ?? 'application/octet-stream');
    reply.header('Content-Disposition', `attachment; filename="${d.filename.replace(/["\\]/g, '_').replace(/[^\x20-\x7e]/g, '_')}"`);
    return reply.send(vault.openStream(d.sha256));
  });

  app.post<{ Params: { id: string } }>('/api/documents/:id/reprocess', { config: { access: 'document' } }, async (req) => {
    const d = await store.documents.get(req.params.id);
    if (!d) throw new ApiError('not_found', 'no such document');
    await store.documents.setState(d.id, 'queued', { error: null });
    await queue.enqueue('ingest', { documentId: d.id }, { dedupeKey: `ingest:${d.id}` });
    return { queued: true };
  });

  app.post('/api/documents', { config: { access: 'account' } }, async (req) => {
    if (!req.isMultipart()) throw new ApiError('bad_request', 'send files as multipart/form-data');
    const results = [];
    for await (const part of req.files()) {
      // Streamed into the vault as it arrives: bounded memory whatever the file's size.
      results.push(await importer.importStream(part.file, part.filename || 'upload', { channel: 'upload', scope: req.auth!.account.id }));
    }
    return { files: results };
  });

  app.get<{ Querystring: { person?: string; type?: string; from?: string; to?: string; document?: string; limit?: string; offset?: string } }>('/api/resources', { config: { access: 'account' } }, async (req) => {
    const q = req.query;
    if (q.type && !/^[A-Z][A-Za-z]{1,63}$/.test(q.type)) throw new ApiError('bad_request', 'type must be a FHIR resource type such as Observation');
    return store.resources.list({ personId: readablePerson(req, q.person), visible: visibility(req), type: q.type, from: q.from, to: q.to, documentId: q.document, limit: intParam(q.limit, 200, 2000), offset: intParam(q.offset, 0, 1e9) });
  });

  app.get<{ Params: { id: string } }>('/api/resources/:id', { config: { access: 'resource' } }, async (req) => {
    const r = await store.resources.get(req.params.id);
    if (!r) throw new ApiError('not_found', 'no such resource');
    const document = await store.documents.get(r.documentId);
    return { ...r, source: document ? { id: document.id, filename: document.filename, format: document.format, label: document.label } : undefined };
  });

  // Search, narrowed to one facet: `type` (a FHIR resource type) or `document` (a document's kind:
  // its label's type such as lab_report, else its format). The facets route counts every match.
  type SearchQuery = { q?: string; person?: string; limit?: string; type?: string; document?: string };
  const searchText = (q: SearchQuery) => {
    const text = (q.q ?? '').slice(0, 500);
    if (!text.trim()) throw new ApiError('bad_request', 'give a search text as ?q=');
    return text;
  };
  const searchFacet = (q: SearchQuery): SearchFacet | undefined => {
    if (q.type && q.document) throw new ApiError('bad_request', 'narrow by type or by document, not both');
    if (q.type && !/^[A-Z][A-Za-z]{1,63}$/.test(q.type)) throw new ApiError('bad_request', 'type must be a FHIR resource type such as Observation');
    if (q.document && !/^[a-z0-9_-]{1,64}$/.test(q.document)) throw new ApiError('bad_request', 'document must be a document kind such as lab_report');
    return q.type ? { resourceType: q.type } : q.document ? { documentType: q.document } : undefined;
  };
  app.get<{ Querystring: SearchQuery }>('/api/search', { config: { access: 'account' } }, async (req) => {
    const q = req.query;
    return store.search.search(searchText(q), { personId: readablePerson(req, q.person), visible: visibility(req), limit: intParam(q.limit, 50, 200), only: searchFacet(q) });
  });
  app.get<{ Querystring: SearchQuery }>('/api/search/facets', { config: { access: 'account' } }, async (req) => {
    return store.search.facets(searchText(req.query), { personId: readablePerson(req, req.query.person), visible: visibility(req) });
  });

  await app.register((await import('./routes/views.js')).viewRoutes, { vessel }); // read models for the web app
  await app.register((await import('./routes/document-pages.js')).documentPageRoutes, { vessel }); // page images and word boxes for the viewer

  await app.register((await import('./routes/record.js')).recordRoutes, { vessel });
  await app.register((await import('../smart/routes.js')).smartRoutes, { vessel }); // SMART on FHIR connections
  await app.register((await import('./routes/doctor.js')).doctorRoutes, { vessel }); // answers, health history form
  await app.register((await import('./routes/share.js')).shareRoutes, { vessel }); // IPS, SMART Health Links
  await app.register((await import('./routes/imaging.js')).imagingRoutes, { vessel }); // studies, reports, frames

  // --- web app ----------------------------------------------------------------------
  const webRoot = WEB_ROOTS.find((r) => fs.existsSync(path.join(r, 'index.html')));
  if (webRoot) await app.register(fastifyStatic, { root: webRoot, prefix: '/', index: ['index.html'] });
  return app;
}

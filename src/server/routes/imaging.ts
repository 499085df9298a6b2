/**
 * Imaging: a person's studies (one per Study Instance UID) with their reports, one study's
 * series and instances, frames of a stored DICOM file as PNG, its key tags, and the studies a
 * report document is linked to. Handlers parse, call src/imaging, answer.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Vessel } from '../../app/vessel.js';
import { ApiError, outcome } from '../errors.js';
import { studiesOfDocument, studyDetail, studyList } from '../../imaging/load.js';
import { FrameError, FrameService, MAX_SIZE, MIN_SIZE } from '../../imaging/frames.js';
import type { DocumentRecord } from '../../store/documents.js';

/** Rendered frames are private: the browser may keep them a while, shared caches never. */
const FRAME_CACHE_CONTROL = 'private, max-age=3600';
const UID = /^[0-9]+(\.[0-9]+)*$/;

function frameErrorReply(reply: FastifyReply, e: FrameError) {
  const base = outcome(e.status === 413 ? 'too_large' : e.status === 404 ? 'not_found' : 'bad_request', e.message);
  const code = e.key === 'decode-unsupported' ? 'not-supported' : e.key === 'busy' ? 'transient' : base.issue[0]!.code;
  if (e.status === 503) reply.header('Retry-After', '1');
  return reply.status(e.status).send({ ...base, issue: [{ ...base.issue[0]!, code }], error: e.key });
}

function optionalNumber(v: string | undefined, name: string): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || Math.abs(n) > 1e7) throw new ApiError('bad_request', `${name} must be a number`);
  return n;
}

export async function imagingRoutes(app: FastifyInstance, opts: { vessel: Vessel }): Promise<void> {
  const { store, vault } = opts.vessel;
  const frames = new FrameService((sha) => vault.get(sha));
  app.addHook('onClose', async () => frames.close());

  app.addHook('onSend', async (req, reply) => {
    if (reply.statusCode === 200 && req.routeOptions.url === '/api/documents/:id/frames/:n.png') reply.header('Cache-Control', FRAME_CACHE_CONTROL);
  });

  async function person(id: string) {
    if (!(await store.people.get(id))) throw new ApiError('not_found', 'no such person');
    return id;
  }

  async function dicomDocument(id: string): Promise<DocumentRecord> {
    const d = await store.documents.get(id);
    if (!d) throw new ApiError('not_found', 'no such document');
    if (d.format !== 'dicom') throw new ApiError('bad_request', `document ${d.filename} is not a DICOM image file (${d.format})`);
    if (!(await vault.has(d.sha256))) throw new ApiError('not_found', 'the original of this document was not stored (see its error)');
    return d;
  }

  app.get<{ Params: { id: string } }>('/api/people/:id/imaging', { config: { access: 'person' } }, async (req) => {
    const studies = await studyList(store, await person(req.params.id));
    if (studies.length) frames.warmUp(); // thumbnails follow; compressed ones need the worker
    return { studies };
  });

  app.get<{ Params: { id: string; studyUid: string } }>('/api/people/:id/imaging/:studyUid', { config: { access: 'person' } }, async (req) => {
    const { studyUid } = req.params;
    if (!UID.test(studyUid) || studyUid.length > 64) throw new ApiError('bad_request', 'a Study Instance UID is digits and dots, at most 64 characters');
    const study = await studyDetail(store, await person(req.params.id), studyUid);
    if (!study) throw new ApiError('not_found', 'no such study in this record');
    return study;
  });

  app.get<{ Params: { id: string; n: string }; Querystring: { wc?: string; ww?: string; size?: string } }>(
    '/api/documents/:id/frames/:n.png',
    { config: { access: 'document' } },
    async (req, reply) => {
      const frame = Number(req.params.n);
      if (!Number.isInteger(frame) || frame < 0 || frame > 1e6) throw new ApiError('bad_request', 'the frame is a number from 0');
      const center = optionalNumber(req.query.wc, 'wc');
      const width = optionalNumber(req.query.ww, 'ww');
      if ((center === undefined) !== (width === undefined)) throw new ApiError('bad_request', 'give both wc and ww, or neither');
      if (width !== undefined && width < 1) throw new ApiError('bad_request', 'ww (window width) must be at least 1');
      const size = req.query.size === undefined ? 1024 : Number(req.query.size);
      if (!Number.isInteger(size) || size < MIN_SIZE || size > MAX_SIZE) throw new ApiError('bad_request', `size must be a whole number from ${MIN_SIZE} to ${MAX_SIZE}`);
      const doc = await dicomDocument(req.params.id);
      try {
        const png = await frames.png(doc, { frame, center, width, size });
        return reply.type('image/png').send(png);
      } catch (e) {
        if (e instanceof FrameError) return frameErrorReply(reply, e);
        throw e;
      }
    },
  );

  app.get<{ Params: { id: string } }>('/api/documents/:id/dicom', { config: { access: 'document' } }, async (req, reply) => {
    const doc = await dicomDocument(req.params.id);
    try {
      return await frames.tags(doc);
    } catch (e) {
      if (e instanceof FrameError) return frameErrorReply(reply, e);
      throw e;
    }
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id/imaging', { config: { access: 'document' } }, async (req) => {
    if (!(await store.documents.get(req.params.id))) throw new ApiError('not_found', 'no such document');
    return { studies: await studiesOfDocument(store, req.params.id) };
  });
}

/**
 * Help with the doctor over HTTP: quick answers with their sources, the pre-filled health
 * history form (HTML, PDF, FHIR Questionnaire/QuestionnaireResponse) and the person's
 * corrections to it. Handlers parse, call src/doctor, answer.
 */
import type { FastifyInstance } from 'fastify';
import type { Vessel } from '../../app/vessel.js';
import { actorOf } from '../auth.js';
import { ApiError } from '../errors.js';
import { loadSnapshot, type Snapshot } from '../../doctor/snapshot.js';
import { buildAnswers } from '../../doctor/answers.js';
import { addStatements, listStatements } from '../../doctor/statements.js';
import { buildForm, FORM_CSS, FORM_JS, formHtml, formQuestionnaireBundle } from '../../doctor/form.js';

export interface DoctorRoutesOptions {
  vessel: Vessel;
}

export async function doctorRoutes(app: FastifyInstance, opts: DoctorRoutesOptions): Promise<void> {
  const { store } = opts.vessel;

  const snapshot = async (id: string): Promise<Snapshot> => {
    const s = await loadSnapshot(store, id, { statements: await listStatements(store, id) });
    if (!s) throw new ApiError('not_found', 'no such person');
    return s;
  };

  app.get<{ Params: { id: string } }>('/api/people/:id/answers', { config: { access: 'person' } }, async (req) => {
    const s = await snapshot(req.params.id);
    await store.audit.record({ ...actorOf(req), action: 'answers.read', personId: s.person.id, ip: req.ip });
    return { person: { id: s.person.id, name: s.person.displayName }, answers: buildAnswers(s) };
  });

  app.get('/api/doctor/form.css', { config: { access: 'public' } }, async (_req, reply) => reply.type('text/css; charset=utf-8').send(FORM_CSS));
  app.get('/api/doctor/form.js', { config: { access: 'public' } }, async (_req, reply) => reply.type('text/javascript; charset=utf-8').send(FORM_JS));

  app.get<{ Params: { id: string } }>('/api/people/:id/form.html', { config: { access: 'person' } }, async (req, reply) => {
    const s = await snapshot(req.params.id);
    await store.audit.record({ ...actorOf(req), action: 'form.read', personId: s.person.id, detail: { as: 'html' }, ip: req.ip });
    return reply.type('text/html; charset=utf-8').send(formHtml(buildForm(s), { cssHref: '/api/doctor/form.css', scriptHref: '/api/doctor/form.js' }));
  });

  app.get<{ Params: { id: string } }>('/api/people/:id/form.pdf', { config: { access: 'person' } }, async (req, reply) => {
    const s = await snapshot(req.params.id);
    const { formPdf } = await import('../../doctor/form-pdf.js');
    const pdf = await formPdf(buildForm(s));
    await store.audit.record({ ...actorOf(req), action: 'form.read', personId: s.person.id, detail: { as: 'pdf' }, ip: req.ip });
    reply.header('Content-Disposition', 'inline; filename="health-history.pdf"');
    return reply.type('application/pdf').send(Buffer.from(pdf));
  });

  app.get<{ Params: { id: string } }>('/api/people/:id/form.fhir', { config: { access: 'person' } }, async (req, reply) => {
    const s = await snapshot(req.params.id);
    await store.audit.record({ ...actorOf(req), action: 'form.read', personId: s.person.id, detail: { as: 'fhir' }, ip: req.ip });
    return reply.type('application/fhir+json; charset=utf-8').send(JSON.stringify(formQuestionnaireBundle(buildForm(s))));
  });

  app.get<{ Params: { id: string } }>('/api/people/:id/form', { config: { access: 'person' } }, async (req) => buildForm(await snapshot(req.params.id)));

  app.post<{ Params: { id: string }; Body: unknown }>('/api/people/:id/form/corrections', { config: { access: 'person' } }, async (req) => {
    const p = await store.people.get(req.params.id);
    if (!p) throw new ApiError('not_found', 'no such person');
    const list = (req.body as { corrections?: unknown } | undefined)?.corrections;
    const ok = (x: unknown, max: number) => typeof x === 'string' && x.trim().length > 0 && x.length <= max;
    if (!Array.isArray(list) || !list.length || list.length > 200 || !list.every((c) => c && ok(c.section, 64) && ok(c.field, 200) && typeof c.value === 'string' && c.value.length <= 4000)) {
      throw new ApiError('bad_request', 'give corrections: a list of {section, field, value} (1 to 200)');
    }
    const saved = await addStatements(store, p.id, list.map((c: { section: string; field: string; value: string }) => ({ section: c.section.trim(), field: c.field.trim(), value: c.value.trim() })));
    await store.audit.record({ ...actorOf(req), action: 'form.correct', personId: p.id, detail: { count: saved.length }, ip: req.ip });
    return { saved };
  });
}

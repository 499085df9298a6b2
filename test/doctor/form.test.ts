import { after, before, describe, test } from 'node:test';
import { signIn } from '../helpers/api.js';
import assert from 'node:assert/strict';
import type { QuestionnaireResponse, Resource } from '@medplum/fhirtypes';
import { PDFDocument } from 'pdf-lib';
import { openFixtureVessel } from './fixture.js';
import { DIALECTS, postgresSkipReason } from '../helpers/vessels.js';
import { loadSnapshot, type Snapshot } from '../../src/doctor/snapshot.js';
import { buildForm, formHtml, formQuestionnaireBundle, type HealthForm } from '../../src/doctor/form.js';
import { formPdf } from '../../src/doctor/form-pdf.js';
import { listStatements } from '../../src/doctor/statements.js';
import { buildServer } from '../../src/server/app.js';
import { r4Validator } from '../../src/sources/fhir/r4-structure.js';
import { pdfText } from '../share/pdf-text.js';

const section = (f: HealthForm, id: string) => f.sections.find((s) => s.id === id)!;
const row = (f: HealthForm, id: string, re: RegExp) => section(f, id).rows.find((r) => r.cells.some((c) => re.test(c)));

for (const dialect of DIALECTS) describe(`health history form (${dialect})`, async () => {
  const skip = dialect === 'postgres' ? await postgresSkipReason() : false;
  if (skip) return void test(`skipped: ${skip}`, { skip }, () => {});
  let fx: Awaited<ReturnType<typeof openFixtureVessel>>;
  let s: Snapshot;
  let f: HealthForm;
  before(async () => {
    fx = await openFixtureVessel(dialect);
    s = (await loadSnapshot(fx.vessel.store, fx.personId))!;
    f = buildForm(s, { now: '2024-03-01T10:00:00Z' });
  });
  after(async () => fx?.cleanup());

  test('pre-filled from the record, each row with its source; unknowns blank', () => {
    const demo = section(f, 'demographics');
    assert.deepEqual(demo.rows.find((r) => r.key === 'birthDate')!.cells, ['Date of birth', '1960-04-12']);
    assert.equal(demo.rows.find((r) => r.key === 'phone')!.cells[1], '555-0100');
    const ins = demo.rows.find((r) => r.key === 'insurance')!;
    assert.equal(ins.cells[1], '', 'insurance unknown: left blank');
    assert.equal(ins.source, undefined);
    const met = row(f, 'medications', /Metformin/)!;
    assert.equal(met.cells[1], '500 mg');
    assert.equal(met.cells[2], '1 tablet by mouth twice daily; oral');
    assert.equal(met.source?.filename, 'summary.json');
    assert.equal(row(f, 'medications', /Amoxicillin/), undefined);
    assert.deepEqual(row(f, 'allergies', /Penicillin/)!.cells.slice(0, 2), ['Penicillin', 'Hives']);
    assert.deepEqual(row(f, 'conditions', /diabetes/)!.cells.slice(1), ['active', '2021-01-20']);
    assert.deepEqual(row(f, 'conditions', /appendicitis/)!.cells.slice(1), ['past', '1995-07-01']);
    assert.equal(row(f, 'procedures', /Colonoscopy/)!.cells[1], '2021-03-15');
    assert.equal(row(f, 'immunizations', /Tdap/)!.cells[1], '2019-05-01');
    assert.deepEqual(row(f, 'family', /father/)!.cells, ['father', 'Heart attack', 'age 62']);
    assert.match(row(f, 'social', /Tobacco/)!.cells[1], /Former smoker/);
    assert.equal(row(f, 'social', /Alcohol/)!.cells[1], '', 'alcohol unknown: blank');
    assert.equal(row(f, 'results', /A1c/)!.cells[1], '6.5 %');
    assert.equal(row(f, 'careTeam', /Patel/)!.cells[3], '555-0199');
    assert.deepEqual(section(f, 'careTeam').rows.find((r) => r.cells[0] === 'Springfield Endocrine Clinic')!.cells, ['Springfield Endocrine Clinic', 'clinic or hospital', '', '555-0150; 20 Oak Ave, Springfield, IL', '2024-01-15']);
    assert.equal(section(f, 'hospitalizations').rows.length, 0);
    for (const sec of f.sections) for (const r of sec.rows) if (r.cells.slice(sec.questions ? 1 : 0).some(Boolean)) assert.ok(r.source, `${sec.id}/${r.key} has a source`);
  });

  test('HTML: escaped, no inline script or style, linked CSS', () => {
    const html = formHtml(f, { cssHref: '/api/doctor/form.css' });
    assert.match(html, /<link rel="stylesheet" href="\/api\/doctor\/form.css">/);
    assert.ok(!/<script|<style|style=/.test(html));
    assert.match(html, /summary\.json/);
  });

  test('PDF: a valid document with the content', async () => {
    const bytes = await formPdf(f);
    const doc = await PDFDocument.load(bytes);
    assert.ok(doc.getPageCount() >= 1);
    assert.ok(Buffer.from(bytes).subarray(0, 5).toString() === '%PDF-');
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
    for (const t of ['Health history', 'Current medications', 'Metformin', 'Hives', 'Tdap', 'father', 'Former smoker', 'Raj Patel', 'summary.json']) assert.ok(text.includes(t), `form PDF shows ${t}`);
  });

  test('FHIR Questionnaire + QuestionnaireResponse pass R4 validation; answers link to questions', async () => {
    const b = formQuestionnaireBundle(f);
    const r4 = await r4Validator();
    assert.equal(r4(b), undefined);
    for (const e of b.entry!) assert.equal(r4(e.resource as Resource), undefined, e.resource!.resourceType);
    const qr = b.entry![2].resource as QuestionnaireResponse;
    const q = b.entry![1].resource as { item: Array<{ linkId: string; item?: Array<{ linkId: string }> }> };
    const linkIds = new Set(q.item.flatMap((i) => [i.linkId, ...(i.item ?? []).map((x) => x.linkId)]));
    for (const i of qr.item!) for (const x of [i, ...(i.item ?? [])]) assert.ok(linkIds.has(x.linkId), x.linkId);
    assert.ok(JSON.stringify(qr).includes('Metformin'));
  });

  test('corrections are kept and used next time, shown as stated by you', async () => {
    const app = await buildServer(fx.vessel);
    const api = await signIn(app, fx.vessel);
    try {
      const bad = await api({ method: 'POST', url: `/api/people/${fx.personId}/form/corrections`, payload: { corrections: [] } });
      assert.equal(bad.statusCode, 400);
      const met = row(f, 'medications', /Metformin/)!;
      const r = await api({
        method: 'POST',
        url: `/api/people/${fx.personId}/form/corrections`,
        payload: { corrections: [
          { section: 'social', field: 'alcohol', value: '2 glasses of wine a week' },
          { section: 'medications', field: met.key, value: 'Metformin | 1000 mg | 1 tablet twice daily with meals' },
          { section: 'medications', field: 'vitamin-d', value: 'Vitamin D | 1000 IU | daily' },
          { section: 'procedures', field: row(f, 'procedures', /Appendectomy/)!.key, value: '' },
        ] },
      });
      assert.equal(r.statusCode, 200, r.body);
      const again = buildForm((await loadSnapshot(fx.vessel.store, fx.personId, { statements: await listStatements(fx.vessel.store, fx.personId) }))!);
      const alc = row(again, 'social', /Alcohol/)!;
      assert.equal(alc.cells[1], '2 glasses of wine a week');
      assert.equal(alc.source?.statedByYou, true);
      assert.deepEqual(row(again, 'medications', /Metformin/)!.cells.slice(0, 3), ['Metformin', '1000 mg', '1 tablet twice daily with meals']);
      assert.ok(row(again, 'medications', /Vitamin D/));
      assert.equal(row(again, 'procedures', /Appendectomy/), undefined, 'an empty statement removes a row');
      const html = await api({ method: 'GET', url: `/api/people/${fx.personId}/form.html` });
      assert.equal(html.statusCode, 200);
      assert.match(html.body, /stated by you/);
      assert.match(String(html.headers['content-security-policy']), /script-src 'self'/);
      const css = await api({ method: 'GET', url: '/api/doctor/form.css' });
      assert.match(String(css.headers['content-type']), /text\/css/);
      const pdf = await api({ method: 'GET', url: `/api/people/${fx.personId}/form.pdf` });
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
      const fhir = await api({ method: 'GET', url: `/api/people/${fx.personId}/form.fhir` });
      assert.equal(fhir.json().type, 'collection');
    } finally {
      await app.close();
    }
  });
});

import { after, before, describe, test } from 'node:test';
import { signIn } from '../helpers/api.js';
import assert from 'node:assert/strict';
import { DIALECTS, postgresSkipReason } from '../helpers/vessels.js';
import { FAX_NAME, openFixtureVessel } from './fixture.js';
import { loadSnapshot, type Snapshot } from '../../src/doctor/snapshot.js';
import { buildAnswers, isoDateOf, NOT_FOUND, type Answer } from '../../src/doctor/answers.js';
import { buildServer } from '../../src/server/app.js';

for (const dialect of DIALECTS) {
  describe(`answers (${dialect})`, async () => {
    const skip = dialect === 'postgres' ? await postgresSkipReason() : false;
    let fx: Awaited<ReturnType<typeof openFixtureVessel>>;
    let s: Snapshot;
    let answers: Map<string, Answer>;
    before(async () => {
      if (skip) return;
      fx = await openFixtureVessel(dialect);
      s = (await loadSnapshot(fx.vessel.store, fx.personId))!;
      answers = new Map(buildAnswers(s).map((a) => [a.id, a]));
    });
    after(async () => fx?.cleanup());

    test('vaccines: last tetanus (by CVX group), flu and COVID, each with its source', { skip }, () => {
      const t = answers.get('tetanus')!;
      assert.equal(t.date, '2019-05-01');
      assert.equal(t.value, 'Tdap');
      assert.equal(t.source?.filename, 'summary.json');
      assert.ok(t.source?.resourceId);
      assert.equal(answers.get('flu')!.date, '2023-10-10');
      assert.equal(answers.get('covid')!.date, '2023-09-20');
    });

    test('screenings: colonoscopy from a procedure, mammogram from document text with its page, Pap not found', { skip }, () => {
      const c = answers.get('colonoscopy')!;
      assert.equal(c.date, '2021-03-15');
      assert.equal(c.value, 'Colonoscopy: One small benign polyp removed; repeat in 5 years');
      const m = answers.get('mammogram')!;
      assert.equal(m.found, true);
      assert.equal(m.date, '2024-02-10');
      assert.match(m.value, /BI-RADS 1, negative/);
      assert.equal(m.source?.filename, FAX_NAME);
      assert.equal(m.source?.page, 2);
      const p = answers.get('pap')!;
      assert.equal(p.found, false);
      assert.equal(p.value, NOT_FOUND);
    });

    test('blood type and labs with their trends (oldest first)', { skip }, () => {
      assert.equal(answers.get('blood-type')!.value, 'A positive');
      const a1c = answers.get('a1c')!;
      assert.equal(a1c.value, '6.5 %');
      assert.deepEqual(a1c.trend!.map((t) => [t.date, t.number]), [['2022-01-10', 7.4], ['2023-01-12', 6.9], ['2024-01-15', 6.5]]);
      assert.deepEqual(answers.get('ldl')!.trend!.map((t) => t.number), [131, 98]);
      assert.equal(answers.get('creatinine')!.value, '1.1 mg/dL');
      assert.equal(answers.get('tsh')!.trend!.length, 2);
      assert.equal(answers.get('egfr')!.value, NOT_FOUND, 'no eGFR in the fixture: never guessed from creatinine');
    });

    test('lists: current medications (not the stopped one), allergies, surgeries, specialists with last visit', { skip }, () => {
      const meds = answers.get('medications')!.entries!.map((e) => e.value);
      assert.equal(meds.length, 2);
      assert.ok(meds.some((m) => /Metformin/.test(m)));
      assert.ok(!meds.some((m) => /Amoxicillin/.test(m)));
      assert.deepEqual(answers.get('allergies')!.entries!.map((e) => e.value), ['Penicillin']);
      assert.deepEqual(answers.get('surgeries')!.entries!.map((e) => [e.value, e.date]), [['Colonoscopy', '2021-03-15'], ['Appendectomy', '1995-07-02']]);
      const sp = answers.get('specialists')!.entries!;
      assert.match(sp[0].value, /Raj Patel \(Endocrinology\)/);
      assert.equal(sp[0].date, '2024-01-15');
      assert.match(sp[1].value, /Lena Gomez/);
      assert.equal(sp[1].date, '2021-03-15');
    });

    test('every found answer names a source document', { skip }, () => {
      for (const a of answers.values()) {
        if (!a.found) continue;
        const srcs = a.entries ? a.entries.map((e) => e.source) : [a.source];
        for (const src of srcs) assert.ok(src?.documentId && src.filename, `${a.id} has a source`);
      }
    });

    test('GET /api/people/:id/answers', { skip }, async () => {
      const app = await buildServer(fx.vessel);
      const api = await signIn(app, fx.vessel);
      try {
        const r = await api({ method: 'GET', url: `/api/people/${fx.personId}/answers` });
        assert.equal(r.statusCode, 200);
        const body = r.json() as { answers: Answer[] };
        assert.equal(body.answers.find((a) => a.id === 'tetanus')!.date, '2019-05-01');
        const missing = await api({ method: 'GET', url: '/api/people/nobody/answers' });
        assert.equal(missing.statusCode, 404);
        assert.equal(missing.json().resourceType, 'OperationOutcome');
      } finally {
        await app.close();
      }
    });
  });
}

test('dates written in text', () => {
  assert.equal(isoDateOf('done 2024-02-10: fine'), '2024-02-10');
  assert.equal(isoDateOf('on 3/7/2022'), '2022-03-07');
  assert.equal(isoDateOf('on March 7, 2022'), '2022-03-07');
  assert.equal(isoDateOf('sometime in spring'), undefined);
});

import { after, before, describe, test } from 'node:test';
import { signIn } from '../helpers/api.js';
import assert from 'node:assert/strict';
import { PDFDocument } from 'pdf-lib';
import { compactDecrypt } from 'jose';
import { openFixtureVessel } from '../doctor/fixture.js';
import { loadSnapshot, type Snapshot } from '../../src/doctor/snapshot.js';
import { summaryPdf, trendSeries } from '../../src/share/summary-pdf.js';
import { buildServer } from '../../src/server/app.js';
import { pdfText } from './pdf-text.js';

describe('visit summary PDF', () => {
  let fx: Awaited<ReturnType<typeof openFixtureVessel>>;
  let s: Snapshot;
  before(async () => {
    fx = await openFixtureVessel('sqlite');
    s = (await loadSnapshot(fx.vessel.store, fx.personId))!;
  });
  after(async () => fx?.cleanup());

  test('trend series of chosen tests over a chosen period, with sources', () => {
    const all = trendSeries(s);
    const a1c = all.find((x) => x.group === 'hba1c')!;
    assert.deepEqual(a1c.points, [{ date: '2022-01-10', value: 7.4 }, { date: '2023-01-12', value: 6.9 }, { date: '2024-01-15', value: 6.5 }]);
    assert.equal(a1c.unit, '%');
    assert.deepEqual(a1c.sources, ['summary.json']);
    assert.equal(all.find((x) => x.group === 'egfr'), undefined, 'no eGFR: no chart');
    const period = trendSeries(s, { from: '2023', to: '2024-12', tests: ['hba1c', 'ldl'] });
    assert.deepEqual(period.map((x) => [x.group, x.points.length]), [['hba1c', 2], ['ldl', 1]]);
  });

  test('a valid PDF; served over HTTP and shareable as a SMART Health Link file', async () => {
    const pdf = await summaryPdf(s, { from: '2022', tests: ['hba1c', 'ldl', 'tsh'] });
    assert.ok((await PDFDocument.load(pdf)).getPageCount() >= 1);
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    for (const t of ['Visit summary', 'Metformin', 'Penicillin', 'Hemoglobin A1c', 'Sources: summary.json', '2024-01-15', '6.5']) assert.ok(text.includes(t), `summary PDF shows ${t}`);
    const app = await buildServer(fx.vessel);
    const api = await signIn(app, fx.vessel);
    try {
      const r = await api({ method: 'GET', url: `/api/people/${fx.personId}/summary.pdf?from=2023&tests=hba1c,tsh` });
      assert.equal(r.statusCode, 200);
      assert.equal(r.rawPayload.subarray(0, 5).toString(), '%PDF-');
      assert.equal((await api({ method: 'GET', url: `/api/people/${fx.personId}/summary.pdf?from=junk` })).statusCode, 400);
      // What can be charted: the person's own tests with numbers, the usual ones marked.
      const tests = (await api(`/api/people/${fx.personId}/summary-tests`)).json() as Array<{ id: string; results: number; usual: boolean }>;
      const byId = new Map(tests.map((x) => [x.id, x]));
      assert.equal(byId.get('hba1c')?.results, 3);
      assert.equal(byId.get('tsh')?.results, 2);
      assert.equal(byId.get('hba1c')?.usual, true);
      assert.ok(!byId.has('weight'), 'no weight in these records, so none offered');
      const c = await api({ method: 'POST', url: `/api/people/${fx.personId}/shares`, payload: { what: 'summary', expires: '1d' } });
      assert.equal(c.statusCode, 200, c.body);
      const p = JSON.parse(Buffer.from((c.json().link as string).split('#shlink:/')[1], 'base64url').toString());
      const m = await app.inject({ method: 'POST', url: new URL(p.url).pathname, payload: { recipient: 'Dr. Patel' } });
      const doc = JSON.parse(new TextDecoder().decode((await compactDecrypt(m.json().files[0].embedded, Buffer.from(p.key, 'base64url'))).plaintext));
      assert.equal(doc.resourceType, 'DocumentReference');
      assert.equal(Buffer.from(doc.content[0].attachment.data, 'base64').subarray(0, 5).toString(), '%PDF-');
    } finally {
      await app.close();
    }
  });
});

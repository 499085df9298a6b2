// The store's behaviour, run identically on SQLite and PostgreSQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Observation } from '@medplum/fhirtypes';
import { sql } from 'kysely';
import { DIALECTS, openTestVessel, postgresSkipReason } from '../helpers/vessels.js';

for (const dialect of DIALECTS) {
  test(`store on ${dialect}`, { skip: dialect === 'postgres' ? await postgresSkipReason() : false }, async (t) => {
    const tv = await openTestVessel(dialect);
    const { store } = tv.vessel;
    t.after(() => tv.cleanup());

    await t.test('a document is unique by its bytes', async () => {
      const a = await store.documents.insertIfNew({ sha256: 'a'.repeat(64), channel: 'cli', filename: 'one.xml', format: 'cda-xml', size: 10, state: 'queued' });
      const b = await store.documents.insertIfNew({ sha256: 'a'.repeat(64), channel: 'upload', filename: 'copy.xml', format: 'cda-xml', size: 10, state: 'queued' });
      assert.equal(a.created, true);
      assert.equal(b.created, false);
      assert.equal(b.doc.id, a.doc.id);
      assert.equal(b.doc.filename, 'one.xml');
    });

    await t.test('resources are filtered by person, type and date, and keep their provenance', async (t2) => {
      const person = await store.people.create({ given: ['Ada'], family: 'Testbury', birthDate: '1950-02-03' });
      const { doc } = await store.documents.insertIfNew({ sha256: 'b'.repeat(64), channel: 'cli', filename: 'lab.pdf', format: 'pdf', size: 1, state: 'done' });
      const obs = (id: string, date: string, text: string): Observation & { id: string } => ({
        resourceType: 'Observation',
        id,
        status: 'final',
        code: { text, coding: [{ system: 'http://loinc.org', code: '2345-7', display: 'Glucose' }] },
        effectiveDateTime: date,
      });
      await store.resources.insertMany([
        { resource: obs('o1', '2019-03-04', 'Glucose fasting'), personId: person.id, documentId: doc.id, location: { page: 2, box: [10, 20, 300, 40] } },
        { resource: obs('o2', '2021', 'Glucose random'), personId: person.id, documentId: doc.id, location: { page: 3 } },
        { resource: { resourceType: 'Condition', id: 'c1', subject: { reference: 'Patient/x' }, code: { text: 'Asthma' }, recordedDate: '2018-01' }, personId: person.id, documentId: doc.id, location: { xpath: '/ClinicalDocument/component' } },
      ]);
      const glucose = await store.resources.list({ personId: person.id, type: 'Observation' });
      assert.deepEqual(glucose.map((r) => r.id), ['o2', 'o1'], 'newest first');
      assert.equal(glucose[1].date, '2019-03-04');
      const range = await store.resources.list({ personId: person.id, from: '2019', to: '2020' });
      assert.deepEqual(range.map((r) => r.id), ['o1']);
      const one = await store.resources.get('o1');
      assert.deepEqual(one?.location, { page: 2, box: [10, 20, 300, 40] });
      assert.equal((one?.resource as Observation).code.text, 'Glucose fasting');
      assert.deepEqual(await store.resources.countByType(person.id), { Observation: 2, Condition: 1 });

      await t2.test('full-text search finds resources and page text, limited to a person', async () => {
        await store.search.insertPages(doc.id, [
          { page: 1, text: 'Fax cover sheet from Mercy Hospital', method: 'ocr' },
          { page: 2, text: 'Hemoglobin A1c 6.8 % high', method: 'ocr' },
        ]);
        await store.documents.setState(doc.id, 'done', { personId: person.id });
        const hits = await store.search.search('hemoglobin');
        assert.deepEqual(hits.map((h) => [h.kind, h.page]), [['page', 2]]);
        assert.equal(hits[0]?.personId, person.id, "a page names whose record it is in (a household's search mixes everyone's)");
        const res = await store.search.search('asthma');
        assert.equal(res[0]?.resourceId, 'c1');
        assert.equal(res[0]?.personId, person.id, 'so does a record');
        assert.equal((await store.search.search('gluc')).filter((h) => h.kind === 'resource').length, 2, 'prefix match on the last word');
        const other = await store.people.create({ given: ['Bo'], family: 'Other' });
        assert.equal((await store.search.search('hemoglobin', { personId: other.id })).length, 0);
        assert.equal((await store.search.search('"); DROP TABLE pages; --')).length, 0, 'hostile query text is just words');
      });

      await t2.test('search results can be narrowed by facets that count every match', async () => {
        // A labelled lab report beside the unlabelled PDF: "glucose" is in both, and in two results.
        const { doc: report } = await store.documents.insertIfNew({ sha256: 'f'.repeat(64), channel: 'cli', filename: 'report.pdf', format: 'pdf', size: 1, state: 'done' });
        await store.documents.setState(report.id, 'done', { personId: person.id, label: { type: 'lab_report', title: 'Lab report, Mercy' } });
        await store.search.insertPages(report.id, [{ page: 1, text: 'Glucose 98 mg/dL' }, { page: 2, text: 'Glucose repeat 101 mg/dL' }].map((p) => ({ ...p, method: 'ocr' as const })));
        await store.search.insertPages(doc.id, [{ page: 3, text: 'Glucose fasting noted', method: 'ocr' }]);

        const facets = await store.search.facets('glucose', { personId: person.id });
        assert.deepEqual(facets.resources, [{ resourceType: 'Observation', count: 2 }]);
        assert.deepEqual(facets.documents, [
          { documentType: 'lab_report', count: 2 },
          { documentType: 'pdf', count: 1 },
        ]);
        const labPages = await store.search.search('glucose', { personId: person.id, only: { documentType: 'lab_report' } });
        assert.deepEqual(labPages.map((h) => [h.kind, h.documentId]).sort(), [['page', report.id], ['page', report.id]]);
        assert.equal(labPages[0].document?.label.title, 'Lab report, Mercy', 'a hit names its document');
        const results = await store.search.search('glucose', { personId: person.id, only: { resourceType: 'Observation' } });
        assert.deepEqual(results.map((h) => h.resourceId).sort(), ['o1', 'o2']);
        assert.equal((await store.search.search('glucose', { personId: person.id, only: { resourceType: 'Condition' } })).length, 0);
        assert.deepEqual(await store.search.facets('glucose', { personId: (await store.people.create({ given: ['Cy'], family: 'Nobody' })).id }), { resources: [], documents: [] });
      });

      await t2.test('clearing a document removes all it produced', async () => {
        await store.resources.clearDocument(doc.id);
        assert.equal((await store.resources.list({ documentId: doc.id })).length, 0);
        assert.equal((await store.search.search('hemoglobin')).length, 0);
        assert.equal((await store.search.search('asthma')).length, 0);
      });

      await t2.test('a document read again is found by its new text only, and the search index stays consistent', async () => {
        await store.resources.insertMany([{ resource: obs('o3', '2022-05-06', 'Ferritin low'), personId: person.id, documentId: doc.id, location: {} }]);
        await store.search.insertPages(doc.id, [{ page: 1, text: 'Colonoscopy report', method: 'ocr' }]);
        // The same page read again (a better OCR pass) replaces its text.
        await store.search.insertPages(doc.id, [{ page: 1, text: 'Endoscopy report', method: 'ocr' }]);
        assert.equal((await store.search.search('ferritin'))[0]?.resourceId, 'o3');
        assert.deepEqual((await store.search.search('endoscopy')).map((h) => h.page), [1]);
        assert.equal((await store.search.search('colonoscopy')).length, 0, 'the replaced text is no longer found');
        if (dialect === 'sqlite') {
          // FTS5 checks its index against the rows it reads the text from (it throws when they disagree).
          await sql`INSERT INTO resources_fts (resources_fts, rank) VALUES ('integrity-check', 1)`.execute(store.db);
          await sql`INSERT INTO pages_fts (pages_fts, rank) VALUES ('integrity-check', 1)`.execute(store.db);
        }
        await store.resources.clearDocument(doc.id);
        assert.equal((await store.search.search('ferritin')).length, 0);
        assert.equal((await store.search.search('endoscopy')).length, 0);
        if (dialect === 'sqlite') await sql`INSERT INTO resources_fts (resources_fts, rank) VALUES ('integrity-check', 1)`.execute(store.db);
      });
    });

    await t.test('audit events are recorded per person', async () => {
      const p = await store.people.create({ given: ['Cy'], family: 'Audit' });
      await store.audit.record({ actor: 'local', action: 'record.export', personId: p.id, ip: '127.0.0.1' });
      const events = await store.audit.list(p.id);
      assert.equal(events.length, 1);
      assert.equal(events[0].action, 'record.export');
    });
  });
}

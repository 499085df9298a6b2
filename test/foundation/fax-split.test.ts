// A fax transmission holding a cover sheet and two documents, through the real pipeline
// (vault → job → documents adapter → store) on both dialects: each document becomes a child
// of the transmission with its own label, person, pages, facts and PDF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts, degrees } from 'pdf-lib';
import { DIALECTS, openTestVessel, postgresSkipReason, tempDir } from '../helpers/vessels.js';
import { textPdf } from '../../src/sources/documents/pages/test-fixtures.js';
import { closeSharedOcrPool } from '../../src/sources/documents/index.js';
import { pdfText } from '../share/pdf-text.js';
import { pageLayout } from '../../src/views/page-image.js';

const FIXTURES = path.join(import.meta.dirname, '../../src/sources/documents/structure/fixtures');

/** The four pages of the structure fixture "three-docs" as a born-digital PDF (no OCR needed). */
async function threeDocFax(): Promise<Uint8Array> {
  const pages = [1, 2, 3, 4].map((n) => fs.readFileSync(path.join(FIXTURES, `three-docs-p${n}.txt`), 'utf8').split('\n'));
  return textPdf(pages);
}

test.after(() => closeSharedOcrPool());

for (const dialect of DIALECTS) {
  test(`a fax holding several documents becomes one child document each, on ${dialect}`, { skip: dialect === 'postgres' ? await postgresSkipReason() : false }, async (t) => {
    const tv = await openTestVessel(dialect);
    const v = tv.vessel;
    t.after(() => tv.cleanup());
    const dir = tempDir('vessel-fax-');
    const file = path.join(dir, 'fax-0314.pdf');
    fs.writeFileSync(file, await threeDocFax());
    const [ev] = await v.importer.importPaths([file]);
    await v.runJobsUntilIdle({ pollMs: 10 });

    const tx = (await v.store.documents.get(ev!.documentId!))!;
    const children = async () => (await v.store.documents.list({ parentId: tx.id })).sort((a, b) => (a.label.split as { first: number }).first - (b.label.split as { first: number }).first);

    await t.test('the transmission stays whole and lists its parts', async () => {
      assert.equal(tx.state, 'done');
      assert.equal((await v.store.search.pages(tx.id)).length, 4, 'every page of the fax stays readable on the transmission');
      assert.equal((await v.store.resources.list({ documentId: tx.id })).length, 0, 'its facts belong to its parts, not twice');
      const parts = tx.label.parts as Array<{ id: string; first: number; last: number; type: string }>;
      assert.deepEqual(parts.map((p) => [p.first, p.last, p.type]), [[1, 1, 'fax_cover_sheet'], [2, 3, 'lab_report'], [4, 4, 'office_visit_note']]);
      assert.deepEqual(parts.map((p) => p.id).sort(), (await children()).map((c) => c.id).sort());
    });

    await t.test('each part has its own label, person, pages and facts', async () => {
      const [cover, lab, visit] = await children();
      assert.deepEqual([cover, lab, visit].map((c) => [c!.channel, c!.state, c!.format, c!.label.type, c!.label.date]), [
        ['split', 'done', 'pdf', 'fax_cover_sheet', '2024-03-14'],
        ['split', 'done', 'pdf', 'lab_report', '2024-03-01'],
        ['split', 'done', 'pdf', 'office_visit_note', '2024-03-08'],
      ]);
      assert.equal(lab!.label.title, 'Lab report');
      assert.deepEqual((lab!.label.transmission as { id: string }).id, tx.id);
      const people = await v.store.people.list();
      assert.deepEqual(people.map((p) => p.displayName), ['Maren J Quillfeather']);
      assert.equal(lab!.personId, people[0]!.id);
      assert.equal(visit!.personId, people[0]!.id);
      assert.equal(cover!.personId, people[0]!.id, 'a cover sheet names no patient: it goes with the fax');
      assert.equal(tx.personId, people[0]!.id);
      // Pages keep the fax's numbers: "page 3" is the same sheet in the part and in the fax.
      assert.deepEqual((await v.store.search.pages(lab!.id)).map((p) => p.page), [2, 3]);
      const obs = await v.store.resources.list({ documentId: lab!.id, type: 'Observation' });
      assert.equal(obs.length, 9);
      const tsh = obs.find((o) => JSON.stringify(o.resource).includes('TSH'))!;
      const where = await v.store.resources.get(tsh.id);
      assert.equal(where?.documentId, lab!.id);
      assert.equal(where?.location.page, 3);
      assert.ok((await v.store.resources.list({ documentId: visit!.id, type: 'MedicationStatement' })).length >= 2);
      assert.equal((await v.store.resources.list({ documentId: cover!.id })).length, 0);
    });

    await t.test('a search finds the page once, in the part that holds it', async () => {
      const [, lab, visit] = await children();
      const hits = (await v.store.search.search('potassium')).filter((h) => h.kind === 'page');
      // The lab result on page 2, the potassium chloride prescription on page 4; not the fax's copies.
      assert.deepEqual(hits.map((h) => [h.documentId, h.page]).sort((a, b) => Number(a[1]) - Number(b[1])), [[lab!.id, 2], [visit!.id, 4]]);
    });

    await t.test('a part downloads as a PDF of just its pages, with its text', async () => {
      const lab = (await children())[1]!;
      const bytes = await v.vault.get(lab.sha256);
      assert.equal((await PDFDocument.load(bytes)).getPageCount(), 2);
      const text = await pdfText(bytes);
      assert.match(text, /Glucose/);
      assert.match(text, /TSH/);
      assert.doesNotMatch(text, /FAX COVER SHEET|Chief Complaint/);
    });

    await t.test('reading the fax again, or one of its parts, doubles nothing', async () => {
      const before = (await children()).map((c) => c.id).sort();
      const counts = await v.store.resources.countByType();
      await v.queue.enqueue('ingest', { documentId: tx.id }, { dedupeKey: `ingest:${tx.id}` });
      await v.runJobsUntilIdle({ pollMs: 10 });
      const lab = (await children())[1]!;
      await v.store.documents.setState(lab.id, 'queued');
      await v.queue.enqueue('ingest', { documentId: lab.id }, { dedupeKey: `ingest:${lab.id}` });
      await v.runJobsUntilIdle({ pollMs: 10 });
      assert.deepEqual((await children()).map((c) => c.id).sort(), before);
      assert.ok((await children()).every((c) => c.state === 'done'));
      assert.deepEqual(await v.store.resources.countByType(), counts);
      assert.equal((await v.store.people.list()).length, 1);
    });

    await t.test('importing the same fax again says it is already stored', async () => {
      const [again] = await v.importer.importPaths([file]);
      assert.equal(again!.status, 'duplicate');
      assert.match(again!.message!, /already stored/);
      assert.equal((await v.store.documents.list()).length, 4);
    });
  });
}

for (const dialect of DIALECTS) {
  test(`a PDF page shown sideways is stored read upright, with the turn it was read at, on ${dialect}`, { skip: dialect === 'postgres' ? await postgresSkipReason() : false }, async (t) => {
    const tv = await openTestVessel(dialect);
    t.after(() => tv.cleanup());
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    ['LABORATORY REPORT', 'Patient: TESTBURY, HAROLD   DOB: 07/02/1961', 'Collected: 03/01/2024', 'Glucose   105   H   mg/dL   65-99'].forEach((l, i) => page.drawText(l, { x: 72, y: 720 - i * 20, size: 12, font }));
    page.setRotation(degrees(90));
    const ev = await tv.vessel.importer.importBytes(await doc.save(), 'sideways.pdf', { channel: 'upload' });
    await tv.vessel.runJobsUntilIdle({ pollMs: 10 });
    const read = (await tv.vessel.store.documents.get(ev.documentId!))!;
    assert.equal(read.state, 'done', `the document was read: ${read.error ?? ""} ${JSON.stringify(read.issues)}`);
    const [p1] = await tv.vessel.store.search.pages(ev.documentId!);
    assert.match(p1!.text, /Glucose 105 H mg\/dL 65-99/);
    const layout = await pageLayout(tv.vessel.store, ev.documentId!, 1);
    assert.equal(layout?.turned, 270, 'the viewer draws the page turned the way it was read');
    assert.deepEqual([layout?.width, layout?.height], [612, 792]);
    const stored = (await tv.vessel.store.documents.get(ev.documentId!))!;
    assert.ok(stored.issues.some((i) => i.code === 'page-turned'));
    assert.equal((await tv.vessel.store.resources.list({ documentId: stored.id, type: 'Observation' })).length, 1);
  });
}

// The PDF thread (pdf-thread.ts) reads exactly what pdfjs on the calling thread reads, hands
// rendered pixels over without a copy, and keeps documents usable across a restart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { openPdf, pageImageDpi, pageTextLayer, renderPage } from './pdf.js';
import { PdfThread } from './pdf-thread.js';
import type { Raster } from './raster.js';

const CORPUS = resolve(process.env.VESSEL_CORPUS ?? '../shared/corpus', 'fax/generated');
const faxPdfs = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.pdf')).sort() : [];
const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const dpiOf = (native: { xdpi: number; ydpi: number } | undefined) => (native ? Math.min(400, Math.max(150, native.xdpi, native.ydpi)) : 300);

test('the sample fax PDFs: text layers, image probes and rendered pages are identical through the thread', { skip: faxPdfs.length ? false : `corpus absent: ${CORPUS} (set VESSEL_CORPUS)` }, async () => {
  const thread = new PdfThread();
  try {
    for (const f of faxPdfs) {
      const bytes = readFileSync(join(CORPUS, f));
      const here = await openPdf(bytes);
      const there = await thread.open(bytes);
      assert.ok(here.ok && there.ok, f);
      assert.equal(there.doc.numPages, here.doc.numPages, f);
      for (let n = 1; n <= here.doc.numPages; n++) {
        const page = await here.doc.getPage(n);
        const native = await pageImageDpi(page);
        const raster = await renderPage(here.doc, page, dpiOf(native));
        assert.deepEqual((await there.doc.textLayer(n)).value, await pageTextLayer(page), `${f} p${n} text layer`);
        assert.deepEqual((await there.doc.imageDpi(n)).value, native, `${f} p${n} image`);
        const moved: Raster = (await there.doc.render(n, dpiOf(native))).value;
        assert.deepEqual([moved.width, moved.height, moved.xdpi, moved.ydpi], [raster.width, raster.height, raster.xdpi, raster.ydpi], `${f} p${n} size`);
        assert.equal(sha(moved.data), sha(raster.data), `${f} p${n} pixels`);
        page.cleanup();
      }
      await here.doc.destroy();
      await there.doc.close();
    }
  } finally {
    await thread.close();
  }
});

async function onePagePdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([612, 792]).drawText(text, { x: 72, y: 700, size: 14, font });
  return doc.save();
}

test('a rendered page arrives as a grey buffer of its own (transferred, not a view into a copy)', async () => {
  const thread = new PdfThread();
  try {
    const o = await thread.open(await onePagePdf('Sodium 140 mmol/L'));
    assert.ok(o.ok);
    const r = (await o.doc.render(1, 72)).value;
    assert.deepEqual([r.width, r.height], [612, 792]);
    assert.ok(r.data instanceof Uint8Array);
    assert.equal(r.data.byteLength, 612 * 792);
    assert.equal(r.data.buffer.byteLength, 612 * 792);
    assert.ok(r.data.some((v) => v < 128), 'the text is drawn');
    await o.doc.close();
  } finally {
    await thread.close();
  }
});

test('documents open in a thread that is restarted are reopened and read on', async () => {
  const thread = new PdfThread();
  try {
    const a = await thread.open(await onePagePdf('Creatinine 0.9 mg/dL'));
    const b = await thread.open(await onePagePdf('Calcium 9.4 mg/dL'));
    assert.ok(a.ok && b.ok);
    assert.equal((await a.doc.textLayer(1)).value.text, 'Creatinine 0.9 mg/dL');
    await thread.close(); // as after a limit: the thread is gone
    assert.equal((await b.doc.textLayer(1)).value.text, 'Calcium 9.4 mg/dL');
    assert.equal((await a.doc.textLayer(1)).value.text, 'Creatinine 0.9 mg/dL');
    assert.equal(thread.starts, 2);
    await a.doc.close();
    await b.doc.close();
  } finally {
    await thread.close();
  }
});

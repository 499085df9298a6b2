import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { OcrPool } from './ocr-pool.js';
import { readAllPages } from './read.js';
import { withRecoveredTrailer } from './pdf-repair.js';

const pool = new OcrPool({ size: 1 });
after(() => pool.terminate());

/** A two-page born-digital PDF with its objects written out (no object streams), as many producers write them. */
async function twoPagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const t of ['Glucose 98 mg/dL collected 03/02/2024', 'Creatinine 0.9 mg/dL collected 03/02/2024']) doc.addPage([612, 792]).drawText(t, { x: 72, y: 700, size: 12, font });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

test('a trailer naming the catalog is added to a PDF cut short, never to a whole one', async () => {
  const whole = await twoPagePdf();
  assert.equal(withRecoveredTrailer(whole), undefined);
  const cut = whole.subarray(0, whole.lastIndexOf('xref'));
  const mended = Buffer.from(withRecoveredTrailer(cut)!);
  assert.ok(mended.subarray(0, cut.length).equals(cut), 'the original bytes come first, unchanged');
  const catalog = /(\d+) 0 obj\s*<<\s*\/Type \/Catalog/.exec(whole.toString('latin1'))![1];
  assert.match(mended.subarray(cut.length).toString('latin1'), new RegExp(`trailer\\s*<< /Root ${catalog} 0 R >>`));
  assert.equal(withRecoveredTrailer(Buffer.from('%PDF-1.7\n% nothing here\n')), undefined, 'no catalog, nothing to name');
});

// A PDF cut short opened nothing ("Invalid PDF structure") though its first pages were whole in it.
test('a PDF cut short is read up to the cut, with a warning that says so', async () => {
  const whole = await twoPagePdf();
  const indexGone = await readAllPages(whole.subarray(0, whole.lastIndexOf('xref')), 'pdf', { ocr: pool });
  assert.deepEqual(indexGone.pages.map((p) => p.text), ['Glucose 98 mg/dL collected 03/02/2024', 'Creatinine 0.9 mg/dL collected 03/02/2024']);
  // Cut inside the last page's content: the first page is still read.
  const s = whole.toString('latin1');
  const lastObject = [...s.matchAll(/\d+ 0 obj/g)].pop()!.index!;
  const midway = await readAllPages(whole.subarray(0, lastObject + 60), 'pdf', { ocr: pool });
  assert.equal(midway.pages[0]?.text, 'Glucose 98 mg/dL collected 03/02/2024', JSON.stringify(midway));
  assert.ok(midway.issues.some((i) => i.code === 'pdf-repaired' && i.severity === 'warning'), JSON.stringify(midway.issues));
  assert.ok(!midway.pages.some((p) => /Creatinine/.test(p.text)), 'nothing invented past the cut');
});

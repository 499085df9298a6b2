import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { PDFDocument, StandardFonts, degrees } from 'pdf-lib';
import { OcrPool } from './ocr-pool.js';
import { dominantDirection, realWordShare, unturnBox, uprightToUser } from './orientation.js';
import { openPdf } from './pdf.js';
import { readAllPages } from './read.js';
import { makeSearchablePdf } from './searchable-pdf.js';
import { textPng } from './test-fixtures.js';

const pool = new OcrPool({ size: 2 });
after(() => pool.terminate());

const LAB = ['LABORATORY REPORT', 'Patient: TESTBURY, HAROLD   DOB: 07/02/1961', 'Glucose   105   H   mg/dL   65-99', 'Sodium   140   mmol/L   135-146'];

/** One Letter page whose text is drawn as `how` says. */
async function pdfWith(how: 'upright' | 'rotate-90' | 'drawn-sideways' | 'upside-down'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  LAB.forEach((l, i) => {
    if (how === 'drawn-sideways') page.drawText(l, { x: 100 + i * 20, y: 72, size: 12, font, rotate: degrees(90) });
    else if (how === 'upside-down') page.drawText(l, { x: 540, y: 100 + i * 20, size: 12, font, rotate: degrees(180) });
    else page.drawText(l, { x: 72, y: 720 - i * 20, size: 12, font });
  });
  // The page is shown turned a quarter turn: its horizontal text runs down the screen.
  if (how === 'rotate-90') page.setRotation(degrees(90));
  return doc.save();
}

test('the direction most characters run in wins, when most agree', () => {
  assert.equal(dominantDirection([{ dx: 10, dy: 0, chars: 30 }]), 0);
  assert.equal(dominantDirection([{ dx: 0, dy: 10, chars: 30 }, { dx: 10, dy: 0, chars: 5 }]), 90);
  assert.equal(dominantDirection([{ dx: 0, dy: -3, chars: 30 }]), 270);
  assert.equal(dominantDirection([{ dx: -3, dy: 0, chars: 30 }]), 180);
  assert.equal(dominantDirection([{ dx: 0, dy: 10, chars: 10 }, { dx: 10, dy: 0, chars: 10 }]), 0, 'no majority: left as it is');
});

test('a sideways reading is garble: hardly a real word in it', () => {
  const words = (s: string) => s.split(' ').map((text) => ({ text }));
  assert.equal(realWordShare(words('Patient: TESTBURY, HAROLD Glucose 105 mg/dL')), 4 / 6);
  assert.equal(realWordShare(words('| i :  ; ,- Wl ~ ii 4 = rr : y Mh')), 0);
});

test('a box found on the page turned upright maps back onto the page as received', () => {
  const src = { width: 100, height: 200 };
  // A word near the top-left of the upright copy of a page received turned 90° counter-clockwise (read turned 90° clockwise).
  assert.deepEqual(unturnBox([10, 20, 50, 30], 90, src), [20, 150, 30, 190]);
  assert.deepEqual(unturnBox([10, 20, 50, 30], 270, src), [70, 10, 80, 50]);
  assert.deepEqual(unturnBox([10, 20, 50, 30], 180, src), [50, 170, 90, 180]);
  // The upright view's origin lands on the right corner of user space.
  const { matrix, width, height } = uprightToUser(90, { x: 0, y: 0, width: 612, height: 792 });
  assert.deepEqual([width, height], [792, 612]);
  const [a, b, c, d, e, f] = matrix;
  const at = (x: number, y: number) => [a * x + c * y + e, b * x + d * y + f];
  assert.deepEqual(at(0, 0), [612, 0]);
  assert.deepEqual(at(792, 612), [0, 792]);
});

test('a PDF page whose text layer runs sideways or upside down is read in its own direction', async () => {
  for (const how of ['rotate-90', 'drawn-sideways', 'upside-down'] as const) {
    const { pages, issues } = await readAllPages(await pdfWith(how), 'pdf');
    assert.equal(pages[0]!.method, 'text-layer');
    assert.match(pages[0]!.text, /^LABORATORY REPORT\nPatient: TESTBURY, HAROLD DOB: 07\/02\/1961\nGlucose 105 H mg\/dL 65-99\nSodium 140 mmol\/L 135-146$/, `${how}: ${pages[0]!.text}`);
    assert.ok(pages[0]!.turned, how);
    assert.ok(issues.some((i) => i.code === 'page-turned'), how);
  }
  const upright = await readAllPages(await pdfWith('upright'), 'pdf');
  assert.equal(upright.pages[0]!.turned, undefined);
  assert.deepEqual(upright.issues, []);
});

test('a sideways scan is read turned upright, its words placed on the upright page; an upright page is left alone', async () => {
  const lines = ['Hemoglobin A1c 6.8 % (4.0-5.6)', 'Glucose, fasting 112 mg/dL', 'Collected 03/14/2024 by Northstar Lab', 'Ordering provider Samuel Ortiz MD'];
  const png = await textPng(lines, { width: 1400, height: 600, rotate: 90 });
  const { pages, issues } = await readAllPages(png, 'png', { ocr: pool });
  const p = pages[0]!;
  assert.equal(p.turned, 270, 'turned back a quarter turn counter-clockwise');
  assert.match(p.text, /Hemoglobin A.c 6\.8 %/);
  assert.match(p.text, /Glucose, fasting 112 mg\/dL/);
  assert.ok(issues.some((i) => i.code === 'page-turned'));
  assert.ok(p.width! > p.height!, 'words and size are those of the upright (landscape) page');
  const glucose = p.words!.find((w) => w.text === 'Glucose,')!;
  const hb = p.words!.find((w) => w.text === 'Hemoglobin')!;
  assert.ok(glucose.box[1] > hb.box[3], 'the second line lies below the first on the upright page');

  // Its searchable PDF keeps the image as received and writes the words where they are printed.
  const pdf = await makeSearchablePdf(png, 'png', pages);
  const o = await openPdf(pdf);
  assert.ok(o.ok);
  const content = await (await o.doc.getPage(1)).getTextContent();
  const words = (content.items as Array<{ str: string; transform: number[] }>).filter((i) => i.str.trim());
  assert.ok(words.some((w) => w.str === 'Hemoglobin'));
  // Written sideways, as printed: the text runs up or down the page, not across it.
  const hbItem = words.find((w) => w.str === 'Hemoglobin')!;
  assert.ok(Math.abs(hbItem.transform[0]!) < 1e-6 && Math.abs(hbItem.transform[1]!) > 0, `transform ${hbItem.transform}`);
  await o.doc.destroy();

  const upright = await readAllPages(await textPng(lines, { width: 1400, height: 600 }), 'png', { ocr: pool });
  assert.equal(upright.pages[0]!.turned, undefined);
  assert.ok(!upright.issues.some((i) => i.code === 'page-turned'));
});

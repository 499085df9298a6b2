import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { OcrPool, type OcrWord } from './ocr-pool.js';
import { readAllPages } from './read.js';
import { isRuleNoise, recoversText, rowPsm, unreadRows, widenToWords, UNREAD_MIN_PIECES } from './unread-ink.js';

const pool = new OcrPool({ size: 1 });
after(() => pool.terminate());

const FIELDS = [
  ['DATE', '12/13/2024 08:29 AM', 'PAGES', '4'],
  ['TO', 'Hiroshi Placeholder', 'FROM', 'Results Desk'],
  ['FAX', '480-555-0134', 'FAX', '480-555-0146'],
  ['PHONE', '480-555-0170', 'PHONE', '480-555-0132'],
  ['RE', 'Records request 152848', '', ''],
];

/**
 * A fax cover sheet as a lab prints it and a fine fax carries it (204 dpi, bilevel): a small
 * letterhead, a 20-point bold title between two rules, then 10-point fields and a notice.
 */
async function coverPage(): Promise<Buffer> {
  let body = `<text x="120" y="60" font-family="DejaVu Sans" font-size="24">Crestline Clinical Laboratories  7696 Forest Rd, Mesa, AZ 85201</text>
<rect x="120" y="110" width="1400" height="4"/>
<text x="864" y="200" text-anchor="middle" font-family="DejaVu Sans" font-size="60" font-weight="bold">FACSIMILE TRANSMITTAL</text>
<rect x="120" y="240" width="1400" height="4"/>`;
  FIELDS.forEach(([a, b, c, d], i) => {
    const y = 330 + i * 60;
    body += `<text x="120" y="${y}" font-family="DejaVu Sans" font-size="26">${a}</text><text x="360" y="${y}" font-family="DejaVu Sans" font-size="26">${b}</text>`;
    body += `<text x="900" y="${y}" font-family="DejaVu Sans" font-size="26">${c}</text><text x="1140" y="${y}" font-family="DejaVu Sans" font-size="26">${d}</text>`;
  });
  const notice = [
    'The documents accompanying this facsimile transmission contain confidential health',
    'information that is legally privileged. This information is intended only for the use',
    'of the recipient named above. If you have received this facsimile in error, please',
    'call the sender immediately to arrange for the return of these documents.',
  ];
  notice.forEach((l, i) => (body += `<text x="120" y="${700 + i * 44}" font-family="DejaVu Sans" font-size="26">${l}</text>`));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1728" height="1000"><rect width="100%" height="100%" fill="white"/>${body}</svg>`;
  return sharp(Buffer.from(svg)).flatten({ background: '#fff' }).greyscale().threshold(150).png().withMetadata({ density: 204 }).toBuffer();
}

// Read as one block, the title of larger print between the rules came out as a few rule glyphs
// (`—n—m`, `rr — ee`, on a sample cover); read again alone it is the form's title.
test('a large title between rules, dropped by the page reading, is read again and put in its place', async () => {
  const { pages, reads } = await readAllPages(await coverPage(), 'png', { ocr: pool });
  const text = pages[0]!.text;
  const info = reads.find((r) => r.page)?.ocr;
  assert.ok(/FACSIMILE TRANSMITTAL/.test(text), `title missing: ${JSON.stringify(text)} ${JSON.stringify(info?.unread)}`);
  const lines = text.split('\n').map((l) => l.trim());
  const title = lines.findIndex((l) => l.includes('FACSIMILE TRANSMITTAL'));
  // In its place: after the letterhead, before the fields.
  assert.ok(title > lines.findIndex((l) => l.includes('Crestline')), text);
  assert.ok(title < lines.findIndex((l) => l.startsWith('DATE')), text);
  // Nothing read twice, and no rule read as text.
  assert.equal(text.match(/Crestline/g)?.length, 1, text);
  assert.equal(text.match(/TRANSMITTAL/g)?.length, 1, text);
  assert.ok(!/[—_]{2}|\brr\b/.test(text), text);
});

/** A mask (1 = unread ink) with filled boxes [x0, y0, x1, y1]. */
function maskWith(w: number, h: number, boxes: Array<[number, number, number, number]>): Uint8Array {
  const m = new Uint8Array(w * h);
  for (const [x0, y0, x1, y1] of boxes) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if ((x + y) % 3) m[y * w + x] = 1;
  return m;
}

test('unread rows: letter-sized ink side by side makes a row; specks, a lone mark, a solid disc and a short run do not', () => {
  const letters = (x: number, y: number, n: number, size: number) => Array.from({ length: n }, (_, i) => [x + i * (size + 6), y, x + i * (size + 6) + size, y + size] as [number, number, number, number]);
  const w = 800;
  const h = 400;
  const mask = maskWith(w, h, [
    ...letters(20, 20, 6, 30), // a title: six letters
    [600, 20, 700, 120], // a logo: one large piece
    ...letters(20, 200, UNREAD_MIN_PIECES - 1, 20), // too few pieces for a row
    [20, 300, 22, 302], [40, 300, 42, 302], [60, 300, 62, 302], [80, 300, 82, 302], [100, 300, 102, 302], // specks
  ]);
  const rows = unreadRows(mask, w, h, 204);
  assert.equal(rows.length, 1, JSON.stringify(rows));
  assert.deepEqual(rows[0]!.box, [20, 20, 20 + 5 * 36 + 30, 50]);
  assert.equal(rows[0]!.pieces, 6);
});

test('a low-confidence word lying on a rule is the rule read as text; a word with its own ink is not', () => {
  const w = 200;
  const h = 40;
  const rules = new Uint8Array(w * h);
  for (let x = 0; x < w; x++) for (const y of [20, 21, 22]) rules[y * w + x] = 1;
  const mask = new Uint8Array(w * h);
  for (let y = 5; y < 30; y++) for (let x = 120; x < 190; x += 2) if (y < 20 || y > 22) mask[y * w + x] = 1;
  const word = (box: OcrWord['box'], confidence: number): OcrWord => ({ text: 'rr', box, confidence });
  assert.equal(isRuleNoise(word([0, 15, 100, 28], 10), rules, mask, w), true);
  assert.equal(isRuleNoise(word([0, 15, 100, 28], 80), rules, mask, w), false, 'a sure word stays');
  assert.equal(isRuleNoise(word([120, 5, 190, 30], 10), rules, mask, w), false, 'its own ink outweighs the rule');
});

const w = (text: string, box: OcrWord['box'] = [0, 0, 10, 10], confidence = 50): OcrWord => ({ text, box, confidence });

test('a new reading replaces old words only when it brings text they lacked, not another spelling of them', () => {
  assert.equal(recoversText([w('Oy')], [w('Report'), w('Status:'), w('Final'), w('Report')]), true);
  assert.equal(recoversText([], [w('FACSIMILE')]), true);
  // The same word spelt otherwise: the page reading's spelling stays, however unsure.
  assert.equal(recoversText([w('TRIGLYCERIDES', undefined, 5)], [w('TRICLYCERIDES', undefined, 88)]), false);
  assert.equal(recoversText([w('Uric')], [w('ung')]), false);
});

test('a row of unread ink grows over the unsure words it touches, and rows that then overlap are one', () => {
  const rows = [
    { box: [158, 521, 216, 532] as OcrWord['box'], pieces: 4, height: 10 },
    { box: [232, 521, 360, 536] as OcrWord['box'], pieces: 7, height: 13 },
    { box: [600, 521, 700, 536] as OcrWord['box'], pieces: 5, height: 13 },
  ];
  const out = widenToWords(rows, [w('TRIGLYCERIDES', [111, 513, 314, 538], 5), w('below', [111, 600, 300, 620], 5)]);
  assert.deepEqual(out.map((r) => r.box), [[111, 513, 360, 538], [600, 521, 700, 536]]);
  assert.equal(out[0]!.pieces, 11);
});

test('a row as tall as its print is read as one line; one holding a name over its address as a block', () => {
  assert.equal(rowPsm({ box: [120, 400, 1200, 452], pieces: 20, height: 40 }), '7');
  assert.equal(rowPsm({ box: [128, 175, 645, 234], pieces: 53, height: 26 }), '6');
});

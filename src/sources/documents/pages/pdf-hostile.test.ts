// Hostile PDFs, built here in code.
// - A decompression bomb (session 12): one image of 16,000×16,000 zeros, Flate compressed
//   ~1000:1, in a PDF of a few hundred KB. pdfjs decodes images of any size unless told
//   otherwise; it used to take GBs of memory for this file, and a larger one takes the process
//   down.
// - A ToUnicode CMap range of 16.7 M entries (session 13): a font's one `<00000000> <00FFFFFE>`
//   bfrange made pdfjs build a 16.7 M-entry map on the main thread: 17–24 s of it and 2.2 GB;
//   three such ranges 3.4 GB. pdfjs now runs in a worker thread with a heap limit and a time
//   budget per operation (pdf-thread.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { readPages, readAllPages } from './read.js';
import { PdfThread } from './pdf-thread.js';

function pdfWithImage(width: number, height: number): Buffer {
  const image = deflateSync(Buffer.alloc(width * height), { level: 9 });
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  const offsets: number[] = [];
  const size = () => parts.reduce((a, b) => a + b.length, 0);
  const add = (...chunks: Array<string | Buffer>) => {
    offsets.push(size());
    for (const c of chunks) parts.push(typeof c === 'string' ? Buffer.from(c, 'latin1') : c);
  };
  const content = 'q 612 0 0 792 0 0 cm /Im1 Do Q';
  add('1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n');
  add('2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n');
  add('3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >> endobj\n');
  add(`4 0 obj << /Length ${content.length} >> stream\n${content}\nendstream endobj\n`);
  add(`5 0 obj << /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${image.length} >> stream\n`, image, '\nendstream endobj\n');
  const xref = size();
  const rows = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(Buffer.from(`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${rows}trailer << /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

test('a PDF image of 256 megapixels is not decoded: the page is read in bounded memory and time', async () => {
  const pdf = pdfWithImage(16_000, 16_000);
  assert.ok(pdf.length < 1_000_000, `${pdf.length} bytes`);
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const watch = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  let pages = 0;
  try {
    for await (const r of readPages(pdf, 'pdf')) if (r.page) pages++;
  } finally {
    clearInterval(watch);
  }
  const ms = performance.now() - t0;
  assert.equal(pages, 1);
  assert.ok(peak - before < 700 * 1024 * 1024, `memory grew by ${Math.round((peak - before) / 1048576)} MB`);
  assert.ok(ms < 15_000, `took ${Math.round(ms)} ms`);
});

test('the image left out of the page is said in a page warning (pdfjs drops it silently)', async () => {
  const { issues } = await readAllPages(pdfWithImage(8_000, 8_000), 'pdf');
  const warning = issues.find((i) => i.code === 'pdf-image-too-large');
  assert.ok(warning, JSON.stringify(issues));
  assert.equal(warning.severity, 'warning');
  assert.deepEqual(warning.location, { page: 1 });
  assert.match(warning.message, /larger than 50 megapixels/);
});

/** A PDF whose pages each show one line of text in Helvetica; `toUnicode` gives a page's font that CMap. */
function textPdf(pages: Array<{ text: string; toUnicode?: string }>): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  const offsets: number[] = [];
  const size = () => parts.reduce((a, b) => a + b.length, 0);
  const objects: string[] = [];
  const obj = (body: string) => objects.push(body) + 2; // object numbers from 3 (1 catalog, 2 pages)
  const kids: number[] = [];
  for (const p of pages) {
    const content = `BT /F1 14 Tf 72 700 Td (${p.text}) Tj ET`;
    const contentRef = obj(`<< /Length ${content.length} >> stream\n${content}\nendstream`);
    const cmapRef = p.toUnicode ? obj(`<< /Length ${p.toUnicode.length} >> stream\n${p.toUnicode}\nendstream`) : 0;
    const fontRef = obj(`<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica${cmapRef ? ` /ToUnicode ${cmapRef} 0 R` : ''} >>`);
    kids.push(obj(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${fontRef} 0 R >> >> /Contents ${contentRef} 0 R >>`));
  }
  const all = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`, ...objects];
  all.forEach((body, i) => {
    offsets.push(size());
    parts.push(Buffer.from(`${i + 1} 0 obj ${body} endobj\n`, 'latin1'));
  });
  const xref = size();
  const rows = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(Buffer.from(`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${rows}trailer << /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** A ToUnicode CMap with `ranges` bfranges of 2^24 − 1 codes each (pdfjs's own cap per range). */
function rangeBomb(ranges: number): string {
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  const rows = Array.from({ length: ranges }, (_, i) => `<${hex(i * 0x1000000)}> <${hex(i * 0x1000000 + 0xfffffe)}> <0041>`).join('\n');
  return `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def 1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange ${ranges} beginbfrange\n${rows}\nendbfrange endcmap CMapName currentdict /CMap defineresource pop end end`;
}

const HOSTILE = 'Hostile page';
const NORMAL = 'Potassium 4.1 mmol/L reference range 3.5 to 5.1';

test('a ToUnicode range of 16.7 M entries: the page fails within the memory limit, the next page and the next document read', async () => {
  const pdf = textPdf([{ text: HOSTILE, toUnicode: rangeBomb(1) }, { text: NORMAL }]);
  assert.ok(pdf.length < 2_000, `${pdf.length} bytes`);
  global.gc?.();
  const before = process.memoryUsage().rss;
  const maxBefore = process.resourceUsage().maxRSS;
  let peak = before;
  const watch = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  let reads;
  try {
    reads = (await readAllPages(pdf, 'pdf')).reads;
  } finally {
    clearInterval(watch);
  }
  const ms = performance.now() - t0;
  // The process's own high-water mark too (a blocked timer misses a peak on the main thread).
  const maxAfter = process.resourceUsage().maxRSS;
  if (maxAfter > maxBefore) peak = Math.max(peak, maxAfter * 1024);
  const p1 = reads.find((r) => r.pageNumber === 1);
  const p2 = reads.find((r) => r.pageNumber === 2);
  assert.deepEqual(
    p1?.issues.map((i) => [i.severity, i.code]),
    [['error', 'pdf-page-too-costly']],
    JSON.stringify(p1?.issues),
  );
  assert.match(p1!.issues[0].message, /^Page 1 of the PDF was not read: .*(memory|took more than).*The original file is kept\.$/);
  assert.equal(p1?.page?.text, '');
  assert.equal(p2?.page?.text, NORMAL);
  assert.equal(p2?.page?.method, 'text-layer');
  assert.ok(peak - before < 1024 * 1024 * 1024, `memory grew by ${Math.round((peak - before) / 1048576)} MB`);
  // The time budget (30 s) bounds it; on a quiet machine the heap limit is reached first (~8–18 s).
  assert.ok(ms < 90_000, `took ${Math.round(ms)} ms`);
  // The next document, through the same (restarted) PDF thread.
  const next = await readAllPages(textPdf([{ text: NORMAL }]), 'pdf');
  assert.deepEqual(next.pages.map((p) => p.text), [NORMAL]);
  assert.deepEqual(next.issues, []);
});

test('an operation over its time budget is stopped: an error page, and the rest of the document is read', async () => {
  // Three ranges: 50 M entries. A heap large enough that the budget (5 s) is what stops it.
  const thread = new PdfThread({ heapMb: 4096, budgetMs: 5_000 });
  try {
    const pdf = textPdf([{ text: NORMAL }, { text: HOSTILE, toUnicode: rangeBomb(3) }, { text: NORMAL }]);
    const t0 = performance.now();
    const { reads } = await readAllPages(pdf, 'pdf', { pdf: thread });
    const ms = performance.now() - t0;
    assert.deepEqual(
      reads.map((r) => [r.pageNumber, r.page?.text, r.issues.map((i) => i.code)]),
      [
        [1, NORMAL, []],
        [2, '', ['pdf-page-too-costly']],
        [3, NORMAL, []],
      ],
    );
    assert.match(reads[1].issues[0].message, /took more than 5 s/);
    assert.ok(ms < 45_000, `took ${Math.round(ms)} ms`);
    assert.equal(thread.starts, 2, 'the thread was restarted once, for page 3');
  } finally {
    await thread.close();
  }
});

test('a hostile object on every page: after three pages over the limits in a row the rest is given up', async () => {
  const thread = new PdfThread({ heapMb: 4096, budgetMs: 500 });
  try {
    const bomb = rangeBomb(1);
    const pdf = textPdf(Array.from({ length: 6 }, () => ({ text: HOSTILE, toUnicode: bomb })));
    const { reads } = await readAllPages(pdf, 'pdf', { pdf: thread });
    assert.deepEqual(
      reads.map((r) => [r.pageNumber, r.issues.map((i) => i.code)]),
      [
        [1, ['pdf-page-too-costly']],
        [2, ['pdf-page-too-costly']],
        [3, ['pdf-page-too-costly']],
        [0, ['pdf-too-costly']],
      ],
    );
    assert.match(reads[3].issues[0].message, /pages 4–6 were not read/);
  } finally {
    await thread.close();
  }
});

test('a PDF that cannot be opened within the limits is one document-level error, not a crash', async () => {
  const thread = new PdfThread({ budgetMs: 1 });
  try {
    const { reads, pages } = await readAllPages(textPdf([{ text: NORMAL }]), 'pdf', { pdf: thread });
    assert.equal(pages.length, 0);
    assert.deepEqual(
      reads.map((r) => [r.pageNumber, r.issues.map((i) => [i.severity, i.code])]),
      [[0, [['error', 'pdf-too-costly']]]],
    );
    assert.match(reads[0].issues[0].message, /^The PDF could not be opened: it took more than/);
  } finally {
    await thread.close();
  }
});

// A decompression bomb inside a PDF (session 12): one image of 16,000×16,000 zeros, Flate
// compressed ~1000:1, in a PDF of a few hundred KB. pdfjs decodes images of any size unless
// told otherwise; it used to take GBs of memory for this file, and a larger one takes the
// process down. Built here in code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { readPages } from './read.js';

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

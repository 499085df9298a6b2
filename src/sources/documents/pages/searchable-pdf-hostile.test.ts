// Hostile PDFs for pdf-lib, built here in code (session 14). The searchable PDF of each document
// of a multi-document fax is made with pdf-lib, which trusts the file: it walks the page tree
// without checking for shared nodes, and decodes every object stream of the file at open, used
// or not. pdfjs reads the same files without trouble (it counts pages from /Count and reads only
// the objects a page needs), so each file below is read, split into its documents, and then
// reaches pdf-lib. Before session 14 that was on the main thread:
// - a page tree sharing one node per level (26 levels, 67 M page visits): the main thread held
//   70 s, 1.6 GB RSS;
// - an object stream of two Flate layers decoding to 1 GB (6 KB file): 22 s of the main thread;
// - an object stream of 2 M objects: ~40 s.
// Now pdf-lib runs in a thread with a heap limit, a time budget and a memory watch
// (searchable-pdf-thread.ts): the documents stay together in the fax with a warning that says
// why, its pages read; the process goes on.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { constants, deflateRawSync, deflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, StandardFonts } from 'pdf-lib';
import { closeSharedOcrPool, extractDocument } from '../index.js';
import { SearchablePdfLimitError, SearchablePdfThread } from './searchable-pdf-thread.js';

after(() => closeSharedOcrPool());

const FIXTURES = path.join(import.meta.dirname, '../structure/fixtures');
/** The structure fixture "three-docs" (cover sheet, lab report, visit note): it splits in three. */
const THREE_DOCS = [1, 2, 3, 4].map((n) => fs.readFileSync(path.join(FIXTURES, `three-docs-p${n}.txt`), 'utf8').split('\n'));

/** The four text pages, with something hostile added by `extra` (pdf-lib's low-level API). */
async function threeDocPdf(extra?: (doc: PDFDocument) => void): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of THREE_DOCS) {
    const page = doc.addPage([612, 792]);
    lines.forEach((l, i) => page.drawText(l, { x: 72, y: 720 - i * 20, size: 12, font }));
  }
  extra?.(doc);
  return doc.save();
}

/**
 * A subtree added to the page tree whose every level lists the next level twice: 2^depth page
 * visits for pdf-lib. Its /Count is 0 and the root's stays 4, so pdfjs never goes in.
 */
function sharedPageTree(depth: number) {
  return (doc: PDFDocument) => {
    const ctx = doc.context;
    let ref = ctx.register(ctx.obj({ Type: 'Page', MediaBox: [0, 0, 612, 792] }));
    for (let i = 0; i < depth; i++) ref = ctx.register(ctx.obj({ Type: 'Pages', Kids: [ref, ref], Count: 0 }));
    (doc.catalog.Pages().get(PDFName.of('Kids')) as PDFArray).push(ref);
  };
}

/**
 * A zlib stream of `mb` MB of spaces without making them: one 16 MB block compressed once
 * (ended by a full flush, so it stands alone) repeated, then an empty final block and the checksum.
 */
function spacesZlib(mb: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(16 << 20, 0x20), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const n = BigInt(mb) << 20n;
  const a = (1n + 32n * n) % 65521n;
  const b = (n + 16n * n * (n + 1n)) % 65521n;
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(Number((b << 16n) | a));
  return Buffer.concat([Buffer.from([0x78, 0xda]), ...Array(mb / 16).fill(block), Buffer.from([0x03, 0x00]), adler]);
}

/** An unused object stream of two Flate layers that decodes to `mb` MB (pdf-lib decodes it at open). */
function objectStreamBomb(mb: number) {
  const data = deflateSync(spacesZlib(mb), { level: 9 });
  return (doc: PDFDocument) => {
    const ctx = doc.context;
    ctx.register(PDFRawStream.of(ctx.obj({ Type: 'ObjStm', N: 1, First: 0, Filter: ['FlateDecode', 'FlateDecode'], Length: data.length }), data));
  };
}

/** An unused object stream holding `n` objects (`null`), Flate compressed twice. */
function manyObjects(n: number) {
  let head = '';
  for (let i = 0; i < n; i++) head += `${100_000 + i} ${i * 5} `;
  const data = deflateSync(deflateSync(Buffer.from(head + 'null '.repeat(n), 'latin1'), { level: 9 }), { level: 9 });
  return (doc: PDFDocument) => {
    const ctx = doc.context;
    ctx.register(PDFRawStream.of(ctx.obj({ Type: 'ObjStm', N: n, First: head.length, Filter: ['FlateDecode', 'FlateDecode'], Length: data.length }), data));
  };
}

/** Runs `f` watching the main thread: its longest pause between 20 ms ticks and the RSS peak. */
async function watched<T>(f: () => Promise<T>): Promise<{ value: T; ms: number; maxGapMs: number; growthMb: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  let maxGap = 0;
  let last = performance.now();
  const tick = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  const t0 = performance.now();
  try {
    const value = await f();
    // One more tick after the end: a pause that lasted until then is counted.
    await new Promise((r) => setTimeout(r, 40));
    return { value, ms: performance.now() - t0, maxGapMs: maxGap, growthMb: (peak - before) / 1048576 };
  } finally {
    clearInterval(tick);
  }
}

function assertKeptTogether(x: Awaited<ReturnType<typeof extractDocument>>, why: RegExp): void {
  assert.deepEqual(
    x.pages?.map((p) => [p.page, p.method]),
    [1, 2, 3, 4].map((n) => [n, 'text-layer']),
    'every page is read',
  );
  assert.equal(x.children, undefined, 'no part was saved on its own');
  const w = x.issues.filter((i) => i.code === 'split-file-failed');
  assert.equal(w.length, 1, JSON.stringify(x.issues));
  assert.equal(w[0]!.severity, 'warning');
  assert.match(w[0]!.message, /^The 3 documents in this file could not be saved as files of their own \(.+\); they are kept together in this one\.$/);
  assert.match(w[0]!.message, why);
  assert.ok((x.segments ?? []).length >= 3, 'the documents found are still listed');
}

test('a page tree sharing its nodes (2^26 page visits for pdf-lib): the fax is kept whole with a warning, the main thread never waits', async () => {
  const pdf = await threeDocPdf(sharedPageTree(26));
  assert.ok(pdf.length < 6_000, `${pdf.length} bytes`);
  const r = await watched(() => extractDocument(pdf, 'pdf', { filename: 'fax.pdf' }));
  assertKeptTogether(r.value, /needed more than 256 MB of memory|took more than 30 s/);
  assert.ok(r.maxGapMs < 3_000, `the main thread paused ${Math.round(r.maxGapMs)} ms`);
  assert.ok(r.growthMb < 1_024, `memory grew by ${Math.round(r.growthMb)} MB`);
  assert.ok(r.ms < 120_000, `took ${Math.round(r.ms)} ms`);
  // The next fax, through the same (restarted) thread, is split as before.
  const next = await extractDocument(await threeDocPdf(), 'pdf', { filename: 'fax.pdf' });
  assert.equal(next.children?.length, 3, JSON.stringify(next.issues));
  assert.ok(next.children!.every((c) => c.bytes.length > 500));
});

test('an object stream decoding to 1 GB (a 6 KB file): stopped by the memory watch, the next fax split in the same thread', async () => {
  const thread = new SearchablePdfThread({ rssGrowthMb: 256 });
  after(() => thread.close());
  const pdf = await threeDocPdf(objectStreamBomb(1024));
  assert.ok(pdf.length < 10_000, `${pdf.length} bytes`);
  const r = await watched(() => extractDocument(pdf, 'pdf', { filename: 'fax.pdf', searchablePdfThread: thread }));
  assertKeptTogether(r.value, /needed more than 256 MB of memory/);
  assert.ok(r.maxGapMs < 3_000, `the main thread paused ${Math.round(r.maxGapMs)} ms`);
  assert.ok(r.growthMb < 800, `memory grew by ${Math.round(r.growthMb)} MB`);
  const next = await extractDocument(await threeDocPdf(), 'pdf', { filename: 'fax.pdf', searchablePdfThread: thread });
  assert.equal(next.children?.length, 3, JSON.stringify(next.issues));
  assert.equal(thread.starts, 2, 'the thread was stopped once and started again');
});

test('an object stream of 500,000 objects: stopped by the time budget; a limit error is given again without a second try', async () => {
  const thread = new SearchablePdfThread({ budgetMs: 2_000 });
  after(() => thread.close());
  const pdf = await threeDocPdf(manyObjects(500_000));
  const r = await watched(() => extractDocument(pdf, 'pdf', { filename: 'fax.pdf', searchablePdfThread: thread }));
  assertKeptTogether(r.value, /took more than 2 s/);
  assert.ok(r.maxGapMs < 3_000, `the main thread paused ${Math.round(r.maxGapMs)} ms`);
  await assert.rejects(thread.open(pdf), (e: unknown) => e instanceof SearchablePdfLimitError && e.kind === 'time');
  // A file pdf-lib refuses is an ordinary error, not a limit, and leaves the thread running.
  await assert.rejects(thread.open(Buffer.from('not a pdf')), (e: unknown) => !(e instanceof SearchablePdfLimitError));
  const starts = thread.starts;
  const src = await thread.open(await threeDocPdf());
  const part = await src.part([], [2, 3]);
  assert.equal((await PDFDocument.load(part)).getPageCount(), 2);
  assert.equal(thread.starts, starts);
  // A source open in a thread that was stopped since (another document's limit) is opened again.
  await thread.close();
  assert.equal((await PDFDocument.load(await src.part([], [4]))).getPageCount(), 1);
  assert.equal(thread.starts, starts + 1);
  await src.close();
});

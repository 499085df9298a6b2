import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NEVER_PRINTED, OcrPool } from './ocr-pool.js';
import { textPng } from './test-fixtures.js';

test('a worker that has read its share is replaced, and every job is still answered in full', async (t) => {
  // Long-lived tesseract.js workers only grow: the pool retires them after maxJobsPerWorker.
  const pool = new OcrPool({ size: 1, maxJobsPerWorker: 2 });
  t.after(() => pool.terminate());
  const words = ['Hemoglobin 13.5 g/dL', 'Glucose 105 mg/dL', 'Sodium 140 mmol/L', 'Potassium 4.1 mmol/L', 'Calcium 9.6 mg/dL'];
  const pngs = await Promise.all(words.map((w) => textPng([w])));
  // Queued at once: jobs wait while the retired worker's replacement starts.
  const results = await Promise.all(pngs.map((png) => pool.recognize(png)));
  assert.deepEqual(results.map((r) => r.text.replace(/\s+/g, ' ').trim()), words);
  assert.equal(pool.recycled, 2, 'after jobs 2 and 4');
  await pool.terminate();
  await assert.rejects(pool.recognize(pngs[0]!), /terminated/);
});

test('a document being read keeps its workers between pages; they stop once it is done', async (t) => {
  // Under load a page's decoding can outlast the idle timeout: restarting a worker reloads its model.
  const pool = new OcrPool({ size: 1, idleTimeoutMs: 50 });
  t.after(() => pool.terminate());
  const [first, second] = await Promise.all([textPng(['Albumin 4.2 g/dL']), textPng(['Ferritin 85 ng/mL'])]);
  const release = pool.hold();
  assert.match((await pool.recognize(first!)).text, /Albumin 4\.2/);
  await new Promise((r) => setTimeout(r, 300)); // the next page takes long to prepare
  assert.equal(pool.idleStops, 0, 'no stop while the document holds the pool');
  assert.match((await pool.recognize(second!)).text, /Ferritin 85/);
  release();
  release(); // twice is harmless
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(pool.idleStops, 1, 'idle workers stop once nothing holds the pool');
});

test('readings never hold glyphs no record prints (©, ®, €, braces), even when the page shows them', async (t) => {
  const pool = new OcrPool({ size: 1 });
  t.after(() => pool.terminate());
  const png = await textPng(['Cholesterol® 182 mg/dL', 'Copyright © 2024 {Lab} €5']);
  const r = await pool.recognize(png);
  for (const g of NEVER_PRINTED) assert.ok(!r.text.includes(g), `${g} in ${r.text}`);
  assert.match(r.text, /182 mg\/dL/);
});

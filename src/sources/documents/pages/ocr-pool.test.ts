import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OcrPool } from './ocr-pool.js';
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

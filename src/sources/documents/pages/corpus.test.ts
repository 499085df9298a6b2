import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { OcrPool } from './ocr-pool.js';
import { readPages } from './read.js';
import { levenshtein, normalizeWhitespace } from './cer.js';

const CORPUS = resolve(process.env.VESSEL_CORPUS ?? '../shared/corpus', 'fax/generated');
const TX = 'tx-0023'; // fine fax (204×196 dpi), CCITT G4 TIFF, 4 pages: cover sheet + lab report
const present = existsSync(join(CORPUS, `${TX}.json`)) && existsSync(join(CORPUS, `${TX}.tif`));

test('fine-fax pages of the generated corpus read back with a low character error rate', { skip: present ? false : `corpus absent: ${join(CORPUS, TX)}.* (set VESSEL_CORPUS)` }, async () => {
  const gt = JSON.parse(readFileSync(join(CORPUS, `${TX}.json`), 'utf8'));
  assert.equal(gt.degradation.resolution, 'fine');
  const pool = new OcrPool();
  try {
    const texts = new Map<number, string>();
    for await (const r of readPages(readFileSync(join(CORPUS, `${TX}.tif`)), 'tiff', { ocr: pool })) if (r.page) texts.set(r.pageNumber, r.page.text);
    assert.equal(texts.size, 4);
    // Pages 2–4 (the lab report; the cover sheet's 6-pt notice is scored by the eval, not here).
    let edits = 0;
    let chars = 0;
    for (const p of gt.pages.filter((x: { page: number }) => x.page >= 2)) {
      const ref = normalizeWhitespace(p.text);
      edits += levenshtein(ref, normalizeWhitespace(texts.get(p.page) ?? ''));
      chars += ref.length;
    }
    const cer = edits / chars;
    // Goal is 2 % (issue 5); measured 2.4 % on these pages. This bound catches regressions.
    assert.ok(cer <= 0.035, `CER ${(cer * 100).toFixed(2)} %`);
  } finally {
    await pool.terminate();
  }
});

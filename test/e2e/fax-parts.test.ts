// A fax split into documents, in a real browser: the documents list and the viewer link a
// transmission to its parts and each part back to its transmission; a part downloads as a
// PDF of its own pages. Axe checks each view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import type { Browser } from 'playwright-core';
import { buildWebApp, chromiumSkip, giveSession, launchChromium, seriousViolations, serveForBrowser, shot } from '../helpers/browser.js';
import { openTestVessel } from '../helpers/vessels.js';
import { signIn } from '../helpers/api.js';
import { textPdf } from '../../src/sources/documents/pages/test-fixtures.js';
import { closeSharedOcrPool } from '../../src/sources/documents/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = path.join(root, 'src/sources/documents/structure/fixtures');

test('a fax split into documents, in the browser', { skip: chromiumSkip }, async (t) => {
  buildWebApp();
  const tv = await openTestVessel('sqlite');
  const fax = await textPdf([1, 2, 3, 4].map((n) => fs.readFileSync(path.join(FIXTURES, `three-docs-p${n}.txt`), 'utf8').split('\n')));
  await tv.vessel.importer.importBytes(fax, 'fax-0314.pdf', { channel: 'upload' });
  await tv.vessel.runJobsUntilIdle({ pollMs: 5 });
  await closeSharedOcrPool();
  const { app, base } = await serveForBrowser(tv.vessel);
  let browser: Browser | undefined;
  t.after(async () => {
    await browser?.close();
    await app.close();
    await tv.cleanup();
  });
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
  const session = await signIn(app, tv.vessel);
  await session('/api/people'); // the first account takes ownership of what was imported before it
  await giveSession(page.context(), session.cookie, base);

  await t.test('the documents list shows the parts of the fax and the fax of each part', async () => {
    await page.goto(`${base}/#/documents`);
    const faxRow = page.getByRole('row').filter({ hasText: 'fax-0314.pdf' }).filter({ hasText: 'In this fax:' });
    await faxRow.waitFor();
    assert.match(await faxRow.innerText(), /In this fax: Fax cover sheet, Lab report, Office visit note/);
    const labRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Lab report', exact: true }) }).filter({ hasText: 'Part of' });
    assert.match(await labRow.innerText(), /Part of Fax .*\(pages 2–3\)/);
    await shot(page, 'fax-parts-documents');
    assert.deepEqual(await seriousViolations(page), []);
  });

  await t.test('the fax lists its documents; a part links back and downloads just its pages', async () => {
    await page.getByRole('row').filter({ hasText: 'In this fax:' }).getByRole('link').first().click();
    const list = page.getByRole('region', { name: /Documents in this fax/ });
    await list.waitFor();
    assert.deepEqual(await list.getByRole('listitem').allInnerTexts(), ['Fax cover sheet · page 1', 'Lab report · pages 2–3', 'Office visit note · page 4']);
    assert.deepEqual(await seriousViolations(page), []);
    await list.getByRole('link', { name: 'Lab report' }).click();
    await page.getByRole('heading', { name: 'Lab report', level: 1 }).waitFor();
    assert.match(await page.locator('.part-of').innerText(), /Part of Fax .*, pages 2–3 of the fax\./);
    assert.deepEqual(await page.getByRole('region', { name: /^Page \d+$/ }).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))), ['Page 2', 'Page 3']);
    assert.match(await page.getByRole('heading', { name: /Page 3/ }).innerText(), /Page 3 of the fax/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download these pages (PDF)' }).click()]);
    const bytes = fs.readFileSync((await download.path())!);
    assert.equal((await PDFDocument.load(bytes)).getPageCount(), 2);
    await shot(page, 'fax-part-viewer');
    assert.deepEqual(await seriousViolations(page), []);
    await page.locator('.part-of').getByRole('link').click();
    await page.getByRole('region', { name: /Documents in this fax/ }).waitFor();
  });
});

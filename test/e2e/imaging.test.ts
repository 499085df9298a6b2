// The imaging viewer in a real browser (Debian's chromium through playwright-core) against a
// real server: a CT series and its HL7 v2 report are imported; the study list shows the
// thumbnail and the report's words; the viewer scrolls to another slice (keyboard and wheel)
// and changes the window preset, and the pixels on the canvas change each time; it fits a
// phone's width; the report's page links back to the images.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { openTestVessel } from '../helpers/vessels.js';
import { buildWebApp, chromiumSkip, giveSession, launchChromium, seriousViolations, serveForBrowser, shot } from '../helpers/browser.js';
import { signIn } from '../helpers/api.js';
import { ctSeries } from '../../src/imaging/fixtures.js';

declare const window: any, document: any; // eslint-disable-line @typescript-eslint/no-explicit-any


const report = [
  'MSH|^~\\&|RIS|RAD|EHR|FAC|20240305160000||ORU^R01^ORU_R01|M1|P|2.5.1',
  'PID|1||PID42^^^HOSP^MR||DOE^JANE||19700102|F',
  'OBR|1|P77|ACC123|70450^CT HEAD W/O CONTRAST^CPT|||20240305143000|||||||||||||||20240305160000|RAD|F',
  'OBX|1|TX|18782-3^Study observation^LN||No acute intracranial abnormality.||||||F',
].join('\r');


/** A fingerprint of what the canvas shows (sum and a rolling hash of its pixels). */
async function canvasPixels(page: Page): Promise<string> {
  return page.evaluate(() => {
    const c = document.querySelector('[data-testid=dicom-canvas]');
    const data: Uint8ClampedArray = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let sum = 0;
    let hash = 0;
    for (let i = 0; i < data.length; i += 4) {
      sum += data[i];
      hash = (hash * 31 + data[i]) >>> 0;
    }
    return `${sum}:${hash}`;
  });
}

/** Waits until the canvas has drawn an image other than `before` (by its URL). */
async function nextRender(page: Page, before: string): Promise<string> {
  await page.waitForFunction((b: string) => {
    const r = document.querySelector('[data-testid=dicom-canvas]')?.getAttribute('data-rendered');
    return r && r !== b;
  }, before, { timeout: 15000 });
  return (await page.locator('[data-testid=dicom-canvas]').getAttribute('data-rendered'))!;
}

test('the imaging viewer in a browser', { skip: chromiumSkip }, async (t) => {
  buildWebApp();
  const tv = await openTestVessel('sqlite');
  for (const [i, bytes] of ctSeries(12, { size: 64 }).entries()) await tv.vessel.importer.importBytes(bytes, `IM${String(i).padStart(4, '0')}`, { channel: 'upload' });
  await tv.vessel.importer.importBytes(Buffer.from(report), 'ct-head-report.hl7', { channel: 'upload' });
  await tv.vessel.runJobsUntilIdle({ pollMs: 5 });
  const { app, base } = await serveForBrowser(tv.vessel);
  let browser: Browser | undefined;
  t.after(async () => {
    await browser?.close();
    await app.close();
    await tv.cleanup();
  });
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const cspErrors: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  page.on('pageerror', (e) => cspErrors.push(`page error: ${e.message}`));
  // Sign in through the API and hand the session cookie to the browser.
  const session = await signIn(app, tv.vessel);
  const personId = ((await session('/api/people')).json() as Array<{ id: string }>)[0].id;
  const cookie = (session as { cookie?: string }).cookie;
  if (cookie) await giveSession(page.context(), cookie, base);

  await t.test('the study list shows the study, a thumbnail per series and the report', async () => {
    await page.goto(`${base}/#/p/${personId}`);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Imaging' }).click();
    await page.getByRole('heading', { name: 'Imaging', level: 1 }).waitFor();
    const study = page.locator('.study').first();
    assert.match(await study.innerText(), /CT HEAD W\/O CONTRAST/);
    assert.match(await study.innerText(), /12 images/);
    assert.match(await study.innerText(), /No acute intracranial abnormality/);
    const thumb = study.locator('.thumbs img').first();
    await page.waitForFunction(() => (document.querySelector('.thumbs img')?.naturalWidth ?? 0) > 0);
    assert.equal(await thumb.evaluate((img: { naturalWidth: number }) => img.naturalWidth), 64);
    assert.deepEqual(await seriousViolations(page), []);
  });

  await t.test('the viewer scrolls to another slice and changes the window; the pixels change', async () => {
    await page.getByRole('link', { name: 'CT HEAD W/O CONTRAST', exact: true }).click();
    await page.getByRole('img', { name: /Image 1 of 12/ }).waitFor();
    // The viewport's accessible name says which image is shown, so hold it by its class.
    const viewport = page.locator('.viewport');
    const first = await nextRender(page, '');
    const slice1 = await canvasPixels(page);
    assert.match((await page.locator('.dicom-tags').innerText()).replace(/\s+/g, ' '), /Modality:? CT/);

    await viewport.focus();
    await page.keyboard.press('ArrowDown');
    await page.getByTestId('viewer-position').getByText('Image 2 of 12').waitFor();
    const second = await nextRender(page, first);
    assert.match(second, /frames\/0\.png/);
    const slice2 = await canvasPixels(page);
    assert.notEqual(slice2, slice1, 'another slice shows other pixels');

    const box = (await viewport.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 120);
    await page.getByTestId('viewer-position').getByText('Image 3 of 12').waitFor();
    const third = await nextRender(page, second);
    const slice3 = await canvasPixels(page);

    await page.getByRole('button', { name: 'Lung' }).click();
    const lung = await nextRender(page, third);
    assert.match(lung, /wc=-600&ww=1500/);
    assert.notEqual(await canvasPixels(page), slice3, 'the lung window shows the same slice differently');
    assert.match(await page.locator('.viewer-status').innerText(), /window 1500 \/ level -600/);

    await shot(page, 'imaging-viewer');
    assert.deepEqual(await seriousViolations(page), []);
  });

  await t.test('at 375 px wide nothing scrolls sideways and the image fills the width', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.reload();
    await page.getByRole('img', { name: /Image 1 of 12/ }).waitFor();
    await nextRender(page, '');
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, canvas: document.querySelector('[data-testid=dicom-canvas]').getBoundingClientRect().width }));
    assert.ok(widths.page <= 375, `page is ${widths.page} px wide`);
    assert.ok(widths.canvas > 300, `canvas is ${widths.canvas} px wide`);
    await shot(page, 'imaging-phone');
    await page.setViewportSize({ width: 1200, height: 900 });
  });

  await t.test("the report's page links to its images", async () => {
    const report = page.getByRole('link', { name: /Report: CT HEAD/ }).first();
    await report.click();
    const images = page.getByRole('region', { name: 'Images of this report' });
    await images.waitFor();
    await images.getByRole('link', { name: /CT HEAD W\/O CONTRAST/ }).click();
    await page.getByRole('img', { name: /Image 1 of 12/ }).waitFor();
  });

  assert.deepEqual(cspErrors, []);
});

// A long list in a real browser (Debian's chromium through playwright-core): a person with
// 1,200 medications. The page draws only the lines near the screen, fetches the rest as the
// reader scrolls, reaches the last line, says how many there are and where each line sits
// (aria-posinset/setsize), and stays accessible. Screenshots go to test-results/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { Browser } from 'playwright-core';
import { buildWebApp, chromiumSkip, giveSession, launchChromium, seriousViolations, serveForBrowser, shot } from '../helpers/browser.js';
import { signIn } from '../helpers/api.js';
import { openTestVessel } from '../helpers/vessels.js';

// Functions passed to page.evaluate run in the browser; these names exist there, not here.
declare const window: any, document: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const MEDICATIONS = 1200;

const SYLLABLES = ['ba', 'co', 'de', 'fi', 'gu', 'ka', 'lo', 'me', 'ni', 'po', 'ra', 'si', 'tu', 'va', 'xe', 'zo', 'bri', 'cla', 'dro', 'fle'];
/** A distinct made-up drug name per index (letters only: names that differ only by a number are one drug to the reconciler). */
const drugName = (i: number) => {
  const a = SYLLABLES[i % 20];
  const b = SYLLABLES[Math.floor(i / 20) % 20];
  const c = SYLLABLES[Math.floor(i / 400) % 20];
  return `${a[0].toUpperCase()}${a.slice(1)}${b}${c}xin`;
};

/** One patient with many different medications (distinct names, so none merge). */
function manyMedications(): Bundle {
  const patient = { resourceType: 'Patient', id: 'lp1', name: [{ given: ['Lena'], family: 'Longlist' }], birthDate: '1950-01-01' } as Resource;
  const meds = Array.from({ length: MEDICATIONS }, (_, i) => {
    const day = new Date(Date.UTC(2000, 0, 1) + i * 86_400_000 * 5).toISOString().slice(0, 10);
    return { resourceType: 'MedicationStatement', id: `m${i}`, status: 'completed', subject: { reference: 'urn:uuid:lp1' }, medicationCodeableConcept: { text: `${drugName(i)} 10 mg tablet` }, effectiveDateTime: day } as Resource;
  });
  return { resourceType: 'Bundle', type: 'collection', entry: [patient, ...meds].map((r) => ({ fullUrl: `urn:uuid:${r.id}`, resource: r })) };
}

test('a long list is drawn in windows as the reader scrolls', { skip: chromiumSkip }, async (t) => {
  buildWebApp();
  const tv = await openTestVessel('sqlite');
  await tv.vessel.importer.importBytes(Buffer.from(JSON.stringify(manyMedications())), 'pharmacy-history.json', { channel: 'cli' });
  await tv.vessel.runJobsUntilIdle({ pollMs: 10 });
  const { app, base } = await serveForBrowser(tv.vessel);
  let browser: Browser | undefined;
  t.after(async () => {
    await browser?.close();
    await app.close();
    await tv.cleanup();
  });
  const session = await signIn(app, tv.vessel);
  const [person] = await tv.vessel.store.people.list();
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  await giveSession(context, session.cookie, base);
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/views/lists/medications')) requests.push(r.url());
  });

  await page.goto(`${base}/#/p/${person.id}/list/medications`);
  const list = page.getByRole('list', { name: 'Medications' });
  await list.getByText(/xin 10 mg tablet/).first().waitFor();
  await page.getByText(`${MEDICATIONS.toLocaleString('en-US')} in this list`).waitFor();
  const drawnLines = () => page.locator('ul[aria-label="Medications"] > li[aria-posinset]').count();
  const firstScreen = await drawnLines();
  assert.ok(firstScreen > 0 && firstScreen <= 200, `the first screen draws a window of lines, not all ${MEDICATIONS} (drew ${firstScreen})`);
  assert.equal(await page.locator('ul[aria-label="Medications"] > li[aria-posinset="1"]').getAttribute('aria-setsize'), String(MEDICATIONS), 'each line says how many there are');
  assert.deepEqual(await seriousViolations(page), []);
  await shot(page, 'long-list-top');

  // Scroll to the end in steps, as a reader would; the window moves and the last line arrives.
  for (let i = 0; i < 200; i++) {
    const done = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight * 3);
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    });
    await page.waitForTimeout(30);
    if (done && (await page.locator(`li[aria-posinset="${MEDICATIONS}"]`).count())) break;
  }
  const last = page.locator(`ul[aria-label="Medications"] > li[aria-posinset="${MEDICATIONS}"]`);
  await last.waitFor();
  assert.match(await last.innerText(), /xin 10 mg tablet/);
  const atEnd = await drawnLines();
  assert.ok(atEnd <= 200, `at the end the page still holds a window of lines (drew ${atEnd})`);
  assert.equal(await page.locator('ul[aria-label="Medications"] > li[aria-posinset="1"]').count(), 0, 'the first lines left the page');
  assert.ok(requests.length >= MEDICATIONS / 50 - 1 && requests.length < MEDICATIONS / 10, `lines fetched a chunk at a time (${requests.length} requests)`);
  const titles = await page.locator('ul[aria-label="Medications"] > li[aria-posinset] .fact-title').allInnerTexts();
  assert.equal(new Set(titles).size, titles.length, 'no line drawn twice');
  await shot(page, 'long-list-end');

  // Back to the top: the first line is drawn again where it was.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('ul[aria-label="Medications"] > li[aria-posinset="1"]').waitFor();
  assert.deepEqual(await seriousViolations(page), []);
});

// The Conflicts page with more disagreements than it shows at once, in a real browser
// (Debian's chromium through playwright-core): a clinic summary and a pharmacy list that
// disagree about 80 medications (active vs stopped). The page shows the first 20, "Show more"
// brings 50 more, then the last 10; a source of one of those can be split off, and two problems
// said in other words can be merged. Also: a fresh load asks for the disagreements once (routes.ts
// asks early, the page uses that answer), and the app's hashed files may be cached.
// Screenshots go to test-results/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { Browser, Page } from 'playwright-core';
import { buildWebApp, chromiumSkip, fitsPhone, giveSession, launchChromium, seriousViolations, serveForBrowser, shot } from '../helpers/browser.js';
import { signIn } from '../helpers/api.js';
import { openTestVessel } from '../helpers/vessels.js';

// Functions passed to page.evaluate run in the browser; these names exist there, not here.
declare const document: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const DISAGREEMENTS = 80;

const SYLLABLES = ['ba', 'co', 'de', 'fi', 'gu', 'ka', 'lo', 'me', 'ni', 'po', 'ra', 'si', 'tu', 'va', 'xe', 'zo', 'bri', 'cla', 'dro', 'fle'];
/** A distinct made-up drug name per index (letters only: names that differ only by a number are one drug to the reconciler). */
const drugName = (i: number) => {
  const a = SYLLABLES[i % 20];
  const b = SYLLABLES[Math.floor(i / 20) % 20];
  return `${a[0].toUpperCase()}${a.slice(1)}${b}mab`;
};

/** One source's view of the patient: every drug with this status, and one problem. */
function bundle(prefix: string, status: 'active' | 'stopped', problem: string): Bundle {
  const subject = { reference: `urn:uuid:${prefix}-pat` };
  const resources: Resource[] = [
    { resourceType: 'Patient', id: `${prefix}-pat`, name: [{ given: ['Mara'], family: 'Manyconflicts' }], birthDate: '1955-07-01', gender: 'female' } as Resource,
    ...Array.from({ length: DISAGREEMENTS }, (_, i) => ({ resourceType: 'MedicationStatement', id: `${prefix}-m${i}`, status, subject, medicationCodeableConcept: { text: `${drugName(i)} 10 mg tablet` }, effectiveDateTime: '2023-03-01' }) as Resource),
    { resourceType: 'Condition', id: `${prefix}-c1`, subject, clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] }, code: { text: problem }, onsetDateTime: '2019' } as Resource,
  ];
  return { resourceType: 'Bundle', type: 'collection', entry: resources.map((r) => ({ fullUrl: `urn:uuid:${r.id}`, resource: r })) };
}


test('the Conflicts page with more than 50 disagreements', { skip: chromiumSkip }, async (t) => {
  buildWebApp();
  const tv = await openTestVessel('sqlite');
  await tv.vessel.importer.importBytes(Buffer.from(JSON.stringify(bundle('cl', 'active', 'High blood pressure'))), 'clinic-summary.json', { channel: 'cli' });
  await tv.vessel.importer.importBytes(Buffer.from(JSON.stringify(bundle('ph', 'stopped', 'Hypertension, essential'))), 'pharmacy-list.json', { channel: 'cli' });
  await tv.vessel.runJobsUntilIdle({ pollMs: 10 });
  const { app, base } = await serveForBrowser(tv.vessel);
  let browser: Browser | undefined;
  t.after(async () => {
    await browser?.close();
    await app.close();
    await tv.cleanup();
  });
  const session = await signIn(app, tv.vessel);
  const people = await tv.vessel.store.people.list();
  assert.equal(people.length, 1, 'both sources are the same person');
  const personId = people[0].id;
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  await giveSession(context, session.cookie, base);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) pageErrors.push(m.text());
  });
  page.on('pageerror', (e) => pageErrors.push(`page error: ${e.message}`));
  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/items?conflicts=1')) asked.push(r.url());
  });
  const assets: Array<{ url: string; cache?: string }> = [];
  page.on('response', (r) => {
    if (r.url().includes('/assets/')) assets.push({ url: r.url(), cache: r.headers()['cache-control'] });
  });

  const disagree = page.getByRole('region', { name: 'Where your records disagree' });
  const cards = disagree.locator('section.conflict');
  const names = async () => (await disagree.locator('section.conflict h3').allInnerTexts()).map((h) => h.split(/\s+10 mg/)[0].trim());

  await page.goto(`${base}/#/p/${personId}/conflicts`);
  await page.getByText(`The first 20 of ${DISAGREEMENTS} are shown.`).waitFor();
  assert.equal(await cards.count(), 20, 'the first 20 disagreements');
  assert.equal(asked.length, 1, `a fresh load asks for the disagreements once: ${asked.join(', ')}`);
  assert.ok(assets.length > 0 && assets.every((a) => a.cache?.includes('immutable')), `the app's hashed files may be kept: ${JSON.stringify(assets)}`);
  const first = await names();
  assert.equal(new Set(first).size, 20);
  assert.match(await cards.first().innerText(), /1 source\(s\) say active, 1 say stopped/);
  await shot(page, 'conflicts-many');
  assert.deepEqual(await seriousViolations(page), []);
  await fitsPhone(page, 'conflicts-many');

  // Show more: 50 more, then the last 10, none of them twice.
  // Pressed from the keyboard: a mouse click lands by coordinates, and the cards above the button
  // grow while their sources load (seen in loaded runs: the click hit no button, the page stayed at 20).
  await disagree.getByRole('button', { name: 'Show 50 more' }).press('Enter');
  await page
    .getByText(`The first 70 of ${DISAGREEMENTS} are shown.`)
    .waitFor({ timeout: 60_000 })
    .catch(async (err: Error) => {
      const said = await disagree.locator('p.muted, [role=alert]').allInnerTexts();
      const busy = await disagree.getByRole('button', { name: /^Show \d+ more$/ }).isDisabled().catch(() => 'no button');
      throw new Error(`${err.message}\nthe page shows ${await cards.count()} cards, its Show-more button disabled (loading): ${busy}, and says: ${JSON.stringify(said)}`);
    });
  await disagree.getByRole('button', { name: 'Show 10 more' }).press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('section.conflict').length === n, DISAGREEMENTS);
  const all = await names();
  assert.equal(new Set(all).size, DISAGREEMENTS, 'eighty different disagreements');
  assert.deepEqual(all.slice(0, 20), first, 'the first twenty stay in place');
  const expected = Array.from({ length: DISAGREEMENTS }, (_, i) => drugName(i)).sort();
  assert.deepEqual([...all].sort(), expected, 'every drug the sources disagree about');
  assert.equal(await disagree.getByRole('button', { name: /^Show \d+ more$/ }).count(), 0, 'nothing more to show');

  // Split the pharmacy's source off the last card (one read by "Show more"): its sources are drawn
  // as it nears the screen.
  const last = cards.last();
  const lastName = all[all.length - 1];
  await last.scrollIntoViewIfNeeded();
  const pharmacy = last.locator('.source-column').filter({ has: page.getByRole('link', { name: /pharmacy-list\.json/ }) });
  await pharmacy.getByText('Status').waitFor();
  assert.match(await pharmacy.innerText(), /stopped/);
  await pharmacy.getByRole('checkbox', { name: /split off/ }).check();
  await last.getByRole('button', { name: /Split the chosen sources off/ }).click();
  await page.getByText(`Split 1 source off “${lastName} 10 mg tablet”`, { exact: false }).waitFor();
  await page.getByText(`The first 20 of ${DISAGREEMENTS - 1} are shown.`).waitFor();
  const left = (await (await fetch(`${base}/api/people/${personId}/items?conflicts=1&limit=100`, { headers: { cookie: session.cookie } })).json()) as { items: Array<{ display: string }> };
  assert.equal(left.items.length, DISAGREEMENTS - 1);
  assert.ok(!left.items.some((i) => i.display.startsWith(lastName)), 'the split item no longer disagrees');

  // Two problems said in other words were not matched: merge them.
  const items = page.getByRole('region', { name: 'All items' });
  await page.getByLabel('Kind of item').selectOption('problems');
  await items.getByText('Hypertension, essential', { exact: true }).waitFor();
  await items.getByRole('checkbox', { name: /High blood pressure/ }).check();
  await items.getByRole('checkbox', { name: /Hypertension, essential/ }).check();
  await items.getByRole('button', { name: 'Merge the 2 chosen items' }).click();
  await page.getByText(/Merged 2 items into one/).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.merge-list > li').length === 1);
  const merged = items.locator('.merge-list > li');
  await merged.getByText('2 sources').click();
  await merged.getByRole('link', { name: /from pharmacy-list\.json/ }).waitFor();
  await merged.getByRole('link', { name: /from clinic-summary\.json/ }).waitFor();
  await shot(page, 'conflicts-many-merged');
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(pageErrors, []);
});

// The pages that help with the doctor, in a real browser (Debian's chromium through
// playwright-core) against a real server holding the doctor fixture record (test/doctor/
// fixture.ts) plus a second source that disagrees with it: quick answers (the tetanus shot
// and its source), correcting the health history form, a SMART Health Link with a passcode
// (made, opened by a recipient, revoked), the conflicts screen (side by side, split, merge)
// and a SMART on FHIR connection made through the page against loopback peers. axe runs on
// every page; each page is checked at phone width. Screenshots go to test-results/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { Browser, Page } from 'playwright-core';
import { openFixtureVessel } from '../doctor/fixture.js';
import { startPeers, type Peers } from '../smart/peers.js';
import { buildWebApp, chromiumSkip, fitsPhone, giveSession, launchChromium, seriousViolations, serveForBrowser, shot } from '../helpers/browser.js';
import { signIn } from '../helpers/api.js';

// Functions passed to page.evaluate run in the browser; these names exist there, not here.
declare const window: any, document: any; // eslint-disable-line @typescript-eslint/no-explicit-any





/** A second source for the same patient: atorvastatin stopped (the first says active), and diabetes in other words. */
function pharmacyBundle(): Bundle {
  const pat = { reference: 'urn:uuid:pp1' };
  const resources: Resource[] = [
    { resourceType: 'Patient', id: 'pp1', name: [{ given: ['Ann'], family: 'Example' }], birthDate: '1960-04-12', gender: 'female' } as Resource,
    {
      resourceType: 'MedicationStatement', id: 'ph-atorva', status: 'stopped', subject: pat,
      medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '617312', display: 'atorvastatin 20 MG Oral Tablet' }], text: 'Atorvastatin 20 mg tablet' },
      effectivePeriod: { start: '2022-02-01', end: '2024-03-01' },
    } as Resource,
    {
      resourceType: 'Condition', id: 'ph-dm', subject: pat,
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      code: { text: 'Sugar diabetes, adult onset' }, onsetDateTime: '2021',
    } as Resource,
  ];
  return { resourceType: 'Bundle', type: 'collection', entry: resources.map((r) => ({ fullUrl: `urn:uuid:${r.id}`, resource: r })) };
}

test('the doctor pages in a browser', { skip: chromiumSkip }, async (t) => {
  buildWebApp();
  const tv = await openFixtureVessel('sqlite');
  await tv.vessel.importer.importBytes(Buffer.from(JSON.stringify(pharmacyBundle())), 'pharmacy-list.json', { channel: 'cli' });
  await tv.vessel.runJobsUntilIdle({ pollMs: 10 });
  assert.equal((await tv.vessel.store.people.list()).length, 1, 'the pharmacy list belongs to the same person');
  const personId = tv.personId;
  const { app, base } = await serveForBrowser(tv.vessel);
  const stop = new AbortController();
  const worker = tv.vessel.runWorker(stop.signal, { pollMs: 50 });
  let browser: Browser | undefined;
  let peers: Peers | undefined;
  t.after(async () => {
    await browser?.close();
    await peers?.stop();
    stop.abort();
    await worker;
    await app.close();
    await tv.cleanup();
  });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  // Sign in through the API and hand the session cookie to the browser (and to this side's fetches).
  const session = await signIn(app, tv.vessel);
  await giveSession(context, session.cookie, base);
  const get = (url: string) => fetch(`${base}${url}`, { headers: { cookie: session.cookie } });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) pageErrors.push(m.text());
  });
  page.on('pageerror', (e) => pageErrors.push(`page error: ${e.message}`));

  await t.test('answers: the last tetanus shot with its date and source, which opens', async () => {
    await page.goto(`${base}/#/p/${personId}`);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Answers' }).click();
    await page.getByRole('heading', { name: 'Answers for your doctor' }).waitFor();
    // Blood type is in the record; a Pap test is not, and says so plainly.
    const pap = page.getByRole('region', { name: 'When was your last Pap test, and what did it find?' });
    assert.match(await pap.innerText(), /Not found in your records/);
    await page.getByLabel('Find a question').fill('tetanus');
    await page.getByText('1 of').waitFor();
    assert.equal(await page.locator('section.answer').count(), 1, 'the filter leaves the tetanus question');
    const tetanus = page.getByRole('region', { name: 'When was your last tetanus shot?' });
    const text = await tetanus.innerText();
    assert.match(text, /Tdap/i);
    assert.match(text, /on 1 May 2019/, 'the newest of the two tetanus vaccines (2012 Td, 2019 Tdap), with its date');
    const source = tetanus.getByRole('link', { name: /from summary\.json/ });
    await shot(page, 'answers');
    assert.deepEqual(await seriousViolations(page), []);
    await fitsPhone(page, 'answers');
    await source.click();
    await page.getByRole('heading', { name: 'This fact' }).waitFor();
    assert.match(await page.locator('.fact-box').innerText(), /Tdap/i);
    assert.match(await page.locator('.fact-box').innerText(), /1 May 2019/);
  });

  await t.test('health history form: every row names its source; a correction is kept after reload', async () => {
    await page.goto(`${base}/#/p/${personId}/form`);
    const about = page.getByRole('region', { name: 'About you', exact: true });
    await about.getByText('555-0100').waitFor();
    assert.match(await about.getByRole('row', { name: /Phone/ }).innerText(), /from summary\.json/);
    const meds = page.getByRole('region', { name: 'Current medications', exact: true });
    assert.match(await meds.innerText(), /Metformin 500 mg tablet/);
    assert.deepEqual(await seriousViolations(page), []);
    // By keyboard: Enter opens the editor with the focus in it; Enter saves.
    await about.getByRole('button', { name: 'Correct Phone' }).focus();
    await page.keyboard.press('Enter');
    const input = about.getByLabel('Phone', { exact: true });
    await page.waitForFunction(() => document.activeElement?.tagName === 'INPUT' && document.activeElement.value === '555-0100');
    assert.equal(await input.inputValue(), '555-0100', 'the editor starts from the current answer');
    assert.deepEqual(await seriousViolations(page), [], 'the open editor is accessible too');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('555-0123');
    await page.keyboard.press('Enter');
    await page.getByText('Saved your answer for “Phone”.').waitFor();
    await page.reload();
    const row = page.getByRole('region', { name: 'About you', exact: true }).getByRole('row', { name: /Phone/ });
    await row.getByText('555-0123').waitFor();
    assert.match(await row.innerText(), /stated by you/);
    assert.doesNotMatch(await row.innerText(), /555-0100/);
    // Rows the records lack can be added; each added row is kept on its own.
    const allergies = page.getByRole('region', { name: 'Allergies', exact: true });
    for (const [what, reaction] of [['Latex', 'Rash'], ['Shellfish', 'Swelling']]) {
      await allergies.getByRole('button', { name: 'Add to allergies' }).click();
      await allergies.getByLabel('Allergic to').fill(what);
      await allergies.getByLabel('Reaction').fill(reaction);
      await allergies.getByRole('button', { name: 'Save' }).click();
      await allergies.getByRole('row', { name: new RegExp(what) }).waitFor();
    }
    await page.reload();
    for (const what of ['Penicillin', 'Latex', 'Shellfish']) await allergies.getByRole('row', { name: new RegExp(what) }).waitFor();
    assert.match(await allergies.getByRole('row', { name: /Shellfish/ }).innerText(), /Swelling[\s\S]*stated by you/);
    // The downloads carry the correction too.
    const fhir = (await (await get((await page.getByRole('link', { name: /FHIR/ }).getAttribute('href'))!)).json()) as Bundle;
    const qr = fhir.entry?.find((e) => e.resource?.resourceType === 'QuestionnaireResponse');
    assert.ok(qr && JSON.stringify(qr).includes('555-0123'), 'the QuestionnaireResponse holds the corrected phone');
    const pdf = await get((await page.getByRole('link', { name: 'Download as PDF' }).getAttribute('href'))!);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    await shot(page, 'health-form');
    await fitsPhone(page, 'health-form');
  });

  await t.test('sharing: a link with a passcode, shown once with its QR code, opened, then revoked', async () => {
    await page.goto(`${base}/#/p/${personId}/sharing`);
    await page.getByRole('heading', { name: 'Share with a provider' }).waitFor();
    await page.getByText('No active links').waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    await page.getByLabel('Passcode (optional)').fill('tulip-42');
    await page.getByLabel('Name for this link (optional)').fill('For Dr. Patel');
    await page.getByLabel('How long it works').selectOption('1d');
    await page.getByRole('button', { name: 'Make the link' }).click();
    await page.getByRole('heading', { name: 'Your link is ready' }).waitFor();
    const qr = page.getByRole('img', { name: /QR code for the link “For Dr\. Patel”/ });
    assert.match((await qr.getAttribute('src')) ?? '', /^data:image\/png;base64,/);
    const link = await page.getByLabel('Link', { exact: true }).inputValue();
    assert.match(link, /\/shl\/view#shlink:\//);
    await page.getByRole('button', { name: 'Copy the link' }).click();
    await page.getByText('Link copied.').waitFor();
    await shot(page, 'share-created');
    assert.deepEqual(await seriousViolations(page), []);
    await fitsPhone(page, 'share-created');

    // A recipient opens it: the wrong passcode is refused, the right one gives the files.
    const payload = JSON.parse(Buffer.from(link.split('#shlink:/')[1], 'base64url').toString('utf8')) as { url: string; flag?: string };
    assert.equal(payload.flag, 'P');
    const ask = (passcode: string) => fetch(payload.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ recipient: 'Dr. Patel', passcode }) });
    assert.equal((await ask('wrong')).status, 401);
    const ok = await ask('tulip-42');
    assert.equal(ok.status, 200);
    assert.equal(((await ok.json()) as { files: unknown[] }).files.length, 1);

    await page.getByRole('button', { name: 'Done' }).click();
    const card = page.locator('li.share', { hasText: 'For Dr. Patel' });
    await card.waitFor();
    await page.reload();
    await card.getByText(/Needs a passcode \(4 wrong tries left/).waitFor();
    assert.match(await card.innerText(), /Opened 1 time\b/);
    await card.getByRole('button', { name: 'Show who opened it' }).click();
    await card.getByText('Opened by Dr. Patel').waitFor();
    assert.match(await card.locator('.access-list').innerText(), /Refused by Dr\. Patel \(wrong passcode\)/);
    assert.deepEqual(await seriousViolations(page), []);
    await card.getByRole('button', { name: 'Revoke For Dr. Patel' }).click();
    await card.getByRole('button', { name: 'Yes, revoke it' }).click();
    await page.getByText('Revoked “For Dr. Patel”. It no longer opens.').waitFor();
    await page.getByText('No active links').waitFor();
    assert.equal((await ask('tulip-42')).status, 404, 'a revoked link no longer opens');

    // The downloads: the IPS and the visit summary with the chosen period and tests.
    const ipsHref = await page.getByRole('link', { name: 'Download the patient summary' }).getAttribute('href');
    const ips = (await (await get(ipsHref!)).json()) as Bundle;
    assert.equal(ips.type, 'document');
    await page.getByLabel('From (optional)').fill('2023-01-01');
    // The choices are this person's own tests (no weight in these records), the usual ones chosen.
    assert.equal(await page.getByRole('checkbox', { name: /^Weight/ }).count(), 0);
    await page.getByRole('checkbox', { name: /^TSH/ }).uncheck();
    const summaryHref = (await page.getByRole('link', { name: 'Download the visit summary' }).getAttribute('href')) ?? '';
    assert.match(summaryHref, /from=2023-01-01/);
    assert.match(summaryHref, /hba1c/);
    assert.doesNotMatch(summaryHref, /tsh/);
    const summary = await get(summaryHref);
    assert.equal(summary.status, 200);
    assert.equal(summary.headers.get('content-type'), 'application/pdf');
    await shot(page, 'sharing');
    await fitsPhone(page, 'sharing');
  });

  await t.test('conflicts: disagreeing sources side by side; split one off; merge a missed duplicate', async () => {
    // Home says the sources disagree and leads here; the page asks the server for those items only.
    await page.goto(`${base}/#/p/${personId}`);
    const asked = page.waitForRequest((r) => r.url().includes('/items?conflicts=1'));
    await page.getByRole('link', { name: 'Compare the sources side by side' }).click();
    await asked;
    assert.match(page.url(), /#\/p\/[^/]+\/conflicts$/);
    const disagree = page.getByRole('region', { name: 'Where your records disagree' });
    const card = disagree.getByRole('region', { name: /Atorvastatin/ });
    await card.waitFor();
    assert.match(await card.innerText(), /say active, 1 say stopped/);
    const columns = card.locator('.source-column');
    await columns.nth(1).getByText('Status').waitFor(); // a card draws its sources once near the screen
    assert.equal(await columns.count(), 2);
    const both = (await columns.allInnerTexts()).join('\n');
    assert.match(both, /active/);
    assert.match(both, /stopped/);
    assert.ok((await card.getByRole('link', { name: /from summary\.json/ }).count()) === 1, 'one source is the summary');
    assert.ok((await card.getByRole('link', { name: /from pharmacy-list\.json/ }).count()) === 1, 'the other is the pharmacy list');
    await shot(page, 'conflicts');
    assert.deepEqual(await seriousViolations(page), []);
    await fitsPhone(page, 'conflicts');

    // The pharmacy's stopped statement is about another course: split it off.
    const pharmacy = columns.filter({ has: page.getByRole('link', { name: /pharmacy-list\.json/ }) });
    await pharmacy.getByRole('checkbox', { name: /split off/ }).check();
    await card.getByRole('button', { name: /Split the chosen sources off/ }).click();
    await page.getByText(/Split 1 source off “Atorvastatin/).waitFor();
    await disagree.getByText('No disagreements between your records.').waitFor();
    await page.getByLabel('Kind of item').selectOption('medications');
    const all = page.getByRole('region', { name: 'All items' });
    assert.equal(await all.locator('.merge-list > li', { hasText: 'Atorvastatin' }).count(), 2, 'two atorvastatin items after the split');

    // Diabetes said in other words was not matched: merge the two problems.
    await page.getByLabel('Kind of item').selectOption('problems');
    const problems = all.locator('.merge-list > li');
    await all.getByText('Sugar diabetes, adult onset', { exact: true }).waitFor();
    assert.ok((await problems.count()) >= 3);
    await all.getByLabel('Find an item').fill('diabetes');
    await page.waitForFunction(() => document.querySelectorAll('.merge-list > li').length === 2);
    await all.getByRole('checkbox', { name: /Type 2 diabetes mellitus/ }).check();
    await all.getByRole('checkbox', { name: /Sugar diabetes/ }).check();
    await all.getByRole('button', { name: 'Merge the 2 chosen items' }).click();
    await page.getByText(/Merged 2 items into one/).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.merge-list > li').length === 1);
    const merged = problems.filter({ hasText: /diabetes/i });
    assert.equal(await merged.count(), 1);
    await merged.getByText('2 sources').click();
    await merged.getByRole('link', { name: /from pharmacy-list\.json/ }).waitFor();
    await merged.getByRole('link', { name: /from summary\.json/ }).waitFor();
    assert.deepEqual(await seriousViolations(page), []);
  });

  await t.test('connections: connect a FHIR server through its sign-in, see the sync finish, sync again', async () => {
    peers = await startPeers();
    await page.goto(`${base}/#/connections`);
    await page.getByText('No portal connected yet.').waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    // A server that is not there: the error is said in words.
    await page.getByLabel('FHIR address of the portal').fill('http://127.0.0.1:9/fhir');
    await page.getByRole('button', { name: 'Connect and sign in' }).click();
    await page.getByRole('alert').getByText(/Could not start the connection/).waitFor();
    await page.getByLabel('FHIR address of the portal').fill(peers.fhir.base);
    await page.getByRole('button', { name: 'Connect and sign in' }).click();
    // The authorization server approves and sends the browser back through /api/connections/callback.
    await page.getByText('Connected. The first sync starts right away').waitFor({ timeout: 20000 });
    assert.equal(new URL(page.url()).search, '', 'the callback query is cleared from the address');
    const card = page.locator('li.connection');
    await card.getByText(/Last synced .+: 13 records in 9 pages/).waitFor({ timeout: 30000 });
    assert.match(await card.innerText(), /Connected/);
    await shot(page, 'connections');
    assert.deepEqual(await seriousViolations(page), []);
    await fitsPhone(page, 'connections');
    type Conn = { lastSyncAt?: string; lastCounts?: { resources: number; pages: number } };
    const connections = async () => (await (await get('/api/connections')).json()) as Conn[];
    const [first] = await connections();
    // The server asks Vessel to wait (429, Retry-After 3 s) mid-sync: the page shows the sync running.
    peers.fhir.faults.push({ match: /Condition/, respond: 429, times: 1, retryAfter: '3' });
    await card.getByRole('button', { name: /Sync now/ }).click();
    await card.getByText('Syncing now').waitFor({ timeout: 10000 });
    assert.match(await card.locator('.sync-progress label').innerText(), /^Step \d+ of \d+/);
    assert.equal(await card.getByRole('button', { name: /Sync now/ }).isDisabled(), true, 'one sync at a time');
    assert.deepEqual(await seriousViolations(page), []);
    await shot(page, 'connections-syncing');
    let second = first;
    for (let i = 0; i < 300 && second.lastSyncAt === first.lastSyncAt; i++) {
      await new Promise((r) => setTimeout(r, 100));
      [second] = await connections();
    }
    assert.notEqual(second.lastSyncAt, first.lastSyncAt, 'the second sync finished');
    // The page keeps polling: it shows the second sync's counts without a reload.
    const words = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    await card.getByText(`${words(second.lastCounts!.resources, 'record')} in ${words(second.lastCounts!.pages, 'page')}`, { exact: false }).waitFor({ timeout: 10000 });
    await card.getByText('Connected', { exact: true }).waitFor();

    // The portal withdraws access (tokens refused, refresh refused): the page asks to sign in again.
    peers.fhir.expireTokens();
    peers.revokeRefresh = true;
    await card.getByRole('button', { name: /Sync now/ }).click();
    await card.getByText('Needs you to sign in again').waitFor({ timeout: 15000 });
    assert.match(await card.locator('.error-text').innerText(), /What went wrong: .+/);
    assert.equal(await card.getByRole('button', { name: /Sync now/ }).count(), 0);
    assert.deepEqual(await seriousViolations(page), []);
    await shot(page, 'connections-reauthorize');
    peers.revokeRefresh = false;
    await card.getByRole('button', { name: /Sign in again/ }).click();
    await page.getByText('Connected. The first sync starts right away').waitFor({ timeout: 20000 });
    await card.getByText('Connected', { exact: true }).waitFor({ timeout: 20000 });
    assert.equal((await connections()).length, 1, 'signing in again renews the same connection');
    await card.getByText(/Next sync on its own: .+/).waitFor({ timeout: 20000 });

    // Removing asks first; "Keep it" changes nothing.
    await card.getByRole('button', { name: /^Remove/ }).click();
    const confirm = card.getByRole('group', { name: /Confirm removing/ });
    await confirm.getByText(/records already imported from it stay/).waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    await shot(page, 'connections-remove-confirm');
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    assert.equal(await confirm.count(), 0);
    assert.equal((await connections()).length, 1);
    const documentsBefore = ((await (await get('/api/documents?limit=500')).json()) as unknown[]).length;
    await card.getByRole('button', { name: /^Remove/ }).click();
    await card.getByRole('group', { name: /Confirm removing/ }).getByRole('button', { name: 'Yes, remove it' }).click();
    await page.getByRole('status').getByText(/Disconnected from .+ stay in your record/).waitFor({ timeout: 10000 });
    await page.getByText('No portal connected yet.').waitFor();
    assert.deepEqual(await connections(), []);
    assert.equal(((await (await get('/api/documents?limit=500')).json()) as unknown[]).length, documentsBefore, 'the imported documents stay');
    assert.deepEqual(await seriousViolations(page), []);
  });

  await t.test('no Content-Security-Policy violations or script errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});

// The web app in a real browser (Debian's chromium through playwright-core) against a real
// server on a free port with a temp data folder: import by drag and drop, a bad file's
// error, the home page, a lab trend chart with its reference band, opening a fact's source,
// search with highlighted hits, the timeline, phone width, and an axe accessibility check.
// Screenshots of the main views go to test-results/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { buildWebApp, chromiumSkip, launchChromium, seriousViolations, serveForBrowser, shot } from '../helpers/browser.js';
import { openTestVessel } from '../helpers/vessels.js';
import { textPdf } from '../../src/sources/documents/pages/test-fixtures.js';
import { closeSharedOcrPool } from '../../src/sources/documents/index.js';

// Functions passed to page.evaluate run in the browser; these names exist there, not here.
declare const window: any, document: any, DataTransfer: any, DragEvent: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bundle = fs.readFileSync(path.join(root, 'test/e2e/fixtures/glucose-bundle.json'), 'utf8');



/** Drops files on an element the way a browser does: a DataTransfer built in the page. */
async function dropFiles(page: Page, selector: string, files: Array<{ name: string; text: string; type: string }>) {
  await page.evaluate(
    ({ selector, files }) => {
      const dt = new DataTransfer();
      for (const f of files) dt.items.add(new File([f.text], f.name, { type: f.type }));
      const el = document.querySelector(selector)!;
      for (const type of ['dragenter', 'dragover', 'drop']) el.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { selector, files },
  );
}

test('the web app in a browser', { skip: chromiumSkip }, async (t) => {
  buildWebApp();
  const tv = await openTestVessel('sqlite');
  const { app, base } = await serveForBrowser(tv.vessel);
  const stop = new AbortController();
  const worker = tv.vessel.runWorker(stop.signal, { pollMs: 50 });
  let browser: Browser | undefined;
  t.after(async () => {
    await browser?.close();
    stop.abort();
    await worker;
    await closeSharedOcrPool();
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

  await t.test('a new install asks for the first account; without a session the API refuses', async () => {
    assert.equal((await fetch(`${base}/api/people`)).status, 401);
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Set up Vessel' }).waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    await page.getByLabel('Username').fill('mara');
    await page.getByLabel('Password (at least 10 characters)').fill('short');
    await page.getByLabel('Password again').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('alert').getByText(/at least 10 characters/).waitFor();
    await page.getByLabel('Password (at least 10 characters)').fill('a long enough passphrase');
    await page.getByLabel('Password again').fill('a long enough passphrase');
    await page.getByRole('button', { name: 'Create account' }).click();
  });

  await t.test('an empty household is welcomed and pointed to import', async () => {
    await page.getByRole('heading', { name: 'Welcome to Vessel' }).waitFor();
    assert.deepEqual(await seriousViolations(page), []);
  });

  await t.test('files dropped on the import page are uploaded and read; an empty one is explained', async () => {
    await page.getByRole('link', { name: 'Import records' }).click();
    await page.getByRole('heading', { name: 'Import records' }).waitFor();
    await dropFiles(page, '[data-testid=dropzone]', [
      { name: 'glucose-bundle.json', text: bundle, type: 'application/fhir+json' },
      { name: 'empty-scan.pdf', text: '', type: 'application/pdf' },
    ]);
    // Read by the server's worker: on a loaded CI machine (two test files at once) this took over 20 s once.
    await page
      .getByText(/facts found/)
      .waitFor({ timeout: 60000 })
      .catch(async (err: Error) => {
        // Say what the page and the server showed instead (failed in loaded CI runs only).
        const rows = await page.locator('main').innerText();
        const docs = await (await page.request.get(`${base}/api/documents`)).text();
        throw new Error(`${err.message}\nthe import page shows: ${rows}\nthe server has: ${docs.slice(0, 2000)}`);
      });
    await page.getByText(/Could not read empty-scan\.pdf: the file is empty/).waitFor({ timeout: 20000 });
    assert.match(await page.locator('.upload-failed .upload-action').innerText(), /nothing in it/);
    await page.getByText('Progress: 2 of 2 files').waitFor();
    await shot(page, 'import');
    assert.deepEqual(await seriousViolations(page), []);
  });

  let personId = '';
  await t.test('home shows what needs attention and the key figures, each with its source', async () => {
    const people = (await (await page.request.get(`${base}/api/people`)).json()) as Array<{ id: string; displayName: string }>;
    personId = people.find((p) => p.displayName === 'Mara Lindqvist')!.id;
    await page.goto(`${base}/#/p/${personId}`);
    await page.getByRole('heading', { name: 'Mara Lindqvist' }).waitFor();
    await page.getByRole('region', { name: 'Needs attention' }).getByText(/the file is empty/).waitFor();
    const problems = page.getByRole('region', { name: 'Active problems' });
    assert.match(await problems.innerText(), /Prediabetes/);
    assert.match(await problems.innerText(), /from glucose-bundle\.json/);
    assert.match(await page.getByRole('region', { name: 'Current medications' }).innerText(), /Metformin 500 mg tablet/);
    assert.match(await page.getByRole('region', { name: 'Allergies' }).innerText(), /Penicillin/);
    assert.match(await page.getByRole('region', { name: 'Latest vital signs' }).innerText(), /128 mmHg/);
    assert.equal(await page.getByLabel('Person').inputValue(), personId, 'the person switcher shows who is being viewed');
    await shot(page, 'home');
    assert.deepEqual(await seriousViolations(page), []);
  });

  await t.test('a lab trend chart draws the reference range as a band and links each point to its source', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Labs' }).click();
    // The page's code may still be loading: until then the home page (with its "from
    // glucose-bundle.json" links) is what a loose 'Glucose' would find.
    await page.getByRole('heading', { name: 'Lab results' }).waitFor();
    await page.getByRole('region', { name: 'Lab results' }).getByRole('link', { name: 'Glucose', exact: true }).click();
    await page.getByRole('heading', { name: 'Glucose' }).waitFor();
    const chart = page.locator('svg.trend');
    assert.equal(await chart.locator('circle.point').count(), 3);
    assert.equal(await chart.locator('circle.point.flag-H').count(), 2, 'the two high values are flagged');
    const bands = chart.locator('rect.band');
    assert.equal(await bands.count(), 3);
    // The band spans 70..99: its top is above the 92 point and below the 131 point.
    const band = await bands.first().boundingBox();
    const pts = await chart.locator('circle.point').evaluateAll((els: any[]) => els.map((e) => e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2));
    assert.ok(band && pts[0] > band.y && pts[0] < band.y + band.height, 'the normal value lies inside the band');
    assert.ok(band && pts[2] < band.y, 'the high value lies above the band');
    await shot(page, 'lab-trend');
    assert.deepEqual(await seriousViolations(page), []);
  });

  await t.test("opening a fact's source shows the document and the fact", async () => {
    await page.locator('svg.trend a.point-link').last().click();
    await page.getByRole('heading', { name: 'This fact' }).waitFor();
    assert.match(await page.locator('.fact-box').innerText(), /131 mg\/dL/);
    assert.match(await page.locator('.meta').innerText(), /glucose-bundle\.json/);
    await shot(page, 'source');
  });

  await t.test('search finds page text and facts; hits are highlighted in the document', async () => {
    await page.getByLabel('Search all records').fill('counselled');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText(/1 result for “counselled”|results? for “counselled”/).waitFor();
    await shot(page, 'search');
    await page.locator('.hits a').first().click();
    const mark = page.locator('.pages mark').first();
    await mark.waitFor();
    assert.equal((await mark.innerText()).toLowerCase(), 'counselled');
    await shot(page, 'document-highlight');
    assert.deepEqual(await seriousViolations(page), []);
    await page.getByLabel('Search all records').fill('metformin');
    await page.getByRole('button', { name: 'Search' }).click();
    // Facets count every match; choosing one narrows the hits to it, and the choice is marked.
    const facets = page.getByRole('navigation', { name: 'Narrow the results' });
    await facets.getByRole('link', { name: /^Medications \d+/ }).click();
    await facets.locator('a[aria-current="page"]', { hasText: 'Medications' }).waitFor();
    // The narrowed hits come after the address changes (the list is empty while they load).
    await page.locator('.hits > li > a').first().waitFor();
    const narrowed = await page.locator('.hits > li > a').allInnerTexts();
    assert.ok(narrowed.length >= 1 && narrowed.every((h) => /^Medications in /.test(h)), `only medications: ${narrowed.join(' | ')}`);
    await shot(page, 'search-facets');
    assert.deepEqual(await seriousViolations(page), []);
    await page.getByRole('link', { name: /Medications in/ }).first().click();
    await page.getByRole('heading', { name: 'This fact' }).waitFor();
    assert.match(await page.locator('.fact-box').innerText(), /Metformin/);
  });

  await t.test('the timeline zooms from years to months and filters by type', async () => {
    await page.goto(`${base}/#/p/${personId}/timeline`);
    await page.locator('svg.bars').waitFor();
    assert.match(await page.locator('main h2').first().innerText(), /items/);
    await page.locator('svg.bars a[aria-label^="2023"]').click();
    await page.getByRole('navigation', { name: 'Zoom' }).getByText('2023').waitFor();
    await page.locator('svg.bars a[aria-label^="June 2023"]').waitFor();
    assert.match(await page.locator('.timeline-items').innerText(), /Visit: Annual physical/);
    // The type filters live in the address: the box shows unchecked once the route has changed,
    // which on a loaded machine is after uncheck()'s own immediate check (it failed so in CI).
    const results = page.getByRole('checkbox', { name: /Results/ });
    await results.click();
    await page.waitForFunction(() => !document.querySelector('.timeline-items')?.textContent?.includes('Glucose'));
    assert.equal(await results.isChecked(), false, 'the Results box shows unchecked');
    assert.match(await page.locator('.timeline-items').innerText(), /Annual physical/);
    await shot(page, 'timeline');
    assert.deepEqual(await seriousViolations(page), []);
  });

  await t.test('lists say where each item came from; documents list states and errors', async () => {
    await page.goto(`${base}/#/p/${personId}/list/immunizations`);
    await page.getByText('Influenza, seasonal, injectable').waitFor();
    assert.match(await page.locator('.fact-list').innerText(), /from glucose-bundle\.json/);
    // A medication taken at two strengths: each line opens its dose history, oldest first, itself marked.
    await page.goto(`${base}/#/p/${personId}/list/medications`);
    const current = page.getByRole('listitem').filter({ hasText: 'Metformin 500 mg tablet' }).first();
    await current.getByText(/Dose history \(2\)/).click();
    const steps = current.locator('.dose-history li');
    const texts = await steps.allInnerTexts();
    assert.equal(texts.length, 2, texts.join(' | '));
    assert.match(texts[0], /2021.*Metformin 250 mg tablet/);
    assert.match(texts[1], /2023.*Metformin 500 mg tablet/);
    assert.equal(await steps.nth(1).getAttribute('aria-current'), 'true', 'the line being read is marked');
    await shot(page, 'medications-dose-history');
    assert.deepEqual(await seriousViolations(page), []);
    await page.goto(`${base}/#/documents`);
    await page.getByText('the file is empty (0 bytes)').waitFor();
    await shot(page, 'documents');
    assert.deepEqual(await seriousViolations(page), []);
  });

  await t.test('a document that belongs to no one can be attached to a person', async () => {
    // A scanned note that names no patient arrives with no person (the household already has one).
    const mara = (await tv.vessel.store.accounts.byUsername('mara'))!;
    await tv.vessel.importer.importBytes(Buffer.from('Handwritten note, scanned: call the clinic about the knee brace.'), 'loose-note.txt', { channel: 'upload', scope: mara.id });
    for (let i = 0; i < 100 && (await tv.vessel.queue.counts()).queued + (await tv.vessel.queue.counts()).running > 0; i++) await new Promise((r) => setTimeout(r, 100));
    await page.goto(`${base}/#/documents`);
    await page.reload(); // same address as before: load the list afresh
    await page.getByRole('link', { name: /loose-note\.txt/ }).click();
    await page.getByRole('heading', { name: 'Whose document is this?' }).waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    await page.getByLabel('Person', { exact: true }).last().selectOption({ label: 'Mara Lindqvist (born 1961-07-14)' });
    await page.getByRole('button', { name: 'Attach' }).click();
    await page.locator('.meta dd', { hasText: 'Mara Lindqvist' }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Whose document is this?' }).count(), 0);
  });

  /** Waits until the worker has nothing queued or running. */
  const idle = async () => {
    for (let i = 0; i < 200; i++) {
      const c = await tv.vessel.queue.counts();
      if (c.queued + c.running === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const fitsPhone = async (what: string) => {
    await page.setViewportSize({ width: 375, height: 800 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `${what} is ${width}px wide at a 375px screen`);
    await page.setViewportSize({ width: 1200, height: 900 });
  };

  await t.test('the timeline filters by where things came from: source and facility', async () => {
    // A visit at another clinic, imported from this computer; its label names the clinic.
    const mara = (await tv.vessel.store.accounts.byUsername('mara'))!;
    const eye = { resourceType: 'Bundle', type: 'collection', entry: [
      { resource: { resourceType: 'Patient', id: 'p1', name: [{ given: ['Mara'], family: 'Lindqvist' }], birthDate: '1961-07-14', identifier: [{ system: 'urn:oid:2.16.840.1.113883.19.5', value: 'MRN-4471' }] } },
      { resource: { resourceType: 'Encounter', id: 'e9', status: 'finished', class: { code: 'AMB' }, type: [{ text: 'Eye exam' }], subject: { reference: 'Patient/p1' }, period: { start: '2024-02-10' } } },
    ] };
    const { documentId } = await tv.vessel.importer.importBytes(Buffer.from(JSON.stringify(eye)), 'north-clinic.json', { channel: 'cli', scope: mara.id });
    await idle();
    const doc = (await tv.vessel.store.documents.get(documentId!))!;
    await tv.vessel.store.documents.setState(doc.id, doc.state, { label: { ...doc.label, facility: 'North Clinic' } });

    await page.goto(`${base}/#/p/${personId}/timeline`);
    const items = page.locator('.timeline-items');
    await items.getByText('Visit: Eye exam').waitFor();
    assert.match(await items.innerText(), /Visit: Annual physical/);
    await page.getByLabel('Source', { exact: true }).selectOption('cli');
    await page.waitForFunction(() => !document.querySelector('.timeline-items')?.textContent?.includes('Annual physical'));
    assert.match(await items.innerText(), /Visit: Eye exam/);
    assert.match(page.url(), /channel=cli/);
    await page.getByLabel('Source', { exact: true }).selectOption('');
    await items.getByText('Visit: Annual physical').waitFor();
    await page.getByLabel('Facility', { exact: true }).selectOption('North Clinic');
    await page.waitForFunction(() => !document.querySelector('.timeline-items')?.textContent?.includes('Annual physical'));
    assert.match(await items.innerText(), /Visit: Eye exam/);
    assert.match(page.url(), /facility=North/);
    await shot(page, 'timeline-facility');
    assert.deepEqual(await seriousViolations(page), []);
    await fitsPhone('the filtered timeline');
  });

  await t.test('a PDF is shown as its pages with the text over them, search hits marked and the fact outlined', async () => {
    const mara = (await tv.vessel.store.accounts.byUsername('mara'))!;
    const pdf = await textPdf([['LABORATORY REPORT', 'Patient: Lindqvist, Mara   DOB: 07/14/1961', 'Collected: 03/02/2024', '', 'Test            Result   Units   Reference', 'Glucose         131      mg/dL   70-99   H', 'Hemoglobin A1c  6.1      %       4.0-5.6 H']]);
    const { documentId } = await tv.vessel.importer.importBytes(pdf, 'lab-fax.pdf', { channel: 'upload', scope: mara.id });
    await idle();
    const boxed = await tv.vessel.store.db.selectFrom('provenance').select(['resource_id', 'box_json']).where('document_id', '=', documentId!).where('box_json', 'is not', null).execute();
    assert.ok(boxed.length >= 1, 'the lab results know their box on the page');

    await page.goto(`${base}/#/documents/${documentId}?resource=${boxed[0].resource_id}&q=glucose`);
    const picture = page.locator('.page-picture').first();
    await page.waitForFunction(() => {
      const img = document.querySelector('.page-picture img');
      return !!img && img.complete && img.naturalWidth > 0;
    });
    await picture.locator('svg text', { hasText: 'Glucose' }).first().waitFor({ state: 'attached' });
    assert.ok((await picture.locator('rect.page-hit').count()) >= 1, 'the search word is marked on the page');
    assert.equal(await picture.locator('rect.page-fact').count(), 1, 'the fact is outlined on its page');
    const [pic, outline] = [await picture.boundingBox(), await picture.locator('rect.page-fact').boundingBox()];
    assert.ok(pic && outline && outline.width > 20 && outline.x >= pic.x && outline.y >= pic.y && outline.x + outline.width <= pic.x + pic.width + 1 && outline.y < pic.y + pic.height / 2, 'the outline lies on the upper part of the page, where the results are');
    // The text over the picture is real text: dragging across a line selects its words.
    const glucose = picture.locator('svg text', { hasText: 'Glucose' }).first();
    await glucose.scrollIntoViewIfNeeded();
    const word = await glucose.boundingBox();
    await page.mouse.move(word!.x + 1, word!.y + word!.height / 2);
    await page.mouse.down();
    await page.mouse.move(word!.x + word!.width * 4, word!.y + word!.height / 2, { steps: 5 });
    await page.mouse.up();
    assert.match(await page.evaluate(() => String(window.getSelection())), /Glucose/);
    assert.match(await page.locator('.page-text').first().innerText(), /Glucose/, 'the page text is also beside the picture');
    await shot(page, 'document-pages');
    assert.deepEqual(await seriousViolations(page), []);
    await fitsPhone('the document viewer');
  });

  await t.test('works at phone width without sideways scrolling', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${base}/#/p/${personId}`);
    await page.getByRole('heading', { name: 'Mara Lindqvist' }).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `page is ${width}px wide at a 375px screen`);
    await shot(page, 'home-phone');
    await page.goto(`${base}/#/p/${personId}/labs/loinc:2345-7`);
    await page.locator('svg.trend').waitFor();
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 375);
    await shot(page, 'lab-trend-phone');
  });

  await t.test('no Content-Security-Policy violations or script errors', () => {
    assert.deepEqual(cspErrors, []);
  });
});

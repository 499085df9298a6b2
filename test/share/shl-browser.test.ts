/**
 * The SMART Health Link round trip in a real browser (Debian chromium through playwright-core):
 * create, open with a wrong then the right passcode, see the IPS rendered, revoke, expire.
 * The key in the URL fragment must never reach the server. Also the health history form's
 * review page (edit a cell, save it as the person's own statement).
 */
import { after, before, describe, test } from 'node:test';
import { signIn } from '../helpers/api.js';
import { chromiumSkip, launchChromium } from '../helpers/browser.js';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { openFixtureVessel } from '../doctor/fixture.js';
import { buildServer } from '../../src/server/app.js';

const skip = chromiumSkip;

describe('SMART Health Link in a browser', { skip }, () => {
  let fx: Awaited<ReturnType<typeof openFixtureVessel>>;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let api: Awaited<ReturnType<typeof signIn>>;
  const seen: string[] = [];
  before(async () => {
    fx = await openFixtureVessel('sqlite');
    app = await buildServer(fx.vessel);
    app.addHook('onRequest', async (req) => {
      seen.push(`${req.method} ${req.url} ${JSON.stringify(req.headers)}`);
    });
    api = await signIn(app, fx.vessel);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const addr = app.server.address() as { port: number };
    base = `http://127.0.0.1:${addr.port}`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await fx?.cleanup();
  });

  const create = async (body: Record<string, unknown>) => {
    const r = await fetch(`${base}/api/people/${fx.personId}/shares`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: api.cookie, 'x-csrf-token': api.csrfToken }, body: JSON.stringify(body) });
    assert.equal(r.status, 200);
    return (await r.json()) as { id: string; link: string };
  };

  test('wrong passcode, right passcode, IPS rendered; revoked link refused', async () => {
    const c = await create({ what: ['ips'], expires: '1d', passcode: 'secret-42', label: 'Ann for Dr. Patel' });
    assert.ok(c.link.startsWith(`${base}/shl/view#shlink:/`));
    const key = JSON.parse(Buffer.from(c.link.split('#shlink:/')[1], 'base64url').toString()).key as string;
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && errors.push(m.text()));
    page.on('response', (r) => r.status() >= 400 && !/favicon|\/shl\/manifest\//.test(r.url()) && errors.push(`${r.status()} ${r.url()}`));
    await page.goto(c.link);
    await page.waitForSelector('#unlock:not([hidden])');
    assert.equal(await page.textContent('#title'), 'Ann for Dr. Patel');
    await page.fill('#recipient', 'Dr. Patel');
    await page.fill('#passcode', 'wrong');
    await page.click('#open');
    await page.locator('#status', { hasText: /Wrong passcode/ }).waitFor();
    assert.match((await page.textContent('#status'))!, /4 attempts left/);
    await page.fill('#passcode', 'secret-42');
    await page.click('#open');
    await page.waitForSelector('#content h2');
    const text = (await page.textContent('#content'))!;
    assert.match(text, /International Patient Summary/);
    assert.match(text, /Metformin/);
    assert.match(text, /Penicillin/);
    assert.match(text, /Tdap/);
    assert.match(text, /Hemoglobin A1c/);
    assert.deepEqual(errors, [], 'no script errors (CSP allows the viewer)');
    await page.close();

    assert.ok(!seen.some((s) => s.includes(key)), 'the key never reached the server');

    await fetch(`${base}/api/shares/${c.id}`, { method: 'DELETE', headers: { cookie: api.cookie, 'x-csrf-token': api.csrfToken } });
    const again = await browser.newPage();
    await again.goto(c.link);
    await again.waitForSelector('#unlock:not([hidden])');
    await again.fill('#recipient', 'Dr. Patel');
    await again.fill('#passcode', 'secret-42');
    await again.click('#open');
    await again.locator('#status', { hasText: /no longer active/ }).waitFor();
    await again.close();
  });

  test('the health history form page: correct an answer in the browser, saved as stated by you', async () => {
    const page = await browser.newPage();
    const [name, value] = api.cookie.split('=');
    await page.context().addCookies([{ name, value, url: base }]);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${base}/api/people/${fx.personId}/form.html`);
    const alcohol = page.locator('section#social tr[data-key="alcohol"] td.cell').nth(1);
    await alcohol.click();
    await page.keyboard.type('Rarely, one glass a month');
    await page.click('#save');
    await page.waitForLoadState('load');
    await page.locator('section#social tr[data-key="alcohol"] td.src', { hasText: 'stated by you' }).waitFor();
    assert.equal((await alcohol.textContent())!.trim(), 'Rarely, one glass a month');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('an expired link says so without asking the server', async () => {
    const c = await create({ what: ['ips'], expires: '1h' });
    await fx.vessel.store.db.updateTable('shares').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', c.id).execute();
    // The payload's exp is still in the future: the server refuses.
    const page = await browser.newPage();
    await page.goto(c.link);
    await page.waitForSelector('#unlock:not([hidden])');
    await page.fill('#recipient', 'Clinic');
    await page.click('#open');
    await page.locator('#status', { hasText: /no longer active/ }).waitFor();
    // A link whose payload exp has passed is refused in the browser.
    const p = JSON.parse(Buffer.from(c.link.split('#shlink:/')[1], 'base64url').toString());
    p.exp = Math.floor(Date.now() / 1000) - 10;
    await page.goto('about:blank');
    await page.goto(`${base}/shl/view#shlink:/${Buffer.from(JSON.stringify(p)).toString('base64url')}`);
    await page.locator('#status', { hasText: /expired/ }).waitFor();
    await page.close();
  });
});

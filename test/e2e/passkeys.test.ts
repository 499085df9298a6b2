// Passkeys in a real browser: Chromium (playwright-core) with a virtual authenticator over
// CDP (ctap2, internal transport, resident keys, user verification), against a real server
// on loopback. Register a passkey on the account page, sign out, sign in with it (without and
// with a username), remove it, and see that it then no longer signs in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { buildWebApp, chromiumSkip, launchChromium, seriousViolations, serveForBrowser, shot } from '../helpers/browser.js';
import { openTestVessel } from '../helpers/vessels.js';
import { TEST_PASSWORD } from '../helpers/api.js';
import { createAccount } from '../../src/auth/accounts.js';


test('passkeys in a browser: register, sign in, remove', { skip: chromiumSkip }, async (t) => {
  buildWebApp();
  const tv = await openTestVessel('sqlite');
  await createAccount(tv.vessel.store, 'mara', TEST_PASSWORD);
  // A host name, not an IP: WebAuthn binds passkeys to a domain (the RP ID); loopback is a secure context.
  const { app, base } = await serveForBrowser(tv.vessel, 'localhost');
  let browser: Browser | undefined;
  t.after(async () => {
    await browser?.close();
    await app.close();
    await tv.cleanup();
  });
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  const credentials = async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
  const signOut = async (p: Page) => {
    await p.getByRole('button', { name: 'Sign out' }).click();
    await p.getByRole('heading', { name: 'Sign in to Vessel' }).waitFor();
  };
  const passkeySignIns = async () => (await tv.vessel.store.audit.list(undefined, 500)).filter((e) => e.action === 'login' && (e.detail as { method?: string }).method === 'passkey').length;

  await t.test('opened at 127.0.0.1 (where browsers refuse passkeys), the sign-in page points to localhost', async () => {
    await page.goto(`${base.replace('localhost', '127.0.0.1')}/`);
    await page.getByRole('heading', { name: 'Sign in to Vessel' }).waitFor();
    const link = page.getByRole('link', { name: `${base}/` });
    await link.waitFor();
    assert.equal(await page.getByRole('button', { name: 'Sign in with a passkey' }).count(), 0);
  });

  await t.test('signed in with the password, the account page registers a passkey on this device', async () => {
    await page.goto(`${base}/`);
    await page.getByLabel('Username').fill('mara');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('link', { name: 'mara' }).click();
    await page.getByRole('heading', { name: 'Your account: mara' }).waitFor();
    await page.getByText('You have no passkeys yet.').waitFor();
    await page.getByLabel('Name (optional)').fill('This laptop');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByText('Passkey added. You can now sign in with it.').waitFor();
    await page.getByRole('listitem').filter({ hasText: 'This laptop' }).waitFor();
    const stored = await credentials();
    assert.equal(stored.length, 1);
    assert.equal(stored[0].isResidentCredential, true, 'a discoverable credential');
    assert.equal((await tv.vessel.store.audit.list(undefined, 100)).filter((e) => e.action === 'passkey.add').length, 1);
    assert.deepEqual(await seriousViolations(page), []);
    await shot(page, 'account-passkeys');
  });

  await t.test('signed out, "Sign in with a passkey" without a username signs in', async () => {
    await signOut(page);
    assert.deepEqual(await seriousViolations(page), []);
    await shot(page, 'signin-passkey');
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.getByRole('link', { name: 'mara' }).waitFor();
    assert.equal(await passkeySignIns(), 1);
  });

  await t.test('with the username filled in, it signs in too', async () => {
    await signOut(page);
    await page.getByLabel('Username').fill('mara');
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.getByRole('link', { name: 'mara' }).waitFor();
    assert.equal(await passkeySignIns(), 2);
    const [row] = (await tv.vessel.store.db.selectFrom('passkeys').select(['counter', 'last_used_at']).execute());
    assert.ok(Number(row.counter) >= 2, `the signature counter moved (${row.counter})`);
    assert.ok(row.last_used_at);
  });

  await t.test('removed on the account page, the passkey signs no one in', async () => {
    await page.getByRole('link', { name: 'mara' }).click();
    await page.getByRole('cell', { name: 'Signed in with the passkey "This laptop"' }).first().waitFor();
    await page.getByRole('cell', { name: 'Added the passkey "This laptop"' }).waitFor();
    await page.getByRole('button', { name: 'Remove This laptop' }).click();
    await page.getByText('Passkey "This laptop" removed; it no longer signs you in.').waitFor();
    await page.getByText('You have no passkeys yet.').waitFor();
    await signOut(page);
    // The device still holds it; the server no longer knows it.
    assert.equal((await credentials()).length, 1);
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.getByRole('alert').getByText('passkey sign-in failed').waitFor();
    await page.getByRole('heading', { name: 'Sign in to Vessel' }).waitFor();
    assert.equal(await passkeySignIns(), 2, 'no new passkey sign-in');
    await page.getByLabel('Username').fill('mara');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('link', { name: 'mara' }).click();
    await page.getByRole('cell', { name: 'Removed the passkey "This laptop"' }).waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    await shot(page, 'account-activity');
    assert.equal((await fetch(`${base}/api/session`)).headers.get('set-cookie'), null);
  });

  assert.deepEqual(errors, []);
});

/**
 * What the browser tests share: Debian's chromium driven by playwright-core with the flags
 * this sandbox needs, screenshots to test-results/screenshots, and an axe check that runs
 * inside the page (evaluated, not injected as a script tag, so the CSP stays on).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { Vessel } from '../../src/app/vessel.js';
import { buildServer } from '../../src/server/app.js';

export const CHROMIUM = '/usr/bin/chromium';
/** `skip` for a browser test: false, or why it cannot run here. */
export const chromiumSkip: string | false = fs.existsSync(CHROMIUM) ? false : `no browser at ${CHROMIUM} (apt-get install chromium)`;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.join(root, 'test-results', 'screenshots');
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// Without the background-networking flags chromium keeps dialling out, refused by this closed network.
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Builds web/dist when it is older than web/src (scripts/build-web.mjs), as `npm start` would; fails the test if it cannot. */
export function buildWebApp(): void {
  const built = spawnSync(process.execPath, [path.join(root, 'scripts/build-web.mjs')], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`the web app did not build (exit ${built.status})`);
}

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

/** Serious and critical axe violations of the page, as "rule: targets". */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, o: object): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    return axe.run((globalThis as unknown as { document: unknown }).document, { resultTypes: ['violations'] });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The page fits a 375 px screen without sideways scrolling, and stays accessible there. */
export async function fitsPhone(page: Page, name: string): Promise<void> {
  const before = page.viewportSize()!;
  await page.setViewportSize({ width: 375, height: 800 });
  await page.waitForTimeout(50);
  const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
  await shot(page, `${name}-phone`);
  const violations = await seriousViolations(page);
  await page.setViewportSize(before);
  if (width > 375) throw new Error(`${name} is ${width}px wide at a 375px screen`);
  if (violations.length) throw new Error(`${name} at phone width: ${violations.join('; ')}`);
}

/**
 * Serves a vessel on a free loopback port for a browser test. `host` names the address the
 * browser uses: 'localhost' where WebAuthn needs a host name rather than an IP.
 */
export async function serveForBrowser(vessel: Vessel, host: '127.0.0.1' | 'localhost' = '127.0.0.1'): Promise<{ app: FastifyInstance; base: string }> {
  const app = await buildServer(vessel);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  return { app, base: `http://${host}:${typeof address === 'object' && address ? address.port : 0}` };
}

/** Hands an API session's cookie ("name=value", from signIn) to a browser context. */
export async function giveSession(context: BrowserContext, cookie: string, base: string): Promise<void> {
  const eq = cookie.indexOf('=');
  await context.addCookies([{ name: cookie.slice(0, eq), value: cookie.slice(eq + 1), url: base }]);
}

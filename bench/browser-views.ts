/**
 * The issue's user-side goal in a real browser: a person with ~100,000 resources over 20
 * years (the views bench person) opens the home page in under 1 s and any list in under
 * 300 ms. The app is served as `vessel serve` does (built web/dist, the real server) and
 * Debian's chromium (playwright-core) times, per page, from navigation to the page's content
 * being on screen:
 * - load: a fresh navigation to the page's address (the app's HTML, script and data), in a
 *   browser that has opened Vessel before (the app's hashed files are in its cache);
 * - cold: the same in a new browser context (empty cache: the first visit);
 * - in app: the reader is on the home page and follows the menu (only the page's data).
 * Times are taken inside the page (performance.now() when the content is first in the page,
 * checked every frame): this process also runs the server, and while it answers the page's
 * later requests it would see the content late. Each is run `runs` times after one untimed
 * visit; CPU is this process's (server and driver) per visit of the page (its loads, the home
 * page, the menu step).
 */
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { Vessel } from '../src/app/vessel.js';
import { chromiumSkip, giveSession, launchChromium, serveForBrowser } from '../test/helpers/browser.js';
import { signIn } from '../test/helpers/api.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Each page's address (after #/p/<person>) and what shows its content once the data is drawn. */
const LISTS: Array<[string, string]> = [
  ['medications', 'Medications'],
  ['problems', 'Problems'],
  ['allergies', 'Allergies'],
  ['immunizations', 'Immunizations'],
  ['procedures', 'Procedures'],
  ['visits', 'Visits'],
  ['vitals', 'Vital signs'],
  ['labs-reports', 'Lab reports'],
  ['family-history', 'Family history'],
  ['social-history', 'Social history'],
];
const PAGES: Array<{ name: string; path: string; shown: string }> = [
  { name: 'home', path: '', shown: '#attention-h' },
  { name: 'labs', path: '/labs', shown: '[role="region"][aria-label="Lab results"] tbody tr' },
  { name: 'vitals', path: '/vitals', shown: '[role="region"][aria-label="Vital signs"] tbody tr' },
  { name: 'timeline', path: '/timeline', shown: 'ol.timeline-items > li' },
  { name: 'timeline (facility on most documents)', path: '/timeline?facility=Mercy%20Hospital', shown: 'ol.timeline-items > li' },
  { name: 'conflicts', path: '/conflicts', shown: 'section.conflict, p.muted:text-is("No disagreements between your records.")' },
  ...LISTS.map(([kind, title]) => ({ name: `list ${kind}`, path: `/list/${kind}`, shown: `ul[aria-label="${title}"] > li[aria-posinset], main p.muted:text-is("Nothing recorded.")` })),
];

export interface BrowserTiming {
  page: string;
  /** Set when the page's content did not show (the timings are then missing). */
  error?: string;
  loadP50: number;
  loadMax: number;
  /** A first visit (nothing cached), p50. */
  coldP50: number;
  /** Undefined for the home page (the menu starts there). */
  inAppP50?: number;
  inAppMax?: number;
  cpuMs: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

/**
 * In the page: performance.now() at the first frame where `shown` is in the page and drawn
 * (polled every frame from right after the navigation or the menu step).
 */
async function shownAt(page: Page, shown: string): Promise<number> {
  const at = await page.waitForFunction(
    (sel) => {
      const g = globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ getClientRects(): { length: number }; textContent: string | null }> }; performance: { now(): number } };
      // `selector:text-is("…")` is Playwright's; here: the element with exactly that text.
      for (const one of sel) {
        const [css, text] = one;
        for (const el of Array.from(g.document.querySelectorAll(css))) if (el.getClientRects().length && (text === undefined || el.textContent?.trim() === text)) return g.performance.now();
      }
      return 0;
    },
    shown.split(', ').map((one) => {
      const m = /^(.*):text-is\("(.*)"\)$/.exec(one);
      return m ? [m[1], m[2]] : [one];
    }),
    { polling: 'raf', timeout: 30_000 },
  );
  return Number(await at.jsonValue());
}

/** A fresh navigation: navigation start (the page's time origin) to the content. */
async function timedLoad(page: Page, url: string, shown: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  return shownAt(page, shown);
}

export async function benchBrowserViews(vessel: Vessel, personId: string, runs = 5): Promise<BrowserTiming[] | string> {
  if (chromiumSkip) return chromiumSkip;
  const built = spawnSync(process.execPath, [path.join(root, 'scripts/build-web.mjs')], { stdio: 'inherit' });
  if (built.status !== 0) return 'the web app did not build';
  const { app, base } = await serveForBrowser(vessel);
  const browser = await launchChromium();
  try {
    const session = await signIn(app, vessel);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await giveSession(context, session.cookie, base);
    const page = await context.newPage();
    const home = `${base}/#/p/${personId}`;
    const out: BrowserTiming[] = [];
    for (const p of PAGES) {
      const url = `${home}${p.path}`;
      const load: number[] = [];
      const cold: number[] = [];
      const inApp: number[] = [];
      const cpu0 = process.cpuUsage();
      try {
        for (let i = 0; i <= runs; i++) {
          // A full load of the page's address (about:blank first, so it is a real navigation).
          await page.goto('about:blank');
          const l = await timedLoad(page, url, p.shown);
          // The first visit: a browser with nothing cached.
          const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 } });
          await giveSession(fresh, session.cookie, base);
          const c = await timedLoad(await fresh.newPage(), url, p.shown);
          await fresh.close();
          // From the home page, the way the menu goes there (a hash change: only the page's data).
          await page.goto(home);
          await page.locator(PAGES[0].shown).waitFor({ state: 'visible', timeout: 30_000 });
          const hash = `#/p/${personId}${p.path}`;
          let a: number | undefined;
          if (p.path) {
            const t0 = await page.evaluate((h) => {
              const g = globalThis as unknown as { location: { hash: string }; performance: { now(): number } };
              g.location.hash = h;
              return g.performance.now();
            }, hash);
            a = (await shownAt(page, p.shown)) - t0;
          }
          if (i > 0) {
            load.push(l);
            cold.push(c);
            if (a !== undefined) inApp.push(a);
          }
        }
      } catch (err) {
        out.push({ page: p.name, error: (err as Error).message.split('\n')[0], loadP50: NaN, loadMax: NaN, coldP50: NaN, cpuMs: NaN });
        continue;
      }
      const cpu = process.cpuUsage(cpu0);
      const r = (x: number) => Math.round(x);
      out.push({ page: p.name, loadP50: r(median(load)), loadMax: r(Math.max(...load)), coldP50: r(median(cold)), ...(inApp.length ? { inAppP50: r(median(inApp)), inAppMax: r(Math.max(...inApp)) } : {}), cpuMs: r((cpu.user + cpu.system) / 1000 / (runs + 1)) });
    }
    return out;
  } finally {
    await browser.close();
    await app.close();
  }
}

/** Used by bench/run.ts: the timings as its figures (ms), with the load average. */
export function browserFigures(t: BrowserTiming[]): Record<string, string | number> {
  const figures: Record<string, string | number> = { 'load avg': os.loadavg()[0].toFixed(1) };
  for (const x of t) figures[`${x.page} load / in-app p50 (max) ms`] = x.error ? `not shown: ${x.error}` : `${x.loadP50} (${x.loadMax}) / ${x.inAppP50 === undefined ? '-' : `${x.inAppP50} (${x.inAppMax})`}, first visit ${x.coldP50}, cpu ${x.cpuMs}`;
  return figures;
}

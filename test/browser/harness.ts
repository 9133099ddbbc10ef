import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { setPasswordCostForTests } from '../../src/platform/auth/password.ts';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { loadDemoData } from '../../src/demo/demo-data.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { WEB_DIST } from '../../src/server/web.ts';
import { smtpTransport, startOutboxWorker } from '../../src/modules/notifications/delivery.ts';
import { TEST_PASSWORD_COST } from '../helpers.ts';
import { pgliteTemplate } from '../pglite-template.ts';

/**
 * Browser tests: the real server (built portal, demo data, in-memory PGlite)
 * on a free port, driven by Debian's Chromium through playwright-core.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const require = createRequire(import.meta.url);
// The demo users' passwords are hashed at the tests' low cost, as in the API tests (helpers.ts).
setPasswordCostForTests(TEST_PASSWORD_COST);

export interface Portal {
  url: string;
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

export async function startPortal(options: { smtpUrl?: string } = {}): Promise<Portal> {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error(`The portal is not built (${WEB_DIST}): run "npm run build:web" first (npm test does).`);
  }
  // From the migrated template (pglite-template.ts); migrate() then only checks it.
  const database = await openDatabase({ engine: 'pglite', dataDir: null, template: await pgliteTemplate() });
  await migrate(database.db);
  await loadDemoData(database.db);
  // With an SMTP server, the outbox worker delivers as the real server does (poked after each change).
  const worker = options.smtpUrl ? startOutboxWorker(database.db, smtpTransport(options.smtpUrl, 'rewards@test.example'), { intervalMs: 500 }) : null;
  const app = await buildApp({
    config: loadConfig({ REWARDS_WEB: 'built', LOG_LEVEL: 'warn' }),
    database,
    logger: false,
    ...(worker ? { onEmailQueued: () => void worker.poke() } : {}),
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: address,
    app,
    database,
    async close() {
      await app.close();
      await worker?.stop();
      await database.close();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The widths the portal is tested at: a desktop window, and a phone (an iPhone 14's CSS pixels). */
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
/** A tablet held upright (an iPad Air's CSS pixels): the console's narrowest width. */
export const TABLET = { width: 820, height: 1180 };

/**
 * A browser context in that language, at that size (a phone's is a touch screen). Every page records the Content-Security-Policy violations it
 * meets (axeViolations below reports them too), so a browser test fails when the portal's own policy
 * blocks something the portal needs.
 */
export async function newContext(browser: Browser, locale: 'en-US' | 'nl-NL', viewport = DESKTOP): Promise<BrowserContext> {
  const context = await browser.newContext({ locale, viewport, ...(viewport.width < 600 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
  await context.addInitScript(() => {
    const page = globalThis as unknown as { __cspViolations: string[]; addEventListener: (type: string, listener: (event: { violatedDirective: string; blockedURI: string }) => void) => void };
    page.__cspViolations = [];
    page.addEventListener('securitypolicyviolation', (event) => page.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return context;
}

/** The CSP violations the page has met so far. */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

export const DEMO_PASSWORD = 'Rewards-Demo-2026';

/** Signs in with the keyboard only: type, Tab, type, Enter. */
export async function signIn(page: Page, portal: Portal, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${portal.url}/sign-in`);
  await page.locator('input[name="username"]').focus();
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  // Signed in (the portal's header) or refused (an alert): either way the request has finished.
  await page.locator('header, [role="alert"]').first().waitFor();
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe-core violations on the page as it is now, and any CSP violation. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Checked once the page is still: a dialog fading in has, for a moment, text of too little contrast.
  await page.evaluate(() =>
    Promise.all((globalThis as unknown as { document: { getAnimations(): { finished: Promise<unknown> }[] } }).document.getAnimations().map((animation) => animation.finished.catch(() => undefined))),
  );
  // Evaluated through the DevTools protocol, which the page's CSP does not govern (a <script> tag it would block).
  await page.evaluate(AXE_SOURCE);
  const csp = await cspViolations(page);
  if (csp.length > 0) return [{ id: 'content-security-policy', impact: 'critical', help: csp.join('; '), nodes: [] }];
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (context: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    // Fluent UI's focus manager (tabster) inserts aria-hidden focus sentinels that hand focus on
    // at once; axe cannot know that and flags them, so they are left out of the check.
    const result = await axe.run({ exclude: [['[data-tabster-dummy]']] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export const SCREENSHOT_DIR = process.env.REWARDS_SCREENSHOTS ? path.resolve(process.env.REWARDS_SCREENSHOTS) : null;

/** Saves a screenshot when REWARDS_SCREENSHOTS names a folder (for docs/), else does nothing. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOT_DIR) return;
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/**
 * A demo portal and a browser for the enclosing describe: started before its tests, closed after them.
 * `options` is read when the portal starts, so it may name what an earlier `before` made (an SMTP server).
 */
export function withPortal(options: () => Parameters<typeof startPortal>[0] = () => ({})): { readonly portal: Portal; readonly browser: Browser } {
  let portal: Portal | undefined;
  let browser: Browser | undefined;
  before(async () => {
    [portal, browser] = await Promise.all([startPortal(options()), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await portal?.close();
  });
  return {
    get portal() {
      return portal!;
    },
    get browser() {
      return browser!;
    },
  };
}

/** The API as a demo user, outside the browser (to set the scene): a session with its CSRF token. */
export async function apiAs(portal: Portal, username: string) {
  const signedIn = await portal.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username, password: DEMO_PASSWORD } });
  assert.equal(signedIn.statusCode, 200, signedIn.body);
  const cookie = (signedIn.cookies as { name: string; value: string }[]).map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = signedIn.json<{ csrfToken: string }>().csrfToken;
  return async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: Record<string, unknown>) => {
    const response = await portal.app.inject({ method, url, ...(payload ? { payload } : {}), headers: { cookie, 'x-csrf-token': csrf } });
    assert.ok(response.statusCode < 300, `${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json<Record<string, unknown>>();
  };
}

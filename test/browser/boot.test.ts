import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, newContext, signIn, withPortal } from './harness.ts';

// How the portal boots on the Rewards page (web/src/app/pages.ts, api/client.ts startEarlyReads): the
// page's reads start beside the session read, before the page's code has arrived, and the query cache
// takes them over. Nothing is read twice; nothing read for a session that was gone reaches the next.

const PAGE_READS = ['/api/v1/rewards', '/api/v1/rewards/marketing-contact', '/api/v1/rewards/benefits?limit=200', '/api/v1/rewards/activations?limit=200'];

/** Every API request and response of the page from now on, in the order the browser saw them. */
function recordApi(page: Page, origin: string) {
  const events: { kind: 'request' | 'response'; path: string; language: string | undefined; status?: number }[] = [];
  const pathOf = (url: string) => url.slice(origin.length);
  page.on('request', (request) => {
    if (pathOf(request.url()).startsWith('/api/')) events.push({ kind: 'request', path: pathOf(request.url()), language: request.headers()['accept-language'] });
  });
  page.on('response', (response) => {
    if (pathOf(response.url()).startsWith('/api/')) events.push({ kind: 'response', path: pathOf(response.url()), language: undefined, status: response.status() });
  });
  return events;
}

describe('the Rewards page as the portal boots on it', () => {
  const env = withPortal();

  it("reads the session and each of the page's reads once, side by side, in the user's own language", async () => {
    // Joni's portal speaks Dutch (saved on her user) in a browser that asks for English.
    const context = await newContext(env.browser, 'en-US');
    const page = await context.newPage();
    await signIn(page, env.portal, 'joni@fabrikam.example');
    const events = recordApi(page, env.portal.url);
    page.on("console", (m) => console.log("PAGE", m.text())); await page.goto(`${env.portal.url}/rewards`);
    await page.getByTestId('rewards-summary').waitFor();
    await page.waitForLoadState('networkidle');
    const requests = events.filter((e) => e.kind === 'request');
    for (const path of [...PAGE_READS, '/api/v1/me']) {
      const made = requests.filter((e) => e.path === path);
      assert.equal(made.length, 1, `${path} was requested ${made.length} times: ${JSON.stringify(requests)}`);
      // (The session read is asked in the browser's language: its answer names the user's.)
      if (path !== '/api/v1/me') assert.equal(made[0]!.language, 'nl-NL', `${path} in the user's language`);
    }
    // The page's reads were on their way before the session read was answered.
    const meAnswered = events.findIndex((e) => e.kind === 'response' && e.path === '/api/v1/me');
    for (const path of PAGE_READS) {
      assert.ok(events.findIndex((e) => e.kind === 'request' && e.path === path) < meAnswered, `${path} started beside the session read: ${JSON.stringify(events)}`);
    }
    assert.equal(await page.getByTestId('section-error').count(), 0);
    await context.close();
  });

  it("never hands one partner's early reads to another who signs in on the same page", async () => {
    const context = await newContext(env.browser, 'en-US');
    const page = await context.newPage();
    await signIn(page, env.portal, 'megan@contoso.example');
    // The Rewards page's code is held back: the reads started at boot for Megan (Contoso) are answered
    // but nothing takes them yet.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/RewardsPage-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    const events = recordApi(page, env.portal.url);
    await page.goto(`${env.portal.url}/rewards`);
    const answered = (status: number) => PAGE_READS.every((path) => events.some((e) => e.kind === 'response' && e.path === path && e.status === status));
    for (let waited = 0; !answered(200) && waited < 10_000; waited += 50) await page.waitForTimeout(50);
    assert.ok(answered(200), JSON.stringify(events));
    // Megan signs out from the user menu; Nestor (Fabrikam) signs in on the same page, and opens Rewards.
    await page.getByRole('button', { name: /Megan Bowen/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await page.locator('input[name="username"]').fill('nestor@fabrikam.example');
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.locator('header').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Marketplace Rewards', exact: true }).click();
    release();
    const summary = page.getByTestId('rewards-summary');
    await summary.waitFor();
    assert.match(await summary.innerText(), /Fabrikam Software/);
    assert.doesNotMatch(await summary.innerText(), /Contoso/, "Megan's answers reached Nestor's page");
    await context.close();
  });
});

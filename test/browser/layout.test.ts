import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { t } from '../../src/platform/i18n/i18n.ts';
import { apiAs, axeViolations, DESKTOP, newContext, PHONE, screenshot, signIn, withPortal, type Portal } from './harness.ts';

/**
 * The portal as a partner admin meets it on a desktop window and on a phone, in both languages:
 * no page scrolls sideways, each page has its own title, the navigation is a drawer on a phone,
 * focus comes back where it was, an activation is announced, a deep link survives sign-in, and
 * axe finds nothing serious on any page or dialog.
 */
type Locale = 'en-US' | 'nl-NL';
const LOCALES: Locale[] = ['en-US', 'nl-NL'];
const SIZES = [
  { name: 'desktop', viewport: DESKTOP },
  { name: 'phone', viewport: PHONE },
];

// The test's tsconfig has no DOM types: what the page is asked about, typed as far as it is used.
interface Doc {
  document: {
    title: string;
    documentElement: { scrollWidth: number; clientWidth: number };
    activeElement: { textContent: string | null; getAttribute(name: string): string | null } | null;
  };
}

async function expectNoAxeViolations(page: Page, where: string) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe violations on ${where}: ${JSON.stringify(violations, null, 2)}`);
}

/** The page is as wide as the window: nothing makes it scroll sideways. */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const { documentElement } = (globalThis as unknown as Doc).document;
    return { scrollWidth: documentElement.scrollWidth, clientWidth: documentElement.clientWidth };
  });
  assert.ok(scrollWidth <= clientWidth, `${where} scrolls sideways: ${scrollWidth} px of content in ${clientWidth} px`);
}

/** No table cell's content is wider than its cell (a squeezed column spills over the next one). */
async function expectNoSpillingCells(page: Page, where: string) {
  const spilling = await page.evaluate(() => {
    const cells = (globalThis as unknown as { document: { querySelectorAll(selector: string): ArrayLike<{ scrollWidth: number; clientWidth: number; textContent: string | null }> } }).document.querySelectorAll('th, td');
    return Array.from(cells)
      .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
      .map((cell) => `"${(cell.textContent ?? '').slice(0, 40)}" ${cell.scrollWidth} px in ${cell.clientWidth}`);
  });
  assert.deepEqual(spilling, [], `${where}: table cells whose content spills out`);
}

const title = (page: Page) => page.evaluate(() => (globalThis as unknown as Doc).document.title);

/** Waits until the focused element's accessible name (aria-label, else its text) contains this. */
async function focusIsOn(page: Page, name: string) {
  await page.waitForFunction(
    (expected) => {
      const active = (globalThis as unknown as Doc).document.activeElement;
      return Boolean(active && ((active.getAttribute('aria-label') ?? '') + (active.textContent ?? '')).includes(expected));
    },
    name,
    { timeout: 5000 },
  );
}

/** Waits until a dialog is gone and the page behind it no longer hidden from assistive technology. */
async function closed(page: Page, dialog: ReturnType<Page['getByRole']>) {
  await dialog.waitFor({ state: 'detached' });
  await page.locator('#root:not([aria-hidden="true"])').waitFor();
}

/** Megan assigns Contoso's marketing contact through the API (an activation needs one), unless one is assigned. */
async function assignContact(portal: Portal) {
  const megan = await apiAs(portal, 'megan@contoso.example');
  if ((await megan('GET', '/api/v1/rewards/marketing-contact')).contact) return;
  const candidates = (await megan('GET', '/api/v1/rewards/marketing-contact/candidates')) as { items: { id: string }[] };
  const userId = candidates.items[0]!.id;
  await megan('PUT', '/api/v1/rewards/marketing-contact', { userId, email: 'marketing@mail.contoso.example', phone: '+31 20 794 2000', phoneCountry: 'NL', preferredLanguage: 'en-US' });
}

for (const locale of LOCALES) {
  const m = (id: Parameters<typeof t>[1], values?: Record<string, string | number>) => t(locale, id, values);
  for (const size of SIZES) {
    describe(`the portal at ${size.name} width (${size.viewport.width} px), ${locale}`, () => {
      const suite = withPortal();
      const phone = size.viewport.width < 600;

      it('every page fits the width, has its own title and passes axe', async () => {
        const context = await newContext(suite.browser, locale, size.viewport);
        const page = await context.newPage();
        await page.goto(`${suite.portal.url}/sign-in`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        assert.match(await page.locator('main').innerText(), new RegExp(m('signIn.product')));
        await expectNoSidewaysScroll(page, 'sign-in');
        await expectNoAxeViolations(page, 'sign-in');
        await screenshot(page, `sign-in.${size.name}.${locale.slice(0, 2)}`);
        const titles = new Map<string, string>([[await title(page), 'sign-in']]);

        await signIn(page, suite.portal, 'megan@contoso.example');
        const pages: [string, string, () => Promise<unknown>][] = [
          ['/', 'home', () => page.getByRole('heading', { level: 1 }).waitFor()],
          ['/rewards', 'rewards', () => page.getByTestId('benefits-sales-marketing').waitFor()],
          ['/rewards/technical', 'technical', () => page.getByTestId('technical-requests').waitFor()],
          ['/rewards/sponsorships', 'sponsorships', () => page.getByTestId('sponsorship-table').waitFor()],
          ['/settings/users', 'users', () => page.getByRole('table').first().waitFor()],
          ['/settings/tenants', 'tenants', () => page.getByRole('table').first().waitFor()],
        ];
        for (const [path, name, ready] of pages) {
          await page.goto(`${suite.portal.url}${path}`);
          await ready();
          await expectNoSidewaysScroll(page, path);
          await expectNoSpillingCells(page, path);
          await expectNoAxeViolations(page, path);
          await screenshot(page, `${name}.${size.name}.${locale.slice(0, 2)}`);
          const pageTitle = await title(page);
          assert.ok(!titles.has(pageTitle), `${path} has the same title as ${titles.get(pageTitle)}: ${pageTitle}`);
          titles.set(pageTitle, path);
        }

        // A request's own page, reached from the technical tab's list.
        await page.goto(`${suite.portal.url}/rewards/technical`);
        await page.getByTestId('technical-requests').getByRole('link').first().click();
        await page.getByTestId('request-history').waitFor();
        await expectNoSidewaysScroll(page, 'a technical request');
        await expectNoSpillingCells(page, 'a technical request');
        await expectNoAxeViolations(page, 'a technical request');
        assert.ok(!titles.has(await title(page)), 'the request page has a title of its own');
        await context.close();
      });

      it('on a phone the navigation is a drawer behind the menu button; on a desktop a column beside the page', async () => {
        const context = await newContext(suite.browser, locale, size.viewport);
        const page = await context.newPage();
        await signIn(page, suite.portal, 'megan@contoso.example');
        const menu = page.getByRole('button', { name: m('shell.openNavigation') });
        if (!phone) {
          assert.equal(await menu.isVisible(), false);
          await page.getByRole('navigation').getByRole('link', { name: m('shell.nav.rewards') }).waitFor();
          await context.close();
          return;
        }
        assert.equal(await page.getByRole('navigation').count(), 0, 'no navigation column on a phone');
        await menu.click();
        const drawer = page.getByRole('dialog', { name: m('shell.navigation') });
        await drawer.waitFor();
        await expectNoAxeViolations(page, 'the navigation drawer');
        await screenshot(page, `navigation.${size.name}.${locale.slice(0, 2)}`);
        // Escape closes it and hands focus back to the menu button.
        await page.keyboard.press('Escape');
        await closed(page, drawer);
        await focusIsOn(page, m('shell.openNavigation'));
        // A link in it goes there and closes it.
        await menu.click();
        await drawer.getByRole('link', { name: m('shell.nav.rewards') }).click();
        await page.waitForURL(/\/rewards$/);
        await closed(page, drawer);
        await page.getByTestId('benefits-sales-marketing').waitFor();
        await context.close();
      });

      it('the marketing-contact dialog resets the previous person, formats the number, and gives focus back', async () => {
        const context = await newContext(suite.browser, locale, size.viewport);
        const page = await context.newPage();
        await signIn(page, suite.portal, 'megan@contoso.example');
        const candidates = (await (await page.request.get(`${suite.portal.url}/api/v1/rewards/marketing-contact/candidates`)).json()) as {
          items: { displayName: string; username: string; email: string; locale: Locale | null }[];
        };
        const [first, other, third] = candidates.items;
        assert.ok(first && other && third);
        assert.equal(third.locale, null, 'the third follows their browser');
        // The other user chose the portal's other language for themselves: the dialog proposes it for them.
        const theirs: Locale = locale === 'nl-NL' ? 'en-US' : 'nl-NL';
        await (await apiAs(suite.portal, other.username))('PATCH', '/api/v1/me', { locale: theirs });
        await page.goto(`${suite.portal.url}/rewards`);
        const opener = page.getByRole('button', { name: m('contact.changeLabel') });
        await opener.click();
        const dialog = page.getByRole('dialog', { name: m('contact.dialogTitle') });
        await dialog.waitFor();
        const user = dialog.locator('select[name="userId"]');
        const email = dialog.locator('input[name="contact-email"]');
        const phoneInput = dialog.locator('input[name="phone"]');
        const country = dialog.locator('select[name="country"]');
        const language = dialog.locator('select[name="preferredLanguage"]');
        // No contact yet: the first user is proposed, with their email and the browser's country.
        await page.waitForFunction((input) => Boolean(input && (input as unknown as { value: string }).value), await email.elementHandle());
        assert.equal(await email.inputValue(), first.email);
        assert.equal(await country.inputValue(), locale === 'nl-NL' ? 'NL' : 'US');
        assert.equal(await language.inputValue(), first.locale ?? locale);
        await expectNoAxeViolations(page, 'the marketing-contact dialog');
        const box = await dialog.boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= size.viewport.width + 1, `the dialog fits the window: ${JSON.stringify(box)}`);
        if (phone) assert.ok(box && box.width >= size.viewport.width - 1, 'on a phone the dialog takes the whole width');
        await screenshot(page, `contact-dialog.${size.name}.${locale.slice(0, 2)}`);

        // A Dutch mobile number with the Netherlands chosen: shown formatted as the field is left.
        await country.selectOption('NL');
        await phoneInput.fill('0612345678');
        await email.focus();
        assert.equal(await phoneInput.inputValue(), '06 12345678');
        // Typed with its country code, the picker follows the number.
        await phoneInput.fill('+1 425 555 0100');
        await email.focus();
        assert.equal(await country.inputValue(), 'US');
        assert.equal(await phoneInput.inputValue(), '(425) 555-0100');
        await phoneInput.fill('06 12345678');
        await country.selectOption('NL');

        // Assigned: E.164 on the server, shown formatted on the page, focus back on the button.
        await dialog.getByRole('button', { name: m('contact.assign') }).click();
        await closed(page, dialog);
        await focusIsOn(page, m('contact.changeLabel'));
        await page.getByTestId('marketing-contact').getByText('+31 6 12345678', { exact: false }).waitFor();
        const saved = (await (await page.request.get(`${suite.portal.url}/api/v1/rewards/marketing-contact`)).json()) as { contact: { phone: string } };
        assert.equal(saved.contact.phone, '+31612345678');

        // Another user: nothing of the previous contact stays, the country code least of all.
        await opener.click();
        await dialog.waitFor();
        assert.equal(await email.inputValue(), first.email);
        assert.equal(await country.inputValue(), 'NL');
        await country.selectOption('US');
        await user.selectOption({ label: `${other.displayName} (${other.username})` });
        assert.equal(await email.inputValue(), other.email);
        assert.equal(await phoneInput.inputValue(), '');
        assert.equal(await country.inputValue(), locale === 'nl-NL' ? 'NL' : 'US');
        // The language is the chosen user's own, and the portal's for one who chose none.
        assert.equal(await language.inputValue(), theirs);
        await user.selectOption({ label: `${third.displayName} (${third.username})` });
        assert.equal(await language.inputValue(), locale);
        // Back to the contact: their own values again.
        await user.selectOption({ label: `${first.displayName} (${first.username})` });
        assert.equal(await country.inputValue(), 'NL');
        assert.match(await phoneInput.inputValue(), /6 12345678/);

        // Escape: nothing saved, focus back on the button that opened it.
        await page.keyboard.press('Escape');
        await closed(page, dialog);
        await focusIsOn(page, m('contact.changeLabel'));
        assert.match(await page.getByTestId('marketing-contact').innerText(), new RegExp(first.email.replace(/[.]/g, '\\.')));
        await context.close();
      });

      it('activating is announced and focus moves to what it did; the reasons fold open on request', async () => {
        const context = await newContext(suite.browser, locale, size.viewport);
        const page = await context.newPage();
        await signIn(page, suite.portal, 'megan@contoso.example');
        await assignContact(suite.portal);
        await page.goto(`${suite.portal.url}/rewards`);
        const summary = page.getByTestId('rewards-summary');
        await summary.waitFor();
        // The benefits come right after a compact summary; the explanation is folded.
        const why = summary.getByRole('button', { name: m('rewards.why') });
        assert.equal(await why.getAttribute('aria-expanded'), 'false');
        assert.equal(await summary.getByRole('table').count(), 0);
        await why.click();
        await summary.getByRole('table', { name: m('rewards.countedOffers') }).waitFor();
        await expectNoSidewaysScroll(page, 'the explanation, open');

        const row = page.getByTestId('benefits-sales-marketing').locator('tr', { has: page.getByRole('button') }).first();
        const benefitName = (await row.locator('td').first().locator('span').first().innerText()).trim();
        await row.getByRole('button', { name: m('rewards.activateBenefit', { name: benefitName }) }).focus();
        await page.keyboard.press('Enter');
        const announcement = page.getByTestId('announcement');
        await page.waitForFunction((node) => (node?.textContent ?? '').length > 0, await announcement.elementHandle(), { timeout: 10000 });
        assert.match(await announcement.innerText(), new RegExp(benefitName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
        assert.equal(await announcement.getAttribute('aria-live'), 'polite');
        await page.waitForFunction(() => (globalThis as unknown as Doc).document.activeElement?.getAttribute('data-testid') === 'activation-due', undefined, { timeout: 5000 });
        await context.close();
      });

      it('a section that fails to load says so in its place, with a retry, and the rest of the page works', async () => {
        const context = await newContext(suite.browser, locale, size.viewport);
        const page = await context.newPage();
        await signIn(page, suite.portal, 'megan@contoso.example');
        let failing = true;
        await page.route(/\/api\/v1\/rewards(\?.*)?$/, (route) => (failing ? route.abort('connectionreset') : route.continue()));
        await page.goto(`${suite.portal.url}/rewards`);
        const sectionError = page.getByTestId('section-error');
        await sectionError.waitFor();
        assert.match(await sectionError.innerText(), new RegExp(m('web.error.network').slice(0, 20)));
        // The benefits are there all the same.
        await page.getByTestId('benefits-sales-marketing').waitFor();
        failing = false;
        await sectionError.getByRole('button', { name: m('web.retry') }).click();
        await page.getByTestId('rewards-summary').waitFor();
        assert.equal(await sectionError.count(), 0);
        await context.close();
      });
    });
  }

  describe(`deep links and what a user is offered (${locale})`, () => {
    const suite = withPortal();

    it('a link opened while signed out lands on its page after sign-in', async () => {
      const context = await newContext(suite.browser, locale);
      const page = await context.newPage();
      await page.goto(`${suite.portal.url}/rewards/sponsorships?from=email#ledger`);
      await page.waitForURL(/\/sign-in$/);
      await page.locator('input[name="username"]').fill('megan@contoso.example');
      await page.locator('input[name="password"]').fill('Rewards-Demo-2026');
      await page.getByRole('button', { name: m('signIn.submit') }).click();
      await page.waitForURL(/\/rewards\/sponsorships\?from=email#ledger$/);
      await page.getByTestId('sponsorship-table').waitFor();
      await context.close();
    });

    it('an address outside the portal is never where sign-in leads', async () => {
      const context = await newContext(suite.browser, locale);
      const page = await context.newPage();
      await page.goto(`${suite.portal.url}//evil.example/rewards`);
      await page.waitForURL(/\/sign-in$/);
      await page.locator('input[name="username"]').fill('megan@contoso.example');
      await page.locator('input[name="password"]').fill('Rewards-Demo-2026');
      await page.getByRole('button', { name: m('signIn.submit') }).click();
      await page.locator('nav').waitFor();
      assert.equal(new URL(page.url()).origin, new URL(suite.portal.url).origin);
      await context.close();
    });

    it('an empty sign-in says both fields are required, at once', async () => {
      const context = await newContext(suite.browser, locale);
      const page = await context.newPage();
      await page.goto(`${suite.portal.url}/sign-in`);
      await page.getByRole('button', { name: m('signIn.submit') }).click();
      await page.getByRole('alert').first().waitFor();
      const text = await page.locator('form').innerText();
      assert.equal(text.split(m('field.FIELD_REQUIRED')).length - 1, 2, `two "required" messages in: ${text}`);
      await context.close();
    });

    it('a user without a partner account sees no settings and is offered the help page; one who sees the program is not', async () => {
      const context = await newContext(suite.browser, locale);
      const page = await context.newPage();
      await signIn(page, suite.portal, 'diego@contoso-labs.example');
      const nav = page.getByRole('navigation');
      await nav.getByRole('link', { name: m('shell.nav.help') }).waitFor();
      assert.equal(await page.getByRole('button', { name: m('shell.settings') }).count(), 0);
      assert.equal(await nav.getByRole('link', { name: m('shell.nav.accountSettings') }).count(), 0);
      await context.clearCookies();
      await signIn(page, suite.portal, 'megan@contoso.example');
      await nav.getByRole('link', { name: m('shell.nav.rewards') }).waitFor();
      assert.equal(await nav.getByRole('link', { name: m('shell.nav.help') }).count(), 0);
      await page.getByRole('button', { name: m('shell.settings') }).waitFor();
      await context.close();
    });
  });
}

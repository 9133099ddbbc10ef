import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { t as translate } from '../../src/platform/i18n/i18n.ts';
import {
  axeViolations,
  DEMO_PASSWORD,
  newContext,
  screenshot,
  signIn,
  withPortal,
} from './harness.ts';

type Locale = 'en-US' | 'nl-NL';
const catalog = (locale: Locale) =>
  JSON.parse(fs.readFileSync(new URL(`../../locales/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>;
const text = (locale: Locale, id: string, values: Record<string, string> = {}) =>
  catalog(locale)[id]!.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);

async function expectNoAxeViolations(page: Page, where: string) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe violations on ${where}: ${JSON.stringify(violations, null, 2)}`);
}

const rewardsNav = (page: Page, locale: Locale) =>
  page.getByRole('navigation').getByRole('link', { name: text(locale, 'shell.nav.rewards'), exact: true });

/**
 * The seed's walk, in one language: the newcomer of the unassociated tenant
 * sees no program and the help page's reason; the partner's Global admin
 * associates that tenant (first with a wrong password); the newcomer signs in
 * again and sees Marketplace Rewards.
 */
function seedWalk(locale: Locale, newcomer: string) {
  describe(`the seed's tenant association walk (${locale})`, () => {
    const suite = withPortal();

    it('hides the program from the unassociated tenant, associates it, and shows it after signing in again', async () => {
      const context = await newContext(suite.browser, locale);
      const page = await context.newPage();
      const suffix = locale === 'en-US' ? 'en' : 'nl';

      await page.goto(suite.portal.url);
      await page.waitForURL(/\/sign-in$/);
      await page.getByRole('heading', { name: text(locale, 'signIn.title') }).waitFor();
      await screenshot(page, `sign-in.${suffix}`);
      await expectNoAxeViolations(page, 'sign-in');

      // A wrong password: one message, nothing about which part was wrong.
      await signIn(page, suite.portal, newcomer, 'not the password');
      await page.getByRole('alert').filter({ hasText: text(locale, 'error.INVALID_CREDENTIALS') }).waitFor();

      // The newcomer: no Marketplace Rewards, and the help page says the tenant is why.
      await signIn(page, suite.portal, newcomer);
      await page.getByRole('heading', { level: 1 }).filter({ hasText: text(locale, 'home.welcome', { name: '' }).trim() }).waitFor();
      assert.equal(await rewardsNav(page, locale).count(), 0);
      await screenshot(page, `home-without-rewards.${suffix}`);
      await expectNoAxeViolations(page, 'home');
      await page.getByTestId('rewards-missing').getByRole('link').click();
      await page.getByTestId('check-TENANT_ASSOCIATED').waitFor();
      assert.equal(await page.getByTestId('check-TENANT_ASSOCIATED').getAttribute('data-ok'), 'false');
      assert.equal(await page.getByTestId('check-REWARDS_ROLE').getAttribute('data-ok'), 'true');
      await page.getByText(text(locale, 'help.visibility.tenant.step3')).waitFor();
      await screenshot(page, `help.${suffix}`);
      await expectNoAxeViolations(page, 'help');
      await signOutWithMenu(page, locale);

      // The Global admin associates the tenant: first a wrong password, then the right one.
      await signIn(page, suite.portal, 'megan@contoso.example');
      await rewardsNav(page, locale).waitFor();
      await page.getByRole('button', { name: text(locale, 'shell.settings') }).click();
      await page.getByRole('tab', { name: text(locale, 'settings.tenants') }).click();
      await page.getByTestId('tenant-contoso.example').waitFor();
      await page.getByRole('button', { name: text(locale, 'tenants.associate') }).click();
      const form = page.locator('form').filter({ has: page.locator('input[name="associate-username"]') });
      await form.getByLabel(text(locale, 'tenants.associateUsername')).fill(newcomer);
      await form.locator('input[name="associate-password"]').fill('wrong password');
      await form.getByRole('button', { name: text(locale, 'tenants.submit') }).click();
      await form.getByRole('alert').filter({ hasText: text(locale, 'error.INVALID_CREDENTIALS') }).waitFor();
      await screenshot(page, `tenants-wrong-password.${suffix}`);
      await expectNoAxeViolations(page, 'tenants with an error');
      await form.locator('input[name="associate-password"]').fill(DEMO_PASSWORD);
      await form.getByRole('button', { name: text(locale, 'tenants.submit') }).click();
      await page.getByTestId('associated-notice').waitFor();
      await page.getByTestId('tenant-contoso-labs.example').waitFor();
      await screenshot(page, `tenants-associated.${suffix}`);
      await expectNoAxeViolations(page, 'tenants');

      const noticeSignOut = page.getByTestId('associated-notice').getByRole('button', { name: text(locale, 'shell.signOut') });
      await noticeSignOut.waitFor();

      // The associated tenant's own user, on the Users tab: the account's roles can be given, not Global
      // admin (the tenant's own role), and the user is not the account's to remove.
      await page.getByRole('tab', { name: text(locale, 'settings.users') }).click();
      const newcomerRow = page.getByTestId(`user-${newcomer}`);
      await newcomerRow.waitFor();
      // One button: Change roles (its name says whose); no Remove.
      assert.equal(await newcomerRow.getByRole('button').count(), 1);
      assert.equal(await newcomerRow.getByRole('button').innerText(), text(locale, 'users.changeRoles'));
      await newcomerRow.getByRole('button').click();
      const rolesDialog = page.getByRole('dialog');
      assert.equal(await rolesDialog.getByRole('checkbox', { name: text(locale, 'role.global-admin') }).count(), 0, 'Global admin is not offered');
      assert.equal(await rolesDialog.getByRole('checkbox', { name: text(locale, 'role.admin-agent') }).isEnabled(), true);
      await rolesDialog.getByRole('button', { name: text(locale, 'web.cancel') }).click();
      await rolesDialog.waitFor({ state: 'detached' });

      // The tabs by keyboard (RovingTabList): only the selected one is in the Tab order, with no hidden
      // focusable stand-ins; the arrows go round the ends, Home and End jump, Enter chooses.
      const usersTab = page.getByRole('tab', { name: text(locale, 'settings.users') });
      const tenantsTab = page.getByRole('tab', { name: text(locale, 'settings.tenants') });
      const hasFocus = (tab: typeof usersTab) =>
        tab.evaluate((element) => element === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement);
      assert.deepEqual([await usersTab.getAttribute('tabindex'), await tenantsTab.getAttribute('tabindex')], ['0', '-1']);
      assert.equal(await page.locator('[role="tablist"] [data-tabster-dummy]').count(), 0);
      await usersTab.focus();
      await page.keyboard.press('ArrowLeft');
      assert.equal(await hasFocus(tenantsTab), true, 'ArrowLeft from the first tab goes round to the last');
      await page.keyboard.press('Home');
      assert.equal(await hasFocus(usersTab), true);
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.getByTestId('tenant-contoso.example').waitFor();
      assert.deepEqual([await usersTab.getAttribute('tabindex'), await tenantsTab.getAttribute('tabindex')], ['-1', '0']);

      // Steps 5 and 6: sign out (the notice said so), sign in with the newly associated tenant's user, see the program.
      await signOutWithMenu(page, locale);
      await signIn(page, suite.portal, newcomer);
      await rewardsNav(page, locale).click();
      await page.getByRole('heading', { name: text(locale, 'rewards.title'), level: 1 }).waitFor();
      await page.getByText('Contoso Apps').first().waitFor();
      await page.getByText(text(locale, 'home.mpnId', { mpnId: '4100001' })).first().waitFor();
      // The demo's billed sales over twelve months, formatted for the language, and the tier they reach.
      const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(133550.5);
      const squash = (value: string) => value.replace(/\s/g, '');
      await page.getByTestId('billed-sales-ttm').waitFor();
      assert.equal(squash(await page.getByTestId('billed-sales-ttm').innerText()), squash(money));
      assert.equal(await page.getByTestId('tier').innerText(), locale === 'en-US' ? 'Level 3' : 'Niveau 3');
      await page.getByTestId('benefits-sales-marketing').getByText(locale === 'en-US' ? 'Co-marketing campaign' : 'Gezamenlijke marketingcampagne').waitFor();
      await screenshot(page, `rewards.${suffix}`);
      await expectNoAxeViolations(page, 'rewards');
      await context.close();
    });
  });
}

/** The text or id of the element that has focus (the test's tsconfig has no DOM types, hence the cast). */
function focused(page: Page, what: 'text' | 'id'): Promise<string | null> {
  return page.evaluate((property) => {
    const active = (globalThis as unknown as { document: { activeElement: { textContent: string | null; id: string } | null } }).document
      .activeElement;
    return property === 'id' ? (active?.id ?? null) : (active?.textContent ?? null);
  }, what);
}

async function signOutWithMenu(page: Page, locale: Locale) {
  await page.getByRole('banner').getByRole('button').last().click();
  await page.getByRole('menuitem', { name: text(locale, 'shell.signOut'), exact: true }).click();
  await page.waitForURL(/\/sign-in$/);
}

seedWalk('en-US', 'diego@contoso-labs.example');
seedWalk('nl-NL', 'femke@contoso-labs.example');

describe('sign-in lockout in the browser', () => {
  const suite = withPortal();

  it('after ten wrong passwords, says in Dutch how long to wait, and the right one signs nobody in', async () => {
    const username = 'femke@contoso-labs.example';
    for (let i = 0; i < 10; i += 1) {
      const response = await fetch(`${suite.portal.url}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: `guess number ${i}` }),
      });
      assert.equal(response.status, 401);
    }
    const context = await newContext(suite.browser, 'nl-NL');
    const page = await context.newPage();
    await signIn(page, suite.portal, username);
    await page.getByRole('alert').filter({ hasText: translate('nl-NL', 'error.TOO_MANY_ATTEMPTS', { minutes: 15 }) }).waitFor();
    assert.match(page.url(), /\/sign-in$/);
    await expectNoAxeViolations(page, 'sign-in locked');
    await context.close();
  });
});

describe('Settings > Users in the browser', () => {
  const suite = withPortal();

  it("opens the user menu on a click made before the menu's code arrived, and from the keyboard", async () => {
    const locale: Locale = 'en-US';
    const context = await newContext(suite.browser, locale);
    const page = await context.newPage();
    // The menu's code (fetched when the button is first approached) is held back until after the click.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    await page.route(/\/assets\/UserMenuPopover-[\w-]+\.js$/, async (route) => {
      asked += 1;
      await released;
      await route.continue();
    });
    await signIn(page, suite.portal, 'megan@contoso.example');
    const button = page.getByRole('banner').getByRole('button').last();
    assert.equal(await button.getAttribute('aria-haspopup'), 'menu');
    await button.click();
    assert.equal(asked, 1, "the click fetched the menu's code");
    assert.equal(await page.getByRole('menu').count(), 0);
    release();
    await page.getByRole('menuitem', { name: text(locale, 'shell.signOut'), exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'detached' });
    assert.equal(await button.evaluate((element) => element === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement), true);
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: text(locale, 'shell.signOut'), exact: true }).waitFor();
    await context.close();
  });

  it('adds a user, changes a role, and the new user can sign in with it', async () => {
    const locale: Locale = 'en-US';
    const context = await newContext(suite.browser, locale);
    const page = await context.newPage();
    await signIn(page, suite.portal, 'megan@contoso.example');
    await page.getByRole('navigation').getByRole('link', { name: text(locale, 'shell.nav.accountSettings') }).click();
    await page.getByTestId('user-lee@contoso.example').waitFor();
    await screenshot(page, 'users.en');
    await expectNoAxeViolations(page, 'users');

    await page.getByRole('button', { name: text(locale, 'users.add') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name="username"]').fill('nina');
    await dialog.locator('input[name="displayName"]').fill('Nina Jansen');
    await dialog.locator('input[name="email"]').fill('not-an-email');
    await dialog.locator('input[name="password"]').fill('short');
    await dialog.getByRole('button', { name: text(locale, 'users.addSubmit') }).click();
    // The API's field errors appear on the fields, and nothing is created.
    await dialog.getByText(text(locale, 'field.EMAIL_INVALID')).waitFor();
    await dialog.getByText('Enter at least 15 characters.').waitFor();
    await expectNoAxeViolations(page, 'add user dialog with errors');
    await dialog.locator('input[name="email"]').fill('nina@mail.contoso.example');
    await dialog.locator('input[name="password"]').fill('a long enough password');
    await dialog.getByRole('checkbox', { name: text(locale, 'role.admin-agent') }).check();
    await dialog.getByRole('button', { name: text(locale, 'users.addSubmit') }).click();
    const row = page.getByTestId('user-nina@contoso.example');
    await row.getByText(text(locale, 'role.admin-agent')).waitFor();

    await row.getByRole('button', { name: text(locale, 'users.changeRolesOf', { name: 'Nina Jansen' }) }).click();
    await page.getByRole('dialog').getByRole('checkbox', { name: text(locale, 'role.admin-agent') }).uncheck();
    await page.getByRole('dialog').getByRole('checkbox', { name: text(locale, 'role.mpn-partner-admin') }).check();
    await expectNoAxeViolations(page, 'change roles dialog');
    await page.getByRole('dialog').getByRole('button', { name: text(locale, 'web.save') }).click();
    await row.getByText(text(locale, 'role.mpn-partner-admin')).waitFor();
    assert.equal(await row.getByText(text(locale, 'role.admin-agent')).count(), 0);

    await signOutWithMenu(page, locale);
    await signIn(page, suite.portal, 'nina@contoso.example', 'a long enough password');
    await rewardsNav(page, locale).waitFor();
    await context.close();
  });

  it("resets a user's password; that user changes it from the user menu and signs out everywhere", async () => {
    const locale: Locale = 'en-US';
    const context = await newContext(suite.browser, locale);
    const page = await context.newPage();
    await signIn(page, suite.portal, 'megan@contoso.example');
    await page.getByRole('navigation').getByRole('link', { name: text(locale, 'shell.nav.accountSettings') }).click();
    const row = page.getByTestId('user-pat@contoso.example');
    await row.getByRole('button', { name: text(locale, 'users.resetPasswordOf', { name: 'Pat Taylor' }) }).click();
    const resetDialog = page.getByRole('dialog');
    await resetDialog.locator('input[name="password"]').fill('password1234567');
    await resetDialog.getByRole('button', { name: text(locale, 'users.resetPasswordSubmit') }).click();
    await resetDialog.getByText(text(locale, 'field.PASSWORD_TOO_GUESSABLE')).waitFor();
    await expectNoAxeViolations(page, 'reset password dialog with an error');
    await resetDialog.locator('input[name="password"]').fill('harbour lilac compass 12');
    await resetDialog.getByRole('button', { name: text(locale, 'users.resetPasswordSubmit') }).click();
    await resetDialog.waitFor({ state: 'detached' });
    await signOutWithMenu(page, locale);

    await signIn(page, suite.portal, 'pat@contoso.example', 'harbour lilac compass 12');
    await page.getByRole('banner').getByRole('button').last().click();
    await page.getByRole('menuitem', { name: text(locale, 'password.change') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name="currentPassword"]').fill('not my password');
    await dialog.locator('input[name="newPassword"]').fill('meadow tractor pencil 31');
    await dialog.getByRole('button', { name: text(locale, 'password.changeSubmit') }).click();
    await dialog.getByText(text(locale, 'field.CURRENT_PASSWORD_WRONG')).waitFor();
    await dialog.locator('input[name="currentPassword"]').fill('harbour lilac compass 12');
    await dialog.getByRole('button', { name: text(locale, 'password.changeSubmit') }).click();
    await dialog.getByRole('status').filter({ hasText: text(locale, 'password.changed') }).waitFor();
    await expectNoAxeViolations(page, 'password changed');
    await dialog.getByRole('button', { name: text(locale, 'web.close') }).click();

    await page.getByRole('banner').getByRole('button').last().click();
    await page.getByRole('menuitem', { name: text(locale, 'shell.signOutEverywhere') }).click();
    await page.waitForURL(/\/sign-in$/);
    await signIn(page, suite.portal, 'pat@contoso.example', 'meadow tractor pencil 31');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await context.close();
  });

  it('tells a user without an admin role why the users page is closed to them, in Dutch', async () => {
    const locale: Locale = 'nl-NL';
    const context = await newContext(suite.browser, locale);
    const page = await context.newPage();
    await signIn(page, suite.portal, 'lee@contoso.example');
    await page.goto(`${suite.portal.url}/settings/users`);
    await page.getByRole('alert').filter({ hasText: text(locale, 'error.FORBIDDEN.manageUsers') }).waitFor();
    await screenshot(page, 'users-forbidden.nl');
    await expectNoAxeViolations(page, 'users forbidden');
    await context.close();
  });

  it('shows the users and tenants of the account in Dutch, dates formatted for nl-NL', async () => {
    const locale: Locale = 'nl-NL';
    const context = await newContext(suite.browser, locale);
    const page = await context.newPage();
    await signIn(page, suite.portal, 'nestor@fabrikam.example');
    await page.getByRole('button', { name: text(locale, 'shell.settings') }).click();
    await page.getByRole('heading', { name: text(locale, 'settings.title'), level: 1 }).waitFor();
    await page.getByTestId('user-joni@fabrikam.example').getByText(text(locale, 'role.mpn-partner-admin')).waitFor();
    // Partner B's admin sees none of partner A's users.
    assert.equal(await page.getByText('contoso.example').count(), 0);
    await screenshot(page, 'users.nl');
    await page.getByRole('tab', { name: text(locale, 'settings.tenants') }).click();
    const row = page.getByTestId('tenant-fabrikam.example');
    await row.getByText(text(locale, 'tenants.primary')).waitFor();
    const associatedAt = (await row.locator('td').nth(2).innerText()).trim();
    const year = String(new Date().getFullYear());
    assert.match(associatedAt, new RegExp(`\\d{1,2} \\S+ ${year}`), `a Dutch date: ${associatedAt}`);
    await screenshot(page, 'tenants.nl');
    await expectNoAxeViolations(page, 'tenants in Dutch');
    await context.close();
  });

  it('works with the keyboard alone: skip link, navigation, and the language saved on the user', async () => {
    const locale: Locale = 'en-US';
    const context = await newContext(suite.browser, locale);
    const page = await context.newPage();
    await signIn(page, suite.portal, 'alex@contoso.example');
    await page.getByRole('heading', { level: 1 }).waitFor();

    // The first Tab reaches the skip link; Enter moves focus to the main content.
    await page.keyboard.press('Tab');
    assert.equal(await focused(page, 'text'), text(locale, 'shell.skipToContent'));
    await page.keyboard.press('Enter');
    assert.equal(await focused(page, 'id'), 'main');

    // Tab from the top until the Marketplace Rewards link has focus, then follow it with Enter.
    await page.locator('body').focus();
    let found = false;
    for (let i = 0; i < 15 && !found; i++) {
      await page.keyboard.press('Tab');
      found = (await focused(page, 'text'))?.trim() === text(locale, 'shell.nav.rewards');
    }
    assert.ok(found, 'the Marketplace Rewards link is reachable with Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/rewards$/);

    // The user menu opens from the keyboard; choosing Nederlands saves it on the user.
    await page.getByRole('banner').getByRole('button').last().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitemradio', { name: 'Nederlands' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: text('nl-NL', 'rewards.title'), level: 1 }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: text('nl-NL', 'shell.nav.home') }).waitFor();
    await page.reload();
    await page.getByRole('navigation').getByRole('link', { name: text('nl-NL', 'shell.nav.home') }).waitFor();
    await context.close();
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { t } from '../../src/platform/i18n/i18n.ts';
import { apiAs, axeViolations, DEMO_PASSWORD, newContext, screenshot, signIn, withPortal } from './harness.ts';

// Issue #13 as a partner admin meets it, in English and Dutch, on a wide screen and a phone: removing
// a tenant asks first and names who loses access (Cancel changes nothing); a user form with several
// bad fields shows every message at once; an Account admin is not offered Remove on a Global admin.

const VIEWPORTS = [
  { name: 'wide', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

async function expectNoAxeViolations(page: Page, where: string) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe violations on ${where}: ${JSON.stringify(violations, null, 2)}`);
}

/** Waits until the element with focus has this aria-label or id (the test's tsconfig has no DOM types, hence the cast). */
async function focusIsOn(page: Page, what: { label: string } | { id: string }) {
  await page.waitForFunction(
    (expected) => {
      const active = (globalThis as unknown as { document: { activeElement: { id: string; getAttribute(name: string): string | null } | null } }).document.activeElement;
      return 'id' in expected ? active?.id === expected.id : active?.getAttribute('aria-label') === expected.label;
    },
    what,
    { timeout: 5000 },
  );
}

/** Waits until the dialog is gone and the page behind it is no longer hidden from assistive technology. */
async function closed(page: Page, dialog: ReturnType<Page['getByRole']>) {
  await dialog.waitFor({ state: 'detached' });
  await page.locator('#root:not([aria-hidden="true"])').waitFor();
}

const LABS = 'contoso-labs.example';

for (const locale of ['en-US', 'nl-NL'] as const) {
  for (const viewport of VIEWPORTS) {
    describe(`account settings (${locale}, ${viewport.width}px)`, () => {
      const suite = withPortal();
      const suffix = `${locale === 'en-US' ? 'en' : 'nl'}.${viewport.name}`;
      const m = (id: Parameters<typeof t>[1], values?: Record<string, string | number>) => t(locale, id, values);

      async function open(username: string) {
        const context = await newContext(suite.browser, locale);
        const page = await context.newPage();
        // Signed in on the wide screen (the harness waits for the navigation, which a phone keeps in a drawer), then the size of the test.
        await signIn(page, suite.portal, username);
        await page.setViewportSize({ width: viewport.width, height: viewport.height });
        return { context, page };
      }

      it('Remove asks first, naming the users who lose access and the marketing contact among them; Cancel changes nothing', async () => {
        // The scene: Megan (Global admin) has associated Contoso Labs, and its Diego is the marketing contact.
        const megan = await apiAs(suite.portal, 'megan@contoso.example');
        await megan('POST', '/api/v1/account/tenants', { username: `diego@${LABS}`, password: DEMO_PASSWORD });
        const users = (await megan('GET', '/api/v1/account/users')).items as { id: string; username: string }[];
        const diego = users.find((user) => user.username === `diego@${LABS}`)!;
        await megan('PUT', '/api/v1/rewards/marketing-contact', { userId: diego.id, email: 'diego.marketing@mail.contoso-labs.example', phone: '+31 20 794 2000', preferredLanguage: locale });

        const { context, page } = await open('megan@contoso.example');
        await page.goto(`${suite.portal.url}/settings/tenants`);
        const row = page.getByTestId(`tenant-${LABS}`);
        await row.waitFor();
        const removeLabel = m('tenants.removeTenant', { domain: LABS });
        const remove = row.getByRole('button', { name: removeLabel });
        // The primary tenant (and the one signed in with) offers no Remove.
        assert.equal(await page.getByTestId('tenant-contoso.example').getByRole('button').count(), 0);

        await remove.focus();
        await page.keyboard.press('Enter');
        const dialog = page.getByRole('dialog');
        await dialog.getByText(m('tenants.removeTitle', { domain: LABS })).waitFor();
        await dialog.getByTestId('tenant-removal').waitFor();
        await dialog.getByText(m('tenants.removeUsers', { count: 2, domain: LABS })).waitFor();
        const named = await dialog.getByTestId('tenant-removal-users').getByRole('listitem').allInnerTexts();
        assert.deepEqual(named.map((item) => item.trim()), [`Diego Siciliani (diego@${LABS})`, `Femke de Vries (femke@${LABS})`]);
        const warning = dialog.getByTestId('tenant-removal-contact');
        await warning.getByText(m('tenants.removeContactTitle')).waitFor();
        await warning.getByText(m('tenants.removeContact', { name: 'Diego Siciliani' })).waitFor();
        await screenshot(page, `tenant-remove-confirm.${suffix}`);
        await expectNoAxeViolations(page, 'the tenant removal dialog');

        // Cancel: nothing changes, and focus is back on that tenant's Remove button.
        await dialog.getByRole('button', { name: m('web.cancel') }).click();
        await closed(page, dialog);
        await focusIsOn(page, { label: removeLabel });
        await row.waitFor();
        const tenant = await suite.portal.database.db.selectFrom('tenants').select('partner_account_id').where('domain', '=', LABS).executeTakeFirstOrThrow();
        assert.notEqual(tenant.partner_account_id, null, 'still associated');
        const contact = ((await megan('GET', '/api/v1/rewards/marketing-contact')).contact as { userId: string | null; needsReassignment: boolean });
        assert.deepEqual([contact.userId, contact.needsReassignment], [diego.id, false]);

        // Confirmed: the tenant goes, the page says so, focus moves to the list's heading, and the contact waits for reassignment.
        await remove.click();
        await dialog.getByTestId('tenant-removal').waitFor();
        await dialog.getByRole('button', { name: m('tenants.removeSubmit') }).click();
        await closed(page, dialog);
        await page.getByTestId('removed-notice').getByText(m('tenants.removed', { domain: LABS })).waitFor();
        await row.waitFor({ state: 'detached' });
        await focusIsOn(page, { id: 'tenant-list-heading' });
        const after = ((await megan('GET', '/api/v1/rewards/marketing-contact')).contact as { needsReassignment: boolean });
        assert.equal(after.needsReassignment, true);
        await expectNoAxeViolations(page, 'tenants after a removal');
        await context.close();
      });

      it('a user form with several bad fields shows every message at once', async () => {
        const { context, page } = await open('megan@contoso.example');
        await page.goto(`${suite.portal.url}/settings/users`);
        await page.getByTestId('user-lee@contoso.example').waitFor();
        await page.getByRole('button', { name: m('users.add') }).click();
        const dialog = page.getByRole('dialog');
        await dialog.locator('input[name="username"]').fill('nina@elsewhere.example');
        await dialog.locator('input[name="email"]').fill('not-an-email');
        await dialog.locator('input[name="password"]').fill('password1234567');
        await dialog.getByRole('button', { name: m('users.addSubmit') }).click();
        await dialog.getByRole('alert').filter({ hasText: m('error.VALIDATION_FAILED') }).waitFor();
        // One answer, every field's problem on its field: the name's domain, the empty name, the email, the password's strength.
        for (const [name, message] of [
          ['username', m('field.USERNAME_DOMAIN_MISMATCH', { domain: 'contoso.example' })],
          ['displayName', m('field.FIELD_REQUIRED')],
          ['email', m('field.EMAIL_INVALID')],
          ['password', m('field.PASSWORD_TOO_GUESSABLE')],
        ] as const) {
          await dialog.getByText(message).waitFor();
          assert.equal(await dialog.locator(`input[name="${name}"]`).getAttribute('aria-invalid'), 'true', `${name} shows its error`);
        }
        await screenshot(page, `add-user-errors.${suffix}`);
        await expectNoAxeViolations(page, 'the add user dialog with every error');
        await dialog.getByRole('button', { name: m('web.cancel') }).click();
        await closed(page, dialog);
        assert.equal(await page.getByTestId('user-nina@contoso.example').count(), 0, 'nothing was added');
        await context.close();
      });

      it('an Account admin is offered only what they may do: no Remove (nor anything) on a Global admin', async () => {
        const { context, page } = await open('adele@contoso.example');
        await page.goto(`${suite.portal.url}/settings/users`);
        const megan = page.getByTestId('user-megan@contoso.example');
        await megan.waitFor();
        const pat = page.getByTestId('user-pat@contoso.example');
        await pat.getByRole('button', { name: m('users.removeUser', { name: 'Pat Taylor' }) }).waitFor();
        assert.equal(await megan.getByRole('button').count(), 0, 'the Global admin is not the Account admin to change');
        assert.equal(await megan.getByRole('button', { name: m('users.removeUser', { name: 'Megan Bowen' }) }).count(), 0);
        // Not themselves either.
        assert.equal(await page.getByTestId('user-adele@contoso.example').getByRole('button', { name: m('users.removeUser', { name: 'Adele Vance' }) }).count(), 0);
        await screenshot(page, `users-account-admin.${suffix}`);
        await expectNoAxeViolations(page, 'users as an Account admin');
        await context.close();
      });
    });
  }
}

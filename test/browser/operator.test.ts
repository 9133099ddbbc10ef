import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { systemContext } from '../../src/platform/context.ts';
import { t } from '../../src/platform/i18n/i18n.ts';
import { createOperator } from '../../src/modules/operators/operators.service.ts';
import { DEMO_PASSWORD, newContext, withPortal } from './harness.ts';

// A Rewards team account on the portal's sign-in page (issue #14, in progress): its password is taken
// and the page says, in the user's language, that the team's console is not in this portal yet, rather
// than signing in half way (the API's second-factor step is tested in test/operator-sign-in.test.ts).
describe("a Rewards team account on the partners' sign-in page", () => {
  const env = withPortal();

  for (const locale of ['en-US', 'nl-NL'] as const) {
    it(`says what it is, and signs nobody in (${locale})`, async () => {
      const username = `ava.${locale.slice(0, 2)}@rewards-team.example`;
      await createOperator(env.portal.database.db, { username, displayName: 'Ava', email: username, role: 'rewards-agent', password: DEMO_PASSWORD }, systemContext());
      const context = await newContext(env.browser, locale);
      const page = await context.newPage();
      await page.goto(`${env.portal.url}/sign-in`);
      await page.locator('input[name="username"]').fill(username);
      await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
      await page.keyboard.press('Enter');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.equal((await alert.innerText()).trim(), t(locale, 'web.error.operatorConsole'));
      assert.ok(!(await context.cookies()).some((cookie) => cookie.name === 'rewards_session'), 'no session');
      assert.match(page.url(), /\/sign-in$/);
      await context.close();
    });
  }
});

import assert from 'node:assert/strict';
import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { t } from '../../src/platform/i18n/i18n.ts';
import { axeViolations, DEMO_PASSWORD, screenshot } from './harness.ts';

// What the console's browser tests share: an operator's sign-in with both factors, and a count read through the page's session.

export type Locale = 'en-US' | 'nl-NL';

/** An operator's sign-in with the keyboard: the password, then (enrolling) the code of the key the page shows; the recovery codes are acknowledged. */
export async function operatorSignIn(page: Page, url: string, username: string, locale: Locale, consoleLocale: Locale = locale) {
  await page.goto(`${url}/sign-in`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: t(locale, 'console.secondFactor.title') }).waitFor();
  await page.getByRole('img', { name: t(locale, 'console.secondFactor.qrAlt') }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, `console-second-factor.${locale.slice(0, 2)}`);
  const secret = (await page.getByTestId('totp-key').innerText()).replace(/\s+/g, '');

  // A wrong code is refused, in the page's language, and the step stays.
  await page.locator('input[name="code"]').fill('000000');
  await page.keyboard.press('Enter');
  await page.getByRole('alert').filter({ hasText: t(locale, 'error.SECOND_FACTOR_INVALID') }).waitFor();

  await page.locator('input[name="code"]').fill(await generate({ secret }));
  await page.keyboard.press('Enter');
  // Signed in, the console speaks the operator's own language (where one is saved), the codes too.
  const codes = page.getByRole('alertdialog');
  await codes.getByRole('heading', { name: t(consoleLocale, 'console.recovery.title') }).waitFor();
  assert.equal(await codes.getByTestId('recovery-codes').locator('li').count(), 10);
  await codes.getByRole('button', { name: t(consoleLocale, 'console.recovery.done') }).click();
  await codes.waitFor({ state: 'detached' });
}

/** How much open work the queue holds now, read through the page's own session (its cookies). */
export async function apiAsOperatorCount(page: Page, url: string): Promise<number> {
  const response = await page.request.get(`${url}/api/v1/ops/dashboard`);
  assert.equal(response.status(), 200);
  return ((await response.json()) as { overall: { open: number } }).overall.open;
}

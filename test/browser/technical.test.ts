import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createOperatorToken } from '../../src/modules/identity/identity.service.ts';
import { t } from '../../src/platform/i18n/i18n.ts';
import { startSmtpSink, type SmtpSink } from '../outbox-helpers.ts';
import { axeViolations, newContext, screenshot, signIn, withPortal, type Portal } from './harness.ts';

type Locale = 'en-US' | 'nl-NL';

async function expectNoAxeViolations(page: Page, where: string) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe violations on ${where}: ${JSON.stringify(violations, null, 2)}`);
}

/** Waits until the element with focus has this text (the test's tsconfig has no DOM types, hence the cast). */
async function focusIsOn(page: Page, text: string) {
  await page.waitForFunction(
    (expected) => (globalThis as unknown as { document: { activeElement: { textContent: string | null } | null } }).document.activeElement?.textContent?.trim() === expected,
    text,
    { timeout: 5000 },
  );
}

/** Waits until the dialog is gone and the page behind it is no longer hidden from assistive technology (Fluent UI lifts that a moment later). */
async function closed(page: Page, dialog: ReturnType<Page['getByRole']>) {
  await dialog.waitFor({ state: 'detached' });
  await page.locator('#root:not([aria-hidden="true"])').waitFor();
}

/** The Rewards team's side, through the ops API with an operator token. */
async function ops(portal: Portal, token: string, path: string, body: unknown) {
  const response = await fetch(`${portal.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  assert.equal(response.status, 200, `${path}: ${text}`);
  return JSON.parse(text) as { revision: number; status: string };
}

interface BenefitState {
  id: string;
  code: string;
  unit: 'hours' | 'requests';
  total: number;
  perRequest: number;
  reserved: number;
  used: number;
  remaining: number;
}

/** The technical benefits as the API answers the signed-in page (its cookie). */
async function benefitsOf(page: Page, portal: Portal): Promise<BenefitState[]> {
  const response = await page.request.get(`${portal.url}/api/v1/rewards/technical-benefits`);
  assert.equal(response.status(), 200);
  return ((await response.json()) as { items: BenefitState[] }).items;
}

/** Every technical benefit's row says what is left of it, as the API counts it. */
async function expectRemaining(page: Page, benefits: BenefitState[], m: (id: 'technicalPage.remaining.hours' | 'technicalPage.remaining.requests', values: Record<string, number>) => string) {
  assert.ok(benefits.length > 0);
  for (const benefit of benefits) {
    await page
      .getByTestId(`benefit-${benefit.code}`)
      .getByTestId('remaining')
      .filter({ hasText: m(`technicalPage.remaining.${benefit.unit}`, { remaining: benefit.remaining, total: benefit.total }) })
      .waitFor();
  }
}

/** Waits until the sink holds a message to `to` whose subject is `subject`. */
async function mailTo(smtp: SmtpSink, to: string, subject: string) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = smtp.messages.find((m) => m.envelopeTo.includes(to) && m.subject === subject);
    if (found) return found;
    if (Date.now() > deadline) {
      assert.fail(`no email "${subject}" to ${to}; got: ${JSON.stringify(smtp.messages.map((m) => [m.envelopeTo, m.subject]))}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function technicalWalk(locale: Locale) {
  describe(`technical assistance and sponsorships in the browser (${locale})`, () => {
    let smtp: SmtpSink;
    before(async () => {
      smtp = await startSmtpSink();
    });
    const suite = withPortal(() => ({ smtpUrl: smtp.url }));
    after(async () => {
      await smtp?.close();
    });
    const m = (id: Parameters<typeof t>[1], values?: Record<string, string | number | Date>) => t(locale, id, values);
    const suffix = locale === 'en-US' ? 'en' : 'nl';
    // Fabrikam (Level 1: technical assistance and, with its trial, a presales consultation; no sponsorship yet), whose
    // Global admin has no saved language, so the portal speaks the browser's. The demo's Contoso has requests of its own.
    const admin = 'nestor@fabrikam.example';
    const contactEmail = 'joni@mail.fabrikam.example';
    const title = locale === 'en-US' ? 'Design review of Fabrikam Sync' : 'Ontwerpreview van Fabrikam Sync';

    it('requests assistance (every error at once, then sent), follows it through the team’s moves, and answers', async () => {
      const { token } = await createOperatorToken(suite.portal.database.db, `browser-${suffix}`);
      const context = await newContext(suite.browser, locale);
      const page = await context.newPage();
      await signIn(page, suite.portal, admin);
      const before = await benefitsOf(page, suite.portal);

      // The emails link to /rewards/technical: the Rewards page opens on the Technical benefits tab, each benefit with what is left.
      await page.goto(`${suite.portal.url}/rewards/technical`);
      await expectRemaining(page, before, m);
      await page.getByText(m('technicalPage.requests.none')).waitFor();
      await screenshot(page, `technical-tab.${suffix}`);
      await expectNoAxeViolations(page, 'the technical tab');

      // Opened with the keyboard; sent empty: every required field says so at once.
      const opener = page.getByRole('button', { name: m('technicalPage.request') });
      await opener.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await dialog.locator('select[name="offerId"] option').nth(1).waitFor({ state: 'attached' });
      // No marketing contact is assigned in the demo: "another user" is chosen, the marketing contact disabled.
      assert.equal(await dialog.getByRole('radio', { name: m('technicalPage.contact.marketingNone') }).isDisabled(), true);
      await expectNoAxeViolations(page, 'the request dialog');
      await dialog.getByRole('button', { name: m('technicalPage.form.submit') }).click();
      await dialog.getByRole('alert').filter({ hasText: m('error.VALIDATION_FAILED') }).waitFor();
      for (const control of ['select[name="phase"]', 'select[name="offerId"]', 'input[name="title"]', 'textarea[name="description"]', 'select[name="contact-userId"]', 'input[name="contact-email"]', 'input[name="contact-phone"]']) {
        assert.equal(await dialog.locator(control).getAttribute('aria-invalid'), 'true', `${control} shows its error`);
      }
      // The solution type (a radio group) has its message too.
      const solutionField = dialog.getByRole('radiogroup').filter({ has: page.getByRole('radio', { name: m('technicalPage.solutionType.cloud') }) });
      assert.equal(await solutionField.getAttribute('aria-invalid'), 'true', 'the solution type shows its error');
      assert.equal(await dialog.getByText(m('field.FIELD_REQUIRED')).count(), 8, 'phase, solution type, offer, title, description, and the contact user, email and phone say they are required');
      await screenshot(page, `technical-request-errors.${suffix}`);
      await expectNoAxeViolations(page, 'the request dialog with errors');

      await dialog.locator('select[name="phase"]').selectOption('design');
      await dialog.getByRole('radio', { name: m('technicalPage.solutionType.hybrid') }).check();
      await dialog.locator('select[name="offerId"]').selectOption('demo-fabrikam-sync');
      await dialog.locator('input[name="title"]').fill(title);
      await dialog.locator('textarea[name="description"]').fill('We would like a review of our architecture.\nTwo regions, one database.');
      await dialog.locator('select[name="contact-userId"]').selectOption({ label: 'Joni Sherman (joni@fabrikam.example)' });
      assert.equal(await dialog.locator('input[name="contact-email"]').inputValue(), contactEmail);
      await dialog.locator('select[name="contact-country"]').selectOption('NL');
      await dialog.locator('input[name="contact-phone"]').fill('20 123 4567');
      await dialog.locator('select[name="contact-language"]').selectOption(locale);
      await dialog.locator('select[name="timeZone"]').selectOption('Europe/Amsterdam');
      await dialog.locator('input[type="file"]').setInputFiles([
        { name: 'architecture.txt', mimeType: 'text/plain', buffer: Buffer.from('Two regions, one database.\n') },
      ]);
      await dialog.getByTestId('file-architecture.txt').waitFor();
      // A double press makes one request (one Idempotency-Key per open dialog, and the button is busy).
      await dialog.getByRole('button', { name: m('technicalPage.form.submit') }).dblclick();
      await closed(page, dialog);
      // Focus is back on the button that opened the dialog.
      await focusIsOn(page, m('technicalPage.request'));

      const requests = page.getByTestId('technical-requests');
      await requests.getByText(title).waitFor();
      const row = requests.locator('tbody tr').filter({ hasText: title });
      assert.equal(await row.count(), 1, 'one request, however often it was sent');
      const reference = (await row.getByRole('link').innerText()).trim();
      assert.match(reference, /^TR-\d+$/);
      assert.equal(await row.getByTestId('request-status').innerText(), m('technicalPage.status.submitted'));
      // The request reserved from one benefit (the one that ends first), and the tab shows it.
      const afterSubmit = await benefitsOf(page, suite.portal);
      const drawn = afterSubmit.find((b) => b.remaining < before.find((o) => o.id === b.id)!.remaining)!;
      assert.ok(drawn, 'one benefit has less left');
      assert.equal(before.find((o) => o.id === drawn.id)!.remaining - drawn.remaining, drawn.perRequest);
      await expectRemaining(page, afterSubmit, m);
      await page
        .getByTestId(`benefit-${drawn.code}`)
        .getByTestId('reserved')
        .filter({ hasText: m(`technicalPage.reserved.${drawn.unit}`, { reserved: drawn.perRequest }) })
        .waitFor();
      await expectNoAxeViolations(page, 'the technical tab with a request');

      // The request's page, followed with the keyboard.
      await row.getByRole('link').focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/rewards\/technical\/requests\/[0-9a-f-]{36}$/);
      const id = page.url().split('/').at(-1)!;
      await page.getByTestId('request-heading').filter({ hasText: `${reference}: ${title}` }).waitFor();
      assert.equal(await page.title(), m('web.documentTitle', { page: m('technicalPage.documentTitle', { reference, title }) }));
      await page.getByTestId('request-contact').filter({ hasText: contactEmail }).waitFor();
      const download = page.getByRole('link', { name: m('technicalPage.attachment.download', { name: 'architecture.txt' }) });
      await download.waitFor();
      const file = await page.request.get(`${suite.portal.url}${await download.getAttribute('href')}`);
      assert.equal(file.status(), 200);
      assert.equal(await file.text(), 'Two regions, one database.\n');
      await mailTo(smtp, contactEmail, m('email.technical-request-submitted.subject', { reference, title }));
      await screenshot(page, `technical-request.${suffix}`);
      await expectNoAxeViolations(page, 'the request page');

      // Editing while the team moves it: the stale revision is refused, the message shown and the request read again.
      await page.getByRole('button', { name: m('technicalPage.edit') }).click();
      const edit = page.getByRole('dialog');
      await edit.locator('input[name="title"]').fill(`${title} (v2)`);
      await ops(suite.portal, token, `/api/v1/ops/technical-requests/${id}/transitions`, { to: 'in-review' });
      await edit.getByRole('button', { name: m('web.save') }).click();
      await edit.getByRole('alert').filter({ hasText: m('error.REVISION_CONFLICT') }).waitFor();
      await page.getByTestId('request-heading').locator('..').getByTestId('request-status').filter({ hasText: m('technicalPage.status.in-review') }).waitFor();
      await expectNoAxeViolations(page, 'the edit dialog with a conflict');
      await edit.getByRole('button', { name: m('web.cancel') }).click();
      await closed(page, edit);

      // The team asks a question; after a reload the partner sees it and answers.
      const question = locale === 'en-US' ? 'Which Azure regions do you deploy to?' : 'In welke Azure-regio’s implementeert u?';
      await ops(suite.portal, token, `/api/v1/ops/technical-requests/${id}/transitions`, { to: 'action-required', reason: question });
      await page.reload();
      await page.getByTestId('request-question').filter({ hasText: question }).waitFor();
      await page.getByTestId('request-status').filter({ hasText: m('technicalPage.status.action-required') }).waitFor();
      await page.getByTestId('request-messages').getByText(question).waitFor();
      await expectNoAxeViolations(page, 'the request waiting for an answer');
      const answerButton = page.getByRole('button', { name: m('technicalPage.answer') });
      await answerButton.click();
      const answer = page.getByRole('dialog');
      await answer.getByRole('button', { name: m('technicalPage.answer.submit') }).click();
      await answer.locator('textarea[name="answer"][aria-invalid="true"]').waitFor();
      await expectNoAxeViolations(page, 'the answer dialog with an error');
      const answerText = locale === 'en-US' ? 'West Europe and North Europe.' : 'West-Europa en Noord-Europa.';
      await answer.locator('textarea[name="answer"]').fill(answerText);
      await answer.getByRole('button', { name: m('technicalPage.answer.submit') }).click();
      await closed(page, answer);
      await page.getByTestId('request-status').filter({ hasText: m('technicalPage.status.in-review') }).waitFor();
      await page.getByTestId('request-messages').getByText(answerText).waitFor();
      assert.equal(await page.getByTestId('request-question').count(), 0);

      // A message to the team.
      await page.locator('textarea[name="message"]').fill(locale === 'en-US' ? 'Thank you!' : 'Dank u wel!');
      await page.getByRole('button', { name: m('technicalPage.message.send') }).click();
      await page.getByTestId('request-messages').getByText(locale === 'en-US' ? 'Thank you!' : 'Dank u wel!').waitFor();

      // The team schedules it (in the future) and completes it.
      const at = new Date(Date.now() + 3 * 86_400_000);
      at.setUTCHours(13, 30, 0, 0);
      await ops(suite.portal, token, `/api/v1/ops/technical-requests/${id}/transitions`, { to: 'scheduled', scheduledAt: at.toISOString() });
      await page.reload();
      const when = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(at);
      await page.getByTestId('request-scheduled').filter({ hasText: when }).waitFor();
      await page.getByTestId('request-status').filter({ hasText: m('technicalPage.status.scheduled') }).waitFor();
      assert.equal(await page.getByRole('button', { name: m('technicalPage.cancel') }).count(), 0, 'a scheduled request is cancelled by the team only');
      await ops(suite.portal, token, `/api/v1/ops/technical-requests/${id}/transitions`, { to: 'completed' });
      await page.reload();
      await page.getByTestId('request-status').filter({ hasText: m('technicalPage.status.completed') }).waitFor();
      assert.equal(await page.getByRole('group', { name: m('technicalPage.actions') }).getByRole('button').count(), 0, 'nothing left to do');
      const history = page.getByTestId('request-history');
      assert.deepEqual(
        await history.locator('tbody tr').evaluateAll((rows) => rows.map((row) => (row as unknown as { dataset: { to: string } }).dataset.to)),
        ['submitted', 'in-review', 'action-required', 'in-review', 'scheduled', 'completed'],
      );
      await history.getByText(m('technicalPage.reason.PARTNER_ANSWERED')).waitFor();
      await screenshot(page, `technical-request-completed.${suffix}`);
      await expectNoAxeViolations(page, 'the completed request');

      // The technical contact was told each step, in the language chosen for them.
      const status = (s: 'in-review' | 'action-required' | 'scheduled' | 'completed') => m(`technical.status.${s}`);
      for (const s of ['action-required', 'in-review', 'scheduled', 'completed'] as const) {
        await mailTo(smtp, contactEmail, m('email.technical-request-status.subject', { reference, title, status: status(s) }));
      }
      const scheduledMail = await mailTo(smtp, contactEmail, m('email.technical-request-status.subject', { reference, title, status: status('scheduled') }));
      assert.ok(scheduledMail.text.replace(/\s+/g, ' ').includes(when), `the email names the time in the request's zone (${when})`);

      // Back on the tab: what the completed request reserved is used now (no longer reserved, still not left).
      await page.getByRole('link', { name: m('technicalPage.back') }).click();
      const afterCompletion = await benefitsOf(page, suite.portal);
      const used = afterCompletion.find((b) => b.id === drawn.id)!;
      assert.equal(used.remaining, drawn.remaining);
      assert.equal(used.used, drawn.perRequest);
      await expectRemaining(page, afterCompletion, m);
      await page.getByTestId(`benefit-${drawn.code}`).getByTestId('remaining').waitFor();
      assert.equal(await page.getByTestId(`benefit-${drawn.code}`).getByTestId('reserved').count(), 0);
      await page.getByTestId('technical-requests').locator('tbody tr').filter({ hasText: title }).getByTestId('request-status').filter({ hasText: m('technicalPage.status.completed') }).waitFor();
      await context.close();
    });

    it('asks for a sponsorship to be provisioned: an excluded billing type is refused with its reason', async () => {
      // Fabrikam's sales reach Level 2 (US$ 18,000 + 10,000 over twelve months): its US$ 5,000 sponsorship unlocks.
      const { token } = await createOperatorToken(suite.portal.database.db, `browser-sponsorship-${suffix}`);
      const billedAt = new Date(Date.now() - 5 * 86_400_000).toISOString();
      await ops(suite.portal, token, '/api/v1/ops/billed-sales', {
        items: [{ id: `browser-fabrikam-${suffix}`, offerId: 'demo-fabrikam-sync', amountUsd: '10000.00', billedAt, status: 'billed' }],
      });
      const context = await newContext(suite.browser, locale);
      const page = await context.newPage();
      await signIn(page, suite.portal, admin);
      await page.goto(`${suite.portal.url}/rewards/sponsorships`);
      const table = page.getByTestId('sponsorship-table');
      const small = table.getByTestId('sponsorship-sponsorship-5k');
      await small.getByTestId('sponsorship-status').filter({ hasText: m('sponsorshipPage.status.unlocked') }).waitFor();
      const money = (amount: number) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(amount);
      const squash = (value: string) => value.replace(/\s/g, '');
      assert.ok(squash(await page.getByTestId('sponsorship-total').innerText()).includes(squash(money(5000))));
      assert.equal(await page.getByTestId('sponsorship-ledger').locator('tbody tr[data-kind="credit"]').count(), 1);
      await screenshot(page, `sponsorships.${suffix}`);
      await expectNoAxeViolations(page, 'the sponsorships');

      await small.getByRole('button', { name: m('sponsorshipPage.request') }).click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('input[name="subscriptionId"]').fill('not a guid');
      await dialog.getByRole('radio', { name: /Cloud Solution Provider/ }).check();
      await expectNoAxeViolations(page, 'the provisioning dialog');
      await dialog.getByRole('button', { name: m('sponsorshipPage.request') }).click();
      await dialog.locator('input[name="subscriptionId"][aria-invalid="true"]').waitFor();
      await dialog.locator('input[name="subscriptionId"]').fill('8f2c1a9e-4b7d-4e3a-9c61-2d5b8e0f7a14');
      await dialog.getByRole('button', { name: m('sponsorshipPage.request') }).click();
      const refusal =
        locale === 'en-US'
          ? 'A sponsorship applies only to pay-as-you-go and Enterprise Agreement subscriptions'
          : 'Een sponsoring geldt alleen voor abonnementen met betalen per gebruik';
      // The refusal is listed under the option and, once refused, as the field's error.
      await dialog.locator('[aria-invalid="true"], [role="radiogroup"][aria-invalid="true"]').first().waitFor();
      assert.ok((await dialog.getByText(refusal, { exact: false }).count()) >= 2, 'the reason is the field error');
      await expectNoAxeViolations(page, 'the provisioning dialog refused');
      await dialog.getByRole('radio', { name: locale === 'en-US' ? 'Pay-as-you-go' : 'Betalen per gebruik', exact: true }).check();
      await dialog.getByRole('button', { name: m('sponsorshipPage.request') }).click();
      await closed(page, dialog);
      await small.getByTestId('sponsorship-status').filter({ hasText: m('sponsorshipPage.status.requested') }).waitFor();
      await small.getByText('8f2c1a9e-4b7d-4e3a-9c61-2d5b8e0f7a14').waitFor();
      // Requested now: nothing more to ask for this credit.
      assert.equal(await small.locator('button').count(), 0);
      await expectNoAxeViolations(page, 'the sponsorships after a request');
      await context.close();
    });
  });
}

technicalWalk('en-US');
technicalWalk('nl-NL');

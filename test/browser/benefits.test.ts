import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { axeViolations, newContext, screenshot, signIn, withPortal } from './harness.ts';

type Locale = 'en-US' | 'nl-NL';
const catalog = (locale: Locale) =>
  JSON.parse(fs.readFileSync(new URL(`../../locales/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>;
const text = (locale: Locale, id: string) => catalog(locale)[id]!;

/** A real SMTP server on loopback that keeps every message it receives. */
async function startSmtp(): Promise<{ url: string; messages: string[]; close: () => Promise<void> }> {
  const messages: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The text of a quoted-printable body, enough to read what the email says. */
const decodeQuotedPrintable = (raw: string) =>
  Buffer.from(
    raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');

function activationWalk(locale: Locale) {
  describe(`activating a sales and marketing benefit (${locale})`, () => {
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    before(async () => {
      smtp = await startSmtp();
    });
    const suite = withPortal(() => ({ smtpUrl: smtp.url }));
    after(async () => {
      await smtp?.close();
    });

    it('needs a marketing contact, refuses the company email, activates, and the email arrives in the contact language', async () => {
      const context = await newContext(suite.browser, locale);
      const page = await context.newPage();
      const suffix = locale === 'en-US' ? 'en' : 'nl';
      const benefitName = locale === 'en-US' ? 'Campaign assets for your trial' : 'Campagnemateriaal voor uw proefversie';
      await signIn(page, suite.portal, 'megan@contoso.example');
      await page.getByRole('navigation').getByRole('link', { name: text(locale, 'shell.nav.rewards'), exact: true }).click();
      const row = page.getByTestId('benefit-trial-campaign-assets');
      await row.waitFor();

      // Activate before a contact is assigned: refused, and the page says what to do.
      await row.getByRole('button', { name: text(locale, 'rewards.activate') }).click();
      await page.getByRole('alert').filter({ hasText: text(locale, 'error.MARKETING_CONTACT_REQUIRED') }).waitFor();

      // The company account email is refused, with the reason on the field.
      await page.getByRole('button', { name: text(locale, 'contact.changeLabel') }).click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('select[name="userId"]').waitFor();
      await dialog.locator('input[name="contact-email"]').fill('partners@contoso.example');
      // A Dutch national number, with the Netherlands chosen (the picker proposes the browser's own country).
      await dialog.locator('select[name="country"]').selectOption('NL');
      await dialog.locator('input[name="phone"]').fill('20 123 4567');
      await dialog.locator('select[name="preferredLanguage"]').selectOption(locale);
      await dialog.getByRole('button', { name: text(locale, 'contact.assign') }).click();
      await dialog.getByText(text(locale, 'field.EMAIL_MATCHES_COMPANY_ACCOUNT')).waitFor();
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], JSON.stringify(violations));
      await screenshot(page, `contact-company-email.${suffix}`);

      // A valid contact in the chosen language.
      await dialog.locator('input[name="contact-email"]').fill('marketing@contoso.example');
      await dialog.getByRole('button', { name: text(locale, 'contact.assign') }).click();
      await page.getByTestId('marketing-contact').getByText('marketing@contoso.example', { exact: false }).waitFor();
      // Typed as a Dutch national number with NL chosen: stored as +31201234567, shown formatted.
      await page.getByTestId('marketing-contact').getByText('+31 20 123 4567', { exact: false }).waitFor();

      // Activate: the row shows the follow-up date.
      await row.getByRole('button', { name: text(locale, 'rewards.activate') }).click();
      await row.getByTestId('activation-due').waitFor();
      const due = new Date(Date.now() + 7 * 86_400_000);
      const dueText = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(due);
      assert.match(await row.getByTestId('activation-due').innerText(), new RegExp(dueText.split(' ').at(-1)!));
      await screenshot(page, `benefit-activated.${suffix}`);
      assert.deepEqual(await axeViolations(page), []);

      // The email reaches the SMTP server, in the contact's language, with the due date.
      const deadline = Date.now() + 15_000;
      let activationMail: string | undefined;
      while (Date.now() < deadline && !activationMail) {
        activationMail = smtp.messages.map(decodeQuotedPrintable).find((m) => m.includes(benefitName) && m.includes('marketing@contoso.example') && /activ/i.test(m));
        if (!activationMail) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      assert.ok(activationMail, `no activation email among ${smtp.messages.length} messages`);
      assert.ok(activationMail.replace(/\s+/g, ' ').includes(dueText), `the email names the due date ${dueText}`);
      assert.ok(activationMail.includes(locale === 'en-US' ? 'The Marketplace Rewards team' : 'Het Marketplace Rewards-team'));
      assert.ok(/Content-Type: text\/html/i.test(activationMail) && /Content-Type: text\/plain/i.test(activationMail));
      await context.close();
    });
  });
}

activationWalk('nl-NL');
activationWalk('en-US');

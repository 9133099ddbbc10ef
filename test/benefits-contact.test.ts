import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { t as message, type MessageId } from '../src/platform/i18n/i18n.ts';
import {
  activate,
  activationRows,
  auditFor,
  contactBody,
  CONTACT_URL,
  contactRow,
  createSalesPartner,
  entitlement,
  outboxFor,
  putContact,
  signInWithContact,
} from './benefits-helpers.ts';
import { call, createFreeTenant, createPartner, engines, errorOf, signIn, startTestApp, type TestApp } from './helpers.ts';

// Sales and marketing benefits, part 1: the marketing contact, and who may
// assign it and activate. Activation itself is in benefits-activation.test.ts;
// the Rewards team's follow-up queue in benefits-follow-up.test.ts.

for (const engine of engines()) {
  describe(`sales and marketing benefits (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    describe('marketing contact', () => {
      it('is null until one is assigned', async () => {
        const p = await createSalesPartner(t);
        const s = await signIn(t.app, p.users.admin!.username);
        const response = await call(t.app, s, 'GET', CONTACT_URL);
        assert.equal(response.statusCode, 200, response.body);
        assert.deepEqual(response.json(), { contact: null });
      });

      it("lists the account's users as candidates, each with their own portal language (null while they follow the browser)", async () => {
        const p = await createSalesPartner(t, { admin: ['mpn-partner-admin'], dutch: ['user'], plain: ['user'] });
        const dutch = await signIn(t.app, p.users.dutch!.username);
        assert.equal((await call(t.app, dutch, 'PATCH', '/api/v1/me', { locale: 'nl-NL' })).statusCode, 200);
        const s = await signIn(t.app, p.users.admin!.username);
        const response = await call(t.app, s, 'GET', `${CONTACT_URL}/candidates`);
        assert.equal(response.statusCode, 200, response.body);
        const items = response.json<{ items: { id: string; displayName: string; email: string; username: string; locale: string | null }[] }>().items;
        const byName = new Map(items.map((item) => [item.displayName, item]));
        assert.deepEqual(byName.get('dutch'), { id: p.users.dutch!.id, displayName: 'dutch', email: byName.get('dutch')!.email, username: p.users.dutch!.username, locale: 'nl-NL' });
        assert.equal(byName.get('plain')!.locale, null);
        assert.equal(byName.get('admin')!.locale, null);
      });

      it('refuses every invalid field with its own code, and stores, sends and audits nothing', async () => {
        const p = await createSalesPartner(t, { admin: ['mpn-partner-admin'], colleague: ['user'] });
        const other = await createPartner(t, { stranger: ['mpn-partner-admin'] });
        const s = await signIn(t.app, p.users.admin!.username);
        const valid = contactBody(p, 'colleague');

        const all = await putContact(t.app, s, { userId: other.users.stranger!.id, email: p.companyEmail, phone: '12345', preferredLanguage: 'de-DE' });
        assert.equal(all.statusCode, 422, all.body);
        const allError = errorOf(all);
        assert.equal(allError.code, 'VALIDATION_FAILED');
        assert.deepEqual(
          Object.fromEntries(Object.entries(allError.fields ?? {}).map(([name, f]) => [name, f.code])),
          { userId: 'USER_NOT_IN_ACCOUNT', email: 'EMAIL_MATCHES_COMPANY_ACCOUNT', phone: 'PHONE_INVALID', preferredLanguage: 'LANGUAGE_UNSUPPORTED' },
        );

        const cases: [string, Partial<typeof valid>, string][] = [
          ['email', { email: p.companyEmail }, 'EMAIL_MATCHES_COMPANY_ACCOUNT'],
          ['email', { email: p.companyEmail.toUpperCase() }, 'EMAIL_MATCHES_COMPANY_ACCOUNT'],
          ['email', { email: `  Office@${p.domain.toUpperCase()}  ` }, 'EMAIL_MATCHES_COMPANY_ACCOUNT'],
          ['email', { email: `\tOFFICE@${p.domain}` }, 'EMAIL_MATCHES_COMPANY_ACCOUNT'],
          ['userId', { userId: other.users.stranger!.id }, 'USER_NOT_IN_ACCOUNT'],
          ['userId', { userId: randomUUID() }, 'USER_NOT_IN_ACCOUNT'],
          ['phone', { phone: '020 123 4567' }, 'PHONE_INVALID'],
          ['phone', { phone: '+0 20 123 4567' }, 'PHONE_INVALID'],
          ['phone', { phone: '+31 20' }, 'PHONE_INVALID'],
          ['phone', { phone: '+31 20 123 4567 890 12' }, 'PHONE_INVALID'],
          ['phone', { phone: 'call me maybe' }, 'PHONE_INVALID'],
          ['preferredLanguage', { preferredLanguage: 'de-DE' }, 'LANGUAGE_UNSUPPORTED'],
          ['preferredLanguage', { preferredLanguage: 'nl' }, 'LANGUAGE_UNSUPPORTED'],
          ['preferredLanguage', { preferredLanguage: 'NL-nl ' }, 'LANGUAGE_UNSUPPORTED'],
        ];
        for (const [field, change, code] of cases) {
          const response = await putContact(t.app, s, { ...valid, ...change });
          assert.equal(response.statusCode, 422, `${JSON.stringify(change)}: ${response.body}`);
          const error = errorOf(response);
          assert.equal(error.code, 'VALIDATION_FAILED');
          assert.deepEqual(Object.keys(error.fields ?? {}), [field], JSON.stringify(change));
          assert.equal(error.fields![field]!.code, code, JSON.stringify(change));
          assert.equal(error.fields![field]!.message, message('en-US', `field.${code}` as MessageId));
        }

        assert.equal(await contactRow(t.database.db, p.accountId), undefined);
        assert.deepEqual((await call(t.app, s, 'GET', CONTACT_URL)).json(), { contact: null });
        assert.deepEqual(await outboxFor(t.database.db, [valid.email, p.companyEmail, p.companyEmail.toUpperCase()]), []);
        assert.deepEqual(await auditFor(t.database.db, p.accountId, 'marketing-contact'), []);
      });

      it('explains the refusals in Dutch with Accept-Language nl-NL', async () => {
        const p = await createSalesPartner(t);
        const s = await signIn(t.app, p.users.admin!.username);
        const response = await putContact(
          t.app,
          s,
          { userId: randomUUID(), email: p.companyEmail, phone: 'nope', preferredLanguage: 'fr-FR' },
          { 'accept-language': 'nl-NL,nl;q=0.9,en;q=0.5' },
        );
        assert.equal(response.statusCode, 422);
        const error = errorOf(response);
        assert.equal(error.message, message('nl-NL', 'error.VALIDATION_FAILED'));
        assert.notEqual(error.message, message('en-US', 'error.VALIDATION_FAILED'));
        for (const code of ['USER_NOT_IN_ACCOUNT', 'EMAIL_MATCHES_COMPANY_ACCOUNT', 'PHONE_INVALID', 'LANGUAGE_UNSUPPORTED']) {
          const field = Object.values(error.fields ?? {}).find((f) => f.code === code);
          assert.ok(field, `no ${code} in ${response.body}`);
          assert.equal(field.message, message('nl-NL', `field.${code}` as MessageId));
          assert.notEqual(field.message, message('en-US', `field.${code}` as MessageId));
        }
        assert.match(error.fields!.email!.message, /bedrijfsaccount/);
        assert.match(error.fields!.phone!.message, /landcode/);
      });

      it('stores a valid contact with the phone in E.164 and queues contact-assigned in the contact language', async () => {
        const p = await createSalesPartner(t, { admin: ['mpn-partner-admin'], marketer: ['user'] });
        const s = await signIn(t.app, p.users.admin!.username);
        const body = contactBody(p, 'marketer', { email: `  Marketer@Mail.${p.domain} `, phone: '+31 (20) 123-45.67', preferredLanguage: 'nl-NL' });
        const response = await putContact(t.app, s, body);
        assert.equal(response.statusCode, 200, response.body);
        const contact = response.json();
        assert.equal(contact.userId, p.users.marketer!.id);
        assert.equal(contact.displayName, 'marketer');
        assert.equal(contact.email, `Marketer@Mail.${p.domain}`, 'stored trimmed');
        assert.equal(contact.phone, '+31201234567');
        assert.equal(contact.preferredLanguage, 'nl-NL');

        const read = await call(t.app, s, 'GET', CONTACT_URL);
        assert.deepEqual(read.json(), { contact });
        const row = await contactRow(t.database.db, p.accountId);
        assert.equal(row?.phone, '+31201234567');
        assert.equal(row?.updated_by, p.users.admin!.id);

        const mail = await outboxFor(t.database.db, [contact.email]);
        assert.equal(mail.length, 1);
        assert.equal(mail[0]!.kind, 'contact-assigned');
        assert.equal(mail[0]!.locale, 'nl-NL');
        assert.equal(mail[0]!.status, 'pending');
        assert.equal(mail[0]!.subject, `U bent de marketingcontactpersoon van Partner ${p.domain} voor Marketplace Rewards`);
        assert.match(mail[0]!.text_body, /^Beste marketer,/);
        assert.match(mail[0]!.html_body, /<html lang="nl-NL">/);
        assert.match(mail[0]!.message_id, /^<[^<>@\s]+@[^<>@\s]+>$/);

        const audit = await auditFor(t.database.db, p.accountId, 'marketing-contact');
        assert.equal(audit.length, 1);
        assert.equal(audit[0]!.action, 'marketing-contact.assigned');
        assert.equal(audit[0]!.actor_type, 'user');
        assert.equal(audit[0]!.actor_id, p.users.admin!.id);
        const details = (typeof audit[0]!.details === 'string' ? JSON.parse(audit[0]!.details) : audit[0]!.details) as Record<string, unknown>;
        assert.deepEqual(details, {
          before: null,
          after: { userId: p.users.marketer!.id, email: contact.email, phone: '+31201234567', language: 'nl-NL' },
        });

        // The same contact again is no change: no second email, no second audit event.
        const again = await putContact(t.app, s, body);
        assert.equal(again.statusCode, 200, again.body);
        assert.equal((await outboxFor(t.database.db, [contact.email])).length, 1);
        assert.equal((await auditFor(t.database.db, p.accountId, 'marketing-contact')).length, 1);
      });

      it('changing the contact notifies the old one (contact-replaced) and the new one (contact-assigned), and audits every change', async () => {
        const p = await createSalesPartner(t, { admin: ['global-admin'], first: ['user'], second: ['account-admin'] });
        const s = await signIn(t.app, p.users.admin!.username);
        const firstEmail = `first.marketing@mail.${p.domain}`;
        const secondEmail = `second.marketing@mail.${p.domain}`;
        assert.equal((await putContact(t.app, s, contactBody(p, 'first', { email: firstEmail, preferredLanguage: 'en-US' }))).statusCode, 200);
        const changed = await putContact(t.app, s, contactBody(p, 'second', { email: secondEmail, preferredLanguage: 'nl-NL', phone: '+1 425 555 0100' }));
        assert.equal(changed.statusCode, 200, changed.body);
        assert.equal(changed.json().userId, p.users.second!.id);

        const mail = await outboxFor(t.database.db, [firstEmail, secondEmail]);
        const summary = mail.map((m) => `${m.kind} ${m.recipient} ${m.locale}`).sort();
        assert.deepEqual(summary, [
          `contact-assigned ${firstEmail} en-US`,
          `contact-assigned ${secondEmail} nl-NL`,
          `contact-replaced ${firstEmail} en-US`,
        ]);
        const replaced = mail.find((m) => m.kind === 'contact-replaced')!;
        assert.equal(replaced.subject, `You are no longer the marketing contact for Partner ${p.domain}`);
        assert.match(replaced.text_body, /has assigned second as its marketing contact/);

        // Only the phone changes: audited, and nobody is told they were replaced.
        const phoneOnly = await putContact(t.app, s, contactBody(p, 'second', { email: secondEmail, preferredLanguage: 'nl-NL', phone: '+1 425 555 0199' }));
        assert.equal(phoneOnly.statusCode, 200, phoneOnly.body);
        assert.equal(phoneOnly.json().phone, '+14255550199');
        const after = await outboxFor(t.database.db, [firstEmail, secondEmail]);
        assert.equal(after.filter((m) => m.kind === 'contact-replaced').length, 1);

        const audit = await auditFor(t.database.db, p.accountId, 'marketing-contact');
        assert.deepEqual(audit.map((a) => a.action), ['marketing-contact.assigned', 'marketing-contact.changed', 'marketing-contact.changed']);
        const details = audit.map((a) => (typeof a.details === 'string' ? JSON.parse(a.details) : a.details) as { before: { email: string; phone: string } | null; after: { email: string; phone: string } });
        assert.equal(details[1]!.before?.email, firstEmail);
        assert.equal(details[1]!.after.email, secondEmail);
        assert.equal(details[2]!.before?.phone, '+14255550100');
        assert.equal(details[2]!.after.phone, '+14255550199');
        assert.ok(audit.every((a) => a.actor_id === p.users.admin!.id));
      });
    });

    describe('who may assign and activate', () => {
      for (const role of ['mpn-partner-admin', 'global-admin', 'admin-agent'] as const) {
        it(`${role} may assign the contact and activate`, async () => {
          const p = await createSalesPartner(t, { member: [role] });
          const s = await signInWithContact(t, p, 'member');
          const response = await activate(t.app, s, p.salesBenefitId);
          assert.equal(response.statusCode, 201, response.body);
          assert.equal(response.json().activatedBy, p.users.member!.id);
          const list = await call(t.app, s, 'GET', '/api/v1/rewards/activations');
          assert.equal(list.statusCode, 200);
          assert.equal(list.json().items.length, 1);
        });
      }

      it('account-admin and user get 403 FORBIDDEN and change nothing', async () => {
        const p = await createSalesPartner(t, { admin: ['mpn-partner-admin'], accountAdmin: ['account-admin'], plain: ['user'] });
        await signInWithContact(t, p, 'admin');
        const before = await contactRow(t.database.db, p.accountId);
        for (const name of ['accountAdmin', 'plain']) {
          const s = await signIn(t.app, p.users[name]!.username);
          const attempts = [
            await call(t.app, s, 'GET', CONTACT_URL),
            await putContact(t.app, s, contactBody(p, name)),
            await activate(t.app, s, p.salesBenefitId),
            await call(t.app, s, 'GET', '/api/v1/rewards/activations'),
          ];
          for (const response of attempts) {
            assert.equal(response.statusCode, 403, `${name}: ${response.body}`);
            assert.equal(errorOf(response).code, 'FORBIDDEN');
          }
        }
        assert.deepEqual(await contactRow(t.database.db, p.accountId), before);
        assert.deepEqual(await activationRows(t.database.db, p.salesBenefitId), []);
        assert.equal((await entitlement(t.database.db, p.salesBenefitId)).status, 'available');
      });

      it('a user without a partner account gets 403 NO_PARTNER_ACCOUNT', async () => {
        const free = await createFreeTenant(t, { lonely: ['mpn-partner-admin'] });
        const s = await signIn(t.app, free.users.lonely!.username);
        for (const response of [
          await call(t.app, s, 'GET', CONTACT_URL),
          await call(t.app, s, 'POST', `/api/v1/rewards/benefits/${randomUUID()}/activation`),
        ]) {
          assert.equal(response.statusCode, 403, response.body);
          assert.equal(errorOf(response).code, 'NO_PARTNER_ACCOUNT');
        }
      });

      it("another partner's admin can neither read nor activate this partner's benefits", async () => {
        const p = await createSalesPartner(t);
        const mine = await signInWithContact(t, p, 'admin');
        const other = await createSalesPartner(t, { admin: ['global-admin'] });
        const theirs = await signInWithContact(t, other, 'admin');

        const foreign = await activate(t.app, theirs, p.salesBenefitId);
        assert.equal(foreign.statusCode, 404, foreign.body);
        assert.equal(errorOf(foreign).code, 'NOT_FOUND');
        assert.deepEqual(await activationRows(t.database.db, p.salesBenefitId), []);

        const activated = await activate(t.app, mine, p.salesBenefitId);
        assert.equal(activated.statusCode, 201, activated.body);
        // Even once activated, the other partner learns nothing about it.
        const again = await activate(t.app, theirs, p.salesBenefitId);
        assert.equal(again.statusCode, 404, again.body);
        const theirList = await call(t.app, theirs, 'GET', '/api/v1/rewards/activations');
        assert.deepEqual(theirList.json(), { items: [], nextCursor: null });
        const theirContact = await call(t.app, theirs, 'GET', CONTACT_URL);
        assert.equal(theirContact.json().contact.userId, other.users.admin!.id);
        const theirBenefits = await call(t.app, theirs, 'GET', '/api/v1/rewards/benefits');
        const ids = theirBenefits.json().items.map((b: { id: string }) => b.id);
        assert.ok(!ids.includes(p.salesBenefitId));
        assert.ok(ids.includes(other.salesBenefitId));
      });
    });
  });
}

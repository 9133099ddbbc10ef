import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { escalateOverdue } from '../src/modules/benefits/follow-up.service.ts';
import { t as message } from '../src/platform/i18n/i18n.ts';
import type { Db } from '../src/platform/db/database.ts';
import {
  activate,
  auditFor,
  contactBody,
  createSalesPartner,
  DAY_MS,
  longDate,
  outboxFor,
  putContact,
  SALES_BENEFIT,
  signInWithContact,
  startSecondApp,
  type SalesPartner,
} from './benefits-helpers.ts';
import { call, createFreeTenant, createPartner, engines, errorOf, ops, signIn, startTestApp, type TestApp, type TestEngine } from './helpers.ts';

interface ActivationBody {
  id: string;
  benefitId: string;
  benefitCode: string;
  activatedAt: string;
  activatedBy: string | null;
  dueAt: string;
  contactEmail: string;
  status: 'open' | 'contacted';
  contactedAt: string | null;
}

interface TeamActivationBody {
  id: string;
  partnerName: string;
  mpnId: string;
  benefitCode: string;
  activatedAt: string;
  dueAt: string;
  contactEmail: string;
  contactLanguage: string;
  status: 'open' | 'contacted';
  contactedAt: string | null;
  contactedNote: string | null;
  escalatedAt: string | null;
  overdue: boolean;
}

const CONTACT_URL = '/api/v1/rewards/marketing-contact';

async function entitlement(db: Db, id: string) {
  return db.selectFrom('entitlements').select(['status', 'status_reason', 'expires_at']).where('id', '=', id).executeTakeFirstOrThrow();
}

async function entitlementEvents(db: Db, id: string) {
  return db.selectFrom('entitlement_events').selectAll().where('entitlement_id', '=', id).orderBy('occurred_at').execute();
}

async function activationRows(db: Db, entitlementId: string) {
  return db.selectFrom('activations').selectAll().where('entitlement_id', '=', entitlementId).execute();
}

async function contactRow(db: Db, accountId: string) {
  return db.selectFrom('marketing_contacts').selectAll().where('partner_account_id', '=', accountId).executeTakeFirst();
}

/** A partner with a contact (language given) and its sales benefit activated; returns the activation. */
async function activatedPartner(t: TestApp, language: 'en-US' | 'nl-NL' = 'en-US') {
  const p = await createSalesPartner(t);
  const session = await signInWithContact(t, p, 'admin', { preferredLanguage: language });
  const response = await activate(t.app, session, p.salesBenefitId);
  assert.equal(response.statusCode, 201, response.body);
  return { p, session, activation: response.json<ActivationBody>() };
}

/** The 50-request race: exactly one activation, one email, one event, whoever answers. */
async function assertOneActivation(db: Db, p: SalesPartner, contactEmail: string, responses: { statusCode: number; body: string }[]) {
  const statuses = responses.map((r) => r.statusCode);
  assert.equal(statuses.filter((s) => s === 201).length, 1, `statuses: ${statuses.join(',')}`);
  assert.equal(statuses.filter((s) => s === 200).length, responses.length - 1, `statuses: ${statuses.join(',')}`);
  const ids = new Set(responses.map((r) => (JSON.parse(r.body) as ActivationBody).id));
  assert.equal(ids.size, 1, 'every answer names the same activation');
  const rows = await activationRows(db, p.salesBenefitId);
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.id, [...ids][0]);
  const emails = (await outboxFor(db, [contactEmail])).filter((r) => r.kind === 'benefit-activated');
  assert.equal(emails.length, 1, 'one benefit-activated email');
  const events = (await entitlementEvents(db, p.salesBenefitId)).filter((e) => e.reason_code === 'ACTIVATED');
  assert.equal(events.length, 1, 'one ACTIVATED event');
  assert.equal((await auditFor(db, p.accountId, 'benefit.activated')).length, 1, 'one audit event');
  assert.equal((await entitlement(db, p.salesBenefitId)).status, 'activated');
}

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
          assert.equal(error.fields![field]!.message, message('en-US', `field.${code}`));
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
          assert.equal(field.message, message('nl-NL', `field.${code}`));
          assert.notEqual(field.message, message('en-US', `field.${code}`));
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
        assert.deepEqual(theirList.json(), { items: [] });
        const theirContact = await call(t.app, theirs, 'GET', CONTACT_URL);
        assert.equal(theirContact.json().contact.userId, other.users.admin!.id);
        const theirBenefits = await call(t.app, theirs, 'GET', '/api/v1/rewards/benefits');
        const ids = theirBenefits.json().items.map((b: { id: string }) => b.id);
        assert.ok(!ids.includes(p.salesBenefitId));
        assert.ok(ids.includes(other.salesBenefitId));
      });
    });

    describe('activation', () => {
      it('is refused without a marketing contact (409 MARKETING_CONTACT_REQUIRED, in the caller language)', async () => {
        const p = await createSalesPartner(t);
        const s = await signIn(t.app, p.users.admin!.username);
        const response = await activate(t.app, s, p.salesBenefitId);
        assert.equal(response.statusCode, 409, response.body);
        assert.equal(errorOf(response).code, 'MARKETING_CONTACT_REQUIRED');
        assert.equal(errorOf(response).message, message('en-US', 'error.MARKETING_CONTACT_REQUIRED'));
        const dutch = await activate(t.app, s, p.salesBenefitId, { 'accept-language': 'nl-NL' });
        assert.equal(dutch.statusCode, 409);
        assert.equal(errorOf(dutch).message, message('nl-NL', 'error.MARKETING_CONTACT_REQUIRED'));
        assert.match(errorOf(dutch).message, /marketingcontactpersoon/);
        assert.equal((await entitlement(t.database.db, p.salesBenefitId)).status, 'available');
        assert.deepEqual(await activationRows(t.database.db, p.salesBenefitId), []);
      });

      it('is refused for a technical benefit (409 BENEFIT_NOT_AVAILABLE)', async () => {
        const p = await createSalesPartner(t);
        const s = await signInWithContact(t, p, 'admin');
        const response = await activate(t.app, s, p.technicalBenefitId);
        assert.equal(response.statusCode, 409, response.body);
        assert.equal(errorOf(response).code, 'BENEFIT_NOT_AVAILABLE');
        assert.equal(errorOf(response).message, message('en-US', 'error.BENEFIT_NOT_AVAILABLE.category'));
        assert.equal((await entitlement(t.database.db, p.technicalBenefitId)).status, 'available');
        assert.deepEqual(await activationRows(t.database.db, p.technicalBenefitId), []);
      });

      it('is refused for an expired, revoked or out-of-date benefit, and allowed once it is available again', async () => {
        const p = await createSalesPartner(t);
        const s = await signInWithContact(t, p, 'admin');
        const db = t.database.db;
        const original = await entitlement(db, p.salesBenefitId);
        const states: { status: 'expired' | 'revoked' | 'available'; expiresAt: Date | null }[] = [
          { status: 'expired', expiresAt: new Date(Date.now() - DAY_MS) },
          { status: 'revoked', expiresAt: original.expires_at },
          { status: 'available', expiresAt: new Date(Date.now() - 60_000) },
          { status: 'available', expiresAt: new Date(Date.now() - 1) },
        ];
        for (const state of states) {
          await db.updateTable('entitlements').set({ status: state.status, expires_at: state.expiresAt }).where('id', '=', p.salesBenefitId).execute();
          const response = await activate(t.app, s, p.salesBenefitId);
          assert.equal(response.statusCode, 409, `${JSON.stringify(state)}: ${response.body}`);
          assert.equal(errorOf(response).code, 'BENEFIT_NOT_AVAILABLE');
          assert.equal(errorOf(response).message, message('en-US', 'error.BENEFIT_NOT_AVAILABLE'));
        }
        assert.deepEqual(await activationRows(db, p.salesBenefitId), []);
        assert.deepEqual((await outboxFor(db, [contactBody(p, 'admin').email])).map((m) => m.kind), ['contact-assigned']);

        await db.updateTable('entitlements').set({ status: 'available', expires_at: original.expires_at }).where('id', '=', p.salesBenefitId).execute();
        assert.equal((await activate(t.app, s, p.salesBenefitId)).statusCode, 201);
      });

      it('404 for an unknown benefit id', async () => {
        const p = await createSalesPartner(t);
        const s = await signInWithContact(t, p, 'admin');
        const response = await activate(t.app, s, randomUUID());
        assert.equal(response.statusCode, 404, response.body);
        assert.equal(errorOf(response).code, 'NOT_FOUND');
      });

      it('answers 201 once with a due time a week later, then 200 with the same activation; the benefit becomes activated', async () => {
        const p = await createSalesPartner(t, { admin: ['mpn-partner-admin'], agent: ['admin-agent'] });
        const s = await signInWithContact(t, p, 'admin', { preferredLanguage: 'nl-NL' });
        const contactEmail = contactBody(p, 'admin').email;
        const startedAt = Date.now();
        const first = await activate(t.app, s, p.salesBenefitId);
        const finishedAt = Date.now();
        assert.equal(first.statusCode, 201, first.body);
        const activation = first.json<ActivationBody>();
        const activatedAt = Date.parse(activation.activatedAt);
        assert.ok(activatedAt >= startedAt - 1000 && activatedAt <= finishedAt + 1000, 'activated now');
        assert.equal(Date.parse(activation.dueAt) - activatedAt, 7 * DAY_MS);
        assert.equal(activation.benefitId, p.salesBenefitId);
        assert.equal(activation.benefitCode, SALES_BENEFIT);
        assert.equal(activation.activatedBy, p.users.admin!.id);
        assert.equal(activation.contactEmail, contactEmail);
        assert.equal(activation.status, 'open');
        assert.equal(activation.contactedAt, null);

        const second = await activate(t.app, s, p.salesBenefitId);
        assert.equal(second.statusCode, 200, second.body);
        assert.deepEqual(second.json(), activation);
        const agent = await signIn(t.app, p.users.agent!.username);
        const third = await activate(t.app, agent, p.salesBenefitId);
        assert.equal(third.statusCode, 200, third.body);
        assert.deepEqual(third.json(), activation, 'another user of the account gets the same activation');

        const db = t.database.db;
        const ent = await entitlement(db, p.salesBenefitId);
        assert.equal(ent.status, 'activated');
        assert.equal(ent.status_reason, 'ACTIVATED');
        const events = await entitlementEvents(db, p.salesBenefitId);
        const activatedEvents = events.filter((e) => e.to_status === 'activated');
        assert.equal(activatedEvents.length, 1);
        assert.equal(activatedEvents[0]!.from_status, 'available');
        assert.equal(activatedEvents[0]!.reason_code, 'ACTIVATED');
        assert.equal(activatedEvents[0]!.occurred_at.getTime(), activatedAt);

        const benefits = await call(t.app, s, 'GET', '/api/v1/rewards/benefits?category=sales-marketing');
        const listed = benefits.json().items.find((b: { id: string }) => b.id === p.salesBenefitId);
        assert.equal(listed.status, 'activated');

        const list = await call(t.app, s, 'GET', '/api/v1/rewards/activations');
        assert.equal(list.statusCode, 200, list.body);
        assert.deepEqual(list.json(), { items: [activation] });

        const rows = await activationRows(db, p.salesBenefitId);
        assert.equal(rows.length, 1);
        assert.equal(rows[0]!.contact_language, 'nl-NL');
        assert.equal(rows[0]!.partner_account_id, p.accountId);

        const mail = (await outboxFor(db, [contactEmail])).filter((m) => m.kind === 'benefit-activated');
        assert.equal(mail.length, 1, 'one email, not one per request');
        assert.equal(mail[0]!.locale, 'nl-NL');
        assert.equal(mail[0]!.subject, `Campagnemateriaal voor uw proefversie is geactiveerd voor Partner ${p.domain}`);
        assert.ok(mail[0]!.text_body.includes(`uiterlijk ${longDate('nl-NL', new Date(activation.dueAt))} contact met u op`), mail[0]!.text_body);

        const audit = await auditFor(db, p.accountId, 'benefit.activated');
        assert.equal(audit.length, 1);
        assert.equal(audit[0]!.subject_id, p.salesBenefitId);
      });

      it('50 concurrent requests give one activation, one email, one event (one instance)', async () => {
        const p = await createSalesPartner(t, { admin: ['mpn-partner-admin'], agent: ['admin-agent'] });
        const admin = await signInWithContact(t, p, 'admin');
        const agent = await signIn(t.app, p.users.agent!.username);
        const responses = await Promise.all(
          Array.from({ length: 50 }, (_, i) => activate(t.app, i % 2 === 0 ? admin : agent, p.salesBenefitId)),
        );
        await assertOneActivation(t.database.db, p, contactBody(p, 'admin').email, responses);
      });
    });

    describe("the Rewards team's follow-up queue", () => {
      it('lists open activations by due time and flags the overdue ones', async () => {
        const a = await activatedPartner(t, 'nl-NL');
        const b = await activatedPartner(t);
        // a is due first but not yet overdue; b's due time passed an hour ago.
        await t.database.db.updateTable('activations').set({ due_at: new Date(Date.now() - 3_600_000) }).where('id', '=', b.activation.id).execute();

        const response = await ops(t, 'GET', '/api/v1/ops/activations?status=open');
        assert.equal(response.statusCode, 200, response.body);
        const items = response.json<{ items: TeamActivationBody[] }>().items;
        const dues = items.map((i) => Date.parse(i.dueAt));
        assert.deepEqual(dues, [...dues].sort((x, y) => x - y), 'ordered by due time');
        assert.ok(items.every((i) => i.status === 'open'));
        assert.ok(items.every((i) => i.overdue === Date.parse(i.dueAt) < Date.now()));
        const ours = items.filter((i) => i.id === a.activation.id || i.id === b.activation.id);
        assert.deepEqual(ours.map((i) => i.id), [b.activation.id, a.activation.id]);
        assert.deepEqual(ours.map((i) => i.overdue), [true, false]);
        const [overdue, open] = ours;
        assert.equal(overdue!.partnerName, `Partner ${b.p.domain}`);
        assert.equal(overdue!.mpnId, b.p.mpnId);
        assert.equal(open!.benefitCode, SALES_BENEFIT);
        assert.equal(open!.contactLanguage, 'nl-NL');
        assert.equal(open!.contactEmail, a.activation.contactEmail);
        assert.equal(open!.dueAt, a.activation.dueAt);

        // Without ?status, the open ones too.
        const byDefault = await ops(t, 'GET', '/api/v1/ops/activations');
        assert.ok(byDefault.json().items.some((i: TeamActivationBody) => i.id === a.activation.id));
      });

      it('records the contact with a note: contacted, the benefit in progress, a second time alreadyContacted', async () => {
        const { p, session, activation } = await activatedPartner(t);
        const url = `/api/v1/ops/activations/${activation.id}/contacted`;
        const first = await ops(t, 'POST', url, { note: '  Called Ann, campaign planned for next month.  ' });
        assert.equal(first.statusCode, 200, first.body);
        assert.deepEqual(first.json(), { id: activation.id, alreadyContacted: false });

        const contacted = await ops(t, 'GET', '/api/v1/ops/activations?status=contacted');
        const row = contacted.json().items.find((i: TeamActivationBody) => i.id === activation.id) as TeamActivationBody;
        assert.equal(row.status, 'contacted');
        assert.equal(row.contactedNote, 'Called Ann, campaign planned for next month.');
        assert.ok(row.contactedAt !== null);
        assert.equal(row.overdue, false);
        const open = await ops(t, 'GET', '/api/v1/ops/activations?status=open');
        assert.ok(!open.json().items.some((i: TeamActivationBody) => i.id === activation.id));

        const db = t.database.db;
        assert.equal((await entitlement(db, p.salesBenefitId)).status, 'in-progress');
        const events = await entitlementEvents(db, p.salesBenefitId);
        assert.deepEqual(
          events.filter((e) => e.reason_code === 'CONTACTED').map((e) => [e.from_status, e.to_status]),
          [['activated', 'in-progress']],
        );
        const partnerView = await call(t.app, session, 'GET', '/api/v1/rewards/activations');
        assert.equal(partnerView.json().items[0].status, 'contacted');
        assert.equal(partnerView.json().items[0].contactedAt, row.contactedAt);

        const second = await ops(t, 'POST', url, { note: 'Called again' });
        assert.equal(second.statusCode, 200, second.body);
        assert.deepEqual(second.json(), { id: activation.id, alreadyContacted: true });
        const stored = await db.selectFrom('activations').select(['contacted_note', 'contacted_at']).where('id', '=', activation.id).executeTakeFirstOrThrow();
        assert.equal(stored.contacted_note, 'Called Ann, campaign planned for next month.', 'the first note stays');
        assert.equal(stored.contacted_at?.toISOString(), row.contactedAt);
        assert.equal((await entitlementEvents(db, p.salesBenefitId)).filter((e) => e.reason_code === 'CONTACTED').length, 1);
        assert.equal((await auditFor(db, p.accountId, 'activation.contacted')).length, 1);
      });

      it('404 for an unknown activation, 422 without a note, 401 without an operator token', async () => {
        const { session, activation } = await activatedPartner(t);
        const unknown = await ops(t, 'POST', `/api/v1/ops/activations/${randomUUID()}/contacted`, { note: 'Hello' });
        assert.equal(unknown.statusCode, 404, unknown.body);
        assert.equal(errorOf(unknown).code, 'NOT_FOUND');

        for (const note of ['', '   ']) {
          const blank = await ops(t, 'POST', `/api/v1/ops/activations/${activation.id}/contacted`, { note });
          assert.equal(blank.statusCode, 422, blank.body);
          assert.ok(errorOf(blank).fields?.note, blank.body);
        }

        const anonymous = [
          await t.app.inject({ method: 'GET', url: '/api/v1/ops/activations?status=open' }),
          await t.app.inject({ method: 'POST', url: `/api/v1/ops/activations/${activation.id}/contacted`, payload: { note: 'x' } }),
          // A partner's session is not an operator token.
          await call(t.app, session, 'GET', '/api/v1/ops/activations?status=open'),
          await call(t.app, session, 'POST', `/api/v1/ops/activations/${activation.id}/contacted`, { note: 'x' }),
          await t.app.inject({ method: 'GET', url: '/api/v1/ops/activations', headers: { authorization: 'Bearer not-a-real-token' } }),
        ];
        for (const response of anonymous) {
          assert.equal(response.statusCode, 401, response.body);
          assert.equal(errorOf(response).code, 'UNAUTHENTICATED');
        }
        const stored = await t.database.db.selectFrom('activations').select('status').where('id', '=', activation.id).executeTakeFirstOrThrow();
        assert.equal(stored.status, 'open');
      });

      it('escalates each overdue activation once to the Rewards team, however often it runs', async () => {
        const db = t.database.db;
        const overdue1 = await activatedPartner(t);
        const overdue2 = await activatedPartner(t, 'nl-NL');
        const notYetDue = await activatedPartner(t);
        const contacted = await activatedPartner(t);
        const past = new Date(Date.now() - 2 * DAY_MS);
        await db
          .updateTable('activations')
          .set({ due_at: past })
          .where('id', 'in', [overdue1.activation.id, overdue2.activation.id, contacted.activation.id])
          .execute();
        assert.equal((await ops(t, 'POST', `/api/v1/ops/activations/${contacted.activation.id}/contacted`, { note: 'Done' })).statusCode, 200);

        assert.equal(await escalateOverdue(db, null), 0, 'no team address, no escalation');
        const team = 'team@example.com';
        const first = await escalateOverdue(db, team);
        assert.ok(first >= 2, `escalated ${first}`);
        const second = await escalateOverdue(db, team);
        assert.equal(second, 0, 'already escalated');
        const concurrent = await Promise.all([escalateOverdue(db, team), escalateOverdue(db, team)]);
        assert.deepEqual(concurrent, [0, 0]);

        const mail = await db.selectFrom('outbox').selectAll().where('recipient', '=', team).where('kind', '=', 'activation-overdue').execute();
        const about = (x: { p: SalesPartner }) => mail.filter((m) => m.subject.includes(`(${x.p.mpnId})`));
        assert.equal(about(overdue1).length, 1);
        assert.equal(about(overdue2).length, 1);
        assert.equal(about(notYetDue).length, 0);
        assert.equal(about(contacted).length, 0);
        const escalation = about(overdue2)[0]!;
        assert.equal(escalation.locale, 'en-US', "the team's emails are in English");
        assert.equal(escalation.subject, `Overdue follow-up: Partner ${overdue2.p.domain} (${overdue2.p.mpnId}), ${SALES_BENEFIT}`);
        assert.ok(escalation.text_body.includes(overdue2.activation.contactEmail));
        assert.ok(escalation.text_body.includes(longDate('en-US', past)), escalation.text_body);
        assert.equal(new Set(mail.map((m) => m.message_id)).size, mail.length);

        const queue = (await ops(t, 'GET', '/api/v1/ops/activations?status=all')).json<{ items: TeamActivationBody[] }>().items;
        const byId = new Map(queue.map((i) => [i.id, i]));
        assert.ok(byId.get(overdue1.activation.id)!.escalatedAt !== null);
        assert.equal(byId.get(overdue1.activation.id)!.overdue, true);
        assert.equal(byId.get(notYetDue.activation.id)!.escalatedAt, null);
        assert.equal(byId.get(contacted.activation.id)!.escalatedAt, null);
      });
    });
  });
}

// Two app instances sharing one database can only be built on PostgreSQL
// (PGlite is one process's in-memory database), so this block is registered
// only when TEST_DATABASE_URL is set.
const postgres: TestEngine | undefined = engines().find((e) => e.name === 'postgres');
if (postgres) {
  describe('sales and marketing benefits on two app instances (postgres)', () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(postgres);
    });
    after(async () => t.close());

    it('50 concurrent activations split over two instances give one activation, one email, one event', async () => {
      const second = await startSecondApp(t);
      try {
        const p = await createSalesPartner(t, { admin: ['mpn-partner-admin'], agent: ['global-admin'] });
        const admin = await signInWithContact(t, p, 'admin', { preferredLanguage: 'nl-NL' });
        // Sessions live in the database, so a session from one instance works on the other.
        const agent = await signIn(second.app, p.users.agent!.username);
        const responses = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            i % 2 === 0 ? activate(t.app, i % 4 === 0 ? admin : agent, p.salesBenefitId) : activate(second.app, i % 4 === 1 ? admin : agent, p.salesBenefitId),
          ),
        );
        await assertOneActivation(t.database.db, p, contactBody(p, 'admin').email, responses);
        const winner = responses.find((r) => r.statusCode === 201)!;
        // Both instances answer later requests with the one activation.
        for (const app of [t.app, second.app]) {
          const list = await call(app, admin, 'GET', '/api/v1/rewards/activations');
          assert.deepEqual(list.json(), { items: [winner.json()] });
        }
      } finally {
        await second.close();
      }
    });
  });
}

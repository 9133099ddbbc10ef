import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { auditFor, contactBody, contactRow, createSalesPartner, outboxFor, putContact } from './benefits-helpers.ts';
import { createTransactSeller } from './eligibility-helpers.ts';
import { call, engines, errorOf, signIn, startTestApp, type Session, type TestApp } from './helpers.ts';
import { createTechnicalPartner, REQUESTS_URL, requestBody, submit, submitted, type TechnicalPartner } from './technical-helpers.ts';

// Issue #13's "errors in one pass" on the Rewards forms: the marketing contact, a technical
// assistance request (submitted and edited) and a sponsorship's provisioning request each answer
// the schema's problems and their service's own rules in one 422, store (and replay) nothing, and
// judge no field the schema refused. What the account forms do is in form-errors.test.ts.

/** `{field: code}` of a refusal, for one deepEqual over every field. */
function codes(response: LightMyRequestResponse): Record<string, string> {
  assert.equal(response.statusCode, 422, response.body);
  const error = errorOf(response);
  assert.equal(error.code, 'VALIDATION_FAILED');
  return Object.fromEntries(Object.entries(error.fields ?? {}).map(([name, field]) => [name, field.code]));
}

const SUBSCRIPTION = '0b6f2f8e-3c1d-4e5a-9f7b-2a1c3d4e5f60';

for (const engine of engines()) {
  describe(`Rewards form errors in one pass (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    describe('the marketing contact', () => {
      it("an empty email, a user outside the account and a bad phone in one 422, stored, mailed and audited nothing", async () => {
        const p = await createSalesPartner(t, { admin: ['mpn-partner-admin'], colleague: ['user'] });
        const s = await signIn(t.app, p.users.admin!.username);
        const valid = contactBody(p, 'colleague');

        const together = await putContact(t.app, s, { ...valid, userId: randomUUID(), email: '   ', phone: '12345' });
        assert.deepEqual(codes(together), { email: 'FIELD_REQUIRED', userId: 'USER_NOT_IN_ACCOUNT', phone: 'PHONE_INVALID' });

        // The schema's refusals (a malformed id, a malformed country) and the rules on the other fields
        // at once; the number is not judged without a country the schema passed.
        const mixed = await putContact(t.app, s, { userId: 'not-a-uuid', email: p.companyEmail, phone: '020 123 4567', phoneCountry: 'nl', preferredLanguage: 'de-DE' });
        assert.deepEqual(codes(mixed), {
          userId: 'FORMAT_INVALID',
          phoneCountry: 'FORMAT_INVALID',
          email: 'EMAIL_MATCHES_COMPANY_ACCOUNT',
          preferredLanguage: 'LANGUAGE_UNSUPPORTED',
        });
        // Missing fields and a field of the wrong type: the rules judge only what the schema passed.
        assert.deepEqual(codes(await putContact(t.app, s, { userId: valid.userId, phone: 42, preferredLanguage: 'fr-FR' })), {
          email: 'FIELD_REQUIRED',
          phone: 'TYPE_INVALID',
          preferredLanguage: 'LANGUAGE_UNSUPPORTED',
        });
        // A body that is not an object has no field to judge.
        assert.deepEqual(codes(await putContact(t.app, s, ['not', 'an', 'object'])), { _: 'TYPE_INVALID' });

        assert.equal(await contactRow(t.database.db, p.accountId), undefined);
        assert.deepEqual(await outboxFor(t.database.db, [valid.email, p.companyEmail]), []);
        assert.deepEqual(await auditFor(t.database.db, p.accountId, 'marketing-contact'), []);
        // The email is still trimmed before its format is checked (the preValidation hook).
        const trimmed = await putContact(t.app, s, { ...valid, email: `  ${valid.email}  ` });
        assert.equal(trimmed.statusCode, 200, trimmed.body);
        assert.equal(trimmed.json<{ email: string }>().email, valid.email);
      });
    });

    describe('a technical assistance request', () => {
      let p: TechnicalPartner;
      before(async () => {
        p = await createTechnicalPartner(t);
      });
      const requestCount = async () =>
        Number((await t.database.db.selectFrom('technical_requests').select((eb) => eb.fn.countAll<string>().as('n')).where('partner_account_id', '=', p.accountId).executeTakeFirstOrThrow()).n);

      it("submitting: the schema's problems, the offer, the time zone, the contact and the benefit in one 422, and nothing stored", async () => {
        const before = await requestCount();
        const response = await submit(
          t,
          p.session,
          requestBody(p, {
            title: '',
            offerId: 'no-such-offer',
            timeZone: 'Mars/Olympus',
            benefitId: randomUUID(),
            contact: { userId: randomUUID(), email: 'not-an-email', phone: '12', preferredLanguage: 'fr-FR' },
          }),
        );
        assert.deepEqual(codes(response), {
          title: 'FIELD_REQUIRED',
          'contact.email': 'EMAIL_INVALID',
          offerId: 'OFFER_UNKNOWN',
          timeZone: 'TIME_ZONE_UNKNOWN',
          'contact.userId': 'USER_NOT_IN_ACCOUNT',
          'contact.phone': 'PHONE_INVALID',
          'contact.preferredLanguage': 'LANGUAGE_UNSUPPORTED',
          benefitId: 'BENEFIT_UNKNOWN',
        });
        // A contact that is not an object, a phase the schema refused: neither is read, the rest is judged.
        const unread = await submit(t, p.session, requestBody(p, { phase: 'someday', contact: 'me', benefitId: p.benefitId, timeZone: 'Mars/Olympus' }));
        assert.deepEqual(codes(unread), { phase: 'VALUE_NOT_ALLOWED', contact: 'TYPE_INVALID', timeZone: 'TIME_ZONE_UNKNOWN' });
        assert.deepEqual(codes(await submit(t, p.session, ['a request'])), { _: 'TYPE_INVALID' });
        assert.equal(await requestCount(), before, 'nothing is stored');
      });

      it('with an Idempotency-Key: a bad body is its fields, never a replay, and keeps nothing under the key', async () => {
        const key = randomUUID();
        const first = await submit(t, p.session, requestBody(p, { title: 'Keyed once' }), { 'idempotency-key': key });
        assert.equal(first.statusCode, 201, first.body);
        const bad = await submit(t, p.session, requestBody(p, { title: 'Keyed once', description: '', offerId: 'no-such-offer' }), { 'idempotency-key': key });
        assert.deepEqual(codes(bad), { description: 'FIELD_REQUIRED', offerId: 'OFFER_UNKNOWN' });
        assert.equal(bad.headers['idempotent-replayed'], undefined);

        const fresh = randomUUID();
        const refused = await submit(t, p.session, requestBody(p, { title: '', timeZone: 'Mars/Olympus' }), { 'idempotency-key': fresh });
        assert.deepEqual(codes(refused), { title: 'FIELD_REQUIRED', timeZone: 'TIME_ZONE_UNKNOWN' });
        const before = await requestCount();
        const corrected = await submit(t, p.session, requestBody(p, { title: 'Corrected' }), { 'idempotency-key': fresh });
        assert.equal(corrected.statusCode, 201, corrected.body);
        assert.equal(corrected.headers['idempotent-replayed'], undefined, 'the refusal was not kept under the key');
        assert.equal(await requestCount(), before + 1);
      });

      it('editing: after which request and which revision, the schema problems and the rules in one 422, and nothing changed', async () => {
        const request = await submitted(t, p, { title: 'To be edited' });
        const url = `${REQUESTS_URL}/${request.id}`;
        const edit = (body: unknown) => call(t.app, p.session, 'PATCH', url, body);
        assert.deepEqual(codes(await edit({ revision: 1, title: '', offerId: 'no-such-offer', timeZone: 'Mars/Olympus', answer: 'Not asked' })), {
          title: 'FIELD_REQUIRED',
          offerId: 'OFFER_UNKNOWN',
          timeZone: 'TIME_ZONE_UNKNOWN',
          answer: 'VALUE_NOT_ALLOWED',
        });
        // A revision the schema refused is not compared; it is one of the problems.
        assert.deepEqual(codes(await edit({ revision: 'one', description: '  ', contact: { userId: randomUUID(), email: 'a@mail.example', phone: '12', preferredLanguage: 'en-US' } })), {
          revision: 'TYPE_INVALID',
          description: 'FIELD_REQUIRED',
          'contact.userId': 'USER_NOT_IN_ACCOUNT',
          'contact.phone': 'PHONE_INVALID',
        });
        // A stale revision is still the answer before the fields, and a bad id is the id's problem alone.
        const stale = await edit({ revision: 7, title: '' });
        assert.equal(stale.statusCode, 409, stale.body);
        assert.equal(errorOf(stale).code, 'REVISION_CONFLICT');
        assert.deepEqual(codes(await call(t.app, p.session, 'PATCH', `${REQUESTS_URL}/not-a-uuid`, { revision: 'one', title: '' })), { id: 'FORMAT_INVALID' });
        const row = await t.database.db.selectFrom('technical_requests').select(['title', 'revision']).where('id', '=', request.id).executeTakeFirstOrThrow();
        assert.deepEqual(row, { title: 'To be edited', revision: 1 }, 'nothing changed');
      });
    });

    describe("a sponsorship's provisioning request", () => {
      it("a malformed subscription id and an excluded billing type in one 422, and the sponsorship unchanged", async () => {
        const seller = await createTransactSeller(t, ['30000.00'], { admin: ['mpn-partner-admin'] });
        const session: Session = await signIn(t.app, seller.partner.users.admin!.username);
        const list = await call(t.app, session, 'GET', '/api/v1/rewards/sponsorships');
        assert.equal(list.statusCode, 200, list.body);
        const [credit] = list.json<{ items: { id: string; status: string }[] }>().items;
        assert.ok(credit);
        const provision = (id: string, body: unknown) => call(t.app, session, 'POST', `/api/v1/rewards/sponsorships/${id}/provisioning-request`, body);

        assert.deepEqual(codes(await provision(credit.id, { subscriptionId: 'not-a-guid', billingType: 'csp' })), {
          subscriptionId: 'FORMAT_INVALID',
          billingType: 'BILLING_TYPE_EXCLUDED',
        });
        assert.deepEqual(codes(await provision(credit.id, { subscriptionId: 42, billingType: 'barter' })), { subscriptionId: 'TYPE_INVALID', billingType: 'VALUE_NOT_ALLOWED' });
        // A billing type the schema refused is not looked up.
        assert.deepEqual(codes(await provision(credit.id, { subscriptionId: SUBSCRIPTION, billingType: '' })), { billingType: 'FIELD_REQUIRED' });
        // The path's id is checked before the body, and alone.
        assert.deepEqual(codes(await provision('not-a-uuid', { subscriptionId: 'not-a-guid', billingType: 'csp' })), { id: 'FORMAT_INVALID' });

        const row = await t.database.db.selectFrom('sponsorships').select(['status', 'subscription_id', 'billing_type']).where('id', '=', credit.id).executeTakeFirstOrThrow();
        assert.deepEqual(row, { status: 'unlocked', subscription_id: null, billing_type: null }, 'nothing changed');
        assert.deepEqual(await auditFor(t.database.db, seller.partner.accountId, 'sponsorship.provisioning'), []);
        const requested = await provision(credit.id, { subscriptionId: SUBSCRIPTION, billingType: 'pay-as-you-go' });
        assert.equal(requested.statusCode, 200, requested.body);
      });
    });
  });
}

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, afterEach, before, describe, it } from 'node:test';
import { t as message } from '../src/platform/i18n/i18n.ts';
import type { Db } from '../src/platform/db/database.ts';
import {
  activate,
  activationRows,
  auditFor,
  contactBody,
  createSalesPartner,
  DAY_MS,
  entitlement,
  entitlementEvents,
  longDate,
  outboxFor,
  SALES_BENEFIT,
  signInWithContact,
  startSecondApp,
  type ActivationBody,
  type SalesPartner,
} from './benefits-helpers.ts';
import { call, engines, errorOf, postgresOnly, signIn, startTestApp, testClock, type TestApp } from './helpers.ts';

// Sales and marketing benefits, part 2: activating a sales-marketing benefit,
// on one app instance and (PostgreSQL only) on two. The marketing contact and
// who may activate are in benefits-contact.test.ts; the Rewards team's
// follow-up queue in benefits-follow-up.test.ts.

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
    const clock = testClock();
    before(async () => {
      t = await startTestApp(engine, {}, { clock });
    });
    afterEach(() => clock.reset());
    after(async () => t.close());

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
        // The app's time is fixed, so "a millisecond ago" and "this very instant" are exact.
        const now = clock.set(new Date());
        const states: { status: 'expired' | 'revoked' | 'available'; expiresAt: Date | null }[] = [
          { status: 'expired', expiresAt: new Date(now.getTime() - DAY_MS) },
          { status: 'revoked', expiresAt: original.expires_at },
          { status: 'available', expiresAt: new Date(now.getTime() - 60_000) },
          { status: 'available', expiresAt: new Date(now.getTime() - 1) },
          { status: 'available', expiresAt: now },
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
        const now = clock.set(new Date());
        const first = await activate(t.app, s, p.salesBenefitId);
        assert.equal(first.statusCode, 201, first.body);
        const activation = first.json<ActivationBody>();
        const activatedAt = Date.parse(activation.activatedAt);
        assert.equal(activation.activatedAt, now.toISOString(), 'activated now');
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
        assert.deepEqual(list.json(), { items: [activation], nextCursor: null });

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
  });
}

// Two app instances sharing one database can only be built on PostgreSQL
// (PGlite is one process's in-memory database), so without TEST_DATABASE_URL
// this block is reported as skipped.
const postgres = postgresOnly();
describe('sales and marketing benefits on two app instances (postgres)', postgres.skip, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(postgres.engine());
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
        assert.deepEqual(list.json(), { items: [winner.json()], nextCursor: null });
      }
    } finally {
      await second.close();
    }
  });
});

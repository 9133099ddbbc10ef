import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, afterEach, before, describe, it } from 'node:test';
import { escalateOverdueWork } from '../src/modules/work/work-escalation.ts';
import {
  activate,
  auditFor,
  contactBody,
  createSalesPartner,
  DAY_MS,
  entitlement,
  entitlementEvents,
  longDate,
  putContact,
  SALES_BENEFIT,
  signInWithContact,
  type ActivationBody,
  type SalesPartner,
} from './benefits-helpers.ts';
import { call, engines, errorOf, ops, startTestApp, testClock, type TestApp } from './helpers.ts';

// Sales and marketing benefits, part 3: the Rewards team's follow-up queue
// of activations (ops API), the contacted note, and escalation when overdue.
// The marketing contact is in benefits-contact.test.ts; activation in
// benefits-activation.test.ts.

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

/** A partner with a contact (language given) and its sales benefit activated; returns the activation. */
async function activatedPartner(t: TestApp, language: 'en-US' | 'nl-NL' = 'en-US') {
  const p = await createSalesPartner(t);
  const session = await signInWithContact(t, p, 'admin', { preferredLanguage: language });
  const response = await activate(t.app, session, p.salesBenefitId);
  assert.equal(response.statusCode, 201, response.body);
  return { p, session, activation: response.json<ActivationBody>() };
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

    describe("the Rewards team's follow-up queue", () => {
      it('lists open activations by due time and flags the overdue ones', async () => {
        const a = await activatedPartner(t, 'nl-NL');
        const b = await activatedPartner(t);
        // The queue's time is fixed, so "overdue" is exact for every row. a is due first but not yet
        // overdue; b's due time passed an hour ago.
        const now = clock.set(new Date());
        await t.database.db.updateTable('activations').set({ due_at: new Date(now.getTime() - 3_600_000) }).where('id', '=', b.activation.id).execute();

        const response = await ops(t, 'GET', '/api/v1/ops/activations?status=open');
        assert.equal(response.statusCode, 200, response.body);
        const items = response.json<{ items: TeamActivationBody[] }>().items;
        const dues = items.map((i) => Date.parse(i.dueAt));
        assert.deepEqual(dues, [...dues].sort((x, y) => x - y), 'ordered by due time');
        assert.ok(items.every((i) => i.status === 'open'));
        assert.ok(items.length >= 2);
        for (const i of items) assert.equal(i.overdue, Date.parse(i.dueAt) < now.getTime(), `${i.id} due ${i.dueAt}`);
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

      it('an open activation follows the marketing contact when it changes; a contacted one keeps whom it reached', async () => {
        const p = await createSalesPartner(t, { admin: ['mpn-partner-admin'], other: ['mpn-partner-admin'] });
        const session = await signInWithContact(t, p, 'admin');
        const activated = await activate(t.app, session, p.salesBenefitId);
        assert.equal(activated.statusCode, 201, activated.body);
        const activation = activated.json<ActivationBody>();
        const changed = await putContact(t.app, session, contactBody(p, 'other', { email: `marketing.new@${p.domain}`, preferredLanguage: 'nl-NL' }));
        assert.equal(changed.statusCode, 200, changed.body);

        // The partner's page, the team's queue: the new contact, in the new contact's language.
        const mine = (await call(t.app, session, 'GET', '/api/v1/rewards/activations')).json<{ items: ActivationBody[] }>().items;
        assert.equal(mine.find((a) => a.id === activation.id)?.contactEmail, `marketing.new@${p.domain}`);
        const queued = (await ops(t, 'GET', '/api/v1/ops/activations?status=open')).json<{ items: TeamActivationBody[] }>().items;
        const row = queued.find((i) => i.id === activation.id)!;
        assert.deepEqual([row.contactEmail, row.contactLanguage], [`marketing.new@${p.domain}`, 'nl-NL']);

        // Once contacted, the activation keeps the person the team reached.
        assert.equal((await ops(t, 'POST', `/api/v1/ops/activations/${activation.id}/contacted`, { note: 'Called' })).statusCode, 200);
        const back = await putContact(t.app, session, contactBody(p, 'admin'));
        assert.equal(back.statusCode, 200, back.body);
        const contacted = (await ops(t, 'GET', '/api/v1/ops/activations?status=contacted')).json<{ items: TeamActivationBody[] }>().items;
        assert.equal(contacted.find((i) => i.id === activation.id)?.contactEmail, `marketing.new@${p.domain}`);
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
        // This test's rows alone are overdue at the time the escalation runs: due two days before it,
        // which is long before any other test's activation (made at the wall clock's time, due a week
        // later), so the counts are exact.
        const now = new Date(Date.UTC(2001, 0, 15, 9, 30));
        const past = new Date(now.getTime() - 2 * DAY_MS);
        await db
          .updateTable('activations')
          .set({ due_at: past })
          .where('id', 'in', [overdue1.activation.id, overdue2.activation.id, contacted.activation.id])
          .execute();
        assert.equal((await ops(t, 'POST', `/api/v1/ops/activations/${contacted.activation.id}/contacted`, { note: 'Done' })).statusCode, 200);

        const links = { portalUrl: 'http://localhost:3000' };
        assert.equal(await escalateOverdueWork(db, null, now, links), 0, 'no team address and nobody assigned: no escalation');
        const team = 'team@example.com';
        const first = await escalateOverdueWork(db, team, now, links);
        assert.equal(first, 2, 'the two open overdue activations');
        const second = await escalateOverdueWork(db, team, now, links);
        assert.equal(second, 0, 'already escalated');
        const concurrent = await Promise.all([escalateOverdueWork(db, team, now, links), escalateOverdueWork(db, team, now, links)]);
        assert.deepEqual(concurrent, [0, 0]);

        const mail = await db.selectFrom('outbox').selectAll().where('recipient', '=', team).where('kind', '=', 'work-overdue').execute();
        const about = (x: { p: SalesPartner }) => mail.filter((m) => m.subject.includes(`(${x.p.mpnId})`));
        assert.equal(about(overdue1).length, 1);
        assert.equal(about(overdue2).length, 1);
        assert.equal(about(notYetDue).length, 0);
        assert.equal(about(contacted).length, 0);
        const escalation = about(overdue2)[0]!;
        assert.equal(escalation.locale, 'en-US', "the team's emails are in English");
        assert.equal(escalation.subject, `Overdue: activation of Partner ${overdue2.p.domain} (${overdue2.p.mpnId}), ${SALES_BENEFIT}`);
        assert.ok(escalation.text_body.includes('Assigned to: nobody yet.'), escalation.text_body);
        assert.ok(escalation.text_body.includes(longDate('en-US', past)), escalation.text_body);
        assert.match(escalation.text_body, /^Hello Rewards team,/);
        assert.equal(escalation.recipient_name, 'Rewards team');
        assert.ok(escalation.text_body.includes(`in the Rewards console: http://localhost:3000/console?kind=activation&partner=${overdue2.p.mpnId}`), escalation.text_body);
        assert.equal(new Set(mail.map((m) => m.message_id)).size, mail.length);

        // The queue read at the escalation's time.
        clock.set(now);
        const queue = (await ops(t, 'GET', '/api/v1/ops/activations?status=all')).json<{ items: TeamActivationBody[] }>().items;
        const byId = new Map(queue.map((i) => [i.id, i]));
        assert.ok(byId.get(overdue1.activation.id)!.escalatedAt !== null);
        assert.equal(byId.get(overdue1.activation.id)!.escalatedAt, now.toISOString());
        assert.equal(byId.get(overdue1.activation.id)!.overdue, true);
        assert.equal(byId.get(notYetDue.activation.id)!.escalatedAt, null);
        assert.equal(byId.get(notYetDue.activation.id)!.overdue, false);
        assert.equal(byId.get(contacted.activation.id)!.escalatedAt, null);
      });
    });
  });
}

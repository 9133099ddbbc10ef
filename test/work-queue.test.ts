import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { activate, createSalesPartner, DAY_MS, entitlement, signInWithContact } from './benefits-helpers.ts';
import { createTransactSeller } from './eligibility-helpers.ts';
import { call, engines, errorOf, signIn, startTestApp, testClock, type TestApp } from './helpers.ts';
import { escalateOverdueWork } from '../src/modules/work/work-escalation.ts';
import { asOperator, operatorSession, type OperatorSession } from './operator-helpers.ts';
import { createTechnicalPartner, submitted } from './technical-helpers.ts';

// The console's work queue (issue #14): the three kinds of open work as one list ordered by due time,
// its filters, assignment (to oneself; to others only by a manager) and recorded contacts.

interface WorkItemBody {
  kind: string;
  id: string;
  reference: string | null;
  state: string;
  partner: { id: string; name: string; mpnId: string };
  benefit: { code: string; name: string };
  dueAt: string;
  overdue: boolean;
  secondsLeft: number;
  assignee: { id: string; name: string } | null;
  lastContactAt: string | null;
}

const SUBSCRIPTION = '0b6f2f8e-3c1d-4e5a-9f7b-2a1c3d4e5f60';
// The fixtures bill their sales at the wall clock's time: the test's clock starts at the next full hour after it.
const T0 = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);

async function queue(t: TestApp, session: OperatorSession, query = '') {
  const response = await asOperator(t.app, session, 'GET', `/api/v1/ops/work${query}`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json<{ items: WorkItemBody[]; nextCursor: string | null }>();
}

interface Figures {
  open: number;
  dueToday: number;
  overdue: number;
  activations: number;
  contacted: number;
  contactedWithinWeek: number;
  decided: number;
  withinWeekShare: number | null;
  medianSecondsToFirstContact: number | null;
}

for (const engine of engines()) {
  describe(`the work queue (${engine.name})`, () => {
    const clock = testClock();
    let t: TestApp;
    let agent: OperatorSession;
    let otherAgent: OperatorSession;
    let manager: OperatorSession;
    let activation: { id: string; entitlementId: string; mpnId: string };
    let request: { id: string; reference: string; mpnId: string };
    let sponsorship: { id: string; mpnId: string };

    before(async () => {
      t = await startTestApp(engine, {}, { clock });
      clock.set(T0);

      // A technical request first (due TEAM_RESPONSE_DAYS after submission), a sponsorship provisioning
      // request a day later (due 5 days after), an activation two days later (due a week after).
      const technical = await createTechnicalPartner(t);
      const body = await submitted(t, technical);
      request = { id: body.id, reference: body.reference, mpnId: technical.partner.mpnId };

      clock.set(new Date(T0.getTime() + DAY_MS));
      const seller = await createTransactSeller(t, ['120000.00'], { admin: ['mpn-partner-admin'] });
      const sellerSession = await signIn(t.app, seller.partner.users.admin!.username);
      const list = (await call(t.app, sellerSession, 'GET', '/api/v1/rewards/sponsorships')).json<{ items: { id: string; code: string }[] }>();
      const small = list.items.find((s) => s.code === 'sponsorship-5k')!;
      const asked = await call(t.app, sellerSession, 'POST', `/api/v1/rewards/sponsorships/${small.id}/provisioning-request`, { subscriptionId: SUBSCRIPTION, billingType: 'pay-as-you-go' });
      assert.equal(asked.statusCode, 200, asked.body);
      sponsorship = { id: small.id, mpnId: seller.partner.mpnId };

      clock.set(new Date(T0.getTime() + 2 * DAY_MS));
      const sales = await createSalesPartner(t);
      const session = await signInWithContact(t, sales, 'admin');
      const activated = await activate(t.app, session, sales.salesBenefitId);
      assert.equal(activated.statusCode, 201, activated.body);
      activation = { id: activated.json<{ id: string }>().id, entitlementId: sales.salesBenefitId, mpnId: sales.mpnId };

      // The team signs in a day later (a console session lasts hours, not days).
      clock.set(new Date(T0.getTime() + 3 * DAY_MS));
      manager = await operatorSession(t.app, t, 'rewards-manager', { clock, locale: 'nl-NL', name: 'Marit' });
      agent = await operatorSession(t.app, t, 'rewards-agent', { managerId: manager.id, clock });
      otherAgent = await operatorSession(t.app, t, 'rewards-agent', { clock });
    });
    after(async () => t.close());
    const board = async (session: OperatorSession) => {
      const response = await asOperator(t.app, session, 'GET', '/api/v1/ops/dashboard?timeZone=Europe/Amsterdam');
      assert.equal(response.statusCode, 200, response.body);
      return response.json<{ overall: Figures; agents: ({ operator: { id: string; name: string } | null } & Figures)[] }>();
    };

    it('lists the three kinds of open work together, soonest due first, with the time left', async () => {
      const { items } = await queue(t, agent);
      const ours = items.filter((item) => [request.id, sponsorship.id, activation.id].includes(item.id));
      assert.deepEqual(
        ours.map((item) => [item.kind, item.state, item.partner.mpnId]),
        [
          ['technical-request', 'submitted', request.mpnId],
          ['sponsorship', 'requested', sponsorship.mpnId],
          ['activation', 'open', activation.mpnId],
        ],
      );
      const [tr, sp, ac] = ours as [WorkItemBody, WorkItemBody, WorkItemBody];
      assert.equal(tr.reference, request.reference);
      assert.equal(tr.dueAt, new Date(T0.getTime() + 2 * DAY_MS).toISOString());
      assert.deepEqual([tr.overdue, tr.secondsLeft], [true, -86_400]);
      assert.equal(sp.dueAt, new Date(T0.getTime() + 6 * DAY_MS).toISOString());
      assert.equal(ac.dueAt, new Date(T0.getTime() + 9 * DAY_MS).toISOString());
      assert.deepEqual([ac.overdue, ac.secondsLeft, ac.assignee], [false, 6 * 86_400, null]);
      assert.ok(ac.benefit.name.length > 0 && ac.benefit.code.length > 0);

      // Each kind as its own list, and the filters.
      assert.deepEqual((await queue(t, agent, '?kind=activation')).items.map((i) => i.kind).filter((k) => k !== 'activation'), []);
      assert.ok((await queue(t, agent, '?overdue=true')).items.some((i) => i.id === request.id));
      assert.ok(!(await queue(t, agent, '?overdue=true')).items.some((i) => i.id === activation.id));
      assert.deepEqual((await queue(t, agent, `?partner=${activation.mpnId}`)).items.map((i) => i.id), [activation.id]);
      assert.deepEqual((await queue(t, agent, `?state=requested&partner=${sponsorship.mpnId}`)).items.map((i) => i.id), [sponsorship.id]);
      assert.deepEqual((await queue(t, agent, `?benefit=${ac.benefit.code}&partner=${activation.mpnId}`)).items.map((i) => i.id), [activation.id]);
      const refused = await asOperator(t.app, agent, 'GET', '/api/v1/ops/work?overdue=yes');
      assert.equal(refused.statusCode, 422);
      assert.equal(errorOf(refused).fields!.overdue!.code, 'VALUE_NOT_ALLOWED');
    });

    it('lets an agent take work for herself but not give it to someone else; a manager may', async () => {
      const url = `/api/v1/ops/work/activation/${activation.id}/assignment`;
      const toOther = await asOperator(t.app, agent, 'POST', url, { assigneeId: otherAgent.id });
      assert.equal(toOther.statusCode, 403);
      assert.equal(errorOf(toOther).code, 'FORBIDDEN');
      assert.match(errorOf(toOther).message, /manager/);
      assert.equal((await queue(t, agent, `?partner=${activation.mpnId}`)).items[0]!.assignee, null, 'nothing changed');

      const mine = await asOperator(t.app, agent, 'POST', url, {});
      assert.equal(mine.statusCode, 200, mine.body);
      assert.deepEqual((await queue(t, agent, '?assignee=me')).items.map((i) => i.id), [activation.id]);
      assert.ok(!(await queue(t, agent, '?assignee=none')).items.some((i) => i.id === activation.id));

      const unknown = await asOperator(t.app, manager, 'POST', url, { assigneeId: '00000000-0000-4000-8000-000000000000' });
      assert.equal(unknown.statusCode, 422);
      assert.equal(errorOf(unknown).fields!.assigneeId!.code, 'ASSIGNEE_UNKNOWN');
      const byManager = await asOperator(t.app, manager, 'POST', `/api/v1/ops/work/technical-request/${request.id}/assignment`, { assigneeId: otherAgent.id });
      assert.equal(byManager.statusCode, 200, byManager.body);
      assert.deepEqual((await queue(t, otherAgent, '?assignee=me')).items.map((i) => i.id), [request.id]);
      // Not open work of that kind: 404, whatever the id.
      assert.equal((await asOperator(t.app, agent, 'POST', `/api/v1/ops/work/sponsorship/${activation.id}/assignment`, {})).statusCode, 404);

      const audit = await t.database.db.selectFrom('audit_events').select(['actor_type', 'actor_id', 'action']).where('subject_id', '=', activation.id).where('action', '=', 'work.assigned').execute();
      assert.deepEqual(audit, [{ actor_type: 'operator', actor_id: agent.id, action: 'work.assigned' }]);
    });

    it('records a contact: the activation leaves the queue and its benefit is in progress; a time ahead is refused', async () => {
      const before = await board(agent);
      assert.deepEqual([before.overall.open, before.overall.overdue, before.overall.dueToday], [3, 1, 0]);
      assert.deepEqual([before.overall.activations, before.overall.contacted, before.overall.decided, before.overall.withinWeekShare], [1, 0, 0, null]);
      const url = `/api/v1/ops/work/activation/${activation.id}/contacts`;
      const ahead = await asOperator(t.app, agent, 'POST', url, { channel: 'phone', note: 'Called', contactedAt: new Date(clock().getTime() + 3_600_000).toISOString() });
      assert.equal(ahead.statusCode, 422);
      assert.equal(errorOf(ahead).fields!.contactedAt!.code, 'CONTACT_IN_FUTURE');
      const early = await asOperator(t.app, agent, 'POST', url, { channel: 'phone', note: 'Called', contactedAt: T0.toISOString() });
      assert.equal(errorOf(early).fields!.contactedAt!.code, 'CONTACT_BEFORE_OPENED');
      assert.equal((await entitlement(t.database.db, activation.entitlementId)).status, 'activated', 'nothing changed');

      const at = new Date(clock().getTime() - 3_600_000).toISOString();
      const recorded = await asOperator(t.app, agent, 'POST', url, { channel: 'phone', note: 'Planned the campaign with her', contactedAt: at });
      assert.equal(recorded.statusCode, 201, recorded.body);
      assert.equal((await entitlement(t.database.db, activation.entitlementId)).status, 'in-progress');
      const row = await t.database.db.selectFrom('activations').select(['status', 'contacted_at']).where('id', '=', activation.id).executeTakeFirstOrThrow();
      assert.deepEqual([row.status, row.contacted_at?.toISOString()], ['contacted', at]);
      assert.ok(!(await queue(t, agent)).items.some((i) => i.id === activation.id), 'no longer open work');
      // The dashboard: contacted 23 hours after the activation, within the week, by this agent.
      const after = await board(agent);
      assert.deepEqual([after.overall.open, after.overall.contacted, after.overall.contactedWithinWeek, after.overall.decided, after.overall.withinWeekShare, after.overall.medianSecondsToFirstContact], [2, 1, 1, 1, 1, 23 * 3600]);
      const mine = after.agents.find((a) => a.operator?.id === agent.id)!;
      assert.deepEqual([mine.contacted, mine.withinWeekShare, mine.medianSecondsToFirstContact], [1, 1, 23 * 3600]);
      const refused = await asOperator(t.app, agent, 'GET', '/api/v1/ops/dashboard?timeZone=Mars/Olympus');
      assert.equal(refused.statusCode, 422);
      assert.equal(errorOf(refused).fields!.timeZone!.code, 'TIME_ZONE_UNKNOWN');
      const contacts = await asOperator(t.app, agent, 'GET', `/api/v1/ops/work/activation/${activation.id}/contacts`);
      assert.deepEqual(
        contacts.json<{ items: { channel: string; note: string; recordedBy: string }[] }>().items.map((c) => [c.channel, c.note, c.recordedBy]),
        [['phone', 'Planned the campaign with her', agent.name]],
      );
      // The request stays open work after a contact, with the contact's time shown.
      const onRequest = await asOperator(t.app, otherAgent, 'POST', `/api/v1/ops/work/technical-request/${request.id}/contacts`, { channel: 'email', note: 'Asked for the diagram' });
      assert.equal(onRequest.statusCode, 201, onRequest.body);
      assert.equal((await queue(t, agent, `?partner=${request.mpnId}`)).items[0]!.lastContactAt, clock().toISOString());
    });

    it("escalates overdue work once per deadline: to the assignee's manager in her language, else to the team's address", async () => {
      // The sponsorship goes to the agent, whose manager is Marit; the request stays with an agent without one.
      const given = await asOperator(t.app, manager, 'POST', `/api/v1/ops/work/sponsorship/${sponsorship.id}/assignment`, { assigneeId: agent.id });
      assert.equal(given.statusCode, 200, given.body);
      const links = { portalUrl: 'http://localhost:3000' };
      const team = 'rewards-team@rewards.example';
      const mail = () => t.database.db.selectFrom('outbox').select(['recipient', 'recipient_name', 'locale', 'subject', 'text_body']).where('kind', '=', 'work-overdue').orderBy('recipient').execute();

      // At T0 + 7 days both are overdue (the request since T0 + 2, the sponsorship since T0 + 6).
      clock.set(new Date(T0.getTime() + 7 * DAY_MS));
      assert.equal(await escalateOverdueWork(t.database.db, team, clock(), links), 2);
      assert.equal(await escalateOverdueWork(t.database.db, team, clock(), links), 0, 'once');
      clock.set(new Date(T0.getTime() + 8 * DAY_MS));
      assert.deepEqual(await Promise.all([escalateOverdueWork(t.database.db, team, clock(), links), escalateOverdueWork(t.database.db, team, clock(), links)]), [0, 0], 'a day later, and two instances at once');

      const sent = await mail();
      const managerEmail = sent.find((m) => m.recipient !== team)!;
      assert.deepEqual([managerEmail.recipient_name, managerEmail.locale], ['Marit', 'nl-NL']);
      assert.match(managerEmail.subject, new RegExp(`^Te laat: aanvraag voor inrichting van de sponsoring van .+ \\(${sponsorship.mpnId}\\), sponsorship-5k$`));
      assert.ok(managerEmail.text_body.includes(`Toegewezen aan: ${agent.name}.`), managerEmail.text_body);
      assert.ok(managerEmail.text_body.includes(`http://localhost:3000/console?kind=sponsorship&partner=${sponsorship.mpnId}`));
      const teamEmail = sent.find((m) => m.recipient === team)!;
      assert.equal(teamEmail.locale, 'en-US');
      assert.match(teamEmail.subject, new RegExp(`^Overdue: technical assistance request ${request.reference} of `));
      assert.equal(sent.length, 2);
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { activate, createSalesPartner, DAY_MS, signInWithContact } from './benefits-helpers.ts';
import { engines, startTestApp, testClock, type TestApp } from './helpers.ts';
import { escalateOverdueWork } from '../src/modules/work/work-escalation.ts';
import { asOperator, operatorSession, type OperatorSession } from './operator-helpers.ts';

// A partner's engagement manager (issue #14): named by a manager, she is the default assignee of the
// partner's open work (an explicit assignment wins), its overdue work escalates to her manager, and a
// disabled account hands the work back to the unassigned queue.

interface Item {
  id: string;
  assignee: { id: string; name: string; engagementManager: boolean } | null;
}

const T0 = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
const links = { portalUrl: 'http://portal.test' };

for (const engine of engines()) {
  describe(`engagement managers (${engine.name})`, () => {
    const clock = testClock();
    let t: TestApp;
    let manager: OperatorSession;
    let agent: OperatorSession;
    let other: OperatorSession;
    let partner: { mpnId: string; activationId: string };
    before(async () => {
      t = await startTestApp(engine, {}, { clock });
      clock.set(T0);
      manager = await operatorSession(t.app, t, 'rewards-manager', { clock, name: 'Marit', locale: 'nl-NL' });
      agent = await operatorSession(t.app, t, 'rewards-agent', { clock, managerId: manager.id, name: 'Ava' });
      other = await operatorSession(t.app, t, 'rewards-agent', { clock, name: 'Olu' });
      const sales = await createSalesPartner(t);
      const session = await signInWithContact(t, sales, 'admin');
      const activated = await activate(t.app, session, sales.salesBenefitId);
      assert.equal(activated.statusCode, 201, activated.body);
      partner = { mpnId: sales.mpnId, activationId: activated.json<{ id: string }>().id };
    });
    after(async () => t.close());

    const url = () => `/api/v1/ops/partners/${partner.mpnId}/engagement-manager`;
    const item = async (query = '', as = manager) => {
      const response = await asOperator(t.app, as, 'GET', `/api/v1/ops/work?kind=activation&partner=${partner.mpnId}${query}`);
      assert.equal(response.statusCode, 200, response.body);
      return response.json<{ items: Item[] }>().items.find((i) => i.id === partner.activationId);
    };

    it("makes the engagement manager the default assignee of the partner's work, until an explicit assignment", async () => {
      assert.equal((await item())?.assignee, null);
      assert.equal((await asOperator(t.app, agent, 'PUT', url(), { operatorId: agent.id })).statusCode, 403, 'a manager names her');
      const unknown = await asOperator(t.app, manager, 'PUT', url(), { operatorId: '00000000-0000-4000-8000-000000000000' });
      assert.equal(unknown.statusCode, 422);
      assert.equal(unknown.json<{ error: { fields: Record<string, { code: string }> } }>().error.fields.operatorId?.code, 'ASSIGNEE_UNKNOWN');
      assert.equal((await asOperator(t.app, manager, 'PUT', '/api/v1/ops/partners/9999999/engagement-manager', { operatorId: agent.id })).statusCode, 404);

      const named = await asOperator(t.app, manager, 'PUT', url(), { operatorId: agent.id });
      assert.equal(named.statusCode, 200, named.body);
      assert.deepEqual((await item())?.assignee, { id: agent.id, name: 'Ava', engagementManager: true });
      assert.ok(await item(`&assignee=${agent.id}`), 'filtered by her');
      assert.equal(await item('&assignee=none'), undefined, 'no longer unassigned');
      const file = (await asOperator(t.app, manager, 'GET', `/api/v1/ops/partners/${partner.mpnId}/file`)).json<{ engagementManager: { id: string; active: boolean } | null }>();
      assert.equal(file.engagementManager?.id, agent.id);
      const audit = await t.database.db.selectFrom('audit_events').select(['actor_id']).where('action', '=', 'work.engagement-manager-named').execute();
      assert.deepEqual(audit, [{ actor_id: manager.id }]);

      // The dashboard counts the partner's open work as hers.
      const board = (await asOperator(t.app, manager, 'GET', '/api/v1/ops/dashboard')).json<{ agents: { operator: { id: string } | null; open: number }[] }>();
      assert.equal(board.agents.find((row) => row.operator?.id === agent.id)?.open, 1);

      // An explicit assignment wins; taking it back returns the item to her.
      assert.equal((await asOperator(t.app, manager, 'POST', `/api/v1/ops/work/activation/${partner.activationId}/assignment`, { assigneeId: other.id })).statusCode, 200);
      assert.deepEqual((await item())?.assignee, { id: other.id, name: 'Olu', engagementManager: false });
      assert.equal((await asOperator(t.app, manager, 'DELETE', `/api/v1/ops/work/activation/${partner.activationId}/assignment`)).statusCode, 204);
      assert.equal((await item())?.assignee?.id, agent.id);
      // Hers by default: nothing to take back, and the answer says so rather than pretending.
      const handBack = await asOperator(t.app, agent, 'DELETE', `/api/v1/ops/work/activation/${partner.activationId}/assignment`);
      assert.equal(handBack.statusCode, 409);
      assert.equal(handBack.json<{ error: { code: string } }>().error.code, 'ASSIGNED_BY_DEFAULT');
      // Naming her again changes nothing, and is not audited twice.
      assert.equal((await asOperator(t.app, manager, 'PUT', url(), { operatorId: agent.id })).statusCode, 200);
      assert.equal((await t.database.db.selectFrom('audit_events').select('id').where('action', '=', 'work.engagement-manager-named').execute()).length, 1);
    });

    it("escalates her overdue work to her manager, and a disabled account's work is unassigned again", async () => {
      const team = 'rewards-team@example.test';
      clock.set(new Date(T0.getTime() + 8 * DAY_MS));
      assert.equal(await escalateOverdueWork(t.database.db, team, clock(), links), 1);
      const mail = await t.database.db.selectFrom('outbox').select(['recipient', 'locale']).where('kind', '=', 'work-overdue').execute();
      const managerEmail = (await t.database.db.selectFrom('operators').select('email').where('id', '=', manager.id).executeTakeFirstOrThrow()).email;
      assert.deepEqual(mail, [{ recipient: managerEmail, locale: 'nl-NL' }]);

      // A week on, the manager signs in again (a console session lasts hours).
      const later = await operatorSession(t.app, t, 'rewards-manager', { clock });
      await t.database.db.updateTable('operators').set({ disabled_at: clock() }).where('id', '=', agent.id).execute();
      assert.equal((await item('', later))?.assignee, null);
      const file = (await asOperator(t.app, later, 'GET', `/api/v1/ops/partners/${partner.mpnId}/file`)).json<{ engagementManager: { active: boolean } | null }>();
      assert.equal(file.engagementManager?.active, false);
      assert.equal((await asOperator(t.app, later, 'DELETE', url())).statusCode, 204);
      const cleared = (await asOperator(t.app, later, 'GET', `/api/v1/ops/partners/${partner.mpnId}/file`)).json<{ engagementManager: unknown }>();
      assert.equal(cleared.engagementManager, null);
    });
  });
}

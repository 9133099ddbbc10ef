import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { engines, errorOf, PASSWORD, startTestApp, type TestApp } from './helpers.ts';
import { asOperator, operatorSession, type OperatorSession } from './operator-helpers.ts';

// An operator admin manages the Rewards team in the console (issue #14): adds members (with a first
// password; the second factor comes at their first sign-in), changes their role and manager, and
// disables an account, which ends its sessions at once. She never locks herself out.

interface Account {
  id: string;
  username: string;
  role: string;
  managerId: string | null;
  enrolled: boolean;
  disabledAt: string | null;
}

for (const engine of engines()) {
  describe(`the team's directory in the console (${engine.name})`, () => {
    let t: TestApp;
    let admin: OperatorSession;
    before(async () => {
      t = await startTestApp(engine);
      admin = await operatorSession(t.app, t, 'operator-admin');
    });
    after(async () => t.close());

    it('adds a member, refusing a weak password and a name in use with their fields, and lists the team', async () => {
      const body = { username: 'noor@rewards-team.example', displayName: 'Noor Bakker', email: 'noor@rewards-team.example', role: 'rewards-agent', locale: 'nl-NL' };
      const weak = await asOperator(t.app, admin, 'POST', '/api/v1/ops/operator-accounts', { ...body, password: 'passwordpassword1' });
      assert.equal(weak.statusCode, 422);
      assert.equal(errorOf(weak).fields!.password!.code, 'PASSWORD_TOO_GUESSABLE');
      const created = await asOperator(t.app, admin, 'POST', '/api/v1/ops/operator-accounts', { ...body, password: PASSWORD });
      assert.equal(created.statusCode, 201, created.body);
      assert.deepEqual([created.json<Account>().role, created.json<Account>().enrolled], ['rewards-agent', false]);
      const again = await asOperator(t.app, admin, 'POST', '/api/v1/ops/operator-accounts', { ...body, password: PASSWORD });
      assert.equal(errorOf(again).fields!.username!.code, 'USERNAME_TAKEN');
      const list = (await asOperator(t.app, admin, 'GET', '/api/v1/ops/operator-accounts')).json<{ items: Account[] }>().items;
      assert.ok(list.some((account) => account.username === 'noor@rewards-team.example'));
      // The new member signs in with the first password and is asked to enroll.
      const signIn = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: body.username, password: PASSWORD } });
      assert.equal(signIn.statusCode, 202);
      assert.equal(signIn.json<{ secondFactor: string }>().secondFactor, 'enroll');
    });

    it('changes role and manager, disables an account (its sessions end), and never lets the admin lock herself out', async () => {
      const manager = await operatorSession(t.app, t, 'rewards-manager');
      const agent = await operatorSession(t.app, t, 'rewards-agent');
      const url = `/api/v1/ops/operator-accounts/${agent.id}`;
      const changed = await asOperator(t.app, admin, 'PATCH', url, { managerId: manager.id, role: 'rewards-manager' });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.deepEqual([changed.json<Account>().managerId, changed.json<Account>().role], [manager.id, 'rewards-manager']);
      assert.equal(errorOf(await asOperator(t.app, admin, 'PATCH', url, { managerId: agent.id })).fields!.managerId!.code, 'VALUE_NOT_ALLOWED');
      assert.equal(errorOf(await asOperator(t.app, admin, 'PATCH', url, {})).fields!._!.code, 'NOTHING_TO_CHANGE');

      assert.equal((await asOperator(t.app, agent, 'GET', '/api/v1/ops/work')).statusCode, 200);
      const disabled = await asOperator(t.app, admin, 'PATCH', url, { disabled: true });
      assert.equal(disabled.statusCode, 200, disabled.body);
      assert.ok(disabled.json<Account>().disabledAt);
      assert.equal((await asOperator(t.app, agent, 'GET', '/api/v1/ops/work')).statusCode, 401, 'the session ended');

      const self = `/api/v1/ops/operator-accounts/${admin.id}`;
      assert.equal(errorOf(await asOperator(t.app, admin, 'PATCH', self, { disabled: true })).fields!.disabled!.code, 'CANNOT_DEMOTE_SELF');
      assert.equal(errorOf(await asOperator(t.app, admin, 'PATCH', self, { role: 'rewards-agent' })).fields!.role!.code, 'CANNOT_DEMOTE_SELF');
      assert.equal((await asOperator(t.app, admin, 'PATCH', '/api/v1/ops/operator-accounts/00000000-0000-4000-8000-000000000000', { role: 'rewards-agent' })).statusCode, 404);
      const audit = await t.database.db.selectFrom('audit_events').select(['action', 'actor_id']).where('subject_id', '=', agent.id).where('action', '=', 'operator.changed').execute();
      assert.equal(audit.length, 2);
      assert.ok(audit.every((row) => row.actor_id === admin.id));
    });
  });
}

import assert from 'node:assert/strict';
import type { Role } from '../src/platform/values.ts';
import { call, PASSWORD, type Session, type TestApp, type UserBody } from './helpers.ts';

/** Fixtures for the account users tests (account-users*.test.ts): the endpoint, the roles, and readers bound to a suite's app. */
export const USERS = '/api/v1/account/users';
export const ROLES: Role[] = ['global-admin', 'account-admin', 'mpn-partner-admin', 'admin-agent', 'user'];
export const ADMIN_ROLES: Role[] = ['global-admin', 'account-admin'];

/** `userRow(id)` (the stored row), `newUser(tenant, name, roles)` (a POST body) and `list(session)` (GET, 200 asserted), for the suite's app. */
export function accountUsersFixtures(app: () => TestApp) {
  return {
    userRow: (id: string) =>
      app().database.db.selectFrom('users').select(['id', 'username', 'display_name', 'email', 'roles']).where('id', '=', id).executeTakeFirst(),
    newUser: (p: { tenantId: string }, name: string, roles: Role[] = ['user']) => ({
      tenantId: p.tenantId,
      username: name,
      displayName: `New ${name}`,
      email: `${name}@mail.example`,
      password: PASSWORD,
      roles,
    }),
    list: async (s: Session) => {
      const response = await call(app().app, s, 'GET', USERS);
      assert.equal(response.statusCode, 200, response.body);
      return response.json<{ items: UserBody[] }>().items;
    },
  };
}

import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { generate } from 'otplib';
import { systemContext } from '../src/platform/context.ts';
import type { OperatorRole } from '../src/platform/values.ts';
import { createOperator } from '../src/modules/operators/operators.service.ts';
import { PASSWORD, unique, type TestApp } from './helpers.ts';

export interface OperatorSession {
  id: string;
  name: string;
  cookie: string;
  csrf: string;
}

/** A new operator of `role`, signed in to the console with both factors (enrolled on the way); `clock`: the app's, when a test fixes it. */
export async function operatorSession(app: FastifyInstance, t: TestApp, role: OperatorRole, options: { managerId?: string; name?: string; clock?: () => Date; locale?: 'en-US' | 'nl-NL' } = {}): Promise<OperatorSession> {
  const username = `${unique('op')}@rewards-team.example`;
  const name = options.name ?? `${role} ${username.slice(0, 12)}`;
  const operator = await createOperator(t.database.db, { username, displayName: name, email: username, role, password: PASSWORD, managerId: options.managerId ?? null, locale: options.locale ?? null }, systemContext());
  const pending = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username, password: PASSWORD } });
  const secret = pending.json<{ enrollment: { secret: string } }>().enrollment.secret;
  const cookie = (pending.cookies as { name: string; value: string }[]).map((c) => `${c.name}=${c.value}`).join('; ');
  const done = await app.inject({ method: 'POST', url: '/api/v1/auth/operator/second-factor', payload: { code: await generate({ secret, epoch: Math.floor((options.clock?.() ?? new Date()).getTime() / 1000) }) }, headers: { cookie } });
  assert.equal(done.statusCode, 200, done.body);
  const session = (done.cookies as { name: string; value: string }[])
    .filter((c) => c.name === 'rewards_session' || c.name === 'rewards_csrf')
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
  return { id: operator.id, name, cookie: session, csrf: done.json<{ csrfToken: string }>().csrfToken };
}

/** A request in an operator's console session. */
export function asOperator(app: FastifyInstance, session: OperatorSession, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  return app.inject({
    method,
    url,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
  });
}

import type { FastifyRequest } from 'fastify';
import type { Locale } from '../../../locales/locales.ts';
import { memberOf, type Actor, type Member, type RequestContext, type SignedInUser } from '../context.ts';
import { AppError } from '../errors.ts';
import type { OperatorRole } from '../values.ts';

/**
 * Who is calling, as every route sees it: a session cookie (the portal) or an
 * operator bearer token (automation). Identity's plugin resolves it once per
 * request, before validation; routes only ask for what they need.
 */
export type Principal =
  | { kind: 'user'; user: SignedInUser; sessionId: string; csrfToken: string }
  | OperatorPrincipal;

/**
 * The Rewards team: an operator token (automation; it may do everything an operator admin may) or an
 * operator's own session in the console (second factor checked; its role decides, issue #14).
 */
export type OperatorPrincipal =
  | { kind: 'operator'; via: 'token'; tokenId: string; name: string; role: OperatorRole }
  | { kind: 'operator'; via: 'session'; operatorId: string; name: string; username: string; email: string; role: OperatorRole; sessionId: string; csrfToken: string; locale: Locale | null };

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    locale: Locale;
    /** The instant this request is handled at (the app's clock): one value for the whole request. */
    now: Date;
  }
  interface FastifyContextConfig {
    /** false: the route takes state-changing requests without the session's CSRF token (sign-in). */
    csrf?: boolean;
    /**
     * An /api/v1/ops/ route: the least operator role that may call it. Unsaid: a read is a
     * rewards-agent's, a change an operator-admin's (identity.plugin.ts).
     */
    operatorRole?: OperatorRole;
  }
}

export function requireUser(request: FastifyRequest): Extract<Principal, { kind: 'user' }> {
  const principal = request.principal;
  if (principal?.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  return principal;
}

export function requireMember(request: FastifyRequest): Member {
  return memberOf(requireUser(request).user);
}

export function requireOperator(request: FastifyRequest): OperatorPrincipal {
  const principal = request.principal;
  if (principal?.kind !== 'operator') throw new AppError('UNAUTHENTICATED', { messageId: 'error.UNAUTHENTICATED.token' });
  return principal;
}

/** The acting principal, the request id and the request's instant, for services that change something. */
export function contextOf(request: FastifyRequest): RequestContext {
  const principal = request.principal;
  const actor: Actor =
    principal?.kind === 'user'
      ? { type: 'user', id: principal.user.id }
      : principal?.kind === 'operator'
        ? { type: 'operator', id: principal.via === 'token' ? principal.tokenId : principal.operatorId }
        : { type: 'system' };
  return { actor, requestId: request.id, now: request.now };
}

/** The operator API's security requirements, as the OpenAPI document names them (app.ts): a token, or an operator's session. */
export const OPERATOR_SECURITY: { [scheme: string]: string[] }[] = [{ operatorToken: [] }, { session: [], csrfToken: [] }];

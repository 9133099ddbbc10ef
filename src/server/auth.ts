import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../platform/audit/audit.ts';
import { hashSecret, safeEqual } from '../platform/auth/tokens.ts';
import type { ChangeFeed } from '../platform/db/change-feed.ts';
import type { Db } from '../platform/db/database.ts';
import { VersionedCache } from '../platform/db/versioned-cache.ts';
import { negotiateLocale, type Locale } from '../platform/i18n/i18n.ts';
import type { AccountMember } from '../modules/accounts/accounts.policy.ts';
import type { UserRow } from '../modules/accounts/accounts.repository.ts';
import type { RequestContext } from '../modules/accounts/accounts.service.ts';
import { memberOf, resolveOperatorToken, resolveSession, type SignedInUser } from '../modules/identity/identity.service.ts';
import { AppError } from './errors.ts';

/**
 * Who is calling: a session cookie (the portal) or an operator bearer token
 * (automation). Resolved once per request, before validation, so even a
 * validation error speaks the signed-in user's language.
 */
export type Principal =
  | { kind: 'user'; user: UserRow; sessionId: string; csrfToken: string }
  | { kind: 'operator'; tokenId: string; name: string };

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    locale: Locale;
  }
  interface FastifyContextConfig {
    /** false: the route takes state-changing requests without the session's CSRF token (sign-in). */
    csrf?: boolean;
  }
}

export const SESSION_COOKIE = 'rewards_session';
export const CSRF_COOKIE = 'rewards_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Sessions are resolved from memory while nothing behind them changed (a sign-out, a role, a tenant's
 * association: see change-feed.ts), and for a minute at most; unknown tokens are never kept.
 */
function sessionResolver(db: Db, changes: ChangeFeed) {
  const cache = new VersionedCache<string, Readonly<SignedInUser> | null>(changes, 'sessions', { ttlMs: 60_000, maxEntries: 10_000 });
  return (token: string) =>
    cache.getOrLoad(hashSecret(token), async () => {
      const session = await resolveSession(db, token);
      if (!session) return { value: null, cache: false };
      const { expiresAt, user, ...rest } = session;
      // Shared by every request of the session: frozen, so no handler can change what the next one sees.
      const value = Object.freeze({ ...rest, user: Object.freeze({ ...user, roles: Object.freeze([...user.roles]) }) });
      return { value: value as Readonly<SignedInUser>, until: expiresAt.getTime() };
    });
}

export function registerAuth(app: FastifyInstance, db: Db, changes: ChangeFeed): void {
  const findSession = sessionResolver(db, changes);
  registerAccessCheck(app);
  app.decorateRequest('principal', null);
  app.decorateRequest('locale', 'en-US');

  app.addHook('onRequest', async (request) => {
    request.locale = negotiateLocale(request.headers['accept-language']);
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const operator = match?.[1] ? await resolveOperatorToken(db, match[1]) : undefined;
      if (!operator) throw new AppError('UNAUTHENTICATED', { messageId: 'error.UNAUTHENTICATED.token' });
      request.principal = { kind: 'operator', tokenId: operator.id, name: operator.name };
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const signedIn = await findSession(token);
    if (!signedIn) return;
    request.principal = { kind: 'user', ...signedIn };
    if (signedIn.user.locale) request.locale = signedIn.user.locale;

    // A cookie rides along on cross-site requests; the CSRF token in a header cannot.
    if (!SAFE_METHODS.has(request.method) && request.routeOptions.config.csrf !== false) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, signedIn.csrfToken)) throw new AppError('CSRF_TOKEN_INVALID');
    }
  });
}

/**
 * Who may call what, checked before the body is validated (so an anonymous
 * caller learns nothing from validation errors): /api/v1/ops/* needs an
 * operator token; the rest of /api/v1 needs a signed-in user, except sign-in
 * and sign-out. Handlers still call requireUser/requireOperator for the typed principal.
 */
function requiredPrincipal(url: string): Principal['kind'] | null {
  if (url.startsWith('/api/v1/ops/')) return 'operator';
  if (url.startsWith('/api/v1/auth/')) return null;
  if (url.startsWith('/api/v1/')) return 'user';
  return null;
}

export function registerAccessCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    // No route (the not-found handler): 404 for everyone, whether or not the web portal's catch-all is built.
    if (request.routeOptions.url === undefined) return;
    const required = requiredPrincipal(request.routeOptions.url);
    if (required === 'operator') requireOperator(request);
    if (required === 'user') requireUser(request);
  });
}

export function requireUser(request: FastifyRequest): Extract<Principal, { kind: 'user' }> {
  const principal = request.principal;
  if (principal?.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  return principal;
}

export function requireMember(request: FastifyRequest): AccountMember {
  return memberOf(requireUser(request).user);
}

export function requireOperator(request: FastifyRequest): Extract<Principal, { kind: 'operator' }> {
  const principal = request.principal;
  if (principal?.kind !== 'operator') throw new AppError('UNAUTHENTICATED', { messageId: 'error.UNAUTHENTICATED.token' });
  return principal;
}

export function contextOf(request: FastifyRequest): RequestContext {
  const principal = request.principal;
  const actor: Actor =
    principal?.kind === 'user'
      ? { type: 'user', id: principal.user.id }
      : principal?.kind === 'operator'
        ? { type: 'operator', id: principal.tokenId }
        : { type: 'system' };
  return { actor, requestId: request.id };
}

import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { SignedInUser } from '../../platform/context.ts';
import { hashSecret, safeEqual } from '../../platform/auth/tokens.ts';
import type { ChangeFeed } from '../../platform/db/change-feed.ts';
import type { Db } from '../../platform/db/database.ts';
import { VersionedCache } from '../../platform/db/versioned-cache.ts';
import { AppError } from '../../platform/errors.ts';
import { negotiateLocale } from '../../platform/i18n/i18n.ts';
import { requireOperator, requireUser, type Principal } from '../../platform/http/principal.ts';
import { OPERATOR_SESSION_PREFIX, resolveOperatorSession, roleAtLeast } from '../operators/operators.service.ts';
import { ensureEnvOperatorToken, resolveOperatorToken, resolveSession, revokeEnvOperatorToken } from './identity.service.ts';

/**
 * Who is calling, resolved once per request (registered by app.ts for the whole app): the session
 * cookie (with its CSRF token on every state-changing request) or an operator bearer token; then,
 * before the body is validated, whether this route may be called by them at all.
 */
export const SESSION_COOKIE = 'rewards_session';
export const CSRF_COOKIE = 'rewards_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** An operator's sign-in between its password and its second factor (sent only to the second-factor step). */
export const OPERATOR_PENDING_COOKIE = 'rewards_operator_pending';
export const OPERATOR_PENDING_PATH = '/api/v1/auth/operator';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface IdentityPluginOptions {
  db: Db;
  changes: ChangeFeed;
  /**
   * REWARDS_ADMIN_TOKEN: kept in step as the operator token named `env` when the app starts; null (not
   * set) revokes that token; absent leaves it alone (an app built only for its OpenAPI document).
   */
  adminToken?: string | null;
}

interface CachedSession {
  user: Readonly<SignedInUser>;
  sessionId: string;
  csrfToken: string;
}

/**
 * Sessions are resolved from memory while nothing behind them changed (a sign-out, a role, a tenant's
 * association: see change-feed.ts), and for a minute at most; unknown tokens are never kept.
 */
function sessionResolver(db: Db, changes: ChangeFeed) {
  const cache = new VersionedCache<string, Readonly<CachedSession> | null>(changes, 'sessions', { ttlMs: 60_000, maxEntries: 10_000 });
  return (token: string) =>
    cache.getOrLoad(hashSecret(token), async () => {
      const session = await resolveSession(db, token);
      if (!session) return { value: null, cache: false };
      const { expiresAt, user, ...rest } = session;
      // Shared by every request of the session: frozen, so no handler can change what the next one sees.
      const value = Object.freeze({ ...rest, user: Object.freeze({ ...user, roles: Object.freeze([...user.roles]) }) });
      return { value, until: expiresAt.getTime() };
    });
}

/**
 * Who may call what, checked before the body is validated (so an anonymous caller learns nothing from
 * validation errors): /api/v1/ops/* needs an operator (a token, or an operator's session whose role
 * may call the operation); the rest of /api/v1 needs a signed-in
 * user, except sign-in and sign-out. Handlers still ask for the typed principal (requireUser, ...).
 */
function requiredPrincipal(url: string): Principal['kind'] | null {
  if (url.startsWith('/api/v1/ops/')) return 'operator';
  if (url.startsWith('/api/v1/auth/')) return null;
  if (url.startsWith('/api/v1/')) return 'user';
  return null;
}

async function identityPlugin(app: FastifyInstance, { db, changes, adminToken }: IdentityPluginOptions): Promise<void> {
  const findSession = sessionResolver(db, changes);
  app.decorateRequest('principal', null);
  app.decorateRequest('locale', 'en-US');
  if (adminToken !== undefined) app.addHook('onReady', () => (adminToken ? ensureEnvOperatorToken(db, adminToken) : revokeEnvOperatorToken(db)));

  app.addHook('onRequest', async (request) => {
    request.locale = negotiateLocale(request.headers['accept-language']);
    // A bearer token is the operator API's: anywhere else an Authorization header (a proxy's Basic,
    // a stray token) is ignored, and the cookie decides.
    const authorization = request.url.startsWith('/api/v1/ops/') ? request.headers.authorization : undefined;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const operator = match?.[1] ? await resolveOperatorToken(db, match[1]) : undefined;
      if (!operator) throw new AppError('UNAUTHENTICATED', { messageId: 'error.UNAUTHENTICATED.token' });
      request.principal = { kind: 'operator', via: 'token', tokenId: operator.id, name: operator.name, role: 'operator-admin' };
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    if (token.startsWith(OPERATOR_SESSION_PREFIX)) {
      // An operator's console session (its second factor given): read each time, so a sign-out or a
      // disabled operator ends it at once.
      const session = await resolveOperatorSession(db, token, request.now);
      if (!session) return;
      const { operator } = session;
      request.principal = { kind: 'operator', via: 'session', operatorId: operator.id, name: operator.displayName, username: operator.username, email: operator.email, role: operator.role, sessionId: session.sessionId, csrfToken: session.csrfToken, locale: operator.locale };
      if (operator.locale) request.locale = operator.locale;
      if (!SAFE_METHODS.has(request.method) && request.routeOptions.config.csrf !== false) {
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken)) throw new AppError('CSRF_TOKEN_INVALID');
      }
      return;
    }
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

  // Before the body is read: a caller who may not make the call never has a large body parsed.
  app.addHook('preParsing', async (request, _reply, payload) => {
    // No route (the not-found handler): 404 for everyone, whether or not the web portal's catch-all is built.
    if (request.routeOptions.url === undefined) return payload;
    const required = requiredPrincipal(request.routeOptions.url);
    if (required === 'operator') {
      const operator = requireOperator(request);
      // Each operation's least role (routes say it in config.operatorRole; unsaid, reads are an agent's).
      const needed = request.routeOptions.config.operatorRole ?? (SAFE_METHODS.has(request.method) ? 'rewards-agent' : 'operator-admin');
      if (!roleAtLeast(operator.role, needed)) throw new AppError('FORBIDDEN', { messageId: 'error.FORBIDDEN.operatorRole' });
    }
    if (required === 'user') requireUser(request);
    return payload;
  });
}

export const identity = fp(identityPlugin, { name: 'identity', dependencies: ['@fastify/cookie'] });

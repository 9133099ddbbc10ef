import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import { hashPassword, verifyAgainstNothing, verifyPassword } from '../../platform/auth/password.ts';
import { hashSecret, newSecret } from '../../platform/auth/tokens.ts';
import type { Db } from '../../platform/db/database.ts';
import type { PageRequest } from '../../platform/db/pages.ts';
import type { Locale } from '../../../locales/locales.ts';
import { memberOf, type RequestContext, type SignedInUser } from '../../platform/context.ts';
import { AppError, fieldOf, passedSchema, refuseFieldProblems, type FieldProblem } from '../../platform/errors.ts';
import { canSeeRewards, hasRewardsRole } from '../accounts/accounts.policy.ts';
import { findPartnerAccount, findUser, findUserCredentials, passwordProblem, setUserPasswordHash, setUserLocale as saveUserLocale, type PartnerAccountRow, type UserRow } from '../accounts/accounts.service.ts';
import { identityRepository } from './identity.repository.ts';

/** Sign-in, sessions, operator tokens, and what a signed-in user may see. */

export interface ResolvedSession {
  user: UserRow;
  sessionId: string;
  csrfToken: string;
}

export interface SessionSecrets {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface SignInLimits {
  maxFailures: number;
  lockoutMinutes: number;
}

/** Seconds until this name's failures in the window drop below the limit, or 0 when it may try. */
async function secondsLockedOut(db: Db, username: string, limits: SignInLimits): Promise<number> {
  const row = await db
    .selectFrom('sign_in_failures')
    .select('failed_at')
    .where('username', '=', username)
    .where('failed_at', '>', new Date(Date.now() - limits.lockoutMinutes * 60_000))
    .orderBy('failed_at', 'desc')
    .offset(limits.maxFailures - 1)
    .limit(1)
    .executeTakeFirst();
  if (!row) return 0;
  return Math.max(1, Math.ceil((row.failed_at.getTime() + limits.lockoutMinutes * 60_000 - Date.now()) / 1000));
}

/**
 * Checks a sign-in name and password, for sign-in and for every other place that takes a user's
 * credentials (associating a tenant): after `maxFailures` attempts for a name within the window,
 * every attempt for that name (the right password too) is refused until the oldest of them leaves
 * the window. Each attempt is counted before its password is checked, in a short transaction
 * serialised per name by an advisory lock, so parallel guesses cannot slip past the count; the
 * password hash (tens of milliseconds) then runs with no database connection held. A refused
 * attempt is not counted; only a sign-in forgets the name's attempts (signIn below).
 */
export async function checkCredentials(
  db: Db,
  credentials: { username: string; password: string },
  limits: SignInLimits,
  requestId?: string,
): Promise<UserRow> {
  return checkPasswordOf(db, credentials, limits, requestId, findUserCredentials);
}

/**
 * checkCredentials for any directory: `load` finds the name's record with its password hash (partner
 * users above; the Rewards team's operators in operators.service.ts). The same counting and lockout.
 */
export async function checkPasswordOf<T extends { passwordHash: string }>(
  db: Db,
  credentials: { username: string; password: string },
  limits: SignInLimits,
  requestId: string | undefined,
  load: (db: Db, username: string) => Promise<T | undefined>,
): Promise<Omit<T, 'passwordHash'>> {
  const username = credentials.username.trim().toLowerCase();
  const attempt = await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('sign-in'), hashtext(${username}))`.execute(trx);
    const locked = await secondsLockedOut(trx, username, limits);
    if (locked > 0) {
      await recordAudit(trx, { actor: { type: 'system' }, action: 'session.sign-in-locked', details: { username }, requestId });
      return { locked };
    }
    await trx.insertInto('sign_in_failures').values({ username, failed_at: new Date() }).execute();
    // Names nobody uses again are forgotten a day later.
    await trx.deleteFrom('sign_in_failures').where('failed_at', '<', new Date(Date.now() - 86_400_000)).execute();
    return { locked: 0, found: await load(trx, username) };
  });
  if (attempt.locked > 0) {
    throw new AppError('TOO_MANY_ATTEMPTS', { retryAfterSeconds: attempt.locked, values: { minutes: Math.ceil(attempt.locked / 60) } });
  }
  const found = attempt.found;
  const valid = found ? await verifyPassword(credentials.password, found.passwordHash) : await verifyAgainstNothing(credentials.password);
  if (!found || !valid) throw new AppError('INVALID_CREDENTIALS');
  const { passwordHash: _dropped, ...rest } = found;
  return rest;
}

/**
 * One more failed attempt for a name, as a wrong password counts (an operator's wrong second-factor
 * code): guesses spread over many sign-ins still meet the same lockout.
 */
export async function countSignInFailure(db: Db, username: string, at: Date): Promise<void> {
  await db.insertInto('sign_in_failures').values({ username, failed_at: at }).execute();
}

/** A name's counted sign-in attempts, forgotten (a sign-in that got past its password). */
export const forgetSignInFailures = (db: Db, username: string) => identityRepository.forgetSignInFailures(db, username);

/** Whether a sign-in name is a partner user's (sign-in asks this before the Rewards team's directory). */
export async function isPartnerUsername(db: Db, username: string): Promise<boolean> {
  return (await findUserCredentials(db, username.trim().toLowerCase())) !== undefined;
}

/** Checks the credentials (checkCredentials) and opens a session, bound to the tenant's current association. */
export async function signIn(
  db: Db,
  credentials: { username: string; password: string },
  ttlHours: number,
  limits: SignInLimits,
  requestId?: string,
): Promise<{ user: UserRow; secrets: SessionSecrets }> {
  const user = await checkCredentials(db, credentials, limits, requestId);
  const secrets: SessionSecrets = {
    token: newSecret(),
    csrfToken: newSecret(),
    expiresAt: new Date(Date.now() + ttlHours * 3_600_000),
  };
  await db.transaction().execute(async (trx) => {
    await identityRepository.forgetSignInFailures(trx, user.username);
    const sessionId = await identityRepository.insertSession(trx, {
      tokenHash: hashSecret(secrets.token),
      csrfToken: secrets.csrfToken,
      userId: user.id,
      expiresAt: secrets.expiresAt,
      tenantAssociatedAt: user.tenantAssociatedAt,
    });
    await recordAudit(trx, {
      actor: { type: 'user', id: user.id },
      action: 'session.signed-in',
      partnerAccountId: user.partnerAccountId,
      subjectType: 'session',
      subjectId: sessionId,
      requestId,
    });
  });
  return { user, secrets };
}

/** The live session of a cookie's token, with its end (a cache of it must not outlive the session). */
export async function resolveSession(db: Db, token: string): Promise<(ResolvedSession & { expiresAt: Date }) | null> {
  const session = await identityRepository.findLiveSession(db, hashSecret(token));
  if (!session) return null;
  const user = await findUser(db, session.userId);
  if (!user) return null;
  // The association the session began in has ended (and perhaps another begun): the session ends with it.
  if (user.tenantAssociatedAt?.getTime() !== session.tenantAssociatedAt?.getTime()) {
    await identityRepository.revokeSession(db, session.id);
    return null;
  }
  return { user, sessionId: session.id, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
}

export function signOut(db: Db, sessionId: string): Promise<void> {
  return identityRepository.revokeSession(db, sessionId);
}

/** Ends every session of a user (an admin reset their password; they signed out everywhere). */
export async function endSessionsOf(db: Db, userId: string, exceptSessionId?: string): Promise<number> {
  return identityRepository.revokeSessionsOf(db, userId, exceptSessionId);
}

/** Sign out everywhere: every session of the user ends, this one too. */
export async function signOutEverywhere(db: Db, user: SignedInUser, requestId?: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const ended = await endSessionsOf(trx, user.id);
    await recordAudit(trx, { actor: { type: 'user', id: user.id }, action: 'session.signed-out-everywhere', partnerAccountId: user.partnerAccountId, subjectType: 'user', subjectId: user.id, details: { ended }, requestId });
    return ended;
  });
}

/**
 * A user changes their own password: the current one is checked as sign-in checks it (a wrong one
 * counts towards the sign-in lockout, so this is no way around it), the new one must pass the policy,
 * and every other session of theirs ends; this one goes on. Both fields' problems come in one answer,
 * with the schema's (`schema`: the service reads only the fields it passed): the current password is
 * checked even when the new one is refused, and a right one then forgets the name's failed attempts
 * as a sign-in does (it proved the user), so trying new passwords never locks its user out.
 */
export async function changeOwnPassword(
  db: Db,
  session: { user: SignedInUser; sessionId: string },
  input: { currentPassword: string; newPassword: string },
  limits: SignInLimits,
  requestId?: string,
  schema?: Record<string, FieldProblem> | null,
): Promise<void> {
  const { user } = session;
  const fields: Record<string, FieldProblem> = { ...schema };
  if (passedSchema(schema, 'newPassword')) Object.assign(fields, fieldOf('newPassword', passwordProblem(input.newPassword, [user.username, user.displayName, user.email])));
  if (passedSchema(schema, 'currentPassword')) {
    try {
      await checkCredentials(db, { username: user.username, password: input.currentPassword }, limits, requestId);
      if (Object.keys(fields).length > 0) await identityRepository.forgetSignInFailures(db, user.username);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'INVALID_CREDENTIALS')) throw error;
      fields.currentPassword = { code: 'CURRENT_PASSWORD_WRONG' };
    }
  }
  refuseFieldProblems(fields);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await setUserPasswordHash(trx, user.id, passwordHash);
    await identityRepository.forgetSignInFailures(trx, user.username);
    const ended = await endSessionsOf(trx, user.id, session.sessionId);
    await recordAudit(trx, { actor: { type: 'user', id: user.id }, action: 'user.password-changed', partnerAccountId: user.partnerAccountId, subjectType: 'user', subjectId: user.id, details: { otherSessionsEnded: ended }, requestId });
  });
}

/** The signed-in user's own language choice (null: follow the browser). */
export async function setUserLocale(db: Db, userId: string, locale: Locale | null): Promise<UserRow> {
  const user = await saveUserLocale(db, userId, locale);
  if (!user) throw new AppError('UNAUTHENTICATED');
  return user;
}

/** The body of sign-in and /me: who you are, your account, and what the navigation shows. */
export async function describeSignedIn(db: Db, user: SignedInUser) {
  const account: PartnerAccountRow | undefined = user.partnerAccountId ? await findPartnerAccount(db, user.partnerAccountId) : undefined;
  const member = memberOf(user);
  return {
    user,
    partnerAccount: account ?? null,
    roles: user.roles,
    navigation: { marketplaceRewards: canSeeRewards(member) },
    visibility: { tenantAssociated: user.partnerAccountId !== null, hasRewardsRole: hasRewardsRole(member) },
  };
}

/**
 * Operator tokens: created once and shown once (a name already in use gets a new secret), with an
 * optional expiry; listed without their secrets; revoked by id or name. `REWARDS_ADMIN_TOKEN` keeps
 * one named `env` in step, and starting without it revokes that one.
 */
export async function createOperatorToken(
  db: Db,
  name: string,
  options: { expiresAt?: Date | null; actor?: RequestContext['actor']; requestId?: string } = {},
): Promise<{ id: string; token: string; expiresAt: Date | null }> {
  const token = newSecret('rwd_');
  const expiresAt = options.expiresAt ?? null;
  const id = await identityRepository.upsertOperatorToken(db, name, hashSecret(token), expiresAt);
  await recordAudit(db, {
    actor: options.actor ?? { type: 'system' },
    action: 'operator-token.created',
    subjectType: 'operator-token',
    subjectId: id,
    details: { name, expiresAt: expiresAt?.toISOString() ?? null },
    requestId: options.requestId,
  });
  return { id, token, expiresAt };
}

export const listOperatorTokens = (db: Db, page: PageRequest) => identityRepository.listOperatorTokens(db, page);

export async function revokeOperatorToken(db: Db, ref: { id: string } | { name: string }, ctx: Pick<RequestContext, 'actor' | 'requestId'>) {
  const revoked = await identityRepository.revokeOperatorToken(db, ref);
  if (!revoked) throw new AppError('NOT_FOUND');
  await recordAudit(db, { actor: ctx.actor, action: 'operator-token.revoked', subjectType: 'operator-token', subjectId: revoked.id, details: { name: revoked.name }, requestId: ctx.requestId });
  return revoked;
}

export async function ensureEnvOperatorToken(db: Db, token: string): Promise<void> {
  await identityRepository.upsertOperatorToken(db, 'env', hashSecret(token));
}

/** Started without REWARDS_ADMIN_TOKEN: the token it had made stops working. */
export async function revokeEnvOperatorToken(db: Db): Promise<void> {
  const revoked = await identityRepository.revokeOperatorToken(db, { name: 'env' });
  if (revoked) await recordAudit(db, { actor: { type: 'system' }, action: 'operator-token.revoked', subjectType: 'operator-token', subjectId: revoked.id, details: { name: 'env', reason: 'REWARDS_ADMIN_TOKEN unset' } });
}

export function resolveOperatorToken(db: Db, token: string) {
  return identityRepository.findLiveOperatorToken(db, hashSecret(token));
}

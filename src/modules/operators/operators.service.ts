import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { recordAudit } from '../../platform/audit/audit.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { hashSecret, newSecret } from '../../platform/auth/tokens.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { OPERATOR_ROLES, type OperatorRole } from '../../platform/values.ts';
import type { Locale } from '../../../locales/locales.ts';
import { findUserCredentials, passwordProblem } from '../accounts/accounts.service.ts';
import { checkPasswordOf, countSignInFailure, forgetSignInFailures, type SignInLimits } from '../identity/identity.service.ts';

/**
 * The Rewards team's operators (issue #14): a directory of its own, never a partner tenant. An operator
 * signs in with a password and then a second factor (TOTP, enrolled at the first sign-in, with ten
 * single-use recovery codes), because an operator can read every partner's data. Until the second
 * factor is given, the session opens nothing but that step, and only for PENDING_MINUTES.
 */

export interface Operator {
  id: string;
  username: string;
  displayName: string;
  email: string;
  role: OperatorRole;
  managerId: string | null;
  locale: Locale | null;
}

export const OPERATOR_SESSION_PREFIX = 'op_';
export const PENDING_MINUTES = 10;
/** Wrong codes on one pending session before it ends (the password must then be given again). */
export const MAX_SECOND_FACTOR_FAILURES = 5;
const RECOVERY_CODES = 10;
const ISSUER = 'Marketplace Rewards';

const RANK: Record<OperatorRole, number> = { 'rewards-agent': 1, 'rewards-manager': 2, 'operator-admin': 3 };
/** Each role may do what the one below it may, and more. */
export const roleAtLeast = (role: OperatorRole, needed: OperatorRole) => RANK[role] >= RANK[needed];

const operatorColumns = ['id', 'username', 'display_name as displayName', 'email', 'role', 'manager_id as managerId', 'locale'] as const;

function findOperatorForSignIn(db: Db, username: string) {
  return db
    .selectFrom('operators')
    .select([...operatorColumns, 'password_hash as passwordHash'])
    .where('username', '=', username)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
}

/** An operator's id by sign-in name (null: none). */
export async function operatorIdOf(db: Db, username: string): Promise<string | null> {
  const row = await db.selectFrom('operators').select('id').where('username', '=', username.trim().toLowerCase()).executeTakeFirst();
  return row?.id ?? null;
}

/** An operator whose account is not disabled, by id (undefined: none). */
export function activeOperator(db: Db, id: string): Promise<Operator | undefined> {
  return db.selectFrom('operators').select(operatorColumns).where('id', '=', id).where('disabled_at', 'is', null).executeTakeFirst();
}

/** The team, by name: whom work can be assigned to. */
export function listActiveOperators(db: Db): Promise<Operator[]> {
  return db.selectFrom('operators').select(operatorColumns).where('disabled_at', 'is', null).orderBy('display_name').orderBy('id').limit(500).execute();
}

/** Whether a sign-in name is an operator's (sign-in asks partner users first, then this). */
export const isOperatorUsername = async (db: Db, username: string) => (await operatorIdOf(db, username)) !== null;

export interface NewOperator {
  username: string;
  displayName: string;
  email: string;
  role: OperatorRole;
  password: string;
  managerId?: string | null;
  locale?: Locale | null;
}

/** An operator account (the CLI's `rewards operator create`, and an operator admin in the console). */
export async function createOperator(db: Db, input: NewOperator, ctx: RequestContext): Promise<Operator> {
  const username = input.username.trim().toLowerCase();
  const problems: Record<string, FieldProblem> = {};
  if (!/^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$/.test(username)) problems.username = { code: 'USERNAME_INVALID' };
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.email.trim())) problems.email = { code: 'EMAIL_INVALID' };
  if (input.displayName.trim().length === 0) problems.displayName = { code: 'FIELD_REQUIRED' };
  if (!(OPERATOR_ROLES as readonly string[]).includes(input.role)) problems.role = { code: 'VALUE_NOT_ALLOWED' };
  const weak = passwordProblem(input.password, [username, input.displayName, input.email]);
  if (weak) problems.password = weak;
  // One name, one person: a partner user's sign-in name is never an operator's.
  if (!problems.username && ((await findUserCredentials(db, username)) || (await isOperatorUsername(db, username)))) problems.username = { code: 'USERNAME_TAKEN' };
  if (Object.keys(problems).length > 0) throw new AppError('VALIDATION_FAILED', { fields: problems });
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('operators')
      .values({
        username,
        display_name: input.displayName.trim(),
        email: input.email.trim(),
        role: input.role,
        manager_id: input.managerId ?? null,
        locale: input.locale ?? null,
        password_hash: passwordHash,
      })
      .returning(operatorColumns)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: ctx.actor, action: 'operator.created', subjectType: 'operator', subjectId: row.id, details: { username, role: input.role }, requestId: ctx.requestId });
    return row;
  });
}

export interface PendingSignIn {
  /** The pending session's secret, for a cookie that only the second-factor step reads. */
  pendingToken: string;
  expiresAt: Date;
  /** First sign-in: the secret to add to an authenticator app (and its otpauth:// address, for a QR code). */
  enrollment: { secret: string; uri: string; qrCode: string } | null;
}

/** Step one: the password (counted and locked out as partner users' are). */
export async function beginOperatorSignIn(db: Db, credentials: { username: string; password: string }, limits: SignInLimits, ctx: RequestContext): Promise<PendingSignIn> {
  const operator = await checkPasswordOf(db, credentials, limits, ctx.requestId, findOperatorForSignIn);
  const enrolled = await db.selectFrom('operators').select(['totp_enrolled_at as enrolledAt']).where('id', '=', operator.id).executeTakeFirstOrThrow();
  const pendingToken = newSecret();
  const expiresAt = new Date(ctx.now.getTime() + PENDING_MINUTES * 60_000);
  let enrollment: PendingSignIn['enrollment'] = null;
  await db.transaction().execute(async (trx) => {
    if (!enrolled.enrolledAt) {
      // Not yet enrolled: a new secret at each attempt, so one shown to an earlier, abandoned attempt is worthless.
      const secret = generateSecret();
      await trx.updateTable('operators').set({ totp_secret: secret }).where('id', '=', operator.id).execute();
      const uri = generateURI({ issuer: ISSUER, label: operator.username, secret });
      // Drawn here rather than in the browser: the sign-in page stays as small as it is for partners.
      const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      enrollment = { secret, uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
    }
    await trx.insertInto('operator_sessions').values({ token_hash: hashSecret(pendingToken), csrf_token: newSecret(), operator_id: operator.id, expires_at: expiresAt }).execute();
    await recordAudit(trx, { actor: { type: 'operator', id: operator.id }, action: 'operator.password-accepted', subjectType: 'operator', subjectId: operator.id, requestId: ctx.requestId });
  });
  return { pendingToken, expiresAt, enrollment };
}

export interface OperatorSessionSecrets {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Step two: a code from the authenticator (never one already used, nor an older one) or, once enrolled,
 * a recovery code (each once). The pending session ends either way: a new one is opened, so the secret
 * that carried only the password never opens the console. The first success enrolls the authenticator
 * and hands out the recovery codes, shown this once.
 */
export async function completeOperatorSignIn(
  db: Db,
  pendingToken: string,
  proof: { code?: string; recoveryCode?: string },
  ttlHours: number,
  ctx: RequestContext,
): Promise<{ operator: Operator; secrets: OperatorSessionSecrets; recoveryCodes: string[] | null }> {
  type Outcome =
    | { kind: 'no-session' | 'locked' | 'refused' }
    | { kind: 'signed-in'; operator: Operator; secrets: OperatorSessionSecrets; recoveryCodes: string[] | null };
  const outcome = await db.transaction().execute(async (trx): Promise<Outcome> => {
    const pending = await trx
      .selectFrom('operator_sessions')
      .select(['id', 'operator_id as operatorId', 'second_factor_failures as failures'])
      .where('token_hash', '=', hashSecret(pendingToken))
      .where('revoked_at', 'is', null)
      .where('second_factor_at', 'is', null)
      .where('expires_at', '>', ctx.now)
      .forUpdate()
      .executeTakeFirst();
    if (!pending) return { kind: 'no-session' };
    const operator = await trx
      .selectFrom('operators')
      .select([...operatorColumns, 'totp_secret as secret', 'totp_enrolled_at as enrolledAt', 'totp_last_step as lastStep'])
      .where('id', '=', pending.operatorId)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (!operator?.secret) return { kind: 'no-session' };

    let step: number | null = null;
    let recoveryCodeId: string | null = null;
    if (proof.code !== undefined) {
      const epoch = Math.floor(ctx.now.getTime() / 1000);
      const result = await verify({ secret: operator.secret, token: proof.code.replace(/\s+/g, ''), epoch, epochTolerance: 30 }).catch(() => ({ valid: false as const }));
      // The code's own 30-second step: the current one, or the one before or after (a clock a little off).
      const matched = result.valid ? Math.floor(epoch / 30) + result.delta : null;
      if (matched !== null && (operator.lastStep === null || matched > operator.lastStep)) step = matched;
    } else if (proof.recoveryCode !== undefined && operator.enrolledAt) {
      const found = await trx
        .selectFrom('operator_recovery_codes')
        .select('id')
        .where('operator_id', '=', operator.id)
        .where('code_hash', '=', hashSecret(normalizeRecoveryCode(proof.recoveryCode)))
        .where('used_at', 'is', null)
        .executeTakeFirst();
      recoveryCodeId = found?.id ?? null;
    }
    if (step === null && recoveryCodeId === null) {
      const failures = pending.failures + 1;
      const ended = failures >= MAX_SECOND_FACTOR_FAILURES;
      await trx
        .updateTable('operator_sessions')
        .set({ second_factor_failures: failures, ...(ended ? { revoked_at: ctx.now } : {}) })
        .where('id', '=', pending.id)
        .execute();
      // Counted with the name's password attempts too: a new sign-in for every five guesses soon meets the lockout.
      await countSignInFailure(trx, operator.username, new Date());
      await recordAudit(trx, { actor: { type: 'operator', id: operator.id }, action: 'operator.second-factor-refused', subjectType: 'operator', subjectId: operator.id, details: { failures, ended }, requestId: ctx.requestId });
      return { kind: ended ? 'locked' : 'refused' };
    }

    let recoveryCodes: string[] | null = null;
    if (!operator.enrolledAt) {
      recoveryCodes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
      await trx.deleteFrom('operator_recovery_codes').where('operator_id', '=', operator.id).execute();
      await trx
        .insertInto('operator_recovery_codes')
        .values(recoveryCodes.map((code) => ({ operator_id: operator.id, code_hash: hashSecret(normalizeRecoveryCode(code)) })))
        .execute();
    }
    if (recoveryCodeId) await trx.updateTable('operator_recovery_codes').set({ used_at: ctx.now }).where('id', '=', recoveryCodeId).execute();
    const changes = { ...(step !== null ? { totp_last_step: step } : {}), ...(operator.enrolledAt ? {} : { totp_enrolled_at: ctx.now }) };
    if (Object.keys(changes).length > 0) await trx.updateTable('operators').set(changes).where('id', '=', operator.id).execute();
    await trx.updateTable('operator_sessions').set({ revoked_at: ctx.now }).where('id', '=', pending.id).execute();
    // The CSRF token (readable by the page, unlike the session cookie) starts with the same prefix, so the
    // portal knows at boot that the session is an operator's and asks /api/v1/ops/me, not /api/v1/me.
    const secrets: OperatorSessionSecrets = { token: newSecret(OPERATOR_SESSION_PREFIX), csrfToken: newSecret(OPERATOR_SESSION_PREFIX), expiresAt: new Date(ctx.now.getTime() + ttlHours * 3_600_000) };
    const session = await trx
      .insertInto('operator_sessions')
      .values({ token_hash: hashSecret(secrets.token), csrf_token: secrets.csrfToken, operator_id: operator.id, expires_at: secrets.expiresAt, second_factor_at: ctx.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: { type: 'operator', id: operator.id },
      action: 'operator.signed-in',
      subjectType: 'operator-session',
      subjectId: session.id,
      details: { with: recoveryCodeId ? 'recovery-code' : 'totp', enrolled: recoveryCodes !== null },
      requestId: ctx.requestId,
    });
    const { secret: _s, enrolledAt: _e, lastStep: _l, ...publicOperator } = operator;
    return { kind: 'signed-in', operator: publicOperator, secrets, recoveryCodes };
  });
  if (outcome.kind === 'no-session') throw new AppError('UNAUTHENTICATED', { messageId: 'error.UNAUTHENTICATED.secondFactor' });
  if (outcome.kind === 'locked') throw new AppError('TOO_MANY_ATTEMPTS', { messageId: 'error.TOO_MANY_ATTEMPTS.secondFactor' });
  if (outcome.kind !== 'signed-in') throw new AppError('SECOND_FACTOR_INVALID');
  await forgetSignInFailures(db, outcome.operator.username);
  return { operator: outcome.operator, secrets: outcome.secrets, recoveryCodes: outcome.recoveryCodes };
}

/** Ten groups of letters and digits a person can read out: "k7q2-m9xd-4hpt". */
function newRecoveryCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(12);
  const chars = Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}
const normalizeRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');

export interface ResolvedOperatorSession {
  operator: Operator;
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
}

/** The live, second-factor-checked session of a cookie's token (an `op_` one), or null. */
export async function resolveOperatorSession(db: Db, token: string, now: Date = new Date()): Promise<ResolvedOperatorSession | null> {
  const row = await db
    .selectFrom('operator_sessions')
    .innerJoin('operators', 'operators.id', 'operator_sessions.operator_id')
    .select([
      'operator_sessions.id as sessionId',
      'operator_sessions.csrf_token as csrfToken',
      'operator_sessions.expires_at as expiresAt',
      'operators.id',
      'operators.username',
      'operators.display_name as displayName',
      'operators.email',
      'operators.role',
      'operators.manager_id as managerId',
      'operators.locale',
    ])
    .where('operator_sessions.token_hash', '=', hashSecret(token))
    .where('operator_sessions.revoked_at', 'is', null)
    .where('operator_sessions.second_factor_at', 'is not', null)
    .where('operator_sessions.expires_at', '>', now)
    .where('operators.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  const { sessionId, csrfToken, expiresAt, ...operator } = row;
  return { operator, sessionId, csrfToken, expiresAt };
}

export async function signOutOperator(db: Db, sessionId: string, ctx: RequestContext): Promise<void> {
  await db.updateTable('operator_sessions').set({ revoked_at: ctx.now }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute();
}

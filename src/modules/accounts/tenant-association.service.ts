import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import { verifyAgainstNothing, verifyPassword } from '../../platform/auth/password.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { Member } from '../../platform/context.ts';
import { canManageTenants } from './accounts.policy.ts';
import { accountsRepository, type TenantRow } from './accounts.repository.ts';
import type { RequestContext } from '../../platform/context.ts';

/**
 * Associating another directory tenant with a partner account (the seed's steps
 * 1-6): an admin proves control of the other tenant with the credentials of any
 * of its users. The credentials are checked and dropped; only the outcome is kept.
 */

export interface AssociationLimits {
  maxFailures: number;
  lockoutMinutes: number;
}

// Distinct advisory-lock namespaces, so attempts on one account (or one tenant) run one at a time.
const ACCOUNT_LOCK = 727_101;
const TENANT_LOCK = 727_102;

function domainOf(username: string): string {
  const at = username.lastIndexOf('@');
  return at === -1 ? '' : username.slice(at + 1);
}

/** Seconds until the failures in the window drop below the limit, or 0 when not blocked. */
async function secondsBlocked(
  db: Db,
  column: 'partner_account_id' | 'target_tenant_id',
  id: string,
  limits: AssociationLimits,
): Promise<number> {
  const windowStart = new Date(Date.now() - limits.lockoutMinutes * 60_000);
  const row = await db
    .selectFrom('association_failures')
    .select('failed_at')
    .where(column, '=', id)
    .where('failed_at', '>', windowStart)
    .orderBy('failed_at', 'desc')
    .offset(limits.maxFailures - 1)
    .limit(1)
    .executeTakeFirst();
  if (!row) return 0;
  const until = row.failed_at.getTime() + limits.lockoutMinutes * 60_000;
  return Math.max(1, Math.ceil((until - Date.now()) / 1000));
}

export async function associateTenant(
  db: Db,
  member: Member,
  credentials: { username: string; password: string },
  limits: AssociationLimits,
  ctx: RequestContext,
): Promise<TenantRow> {
  const accountId = member.partnerAccountId;
  if (accountId === null) throw new AppError('NO_PARTNER_ACCOUNT');
  const audit = (trx: Db, action: string, details: Record<string, unknown>, subjectId?: string) =>
    recordAudit(trx, {
      actor: ctx.actor,
      action,
      partnerAccountId: accountId,
      subjectType: 'tenant',
      subjectId,
      details,
      requestId: ctx.requestId,
    });

  if (!canManageTenants(member)) {
    await audit(db, 'tenant.association-refused', { reason: 'FORBIDDEN' });
    throw forbidden('error.FORBIDDEN.manageTenants');
  }

  const username = credentials.username.trim().toLowerCase();
  const target = await accountsRepository.findTenantByDomain(db, domainOf(username));

  // Failures are recorded outside the rollback of the refusal, so the count survives the error.
  const outcome = await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${ACCOUNT_LOCK}, hashtext(${accountId}))`.execute(trx);
    if (target) await sql`select pg_advisory_xact_lock(${TENANT_LOCK}, hashtext(${target.id}))`.execute(trx);

    const blocked = Math.max(
      await secondsBlocked(trx, 'partner_account_id', accountId, limits),
      target ? await secondsBlocked(trx, 'target_tenant_id', target.id, limits) : 0,
    );
    if (blocked > 0) {
      await audit(trx, 'tenant.association-refused', { reason: 'TOO_MANY_ATTEMPTS', domain: target?.domain }, target?.id);
      return { kind: 'blocked' as const, retryAfterSeconds: blocked };
    }

    const user = target ? await accountsRepository.findUserForSignIn(trx, username) : undefined;
    const valid =
      user !== undefined && user.tenantId === target?.id
        ? await verifyPassword(credentials.password, user.passwordHash)
        : await verifyAgainstNothing(credentials.password);
    if (!valid || !target) {
      await trx
        .insertInto('association_failures')
        .values({ partner_account_id: accountId, target_tenant_id: target?.id ?? null, failed_at: new Date() })
        .execute();
      await audit(trx, 'tenant.association-failed', { reason: 'INVALID_CREDENTIALS', domain: target?.domain }, target?.id);
      return { kind: 'invalid' as const };
    }

    if (target.partnerAccountId !== null) {
      const scope: 'this' | 'other' = target.partnerAccountId === accountId ? 'this' : 'other';
      await audit(trx, 'tenant.association-refused', { reason: 'TENANT_ALREADY_ASSOCIATED', scope }, target.id);
      return { kind: 'taken' as const, scope };
    }
    const associated = await accountsRepository.associateTenant(trx, target.id, accountId);
    if (!associated) return { kind: 'taken' as const, scope: 'other' as const };
    await audit(trx, 'tenant.associated', { domain: associated.domain, provedBy: user!.id }, associated.id);
    return { kind: 'associated' as const, tenant: associated };
  });

  switch (outcome.kind) {
    case 'associated':
      return outcome.tenant;
    case 'blocked':
      throw new AppError('TOO_MANY_ATTEMPTS', {
        retryAfterSeconds: outcome.retryAfterSeconds,
        values: { minutes: Math.ceil(outcome.retryAfterSeconds / 60) },
      });
    case 'invalid':
      throw new AppError('INVALID_CREDENTIALS');
    case 'taken':
      throw new AppError('TENANT_ALREADY_ASSOCIATED', { messageId: `error.TENANT_ALREADY_ASSOCIATED.${outcome.scope}` });
  }
}

export function listAccountTenants(db: Db, member: Member): Promise<TenantRow[]> {
  if (member.partnerAccountId === null) throw new AppError('NO_PARTNER_ACCOUNT');
  if (!canManageTenants(member)) throw forbidden('error.FORBIDDEN.manageTenants');
  return accountsRepository.listTenantsOfAccount(db, member.partnerAccountId);
}

/** Removing cuts that tenant's users off the account; never the primary tenant or the caller's own. */
export async function removeTenantAssociation(
  db: Db,
  member: Member,
  tenantId: string,
  ctx: RequestContext,
): Promise<void> {
  const accountId = member.partnerAccountId;
  if (accountId === null) throw new AppError('NO_PARTNER_ACCOUNT');
  if (!canManageTenants(member)) throw forbidden('error.FORBIDDEN.manageTenants');
  const tenant = await accountsRepository.findTenantById(db, tenantId);
  if (!tenant || tenant.partnerAccountId !== accountId) throw notFound();
  const account = await accountsRepository.findPartnerAccountById(db, accountId);
  if (account?.primaryTenantId === tenant.id) throw new AppError('TENANT_IS_PRIMARY');
  if (member.tenantId === tenant.id) throw new AppError('TENANT_IS_CURRENT');
  await db.transaction().execute(async (trx) => {
    if (!(await accountsRepository.dissociateTenant(trx, tenant.id, accountId))) throw notFound();
    await recordAudit(trx, {
      actor: ctx.actor,
      action: 'tenant.removed',
      partnerAccountId: accountId,
      subjectType: 'tenant',
      subjectId: tenant.id,
      details: { domain: tenant.domain },
      requestId: ctx.requestId,
    });
  });
}

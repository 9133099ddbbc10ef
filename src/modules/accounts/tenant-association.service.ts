import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Page, PageRequest } from '../../platform/db/pages.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { Member } from '../../platform/context.ts';
import { canManageTenants, tenantRemovalRefusal } from './accounts.policy.ts';
import { accountsRepository, type ManagedUserRow, type TenantRow } from './accounts.repository.ts';
import type { RequestContext } from '../../platform/context.ts';

/**
 * Associating another directory tenant with a partner account (the seed's steps
 * 1-6): an admin proves control of the other tenant with the credentials of any
 * of its users. The credentials are checked and dropped; only the outcome is kept.
 */

export interface AssociationLimits {
  /** Attempts (of any outcome) per partner account, and per target tenant, within the window. */
  maxAttempts: number;
  lockoutMinutes: number;
}

// Distinct advisory-lock namespaces, so attempts on one account (or one tenant) run one at a time.
const ACCOUNT_LOCK = 727_101;
const TENANT_LOCK = 727_102;

function domainOf(username: string): string {
  const at = username.lastIndexOf('@');
  return at === -1 ? '' : username.slice(at + 1);
}

/** Seconds until the attempts in the window drop below the limit, or 0 when not blocked. */
async function secondsBlocked(
  db: Db,
  column: 'partner_account_id' | 'target_tenant_id',
  id: string,
  limits: AssociationLimits,
  now: Date,
): Promise<number> {
  const windowStart = new Date(now.getTime() - limits.lockoutMinutes * 60_000);
  const row = await db
    .selectFrom('association_attempts')
    .select('attempted_at')
    .where(column, '=', id)
    .where('attempted_at', '>', windowStart)
    .orderBy('attempted_at', 'desc')
    .offset(limits.maxAttempts - 1)
    .limit(1)
    .executeTakeFirst();
  if (!row) return 0;
  const until = row.attempted_at.getTime() + limits.lockoutMinutes * 60_000;
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
}

/**
 * Checks a user's name and password as sign-in does (identity's checkCredentials: the attempt counts
 * towards that name's sign-in lockout, and the hash runs with no connection held); given by the route.
 */
export type CredentialsCheck = (credentials: { username: string; password: string }) => Promise<{ id: string; tenantId: string }>;

/**
 * Every attempt counts towards the per-account and per-tenant limits, whatever its outcome (a right
 * password against a taken tenant is as much a guess as a wrong one), and towards the sign-in lockout
 * of the name it tried: a name locked out of sign-in is refused here too, before its password is
 * checked. So association is no better a password oracle than sign-in itself.
 */
export async function associateTenant(
  db: Db,
  member: Member,
  credentials: { username: string; password: string },
  limits: AssociationLimits,
  checkCredentials: CredentialsCheck,
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

  // The attempt is counted in a short transaction, serialised per account and per tenant, before anything is checked.
  const blocked = await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${ACCOUNT_LOCK}, hashtext(${accountId}))`.execute(trx);
    if (target) await sql`select pg_advisory_xact_lock(${TENANT_LOCK}, hashtext(${target.id}))`.execute(trx);
    const seconds = Math.max(
      await secondsBlocked(trx, 'partner_account_id', accountId, limits, ctx.now),
      target ? await secondsBlocked(trx, 'target_tenant_id', target.id, limits, ctx.now) : 0,
    );
    if (seconds > 0) {
      await audit(trx, 'tenant.association-refused', { reason: 'TOO_MANY_ATTEMPTS', domain: target?.domain }, target?.id);
      return seconds;
    }
    await trx
      .insertInto('association_attempts')
      .values({ partner_account_id: accountId, target_tenant_id: target?.id ?? null, attempted_at: ctx.now })
      .execute();
    return 0;
  });
  if (blocked > 0) {
    throw new AppError('TOO_MANY_ATTEMPTS', { retryAfterSeconds: blocked, values: { minutes: Math.ceil(blocked / 60) } });
  }

  // No connection or transaction is held while the password is hashed.
  let prover: { id: string; tenantId: string } | undefined;
  try {
    prover = await checkCredentials({ username, password: credentials.password });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await audit(db, 'tenant.association-failed', { reason: error.code, domain: target?.domain }, target?.id);
    throw error;
  }
  if (!target || prover.tenantId !== target.id) {
    await audit(db, 'tenant.association-failed', { reason: 'INVALID_CREDENTIALS', domain: target?.domain }, target?.id);
    throw new AppError('INVALID_CREDENTIALS');
  }

  const outcome = await db.transaction().execute(async (trx) => {
    if (target.partnerAccountId === null) {
      const associated = await accountsRepository.associateTenant(trx, target.id, accountId, ctx.now);
      if (associated) {
        await audit(trx, 'tenant.associated', { domain: associated.domain, provedBy: prover.id }, associated.id);
        return { kind: 'associated' as const, tenant: associated };
      }
    }
    const current = await accountsRepository.findTenantById(trx, target.id);
    const scope: 'this' | 'other' = current?.partnerAccountId === accountId ? 'this' : 'other';
    await audit(trx, 'tenant.association-refused', { reason: 'TENANT_ALREADY_ASSOCIATED', scope }, target.id);
    return { kind: 'taken' as const, scope };
  });
  if (outcome.kind === 'associated') return outcome.tenant;
  throw new AppError('TENANT_ALREADY_ASSOCIATED', { messageId: `error.TENANT_ALREADY_ASSOCIATED.${outcome.scope}` });
}

export function listAccountTenants(db: Db, member: Member, page: PageRequest): Promise<Page<TenantRow>> {
  if (member.partnerAccountId === null) throw new AppError('NO_PARTNER_ACCOUNT');
  if (!canManageTenants(member)) throw forbidden('error.FORBIDDEN.manageTenants');
  return accountsRepository.pageTenantsOfAccount(db, member.partnerAccountId, page);
}

/**
 * The tenant whose association the member may remove, or the refusal removing it gets (the same
 * policy the tenant's `abilities.remove` comes from: tenantRemovalRefusal): another account's tenant
 * is 404, never the primary tenant (409), nor the one the caller signed in with (409).
 */
async function removableTenant(db: Db, member: Member, tenantId: string): Promise<{ accountId: string; tenant: TenantRow; primaryTenantId: string | null }> {
  const accountId = member.partnerAccountId;
  if (accountId === null) throw new AppError('NO_PARTNER_ACCOUNT');
  if (!canManageTenants(member)) throw forbidden('error.FORBIDDEN.manageTenants');
  const tenant = await accountsRepository.findTenantById(db, tenantId);
  if (!tenant || tenant.partnerAccountId !== accountId) throw notFound();
  const primaryTenantId = (await accountsRepository.findPartnerAccountById(db, accountId))?.primaryTenantId ?? null;
  const refusal = tenantRemovalRefusal(member, tenant, primaryTenantId);
  if (refusal === 'manageTenants') throw forbidden('error.FORBIDDEN.manageTenants');
  if (refusal === 'primary') throw new AppError('TENANT_IS_PRIMARY');
  if (refusal === 'current') throw new AppError('TENANT_IS_CURRENT');
  return { accountId, tenant, primaryTenantId };
}

/** How many of a tenant's users a removal preview names (the rest are counted). */
export const REMOVAL_USERS_NAMED = 50;

export interface TenantRemovalPreview {
  tenant: TenantRow;
  primaryTenantId: string | null;
  /** Every user of the tenant loses access to the account; the ones the account made there are deleted. */
  userCount: number;
  users: ManagedUserRow[];
  /** The account's marketing contact, when they are one of these users (they then need reassigning). */
  marketingContact: { userId: string; displayName: string } | null;
}

/**
 * What removing the association would do, for the portal to ask first: every user of the tenant
 * loses access to the account and its program (their sessions end; the users the account made there
 * are deleted), by name (the first REMOVAL_USERS_NAMED by name) and in number, and whether the
 * account's marketing contact is one of them. Refused as the removal itself would be.
 * `marketingContactOf` is benefits' (the route passes it: accounts does not read benefits' tables).
 */
export async function previewTenantRemoval(
  db: Db,
  member: Member,
  tenantId: string,
  marketingContactOf: (accountId: string) => Promise<{ userId: string | null } | null>,
): Promise<TenantRemovalPreview> {
  const { accountId, tenant, primaryTenantId } = await removableTenant(db, member, tenantId);
  const users = await accountsRepository.listUsersOfTenant(db, tenant.id, REMOVAL_USERS_NAMED);
  const userCount = users.length < REMOVAL_USERS_NAMED ? users.length : await accountsRepository.countUsersOfTenant(db, tenant.id);
  const contact = await marketingContactOf(accountId);
  const contactUser = contact?.userId ? await accountsRepository.findUserById(db, contact.userId) : undefined;
  return {
    tenant,
    primaryTenantId,
    userCount,
    users,
    marketingContact: contactUser && contactUser.tenantId === tenant.id ? { userId: contactUser.id, displayName: contactUser.displayName } : null,
  };
}

/**
 * Benefits' (the route passes it: accounts does not write benefits' tables): inside the removal's
 * transaction, clears the marketing contact when `isTenantUser` says they are one of the tenant's users.
 */
export type ReleaseContact = (
  trx: Db,
  accountId: string,
  isTenantUser: (userId: string) => Promise<boolean>,
  details: Record<string, unknown>,
) => Promise<unknown>;

/**
 * Removing an association hands the tenant back as it was: the users this account made there go
 * (their sessions with them), every other user's roles go back to what the tenant itself gave them
 * (users.own_roles), and every session of the tenant's users ends at once (a session is bound to the
 * association it began in). A later association, by anyone, starts from the tenant's own state. A
 * marketing contact who was one of these users loses their user in the same transaction (benefits'
 * releaseContact, audited) and is shown as waiting for reassignment, also if the tenant is associated
 * again later, so until a new one is assigned
 * no benefit can be activated and sponsorship emails go to the company account email; the portal says
 * so before the removal (previewTenantRemoval). Never the primary tenant, nor the one the caller
 * signed in with.
 */
export async function removeTenantAssociation(
  db: Db,
  member: Member,
  tenantId: string,
  ctx: RequestContext,
  releaseContact: ReleaseContact,
): Promise<void> {
  const { accountId, tenant } = await removableTenant(db, member, tenantId);
  await db.transaction().execute(async (trx) => {
    if (!(await accountsRepository.dissociateTenant(trx, tenant.id, accountId))) throw notFound();
    // Before the users go (the ones the account made are deleted just below).
    const isTenantUser = async (userId: string) => (await accountsRepository.findUserById(trx, userId))?.tenantId === tenant.id;
    await releaseContact(trx, accountId, isTenantUser, { tenantId: tenant.id, domain: tenant.domain });
    const removedUsers = await accountsRepository.deleteUsersCreatedBy(trx, tenant.id, accountId);
    const restoredUsers = await accountsRepository.restoreOwnRoles(trx, tenant.id);
    await recordAudit(trx, {
      actor: ctx.actor,
      action: 'tenant.removed',
      partnerAccountId: accountId,
      subjectType: 'tenant',
      subjectId: tenant.id,
      details: { domain: tenant.domain, removedUsers, restoredUsers },
      requestId: ctx.requestId,
    });
  });
}

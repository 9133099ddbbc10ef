import type { Locale } from '../../../locales/locales.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { newPasswordProblem } from '../../platform/auth/password-policy.ts';
import type { Member, RequestContext } from '../../platform/context.ts';
import type { BeforeCommit, Db } from '../../platform/db/database.ts';
import type { Page, PageRequest } from '../../platform/db/pages.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError, forbidden, notFound, validationFailed } from '../../platform/errors.ts';
import { ROLES, type Role } from '../../platform/values.ts';
import { actsForTenant, canChangeProfile, canChangeRoles, canManageUsers, grantableRolesIn } from './accounts.policy.ts';
import { accountsRepository, type ManagedUserRow, type PartnerAccountRow, type TenantRow, type UserRow } from './accounts.repository.ts';

/**
 * Partner accounts, their tenants and users: the rules, over the repository.
 * The only way into these tables for every other module (identity signs in
 * through findUserCredentials, benefits lists an account's users, ...).
 */
export type { ManagedUserRow, PartnerAccountRow, TenantRow, UserRow } from './accounts.repository.ts';

export interface NewUser {
  username: string;
  displayName: string;
  email: string;
  password: string;
  roles: Role[];
}

const LOCAL_PART = /^[a-z0-9](?:[a-z0-9._+-]{0,62}[a-z0-9])?$/;

export function normalizeDomain(domain: string): string {
  return domain.trim().toLowerCase();
}

export function normalizeRoles(roles: readonly Role[]): Role[] {
  const wanted = new Set(roles);
  const ordered = ROLES.filter((role) => wanted.has(role) && role !== 'user');
  return ordered.length > 0 ? ordered : ['user'];
}

/** `anna` or `anna@contoso.example` for the tenant contoso.example -> `anna@contoso.example`. */
export function usernameForTenant(input: string, tenantDomain: string): string {
  const value = input.trim().toLowerCase();
  const at = value.lastIndexOf('@');
  const local = at === -1 ? value : value.slice(0, at);
  if (at !== -1 && value.slice(at + 1) !== tenantDomain) {
    throw validationFailed({ username: { code: 'USERNAME_DOMAIN_MISMATCH', values: { domain: tenantDomain } } });
  }
  if (!LOCAL_PART.test(local)) throw validationFailed({ username: { code: 'USERNAME_INVALID' } });
  return `${local}@${tenantDomain}`;
}

export async function createTenant(
  db: Db,
  input: { domain: string; displayName: string },
  ctx: RequestContext,
  beforeCommit?: BeforeCommit<TenantRow>,
): Promise<TenantRow> {
  const domain = normalizeDomain(input.domain);
  try {
    return await db.transaction().execute(async (trx) => {
      const tenant = await accountsRepository.insertTenant(trx, { domain, displayName: input.displayName.trim() });
      await recordAudit(trx, {
        actor: ctx.actor,
        action: 'tenant.created',
        subjectType: 'tenant',
        subjectId: tenant.id,
        details: { domain },
        requestId: ctx.requestId,
      });
      await beforeCommit?.(trx, tenant);
      return tenant;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const existing = await accountsRepository.findTenantByDomain(db, domain);
      throw new AppError('DOMAIN_TAKEN', { fields: { domain: { code: 'DOMAIN_TAKEN' } }, ...(existing ? { conflict: { type: 'tenant', id: existing.id } } : {}) });
    }
    throw error;
  }
}

export async function createPartnerAccount(
  db: Db,
  input: { name: string; mpnId: string; companyEmail: string; primaryTenantId: string },
  ctx: RequestContext,
  beforeCommit?: BeforeCommit<PartnerAccountRow>,
): Promise<PartnerAccountRow> {
  try {
    return await db.transaction().execute(async (trx) => {
      const tenant = await accountsRepository.findTenantById(trx, input.primaryTenantId);
      if (!tenant) {
        throw new AppError('TENANT_NOT_FOUND', { fields: { primaryTenantId: { code: 'TENANT_NOT_FOUND' } } });
      }
      if (tenant.partnerAccountId !== null) {
        throw new AppError('TENANT_ALREADY_ASSOCIATED', {
          messageId: 'error.TENANT_ALREADY_ASSOCIATED.other',
          fields: { primaryTenantId: { code: 'TENANT_ALREADY_ASSOCIATED' } },
        });
      }
      const account = await accountsRepository.insertPartnerAccount(trx, {
        name: input.name.trim(),
        mpnId: input.mpnId,
        companyEmail: input.companyEmail.trim(),
        primaryTenantId: tenant.id,
      });
      if (!(await accountsRepository.associateTenant(trx, tenant.id, account.id, ctx.now))) {
        throw new AppError('TENANT_ALREADY_ASSOCIATED', { messageId: 'error.TENANT_ALREADY_ASSOCIATED.other' });
      }
      await recordAudit(trx, {
        actor: ctx.actor,
        action: 'partner-account.created',
        partnerAccountId: account.id,
        subjectType: 'partner-account',
        subjectId: account.id,
        details: { mpnId: account.mpnId, primaryTenantId: tenant.id },
        requestId: ctx.requestId,
      });
      await beforeCommit?.(trx, account);
      return account;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const existing = await accountsRepository.findPartnerAccountByMpnId(db, input.mpnId);
      throw new AppError('MPN_ID_TAKEN', { fields: { mpnId: { code: 'MPN_ID_TAKEN' } }, ...(existing ? { conflict: { type: 'partner-account', id: existing.id } } : {}) });
    }
    throw error;
  }
}

/**
 * Creates a user in a tenant; the operator path (the tenant's own state), and the account admin's after
 * its policy check, with `createdByAccountId` when the account, not the tenant itself, makes the user.
 */
export async function createUser(
  db: Db,
  tenantId: string,
  input: NewUser,
  ctx: RequestContext,
  options: { createdByAccountId?: string | null; beforeCommit?: BeforeCommit<ManagedUserRow> } = {},
): Promise<ManagedUserRow> {
  const createdByAccountId = options.createdByAccountId ?? null;
  const tenant = await accountsRepository.findTenantById(db, tenantId);
  if (!tenant) throw notFound();
  const username = usernameForTenant(input.username, tenant.domain);
  requireGoodPassword(input.password, [username, input.displayName, input.email]);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction().execute(async (trx) => {
      const user = await accountsRepository.insertUser(trx, {
        tenantId: tenant.id,
        username,
        displayName: input.displayName.trim(),
        email: input.email.trim(),
        passwordHash,
        roles: normalizeRoles(input.roles),
        // A user the account makes has nothing of the tenant's own: it leaves with the association.
        ownRoles: createdByAccountId === null ? normalizeRoles(input.roles) : ['user'],
        createdByAccountId,
      });
      await recordAudit(trx, {
        actor: ctx.actor,
        action: 'user.created',
        partnerAccountId: tenant.partnerAccountId,
        subjectType: 'user',
        subjectId: user.id,
        details: { username, roles: user.roles, createdByAccount: createdByAccountId !== null },
        requestId: ctx.requestId,
      });
      await options.beforeCommit?.(trx, user);
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      // The name is of this tenant's domain, so the user who has it is in the same tenant: the caller may know them.
      const existing = await accountsRepository.findUserForSignIn(db, username);
      throw new AppError('USERNAME_TAKEN', { fields: { username: { code: 'USERNAME_TAKEN' } }, ...(existing ? { conflict: { type: 'user', id: existing.id } } : {}) });
    }
    throw error;
  }
}

/** Refuses a new password that NIST's rules refuse (platform/auth/password-policy.ts), on the field `field`. */
export function requireGoodPassword(password: string, context: readonly string[], field = 'password'): void {
  const problem = newPasswordProblem(password, context);
  if (problem) throw validationFailed({ [field]: problem });
}

function requireAccount(member: Member): string {
  if (member.partnerAccountId === null) throw new AppError('NO_PARTNER_ACCOUNT');
  return member.partnerAccountId;
}

/** The member's account, when they may manage its users; else the refusal (NO_PARTNER_ACCOUNT, FORBIDDEN). */
export function requireUserManager(member: Member): string {
  const accountId = requireAccount(member);
  if (!canManageUsers(member)) throw forbidden('error.FORBIDDEN.manageUsers');
  return accountId;
}

export function listAccountUsers(db: Db, member: Member, page: PageRequest): Promise<Page<ManagedUserRow>> {
  const accountId = requireUserManager(member);
  return accountsRepository.pageUsersOfAccount(db, accountId, page);
}

/** Roles outside what the member may give in that tenant: Global admin outside their own tenant, most likely. */
function ungrantable(member: Member, tenantId: string, roles: readonly Role[]): boolean {
  const allowed = new Set<Role>([...grantableRolesIn(member, tenantId), 'user']);
  return roles.some((role) => !allowed.has(role));
}

export async function addAccountUser(
  db: Db,
  member: Member,
  input: NewUser & { tenantId: string },
  ctx: RequestContext,
  beforeCommit?: BeforeCommit<ManagedUserRow>,
): Promise<ManagedUserRow> {
  const accountId = requireUserManager(member);
  const tenant = await accountsRepository.findTenantById(db, input.tenantId);
  if (!tenant || tenant.partnerAccountId !== accountId) {
    throw validationFailed({ tenantId: { code: 'TENANT_NOT_IN_ACCOUNT' } });
  }
  if (ungrantable(member, tenant.id, normalizeRoles(input.roles))) throw forbidden('error.FORBIDDEN.globalAdminOnly');
  // Made by the tenant's own Global admin, the user is the tenant's; made by anyone else, the account's.
  return createUser(db, tenant.id, input, ctx, {
    createdByAccountId: actsForTenant(member, tenant.id) ? null : accountId,
    ...(beforeCommit ? { beforeCommit } : {}),
  });
}

/** A user of this account, or 404: another account's users do not exist from here. */
async function userOfAccount(db: Db, accountId: string, userId: string): Promise<ManagedUserRow> {
  const user = await accountsRepository.findManagedUserById(db, userId);
  if (!user || user.partnerAccountId !== accountId) throw notFound();
  return user;
}

/** A user's name, email, password or the user itself: refused with the reason that applies (policy: canChangeProfile). */
function requireProfileChange(member: Member, user: ManagedUserRow): void {
  if (canChangeProfile(member, user)) return;
  throw forbidden(user.tenantId === member.tenantId ? 'error.FORBIDDEN.globalAdminOnly' : 'error.FORBIDDEN.otherTenantsUser');
}

function auditUserChange(trx: Db, ctx: RequestContext, accountId: string, user: ManagedUserRow, action: string, details: Record<string, unknown>) {
  return recordAudit(trx, {
    actor: ctx.actor,
    action,
    partnerAccountId: accountId,
    subjectType: 'user',
    subjectId: user.id,
    details,
    ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
  });
}

export async function updateAccountUser(
  db: Db,
  member: Member,
  userId: string,
  changes: { roles?: Role[]; displayName?: string; email?: string },
  ctx: RequestContext,
): Promise<ManagedUserRow> {
  const accountId = requireAccount(member);
  if (!canManageUsers(member)) throw forbidden('error.FORBIDDEN.manageUsers');
  const user = await userOfAccount(db, accountId, userId);
  const roles = changes.roles === undefined ? undefined : normalizeRoles(changes.roles);
  if (roles !== undefined) {
    if (!canChangeRoles(member, user, roles)) throw forbidden('error.FORBIDDEN.globalAdminOnly');
    // The roles this change adds must be the member's to give in that tenant.
    if (ungrantable(member, user.tenantId, roles.filter((role) => !user.roles.includes(role)))) throw forbidden('error.FORBIDDEN.globalAdminOnly');
  }
  if (changes.displayName !== undefined || changes.email !== undefined) requireProfileChange(member, user);
  // Taking every admin role from yourself would lock you out of this very page.
  if (roles !== undefined && user.id === member.userId && !roles.some((r) => r === 'global-admin' || r === 'account-admin')) {
    throw validationFailed({ roles: { code: 'CANNOT_DEMOTE_SELF' } });
  }
  return db.transaction().execute(async (trx) => {
    const updated = await accountsRepository.updateUser(trx, user.id, {
      // What the tenant's own Global admin gives is the tenant's own state; anyone else's grant goes with the association.
      ...(roles !== undefined ? { roles, ...(actsForTenant(member, user.tenantId) ? { ownRoles: roles } : {}) } : {}),
      ...(changes.displayName !== undefined ? { displayName: changes.displayName.trim() } : {}),
      ...(changes.email !== undefined ? { email: changes.email.trim() } : {}),
    });
    await auditUserChange(trx, ctx, accountId, user, 'user.updated', {
      before: { roles: user.roles },
      after: { roles: updated!.roles },
      changed: Object.keys(changes),
    });
    return updated!;
  });
}

/**
 * An admin sets a new password for a user, under the rules of their email (canChangeProfile: never
 * another tenant's own users, never a Global admin unless one); every session of that user ends
 * (`endSessions`, identity's, in the same transaction). Never one's own: that is Change password,
 * which asks for the current one.
 */
export async function resetAccountUserPassword(
  db: Db,
  member: Member,
  userId: string,
  password: string,
  ctx: RequestContext,
  endSessions: (trx: Db, userId: string) => Promise<void>,
): Promise<void> {
  const accountId = requireAccount(member);
  if (!canManageUsers(member)) throw forbidden('error.FORBIDDEN.manageUsers');
  const user = await userOfAccount(db, accountId, userId);
  if (user.id === member.userId) throw new AppError('CANNOT_RESET_OWN_PASSWORD');
  requireProfileChange(member, user);
  requireGoodPassword(password, [user.username, user.displayName, user.email]);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await accountsRepository.updateUser(trx, user.id, { passwordHash });
    await endSessions(trx, user.id);
    await auditUserChange(trx, ctx, accountId, user, 'user.password-reset', { username: user.username });
  });
}

/** A user's new password hash (their own change, identity's: it checked the current one and the policy). */
export async function setUserPasswordHash(db: Db, userId: string, passwordHash: string): Promise<void> {
  await accountsRepository.updateUser(db, userId, { passwordHash });
}

export async function removeAccountUser(
  db: Db,
  member: Member,
  userId: string,
  ctx: RequestContext,
): Promise<void> {
  const accountId = requireAccount(member);
  if (!canManageUsers(member)) throw forbidden('error.FORBIDDEN.manageUsers');
  const user = await userOfAccount(db, accountId, userId);
  if (user.id === member.userId) throw new AppError('CANNOT_REMOVE_SELF');
  requireProfileChange(member, user);
  await db.transaction().execute(async (trx) => {
    await accountsRepository.deleteUser(trx, user.id);
    await auditUserChange(trx, ctx, accountId, user, 'user.removed', { username: user.username, roles: user.roles });
  });
}

/** Reads for other modules: a user, a partner account or a tenant by its keys. */
export const findUser = (db: Db, id: string): Promise<UserRow | undefined> => accountsRepository.findUserById(db, id);

/** The user and the password hash, for identity's credentials check only. */
export const findUserCredentials = (db: Db, username: string) => accountsRepository.findUserForSignIn(db, username);

export const findPartnerAccount = (db: Db, id: string): Promise<PartnerAccountRow | undefined> =>
  accountsRepository.findPartnerAccountById(db, id);

export const findPartnerAccountByMpnId = (db: Db, mpnId: string): Promise<PartnerAccountRow | undefined> =>
  accountsRepository.findPartnerAccountByMpnId(db, mpnId);

/** Partner accounts by id, for lists that name them (the Rewards team's queues). */
export const findPartnerAccounts = (db: Db, ids: readonly string[]): Promise<PartnerAccountRow[]> =>
  accountsRepository.findPartnerAccountsByIds(db, ids);

/** A tenant by its id or its domain (the CLI takes either). */
export async function findTenant(db: Db, ref: string): Promise<TenantRow | undefined> {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref)
    ? accountsRepository.findTenantById(db, ref)
    : accountsRepository.findTenantByDomain(db, normalizeDomain(ref));
}

/** Every user of every tenant of an account, for a module that applies its own policy (benefits' contact list). */
export const usersOfAccount = (db: Db, partnerAccountId: string): Promise<UserRow[]> =>
  accountsRepository.listUsersOfAccount(db, partnerAccountId);

/** A user of this account, or undefined: another account's users do not exist from here. */
export async function findUserOfAccount(db: Db, accountId: string, userId: string): Promise<UserRow | undefined> {
  const user = await accountsRepository.findUserById(db, userId);
  return user && user.partnerAccountId === accountId ? user : undefined;
}

/** A user's own language choice (null: follow the browser); identity's PATCH /me. */
export const setUserLocale = (db: Db, userId: string, locale: Locale | null): Promise<UserRow | undefined> =>
  accountsRepository.updateUser(db, userId, { locale });

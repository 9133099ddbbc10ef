import type { Locale } from '../../../locales/locales.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { newPasswordProblem } from '../../platform/auth/password-policy.ts';
import type { Member, RequestContext } from '../../platform/context.ts';
import type { BeforeCommit, Db } from '../../platform/db/database.ts';
import type { Page, PageRequest } from '../../platform/db/pages.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError, fieldOf, forbidden, notFound, passedSchema, refuseFieldProblems, type ErrorCode, type FieldProblem } from '../../platform/errors.ts';
import { ROLES, type Role } from '../../platform/values.ts';
import { actsForTenant, canChangeRoles, canManageUsers, grantableRolesIn, otherUserRefusal, profileRefusal, type ProfileRefusal } from './accounts.policy.ts';
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

/** `anna` or `anna@contoso.example` for the tenant contoso.example -> `anna@contoso.example`; else the problem with it. */
export function usernameInTenant(input: string, tenantDomain: string): { username: string } | { problem: FieldProblem } {
  const value = input.trim().toLowerCase();
  const at = value.lastIndexOf('@');
  const local = at === -1 ? value : value.slice(0, at);
  if (at !== -1 && value.slice(at + 1) !== tenantDomain) return { problem: { code: 'USERNAME_DOMAIN_MISMATCH', values: { domain: tenantDomain } } };
  if (!LOCAL_PART.test(local)) return { problem: { code: 'USERNAME_INVALID' } };
  return { username: `${local}@${tenantDomain}` };
}

/** The schema's problems with a request's body (platform/errors.ts bodyProblems), for a service to add its own to. */
export type SchemaProblems = Record<string, FieldProblem> | null | undefined;

/**
 * Every field rule of a new user, checked together and added to the schema's problems (`schema`), so
 * the form learns all of them in one answer: the sign-in name in the tenant's domain (when the tenant
 * is known: `domain` null means its field already has a problem) and not taken, and a password the
 * policy accepts (with the name, sign-in name and email as its context). A field the schema refused
 * is not read. All problems go in one 422 VALIDATION_FAILED; a taken name alone is 409 USERNAME_TAKEN
 * naming the user who has it, as when the insert finds it (a race).
 */
async function requireNewUserFields(db: Db, domain: string | null, input: NewUser, schema: SchemaProblems, fields: Record<string, FieldProblem> = {}): Promise<string> {
  Object.assign(fields, schema);
  const valid = (field: keyof NewUser) => passedSchema(schema, field);
  let username: string | null = null;
  if (domain !== null && valid('username')) {
    const checked = usernameInTenant(input.username, domain);
    if ('problem' in checked) fields.username = checked.problem;
    else username = checked.username;
  }
  if (valid('password')) {
    const context = [username ?? (valid('username') ? input.username : ''), valid('displayName') ? input.displayName : '', valid('email') ? input.email : ''];
    const problem = newPasswordProblem(input.password, context.filter(Boolean));
    if (problem) fields.password = problem;
  }
  const taken = username === null ? undefined : await accountsRepository.findUserForSignIn(db, username);
  if (taken) {
    fields.username = { code: 'USERNAME_TAKEN' };
    if (Object.keys(fields).length === 1) throw new AppError('USERNAME_TAKEN', { fields, conflict: { type: 'user', id: taken.id } });
  }
  refuseFieldProblems(fields);
  return username!;
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
 * `schema`: the body's schema problems, when the route lets the service add its own (it then always
 * refuses, with all of them).
 */
export async function createUser(
  db: Db,
  tenantId: string,
  input: NewUser,
  ctx: RequestContext,
  options: { createdByAccountId?: string | null; beforeCommit?: BeforeCommit<ManagedUserRow>; schema?: SchemaProblems } = {},
): Promise<ManagedUserRow> {
  const createdByAccountId = options.createdByAccountId ?? null;
  const tenant = await accountsRepository.findTenantById(db, tenantId);
  if (!tenant) throw notFound();
  const username = await requireNewUserFields(db, tenant.domain, input, options.schema);
  return insertUser(db, tenant, username, input, ctx, createdByAccountId, options.beforeCommit);
}

async function insertUser(
  db: Db,
  tenant: TenantRow,
  username: string,
  input: NewUser,
  ctx: RequestContext,
  createdByAccountId: string | null,
  beforeCommit: BeforeCommit<ManagedUserRow> | undefined,
): Promise<ManagedUserRow> {
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
      await beforeCommit?.(trx, user);
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      // Taken between the check and the insert. The name is of this tenant's domain, so the user who has it is in the same tenant: the caller may know them.
      const existing = await accountsRepository.findUserForSignIn(db, username);
      throw new AppError('USERNAME_TAKEN', { fields: { username: { code: 'USERNAME_TAKEN' } }, ...(existing ? { conflict: { type: 'user', id: existing.id } } : {}) });
    }
    throw error;
  }
}

/** The problem NIST's rules (platform/auth/password-policy.ts) find with a new password, or null; `context` is what the user is known by. */
export function passwordProblem(password: string, context: readonly string[]): FieldProblem | null {
  return newPasswordProblem(password, context);
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

/**
 * An admin adds a user to one of the account's tenants. Giving a role that is not theirs to give there
 * (Global admin outside their own tenant) is refused first (403: not a problem of a field to fix);
 * then every field problem, the schema's (`schema`) and these rules', comes in one answer.
 */
export async function addAccountUser(
  db: Db,
  member: Member,
  input: NewUser & { tenantId: string },
  ctx: RequestContext,
  options: { beforeCommit?: BeforeCommit<ManagedUserRow>; schema?: SchemaProblems } = {},
): Promise<ManagedUserRow> {
  const accountId = requireUserManager(member);
  const { schema } = options;
  const fields: Record<string, FieldProblem> = {};
  const tenant = passedSchema(schema, 'tenantId') ? await accountsRepository.findTenantById(db, input.tenantId) : undefined;
  const inAccount = tenant !== undefined && tenant.partnerAccountId === accountId;
  if (passedSchema(schema, 'tenantId') && !inAccount) fields.tenantId = { code: 'TENANT_NOT_IN_ACCOUNT' };
  if (inAccount && passedSchema(schema, 'roles') && ungrantable(member, tenant.id, normalizeRoles(input.roles))) throw forbidden('error.FORBIDDEN.globalAdminOnly');
  const username = await requireNewUserFields(db, inAccount ? tenant.domain : null, input, schema, fields);
  // Made by the tenant's own Global admin, the user is the tenant's; made by anyone else, the account's.
  return insertUser(db, tenant!, username, input, ctx, actsForTenant(member, tenant!.id) ? null : accountId, options.beforeCommit);
}

/** A user of this account, or 404: another account's users do not exist from here. */
async function userOfAccount(db: Db, accountId: string, userId: string): Promise<ManagedUserRow> {
  const user = await accountsRepository.findManagedUserById(db, userId);
  if (!user || user.partnerAccountId !== accountId) throw notFound();
  return user;
}

/** The refusal a policy reason stands for (accounts.policy.ts: profileRefusal, otherUserRefusal). */
function refusal(reason: ProfileRefusal | 'self', self: ErrorCode = 'FORBIDDEN'): AppError {
  return reason === 'self' ? new AppError(self) : forbidden(`error.FORBIDDEN.${reason}`);
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

/**
 * Changes a user's roles, name or email. Who may is checked first (403, 404); then every field
 * problem, the schema's (`schema`) and keeping an admin role on yourself, comes in one answer.
 */
export async function updateAccountUser(
  db: Db,
  member: Member,
  userId: string,
  changes: { roles?: Role[]; displayName?: string; email?: string },
  ctx: RequestContext,
  schema?: SchemaProblems,
): Promise<ManagedUserRow> {
  const accountId = requireAccount(member);
  if (!canManageUsers(member)) throw forbidden('error.FORBIDDEN.manageUsers');
  const user = await userOfAccount(db, accountId, userId);
  const fields: Record<string, FieldProblem> = { ...schema };
  const roles = changes.roles === undefined || !passedSchema(schema, 'roles') ? undefined : normalizeRoles(changes.roles);
  if (changes.roles !== undefined && !canChangeRoles(member, user)) throw forbidden('error.FORBIDDEN.globalAdminOnly');
  if (roles !== undefined) {
    if (!canChangeRoles(member, user, roles)) throw forbidden('error.FORBIDDEN.globalAdminOnly');
    // The roles this change adds must be the member's to give in that tenant.
    if (ungrantable(member, user.tenantId, roles.filter((role) => !user.roles.includes(role)))) throw forbidden('error.FORBIDDEN.globalAdminOnly');
  }
  if (changes.displayName !== undefined || changes.email !== undefined) {
    const reason = profileRefusal(member, user);
    if (reason) throw refusal(reason);
  }
  // Taking every admin role from yourself would lock you out of this very page.
  if (roles !== undefined && user.id === member.userId && !roles.some((r) => r === 'global-admin' || r === 'account-admin')) {
    fields.roles = { code: 'CANNOT_DEMOTE_SELF' };
  }
  refuseFieldProblems(fields);
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
  const reason = otherUserRefusal(member, user);
  if (reason) throw refusal(reason, 'CANNOT_RESET_OWN_PASSWORD');
  refuseFieldProblems(fieldOf('password', passwordProblem(password, [user.username, user.displayName, user.email])));
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
  const reason = otherUserRefusal(member, user);
  if (reason) throw refusal(reason, 'CANNOT_REMOVE_SELF');
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

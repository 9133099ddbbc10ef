import type { Locale } from '../../../locales/locales.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { newPasswordProblem } from '../../platform/auth/password-policy.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { BeforeCommit, Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError, notFound, passedSchema, refuseFieldProblems, type FieldProblem, type SchemaProblems } from '../../platform/errors.ts';
import { ROLES, type Role } from '../../platform/values.ts';
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

export type { SchemaProblems } from '../../platform/errors.ts';

/**
 * Every field rule of a new user, checked together and added to the schema's problems (`schema`), so
 * the form learns all of them in one answer: the sign-in name in the tenant's domain (when the tenant
 * is known: `domain` null means its field already has a problem) and not taken, and a password the
 * policy accepts (with the name, sign-in name and email as its context). A field the schema refused
 * is not read. All problems go in one 422 VALIDATION_FAILED; a taken name alone is 409 USERNAME_TAKEN
 * naming the user who has it, as when the insert finds it (a race).
 */
export async function requireNewUserFields(db: Db, domain: string | null, input: NewUser, schema: SchemaProblems, fields: Record<string, FieldProblem> = {}): Promise<string> {
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

export async function insertUser(
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

/** A user's new password hash (their own change, identity's: it checked the current one and the policy). */
export async function setUserPasswordHash(db: Db, userId: string, passwordHash: string): Promise<void> {
  await accountsRepository.updateUser(db, userId, { passwordHash });
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

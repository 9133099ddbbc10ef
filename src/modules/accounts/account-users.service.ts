import { recordAudit } from '../../platform/audit/audit.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import type { Member, RequestContext } from '../../platform/context.ts';
import type { BeforeCommit, Db } from '../../platform/db/database.ts';
import type { Page, PageRequest } from '../../platform/db/pages.ts';
import { AppError, fieldOf, forbidden, notFound, passedSchema, refuseFieldProblems, type ErrorCode, type FieldProblem } from '../../platform/errors.ts';
import { type Role } from '../../platform/values.ts';
import { actsForTenant, canChangeRoles, canManageUsers, grantableRolesIn, otherUserRefusal, profileRefusal, type ProfileRefusal } from './accounts.policy.ts';
import { accountsRepository, type ManagedUserRow } from './accounts.repository.ts';

import { type NewUser, normalizeRoles, type SchemaProblems, requireNewUserFields, insertUser, passwordProblem } from './accounts.service.ts';

/**
 * The users of a partner account as its admins manage them: listed with what the caller may do to
 * each, added, changed, their password reset, removed. The rules are accounts.policy.ts'; creating a
 * user at all (and its checks) is accounts.service.ts'.
 */
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

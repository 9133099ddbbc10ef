import type { Member } from '../../platform/context.ts';
import { ROLES, type Role } from '../../platform/values.ts';

/**
 * Who may do what with a partner account. Routes and services ask these
 * questions; no role names are compared anywhere else.
 */
type AccountMember = Member;

const REWARDS_ROLES: readonly Role[] = ['mpn-partner-admin', 'global-admin', 'admin-agent'];
const ACCOUNT_ADMIN_ROLES: readonly Role[] = ['global-admin', 'account-admin'];

const hasAny = (roles: readonly Role[], wanted: readonly Role[]) => roles.some((role) => wanted.includes(role));

/** The program's roles, per the seed: MPN partner admin, Global admin, Admin agent. */
export const hasRewardsRole = (member: Pick<AccountMember, 'roles'>) => hasAny(member.roles, REWARDS_ROLES);

/** The Marketplace Rewards entry shows only through an associated tenant and with a rewards role. */
export const canSeeRewards = (member: AccountMember) => member.partnerAccountId !== null && hasRewardsRole(member);

/** Tenants (associate, remove) and users (add, change roles, remove): global and account admins. */
export const canManageTenants = (member: AccountMember) => hasAny(member.roles, ACCOUNT_ADMIN_ROLES);
export const canManageUsers = (member: AccountMember) => hasAny(member.roles, ACCOUNT_ADMIN_ROLES);

/**
 * The directory's own role and the partner account's. Global admin belongs to the tenant's directory:
 * only a Global admin of that same tenant gives or takes it. The other roles are the partner account's
 * (account admin, MPN partner admin, admin agent): an account admin grants them to users of any of the
 * account's tenants, and they go when that tenant's association ends (users.own_roles keeps what the
 * tenant gave itself). 'user' means no admin role.
 */
export const DIRECTORY_ROLES: readonly Role[] = ['global-admin'];
export const ACCOUNT_ROLES: readonly Role[] = ['account-admin', 'mpn-partner-admin', 'admin-agent'];

/** A user as the rules see them: which tenant, which roles, and whether this account made them there. */
export interface ManagedUser {
  id: string;
  tenantId: string;
  roles: readonly Role[];
  createdByAccountId: string | null;
}

const isGlobalAdmin = (who: { roles: readonly Role[] }) => who.roles.includes('global-admin');

/** The tenant's own Global admin speaking: what they change is the tenant's own state. */
export const actsForTenant = (member: AccountMember, tenantId: string) => member.tenantId === tenantId && isGlobalAdmin(member);

/** Roles the member may give to a user of that tenant: the account's, and Global admin only within their own tenant. */
export function grantableRolesIn(member: AccountMember, tenantId: string): Role[] {
  if (!canManageUsers(member)) return [];
  return ROLES.filter((role) => ACCOUNT_ROLES.includes(role) || (DIRECTORY_ROLES.includes(role) && actsForTenant(member, tenantId)));
}

/**
 * Whether the member may set the user's roles to `newRoles` (or change their roles at all). A Global
 * admin's roles are only for Global admins to change (otherwise an account admin could demote one),
 * and whether someone is a Global admin only for a Global admin of their own tenant.
 */
export function canChangeRoles(member: AccountMember, target: ManagedUser, newRoles?: readonly Role[]): boolean {
  if (!canManageUsers(member)) return false;
  if (isGlobalAdmin(target) && !isGlobalAdmin(member)) return false;
  if (newRoles === undefined) return true;
  return isGlobalAdmin(target) === newRoles.includes('global-admin') || actsForTenant(member, target.tenantId);
}

/**
 * Whether the member may change the user's name, email or password, or remove them: users of their
 * own tenant (a Global admin's only if they are one), and in another tenant only the users this
 * account made there, never that tenant's own.
 */
export function canChangeProfile(member: AccountMember, target: ManagedUser): boolean {
  if (!canManageUsers(member)) return false;
  if (isGlobalAdmin(target) && !isGlobalAdmin(member)) return false;
  if (target.tenantId === member.tenantId) return true;
  return member.partnerAccountId !== null && target.createdByAccountId === member.partnerAccountId && !isGlobalAdmin(target);
}

/** Roles the member may hand out in their own tenant ('user' is what no admin role means, and is not handed out). */
export function grantableRoles(member: AccountMember): Role[] {
  return grantableRolesIn(member, member.tenantId);
}

/**
 * Why the member may not change the user's name or email (nor remove them, nor set their password),
 * or null when they may; the reason names the refusal's message (`error.FORBIDDEN.<reason>`).
 */
export type ProfileRefusal = 'manageUsers' | 'globalAdminOnly' | 'otherTenantsUser';
export function profileRefusal(member: AccountMember, target: ManagedUser): ProfileRefusal | null {
  if (!canManageUsers(member)) return 'manageUsers';
  if (canChangeProfile(member, target)) return null;
  return target.tenantId === member.tenantId ? 'globalAdminOnly' : 'otherTenantsUser';
}

/**
 * Why the member may not remove the user or set a new password for them, or null when they may: never
 * themselves (their own password is Change password's, which asks for the current one), else as for
 * the profile. The service refuses with exactly this, and the abilities below offer exactly this.
 */
export function otherUserRefusal(member: AccountMember, target: ManagedUser): ProfileRefusal | 'self' | null {
  if (!canManageUsers(member)) return 'manageUsers';
  if (target.id === member.userId) return 'self';
  return profileRefusal(member, target);
}

/**
 * What the member may do with each user, sent with the user (the web shows its buttons from this and
 * re-derives no rule): change the roles (and which), the name or email, reset the password; remove
 * (never yourself). The same functions decide what the service then allows.
 */
export function userAbilities(member: AccountMember, target: ManagedUser) {
  const roles = canChangeRoles(member, target);
  const other = otherUserRefusal(member, target) === null;
  return {
    update: profileRefusal(member, target) === null,
    changeRoles: roles,
    grantableRoles: roles ? grantableRolesIn(member, target.tenantId) : [],
    resetPassword: other,
    remove: other,
  };
}

/** Why the member may not remove a tenant's association, or null when they may: never the primary tenant, never the one they signed in with. */
export type TenantRemovalRefusal = 'manageTenants' | 'primary' | 'current';
export function tenantRemovalRefusal(member: AccountMember, tenant: { id: string }, primaryTenantId: string | null): TenantRemovalRefusal | null {
  if (!canManageTenants(member)) return 'manageTenants';
  if (tenant.id === primaryTenantId) return 'primary';
  if (tenant.id === member.tenantId) return 'current';
  return null;
}

/** What the member may do with each tenant: remove its association (tenantRemovalRefusal); add users with which roles. */
export function tenantAbilities(member: AccountMember, tenant: { id: string }, primaryTenantId: string | null) {
  return {
    remove: tenantRemovalRefusal(member, tenant, primaryTenantId) === null,
    addUser: canManageUsers(member),
    grantableRoles: grantableRolesIn(member, tenant.id),
  };
}

/** What the member may do on the Users and Tenants pages as a whole. */
export function accountAbilities(member: AccountMember) {
  return { addUser: canManageUsers(member), associateTenant: canManageTenants(member), grantableRoles: grantableRoles(member) };
}

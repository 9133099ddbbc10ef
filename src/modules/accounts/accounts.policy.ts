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
 * Only a global admin hands out or takes away global admin, or changes a global
 * admin's account: otherwise an account admin could promote themselves.
 */
export function canChangeUser(
  member: AccountMember,
  target: { roles: readonly Role[] },
  newRoles: readonly Role[] = [],
): boolean {
  if (!canManageUsers(member)) return false;
  const touchesGlobalAdmin = target.roles.includes('global-admin') || newRoles.includes('global-admin');
  return !touchesGlobalAdmin || member.roles.includes('global-admin');
}

/** Roles the member may hand out ('user' is what no admin role means, and is not handed out). */
export function grantableRoles(member: AccountMember): Role[] {
  if (!canManageUsers(member)) return [];
  return ROLES.filter((role) => role !== 'user' && (role !== 'global-admin' || member.roles.includes('global-admin')));
}

/**
 * What the member may do with each user, sent with the user (the web shows its buttons from this and
 * re-derives no rule): change the roles, name or email; remove (never yourself).
 */
export function userAbilities(member: AccountMember, target: { id: string; roles: readonly Role[] }) {
  const change = canChangeUser(member, target);
  return { update: change, changeRoles: change, remove: change && target.id !== member.userId };
}

/** What the member may do with each tenant: remove its association (never the primary one, never your own). */
export function tenantAbilities(member: AccountMember, tenant: { id: string }, primaryTenantId: string | null) {
  return { remove: canManageTenants(member) && tenant.id !== primaryTenantId && tenant.id !== member.tenantId };
}

/** What the member may do on the Users and Tenants pages as a whole. */
export function accountAbilities(member: AccountMember) {
  return { addUser: canManageUsers(member), associateTenant: canManageTenants(member), grantableRoles: grantableRoles(member) };
}

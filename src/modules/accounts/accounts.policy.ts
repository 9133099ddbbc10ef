import type { Role } from '../../platform/db/schema.ts';

/**
 * Who may do what with a partner account. Routes and services ask these
 * questions; no role names are compared anywhere else.
 */
export interface AccountMember {
  userId: string;
  tenantId: string;
  partnerAccountId: string | null;
  roles: readonly Role[];
}

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

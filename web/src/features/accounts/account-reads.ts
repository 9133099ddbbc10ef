import type { ReadPath } from '../../api/queries.ts';

/**
 * What a change to the account's users makes stale: the list, the people who
 * may be the marketing contact, and the contact itself (who may be removed).
 */
export const USERS_READS: readonly ReadPath[] = [
  '/api/v1/account/users',
  '/api/v1/rewards/marketing-contact/candidates',
  '/api/v1/rewards/marketing-contact',
];

/** A tenant comes and goes with its users, so a change to the tenants makes their reads stale too. */
export const TENANTS_READS: readonly ReadPath[] = ['/api/v1/account/tenants', ...USERS_READS];

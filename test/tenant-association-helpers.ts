import type { TestApp } from './helpers.ts';

/**
 * Shared by the tenant-association tests (associating, removing, rate limit
 * and audit). Every one of those files starts its app with ASSOCIATION_ENV, so
 * the limit the assertions count against is the same everywhere.
 */
export interface TenantBody {
  id: string;
  domain: string;
  displayName: string;
  isPrimary: boolean;
  associatedAt: string | null;
}

export const MAX_ATTEMPTS = 4;
export const LOCKOUT_MINUTES = 15;
/** A password no fixture user has. */
export const WRONG = 'definitely-not-it-42';

/** The config for startTestApp: a small attempt limit and a known lockout. */
export const ASSOCIATION_ENV: Record<string, string> = {
  ASSOCIATION_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
  ASSOCIATION_LOCKOUT_MINUTES: String(LOCKOUT_MINUTES),
};

/** Database reads the association tests assert on; `getT` returns the suite's TestApp at call time. */
export function associationQueries(getT: () => TestApp) {
  /** The partner account a tenant belongs to (null for a free tenant). */
  const ownerOf = async (tenantId: string) =>
    (await getT().database.db.selectFrom('tenants').select('partner_account_id').where('id', '=', tenantId).executeTakeFirstOrThrow())
      .partner_account_id;
  /** How many association attempts (any outcome) are recorded for an account or a target tenant. */
  const attemptsOf = async (column: 'partner_account_id' | 'target_tenant_id', id: string) =>
    (await getT().database.db.selectFrom('association_attempts').select('id').where(column, '=', id).execute()).length;
  /** An account's audit events, oldest first. */
  const auditOf = (accountId: string) =>
    getT().database.db.selectFrom('audit_events').selectAll().where('partner_account_id', '=', accountId).orderBy('occurred_at').execute();

  return { ownerOf, attemptsOf, auditOf };
}

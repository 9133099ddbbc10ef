import type { BenefitCategory, EntitlementStatus } from '../../platform/values.ts';

/**
 * What may be done with an entitlement, asked by the benefits module when a
 * partner activates one and sent with each benefit (abilities), so the portal
 * shows the Activate button from the server's answer.
 */
export function isActivatable(benefit: { category: BenefitCategory; status: EntitlementStatus; expiresAt: Date | null }, now: Date): boolean {
  return benefit.category === 'sales-marketing' && benefit.status === 'available' && !(benefit.expiresAt !== null && benefit.expiresAt <= now);
}

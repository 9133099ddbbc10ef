import { sql } from 'kysely';
import type { Member } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { type Locale } from '../../platform/i18n/i18n.ts';
import { TECHNICAL_PHASES } from '../../platform/values.ts';
import { entitlementsOfCategory, transitionEntitlements } from '../eligibility/eligibility.service.ts';
import { requireRewardsAccount, localized } from './technical.context.ts';

/** What a technical benefit holds and what its requests have reserved of it, and the entitlement status that follows. */

/** What one technical benefit holds: hours (a request reserves hoursPerRequest) or requests (one each). */
export function capacityOf(quantities: Record<string, string | number>): { unit: 'hours' | 'requests'; total: number; perRequest: number } {
  if ('requests' in quantities) return { unit: 'requests', total: Number(quantities.requests), perRequest: 1 };
  if ('hours' in quantities) return { unit: 'hours', total: Number(quantities.hours), perRequest: Number(quantities.hoursPerRequest ?? quantities.hours) };
  return { unit: 'requests', total: 1, perRequest: 1 };
}

export async function reservations(db: Db, entitlementIds: readonly string[]) {
  if (entitlementIds.length === 0) return new Map<string, { reserved: number; used: number; open: number }>();
  const rows = await db
    .selectFrom('technical_requests')
    .select([
      'entitlement_id as id',
      sql<string>`coalesce(sum(reserved_quantity) filter (where status not in ('declined', 'cancelled')), 0)`.as('reserved'),
      sql<string>`coalesce(sum(reserved_quantity) filter (where status = 'completed'), 0)`.as('used'),
      sql<string>`count(*) filter (where status not in ('declined', 'cancelled', 'completed'))`.as('open'),
    ])
    .where('entitlement_id', 'in', [...entitlementIds])
    .groupBy('entitlement_id')
    .execute();
  return new Map(rows.map((row) => [row.id, { reserved: Number(row.reserved), used: Number(row.used), open: Number(row.open) }]));
}

/** The partner's technical benefits with what is left of each, and whether a request can draw on it now. */
export async function technicalBenefits(db: Db, partnerAccountId: string, locale: Locale, now: Date) {
  const entitlements = await entitlementsOfCategory(db, partnerAccountId, 'technical');
  const reserved = await reservations(db, entitlements.map((e) => e.id));
  return entitlements.map((e) => {
    const capacity = capacityOf(e.quantities);
    const use = reserved.get(e.id) ?? { reserved: 0, used: 0, open: 0 };
    const expired = e.expiresAt !== null && e.expiresAt <= now;
    const status = e.status === 'available' && expired ? ('expired' as const) : e.status;
    const remaining = Math.max(0, capacity.total - use.reserved);
    return {
      id: e.id,
      code: e.benefitCode,
      name: localized(e.names, locale),
      description: localized(e.descriptions, locale),
      phases: e.phases ?? [...TECHNICAL_PHASES],
      status,
      unit: capacity.unit,
      total: capacity.total,
      perRequest: capacity.perRequest,
      reserved: use.reserved - use.used,
      used: use.used,
      remaining,
      unlockedAt: e.unlockedAt.toISOString(),
      expiresAt: e.expiresAt?.toISOString() ?? null,
      abilities: { request: status === 'available' && remaining >= capacity.perRequest },
    };
  });
}

export async function listTechnicalBenefits(db: Db, member: Member, locale: Locale, now: Date) {
  return technicalBenefits(db, requireRewardsAccount(member), locale, now);
}

/**
 * Keeps a technical entitlement's status in step with what its requests hold: in progress when a new
 * request could no longer be served from it, available again when a reservation came back, completed
 * when nothing is left and every request it held is done.
 */
export async function settleEntitlement(db: Db, entitlementId: string, now: Date) {
  const entitlement = await db
    .selectFrom('entitlements as e')
    .innerJoin('program_benefits as b', (join) => join.onRef('b.version', '=', 'e.program_version').onRef('b.code', '=', 'e.benefit_code'))
    .select(['e.id', 'e.status', 'b.quantities'])
    .where('e.id', '=', entitlementId)
    .executeTakeFirstOrThrow();
  const capacity = capacityOf(entitlement.quantities);
  const use = (await reservations(db, [entitlementId])).get(entitlementId) ?? { reserved: 0, used: 0, open: 0 };
  const full = capacity.total - use.reserved < capacity.perRequest;
  if (entitlement.status === 'available' && full) {
    await transitionEntitlements(db, [{ id: entitlementId, to: 'in-progress', reason: 'FULLY_RESERVED' }], now);
  } else if (entitlement.status === 'in-progress' && !full) {
    await transitionEntitlements(db, [{ id: entitlementId, to: 'available', reason: 'RESERVATION_RETURNED' }], now);
  } else if (entitlement.status === 'in-progress' && full && use.open === 0) {
    await transitionEntitlements(db, [{ id: entitlementId, to: 'completed', reason: 'FULFILLED' }], now);
  }
}

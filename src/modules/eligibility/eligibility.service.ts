import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { readPage, type Keyset, type Page, type PageRequest } from '../../platform/db/pages.ts';
import type { BenefitCategory, EntitlementStatus } from '../../platform/values.ts';
import { localized as pick, t, type Locale } from '../../platform/i18n/i18n.ts';
import { subtractMoney } from '../../platform/money.ts';

export { subtractMoney } from '../../platform/money.ts';
import { notFound } from '../../platform/errors.ts';
import { findPartnerAccount, findPartnerAccountByMpnId } from '../accounts/accounts.service.ts';
import { markEveryoneDirty, recomputeDirty, recomputeEligibility } from './eligibility.engine.ts';
import { explanationInputs } from './eligibility.inputs.ts';
import { isActivatable } from './eligibility.policy.ts';

/** What other modules use of eligibility: recompute the accounts their writes touch, in their transaction. */
export { markDirty, recomputeDirty, recomputeEligibility } from './eligibility.engine.ts';
export { partnersOfMpnIds, partnersOfOffers } from './eligibility.inputs.ts';
export { findEntitlement, benefitCodesOf, entitlementsOfCategory, transitionEntitlements, type EntitlementReason } from './entitlements.ts';
export { sponsorshipRules, type SponsorshipRules } from './program.ts';

/**
 * What a partner account has and why: the summary of the Marketplace Rewards
 * page, its benefits, and the explanation behind both.
 */


/** How long a computed standing is served before it is computed again (the twelve-month window moves). */
export const ELIGIBILITY_FRESH_MS = 24 * 3_600_000;

async function freshEligibility(db: Db, partnerAccountId: string, now: Date) {
  const read = () => db.selectFrom('partner_eligibility').selectAll().where('partner_account_id', '=', partnerAccountId).executeTakeFirst();
  const row = await read();
  if (row && !row.dirty && row.computed_at.getTime() > now.getTime() - ELIGIBILITY_FRESH_MS && row.computed_at <= now) return row;
  // Never computed, inputs changed by a bulk import, or a day old (the twelve-month window moves): compute now.
  await db.transaction().execute((trx) => recomputeEligibility(trx, [partnerAccountId], now));
  return (await read())!;
}

export async function rewardsSummary(db: Db, partnerAccountId: string, locale: Locale, now: Date = new Date()) {
  const eligibility = await freshEligibility(db, partnerAccountId, now);
  const found = await findPartnerAccount(db, partnerAccountId);
  if (!found) throw notFound();
  const account = { id: found.id, name: found.name, mpnId: found.mpnId };
  const tiers = await db
    .selectFrom('program_tiers')
    .select(['code', 'names', 'min_billed_sales_usd as min'])
    .where('version', '=', eligibility.program_version)
    .orderBy('min_billed_sales_usd')
    .execute();
  const ttm = eligibility.billed_sales_ttm_usd;
  const tierIndex = tiers.findIndex((tier) => tier.code === eligibility.tier_code);
  const tier = tierIndex >= 0 ? tiers[tierIndex] : undefined;
  const next = tiers[tierIndex + 1];

  const { profiles, counted, excluded } = await explanationInputs(db, account.mpnId, eligibility.computed_at);

  // Display values for the ICU messages may be numbers; the amounts in the body stay exact decimal strings.
  const money = (value: string) => Number(value);
  const missing = next ? subtractMoney(next.min, ttm) : null;
  return {
    partnerAccount: account,
    publisherProfiles: profiles.rows.map(({ id, name }) => ({ id, name })),
    liveOffers: {
      list: eligibility.live_list,
      trial: eligibility.live_trial,
      consulting: eligibility.live_consulting,
      transact: eligibility.live_transact,
    },
    billedSalesTtmUsd: ttm,
    tier: tier ? { code: tier.code, name: pick(tier.names, locale), minBilledSalesUsd: tier.min } : null,
    nextTier:
      next && missing !== null
        ? { code: next.code, name: pick(next.names, locale), minBilledSalesUsd: next.min, missingUsd: missing }
        : null,
    programVersion: eligibility.program_version,
    computedAt: eligibility.computed_at.toISOString(),
    explanation: {
      tier: tier
        ? t(locale, 'eligibility.explain.tier', { amount: money(ttm), tier: pick(tier.names, locale), min: money(tier.min) })
        : t(locale, 'eligibility.explain.noTier', { amount: money(ttm), min: money(tiers[0]?.min ?? '0') }),
      nextTier: next
        ? t(locale, 'eligibility.explain.nextTier', { missing: money(missing ?? '0'), tier: pick(next.names, locale) })
        : t(locale, 'eligibility.explain.topTier'),
      profiles: profiles.rows.map((p) => ({ id: p.id, name: p.name, liveOffers: p.live })),
      countedOffers: counted.rows,
      excludedSales: excluded.rows.map((row) => ({
        status: row.status,
        lines: row.lines,
        amountUsd: row.amount,
        reason: t(locale, `eligibility.excluded.${row.status}`),
      })),
    },
  };
}

export interface BenefitView {
  id: string;
  code: string;
  category: BenefitCategory;
  name: string;
  description: string;
  status: EntitlementStatus;
  statusReason: string;
  offerId: string | null;
  tierCode: string | null;
  unlockedAt: string;
  expiresAt: string | null;
  quantities: Record<string, string | number>;
  abilities: { activate: boolean };
}

/** Benefits most recently unlocked first, then by code; the entitlement id makes the order total. */
const BENEFITS: Keyset = {
  list: 'benefits',
  keys: [
    { column: 'e.unlocked_at', direction: 'desc', type: 'timestamptz' },
    { column: 'e.benefit_code', direction: 'asc', type: 'text' },
    { column: 'e.id', direction: 'asc', type: 'uuid' },
  ],
};

export async function listBenefits(
  db: Db,
  partnerAccountId: string,
  locale: Locale,
  request: PageRequest & { category?: BenefitCategory } = {},
  now: Date = new Date(),
): Promise<Page<BenefitView>> {
  await freshEligibility(db, partnerAccountId, now);
  const at = sql`${now.toISOString()}::timestamptz`;
  let query = db
    .selectFrom('entitlements as e')
    .innerJoin('program_benefits as b', (join) => join.onRef('b.version', '=', 'e.program_version').onRef('b.code', '=', 'e.benefit_code'))
    .select([
      'e.id',
      'e.benefit_code as code',
      'b.category',
      'b.names',
      'b.descriptions',
      'b.quantities',
      // Expiry shows at once, even before the next recomputation writes it down.
      sql<EntitlementStatus>`case when e.status = 'available' and e.expires_at <= ${at} then 'expired' else e.status end`.as('status'),
      sql<string>`case when e.status = 'available' and e.expires_at <= ${at} then 'VALIDITY_ENDED' else e.status_reason end`.as('statusReason'),
      'e.offer_id as offerId',
      'e.tier_code as tierCode',
      'e.unlocked_at as unlockedAt',
      'e.expires_at as expiresAt',
    ])
    .where('e.partner_account_id', '=', partnerAccountId);
  if (request.category) query = query.where('b.category', '=', request.category);
  const page = await readPage(BENEFITS, request, query);
  const items = page.items.map((row) => ({
    id: row.id,
    code: row.code,
    category: row.category,
    name: pick(row.names, locale),
    description: pick(row.descriptions, locale),
    status: row.status,
    statusReason: row.statusReason,
    offerId: row.offerId,
    tierCode: row.tierCode,
    unlockedAt: row.unlockedAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    quantities: row.quantities,
    abilities: { activate: isActivatable({ category: row.category, status: row.status, expiresAt: row.expiresAt }, now) },
  }));
  return { items, nextCursor: page.nextCursor };
}

export async function partnerByMpnId(db: Db, mpnId: string): Promise<string | null> {
  return (await findPartnerAccountByMpnId(db, mpnId))?.id ?? null;
}

/** Fresh planner statistics for eligibility's tables after a bulk import (see catalog's refreshCatalogStatistics). */
export async function refreshEligibilityStatistics(db: Db): Promise<void> {
  await sql`analyze partner_eligibility, entitlements`.execute(db);
}

/** A new program version applies to every account: all are marked and recomputed (the CLI's `program load`). */
export async function recomputeEverything(db: Db, onChunk?: (done: number) => void): Promise<number> {
  await markEveryoneDirty(db);
  return recomputeDirty(db, onChunk);
}

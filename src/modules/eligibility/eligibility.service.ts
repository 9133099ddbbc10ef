import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { BenefitCategory, EntitlementStatus, ListingType } from '../../platform/db/schema.ts';
import { t, type Locale } from '../../platform/i18n/i18n.ts';
import { recomputeEligibility } from './eligibility.engine.ts';

/**
 * What a partner account has and why: the summary of the Marketplace Rewards
 * page, its benefits, and the explanation behind both.
 */
/** a - b for decimal strings with up to two decimals, exactly (in cents, as BigInt). */
export function subtractMoney(a: string, b: string): string {
  const cents = (value: string) => {
    const [whole = '0', fraction = ''] = value.split('.');
    return BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2)) * (whole.startsWith('-') ? -1n : 1n);
  };
  const difference = cents(a) - cents(b);
  const sign = difference < 0n ? '-' : '';
  const absolute = difference < 0n ? -difference : difference;
  return `${sign}${absolute / 100n}.${String(absolute % 100n).padStart(2, '0')}`;
}

const pick = (names: Record<string, string>, locale: Locale) => names[locale] ?? names['en-US'] ?? Object.values(names)[0] ?? '';

/** How long a computed standing is served before it is computed again (the twelve-month window moves). */
export const ELIGIBILITY_FRESH_MS = 24 * 3_600_000;

async function freshEligibility(db: Db, partnerAccountId: string) {
  const read = () => db.selectFrom('partner_eligibility').selectAll().where('partner_account_id', '=', partnerAccountId).executeTakeFirst();
  const row = await read();
  if (row && !row.dirty && row.computed_at.getTime() > Date.now() - ELIGIBILITY_FRESH_MS) return row;
  // Never computed, inputs changed by a bulk import, or a day old (the twelve-month window moves): compute now.
  await db.transaction().execute((trx) => recomputeEligibility(trx, [partnerAccountId]));
  return (await read())!;
}

export async function rewardsSummary(db: Db, partnerAccountId: string, locale: Locale) {
  const eligibility = await freshEligibility(db, partnerAccountId);
  const account = await db
    .selectFrom('partner_accounts')
    .select(['id', 'name', 'mpn_id as mpnId'])
    .where('id', '=', partnerAccountId)
    .executeTakeFirstOrThrow();
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

  const profiles = await sql<{ id: string; name: string; live: number }>`
    select pp.id, pp.name, (count(o.id) filter (where o.status = 'live'))::int as live
    from publisher_profiles pp left join offers o on o.publisher_profile_id = pp.id
    where pp.mpn_id = ${account.mpnId} group by pp.id, pp.name order by pp.name, pp.id`.execute(db);
  // The explanation counts over the same window as the figure it explains: the twelve months before computed_at.
  const at = sql`${eligibility.computed_at.toISOString()}::timestamptz`;
  const counted = await sql<{ id: string; name: string; listingType: ListingType; publisherProfileId: string; billedSalesTtmUsd: string }>`
    select o.id, o.name, o.listing_type as "listingType", o.publisher_profile_id as "publisherProfileId",
      coalesce(sum(bs.amount_usd) filter (
        where bs.status = 'billed' and bs.billed_at > ${at} - interval '12 months' and bs.billed_at <= ${at}), 0)::numeric(16, 2)::text as "billedSalesTtmUsd"
    from publisher_profiles pp join offers o on o.publisher_profile_id = pp.id
    left join billed_sales bs on bs.offer_id = o.id
    where pp.mpn_id = ${account.mpnId} and o.status = 'live'
    group by o.id order by o.listing_type, o.name, o.id`.execute(db);
  const excluded = await sql<{ status: 'refunded' | 'cancelled' | 'fraudulent'; lines: number; amount: string }>`
    select bs.status, count(*)::int as lines, sum(bs.amount_usd)::text as amount
    from publisher_profiles pp join offers o on o.publisher_profile_id = pp.id join billed_sales bs on bs.offer_id = o.id
    where pp.mpn_id = ${account.mpnId} and bs.status <> 'billed'
      and bs.billed_at > ${at} - interval '12 months' and bs.billed_at <= ${at}
    group by bs.status order by bs.status`.execute(db);

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
}

export async function listBenefits(
  db: Db,
  partnerAccountId: string,
  locale: Locale,
  category?: BenefitCategory,
): Promise<BenefitView[]> {
  await freshEligibility(db, partnerAccountId);
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
      sql<EntitlementStatus>`case when e.status = 'available' and e.expires_at <= now() then 'expired' else e.status end`.as('status'),
      sql<string>`case when e.status = 'available' and e.expires_at <= now() then 'VALIDITY_ENDED' else e.status_reason end`.as('statusReason'),
      'e.offer_id as offerId',
      'e.tier_code as tierCode',
      'e.unlocked_at as unlockedAt',
      'e.expires_at as expiresAt',
    ])
    .where('e.partner_account_id', '=', partnerAccountId);
  if (category) query = query.where('b.category', '=', category);
  const rows = await query.orderBy('e.unlocked_at', 'desc').orderBy('e.benefit_code').execute();
  return rows.map((row) => ({
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
  }));
}

export async function partnerByMpnId(db: Db, mpnId: string): Promise<string | null> {
  const row = await db.selectFrom('partner_accounts').select('id').where('mpn_id', '=', mpnId).executeTakeFirst();
  return row?.id ?? null;
}

import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { ExcludedSaleStatus, ListingType } from '../../platform/values.ts';

/**
 * The eligibility inputs read model: eligibility's reads of other modules' tables (accounts'
 * partner_accounts, catalog's publisher_profiles and offers, sales' billed_sales), set-based, by
 * MPN ID. Named in ARCHITECTURE.md as the one place besides the engine's recompute that reads them
 * directly; it never writes them.
 */

/** Partner accounts whose publisher profiles have these MPN ids. */
export async function partnersOfMpnIds(db: Db, mpnIds: readonly string[]): Promise<string[]> {
  if (mpnIds.length === 0) return [];
  // One array parameter: an import may name more MPN ids than a statement takes parameters.
  const rows = await sql<{ id: string }>`select id from partner_accounts where mpn_id = any(${[...new Set(mpnIds)]}::text[])`.execute(db);
  return rows.rows.map((row) => row.id);
}

/** Partner accounts owning these offers (through publisher profile and MPN id). */
export async function partnersOfOffers(db: Db, offerIds: readonly string[]): Promise<string[]> {
  if (offerIds.length === 0) return [];
  const rows = await sql<{ id: string }>`
    select distinct pa.id from offers o
    join publisher_profiles pp on pp.id = o.publisher_profile_id
    join partner_accounts pa on pa.mpn_id = pp.mpn_id
    where o.id = any(${[...new Set(offerIds)]}::text[])`.execute(db);
  return rows.rows.map((row) => row.id);
}

/** What the Rewards page explains: each profile's live offers, the offers counted, the sales left out. */
export async function explanationInputs(db: Db, mpnId: string, computedAt: Date) {
  const profiles = await sql<{ id: string; name: string; live: number }>`
    select pp.id, pp.name, (count(o.id) filter (where o.status = 'live'))::int as live
    from publisher_profiles pp left join offers o on o.publisher_profile_id = pp.id
    where pp.mpn_id = ${mpnId} group by pp.id, pp.name order by pp.name, pp.id`.execute(db);
  // The explanation counts over the same window as the figure it explains: the twelve months before computed_at.
  const at = sql`${computedAt.toISOString()}::timestamptz`;
  const counted = await sql<{ id: string; name: string; listingType: ListingType; publisherProfileId: string; billedSalesTtmUsd: string }>`
    select o.id, o.name, o.listing_type as "listingType", o.publisher_profile_id as "publisherProfileId",
      coalesce(sum(bs.amount_usd) filter (
        where bs.status = 'billed' and bs.billed_at > ${at} - interval '12 months' and bs.billed_at <= ${at}), 0)::numeric(16, 2)::text as "billedSalesTtmUsd"
    from publisher_profiles pp join offers o on o.publisher_profile_id = pp.id
    left join billed_sales bs on bs.offer_id = o.id
    where pp.mpn_id = ${mpnId} and o.status = 'live'
    group by o.id order by o.listing_type, o.name, o.id`.execute(db);
  const excluded = await sql<{ status: ExcludedSaleStatus; lines: number; amount: string }>`
    select bs.status, count(*)::int as lines, sum(bs.amount_usd)::text as amount
    from publisher_profiles pp join offers o on o.publisher_profile_id = pp.id join billed_sales bs on bs.offer_id = o.id
    where pp.mpn_id = ${mpnId} and bs.status <> 'billed'
      and bs.billed_at > ${at} - interval '12 months' and bs.billed_at <= ${at}
    group by bs.status order by bs.status`.execute(db);

  return { profiles, counted, excluded };
}

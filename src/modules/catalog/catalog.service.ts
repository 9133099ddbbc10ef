import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { readPage, type Keyset, type PageRequest } from '../../platform/db/pages.ts';
import { firstUnknownReference } from '../../platform/db/staging.ts';
import type { ListingType, OfferStatus } from '../../platform/values.ts';
import { validationFailed, type FieldProblem } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/context.ts';
import { markDirty, partnersOfMpnIds, recomputeEligibility } from '../eligibility/eligibility.service.ts';

/**
 * Publisher profiles and offers, as the marketplace reports them (ids are the
 * marketplace's own). Every change recomputes the partner accounts it touches,
 * before and after (a relinked profile moves its eligibility along).
 */
export interface PublisherProfileInput {
  name: string;
  mpnId: string;
}

export interface OfferInput {
  publisherProfileId: string;
  name: string;
  listingType: ListingType;
  status: OfferStatus;
  liveAt: string | null;
  delistedAt: string | null;
}

/** A publisher profile by the marketplace's id. */
export function findPublisherProfile(db: Db, id: string) {
  return db.selectFrom('publisher_profiles').select(['id', 'name', 'mpn_id as mpnId']).where('id', '=', id).executeTakeFirst();
}

export async function upsertPublisherProfile(db: Db, id: string, input: PublisherProfileInput, ctx: RequestContext) {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('publisher_profiles').select('mpn_id').where('id', '=', id).executeTakeFirst();
    const profile = await trx
      .insertInto('publisher_profiles')
      .values({ id, name: input.name.trim(), mpn_id: input.mpnId, updated_at: ctx.now })
      .onConflict((oc) => oc.column('id').doUpdateSet({ name: input.name.trim(), mpn_id: input.mpnId, updated_at: ctx.now }))
      .returning(['id', 'name', 'mpn_id as mpnId'])
      .executeTakeFirstOrThrow();
    const affected = await partnersOfMpnIds(trx, [input.mpnId, ...(before ? [before.mpn_id] : [])]);
    await recomputeEligibility(trx, affected, ctx.now);
    if (before && before.mpn_id !== input.mpnId) {
      await recordAudit(trx, {
        actor: ctx.actor,
        action: 'publisher-profile.relinked',
        subjectType: 'publisher-profile',
        subjectId: id,
        details: { fromMpnId: before.mpn_id, toMpnId: input.mpnId },
        requestId: ctx.requestId,
      });
    }
    return { ...profile, created: before === undefined };
  });
}

/**
 * The rules an offer meets whichever way it arrives (the API, a CSV import, bulk ingest): a live
 * offer says when it went live, a delisted one when it was delisted. Field names as the API's.
 */
export function offerProblems(input: Pick<OfferInput, 'status' | 'liveAt' | 'delistedAt'>): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  if (input.status === 'live' && !input.liveAt) problems.liveAt = { code: 'LIVE_AT_REQUIRED' };
  if (input.status === 'delisted' && !input.delistedAt) problems.delistedAt = { code: 'DELISTED_AT_REQUIRED' };
  return problems;
}

export async function upsertOffer(db: Db, id: string, input: OfferInput, ctx: RequestContext) {
  const problems = offerProblems(input);
  if (Object.keys(problems).length > 0) throw validationFailed(problems);
  return db.transaction().execute(async (trx) => {
    const profile = await trx
      .selectFrom('publisher_profiles')
      .select(['id', 'mpn_id'])
      .where('id', '=', input.publisherProfileId)
      .executeTakeFirst();
    if (!profile) throw validationFailed({ publisherProfileId: { code: 'PUBLISHER_PROFILE_UNKNOWN' } });
    const before = await trx
      .selectFrom('offers')
      .innerJoin('publisher_profiles', 'publisher_profiles.id', 'offers.publisher_profile_id')
      .select(['offers.status', 'publisher_profiles.mpn_id'])
      .where('offers.id', '=', id)
      .executeTakeFirst();
    const values = {
      publisher_profile_id: profile.id,
      name: input.name.trim(),
      listing_type: input.listingType,
      status: input.status,
      live_at: input.liveAt,
      delisted_at: input.delistedAt,
      updated_at: ctx.now,
    };
    const offer = await trx
      .insertInto('offers')
      .values({ id, ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .returning(['id', 'name', 'listing_type as listingType', 'status', 'publisher_profile_id as publisherProfileId', 'live_at as liveAt', 'delisted_at as delistedAt'])
      .executeTakeFirstOrThrow();
    const affected = await partnersOfMpnIds(trx, [profile.mpn_id, ...(before ? [before.mpn_id] : [])]);
    await recomputeEligibility(trx, affected, ctx.now);
    if (before && before.status !== input.status) {
      await recordAudit(trx, {
        actor: ctx.actor,
        action: 'offer.status-changed',
        subjectType: 'offer',
        subjectId: id,
        details: { from: before.status, to: input.status },
        requestId: ctx.requestId,
      });
    }
    return { ...offer, created: before === undefined };
  });
}

/**
 * Bulk forms for imports: one statement per batch, affected partners marked for
 * recomputation (`defer`) or recomputed in the same transaction (`now`).
 */
export async function ingestPublisherProfiles(
  db: Db,
  items: readonly ({ id: string } & PublisherProfileInput)[],
  recompute: 'now' | 'defer',
): Promise<number> {
  const rows = [...new Map(items.map((item) => [item.id, item])).values()];
  return db.transaction().execute(async (trx) => {
    const before = await sql<{ mpn_id: string }>`
      select distinct mpn_id from publisher_profiles where id = any(${rows.map((r) => r.id)}::text[])`.execute(trx);
    await sql`
      insert into publisher_profiles as pp (id, name, mpn_id, updated_at)
      select * , now() from unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.name.trim())}::text[], ${rows.map((r) => r.mpnId)}::text[])
      on conflict (id) do update set name = excluded.name, mpn_id = excluded.mpn_id, updated_at = excluded.updated_at
      where (pp.name, pp.mpn_id) is distinct from (excluded.name, excluded.mpn_id)`.execute(trx);
    const affected = await partnersOfMpnIds(trx, [...rows.map((r) => r.mpnId), ...before.rows.map((r) => r.mpn_id)]);
    if (recompute === 'now') await recomputeEligibility(trx, affected);
    else await markDirty(trx, affected);
    return rows.length;
  });
}

export async function ingestOffers(
  db: Db,
  items: readonly ({ id: string } & OfferInput)[],
  recompute: 'now' | 'defer',
  fieldPrefix = 'items',
): Promise<number> {
  const refused = items.findIndex((item) => Object.keys(offerProblems(item)).length > 0);
  if (refused >= 0) {
    const [field, problem] = Object.entries(offerProblems(items[refused]!))[0]!;
    throw validationFailed({ [`${fieldPrefix}.${refused}.${field}`]: problem });
  }
  const rows = [...new Map(items.map((item) => [item.id, item])).values()];
  return db.transaction().execute(async (trx) => {
    const profileIds = [...new Set(rows.map((r) => r.publisherProfileId))];
    const known = await sql<{ id: string; mpn_id: string }>`
      select id, mpn_id from publisher_profiles where id = any(${profileIds}::text[])`.execute(trx);
    const knownIds = new Set(known.rows.map((r) => r.id));
    const unknown = items.findIndex((item) => !knownIds.has(item.publisherProfileId));
    if (unknown >= 0) throw validationFailed({ [`${fieldPrefix}.${unknown}.publisherProfileId`]: { code: 'PUBLISHER_PROFILE_UNKNOWN' } });
    const before = await sql<{ mpn_id: string }>`
      select distinct pp.mpn_id from offers o join publisher_profiles pp on pp.id = o.publisher_profile_id
      where o.id = any(${rows.map((r) => r.id)}::text[])`.execute(trx);
    await sql`
      insert into offers as o (id, publisher_profile_id, name, listing_type, status, live_at, delisted_at, updated_at)
      select *, now() from unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.publisherProfileId)}::text[],
        ${rows.map((r) => r.name.trim())}::text[], ${rows.map((r) => r.listingType)}::text[], ${rows.map((r) => r.status)}::text[],
        ${rows.map((r) => r.liveAt)}::timestamptz[], ${rows.map((r) => r.delistedAt)}::timestamptz[])
      on conflict (id) do update set publisher_profile_id = excluded.publisher_profile_id, name = excluded.name,
        listing_type = excluded.listing_type, status = excluded.status, live_at = excluded.live_at,
        delisted_at = excluded.delisted_at, updated_at = excluded.updated_at
      where (o.publisher_profile_id, o.name, o.listing_type, o.status, o.live_at, o.delisted_at)
        is distinct from (excluded.publisher_profile_id, excluded.name, excluded.listing_type, excluded.status,
          excluded.live_at, excluded.delisted_at)`.execute(trx);
    const affected = await partnersOfMpnIds(trx, [...known.rows.map((r) => r.mpn_id), ...before.rows.map((r) => r.mpn_id)]);
    if (recompute === 'now') await recomputeEligibility(trx, affected);
    else await markDirty(trx, affected);
    return rows.length;
  });
}

/**
 * Bulk forms for CSV imports: rows COPYed into a staging table, merged in one
 * statement (the last row of an id wins; unchanged rows are not written), the
 * partners of the new and previous MPN ids of each changed offer, and of each
 * relinked profile, marked dirty.
 * Staged columns: profiles (line, id, name, mpn_id); offers (line, id,
 * publisher_profile_id, name, listing_type, status, live_at, delisted_at).
 */
export async function mergeStagedProfiles(db: Db, table: string): Promise<MergeResult> {
  // No other writer may move a profile between reading its previous MPN and writing (readers go on).
  await sql`lock table publisher_profiles in share row exclusive mode`.execute(db);
  const { rows } = await sql<MergeCounts & { mpn_ids: string[] }>`
    with input as (select distinct on (id) id, name, mpn_id from ${sql.table(table)} order by id, line desc),
    changed as (
      select i.*, p.mpn_id as previous_mpn_id from input i left join publisher_profiles p on p.id = i.id
      where (p.name, p.mpn_id) is distinct from (i.name, i.mpn_id)),
    written as (
      insert into publisher_profiles as pp (id, name, mpn_id, updated_at)
      select id, name, mpn_id, now() from changed
      on conflict (id) do update set name = excluded.name, mpn_id = excluded.mpn_id, updated_at = excluded.updated_at
      where (pp.name, pp.mpn_id) is distinct from (excluded.name, excluded.mpn_id)
      returning (xmax = 0) as inserted)
    select (select count(*) filter (where inserted) from written)::int as inserted,
      (select count(*) filter (where not inserted) from written)::int as updated,
      -- Only a relink moves eligibility: a new profile has no offers yet, and the name counts for nothing.
      array(select mpn_id from changed where previous_mpn_id <> mpn_id
        union select previous_mpn_id from changed where previous_mpn_id <> mpn_id) as mpn_ids`.execute(db);
  return markMpnIdsDirty(db, rows[0]!, rows[0]!.mpn_ids);
}

export async function mergeStagedOffers(db: Db, table: string): Promise<MergeResult> {
  // No other writer may move an offer between reading its previous profile and writing (readers go on).
  await sql`lock table offers in share row exclusive mode`.execute(db);
  const { rows } = await sql<MergeCounts & { mpn_ids: string[] }>`
    with input as (
      select distinct on (id) id, publisher_profile_id, name, listing_type, status, live_at, delisted_at
      from ${sql.table(table)} order by id, line desc),
    changed as (
      select i.*, o.publisher_profile_id as previous_profile_id from input i left join offers o on o.id = i.id
      where (o.publisher_profile_id, o.name, o.listing_type, o.status, o.live_at, o.delisted_at)
        is distinct from (i.publisher_profile_id, i.name, i.listing_type, i.status, i.live_at, i.delisted_at)),
    written as (
      insert into offers as o (id, publisher_profile_id, name, listing_type, status, live_at, delisted_at, updated_at)
      select id, publisher_profile_id, name, listing_type, status, live_at, delisted_at, now() from changed
      on conflict (id) do update set publisher_profile_id = excluded.publisher_profile_id, name = excluded.name,
        listing_type = excluded.listing_type, status = excluded.status, live_at = excluded.live_at,
        delisted_at = excluded.delisted_at, updated_at = excluded.updated_at
      where (o.publisher_profile_id, o.name, o.listing_type, o.status, o.live_at, o.delisted_at)
        is distinct from (excluded.publisher_profile_id, excluded.name, excluded.listing_type, excluded.status,
          excluded.live_at, excluded.delisted_at)
      returning (xmax = 0) as inserted),
    profiles_touched as (
      select publisher_profile_id as id from changed union select previous_profile_id from changed where previous_profile_id is not null)
    select (select count(*) filter (where inserted) from written)::int as inserted,
      (select count(*) filter (where not inserted) from written)::int as updated,
      array(select distinct pp.mpn_id from profiles_touched t join publisher_profiles pp on pp.id = t.id) as mpn_ids`.execute(db);
  return markMpnIdsDirty(db, rows[0]!, rows[0]!.mpn_ids);
}

interface MergeCounts {
  inserted: number;
  updated: number;
}
export interface MergeResult extends MergeCounts {
  partnersAffected: number;
}

async function markMpnIdsDirty(db: Db, counts: MergeCounts, mpnIds: string[]): Promise<MergeResult> {
  const affected = counts.inserted + counts.updated === 0 ? [] : await partnersOfMpnIds(db, mpnIds);
  await markDirty(db, affected);
  return { inserted: counts.inserted, updated: counts.updated, partnersAffected: affected.length };
}

/** The first staged offer line whose publisher profile does not exist (an import's check), or null. */
export const firstUnknownProfileInStaging = (db: Db, table: string) => firstUnknownReference(db, table, 'publisher_profile_id', 'publisher_profiles');

/** Fresh planner statistics after a bulk load: stale ones turn per-partner lookups into sequential scans. */
export async function refreshCatalogStatistics(db: Db): Promise<void> {
  await sql`analyze publisher_profiles, offers`.execute(db);
}

/** Which of these offer ids exist: sales are checked against offers in the transaction that writes them. */
export async function knownOfferIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await sql<{ id: string }>`select id from offers where id = any(${[...ids]}::text[])`.execute(db);
  return new Set(rows.map((row) => row.id));
}

/** The first staged sales line whose offer does not exist (a sales import's check), or null. */
export const firstUnknownOfferInStaging = (db: Db, table: string) => firstUnknownReference(db, table, 'offer_id', 'offers');

/** The offers of a partner (every publisher profile of its MPN ID), by name then id: a page at a time. */
const OFFERS_OF_PARTNER: Keyset = {
  list: 'partner-offers',
  keys: [
    { column: 'o.name', direction: 'asc', type: 'text' },
    { column: 'o.id', direction: 'asc', type: 'text' },
  ],
};

const partnerOffers = (db: Db, mpnId: string) =>
  db
    .selectFrom('offers as o')
    .innerJoin('publisher_profiles as pp', 'pp.id', 'o.publisher_profile_id')
    .select(['o.id', 'o.name', 'o.listing_type as listingType', 'o.status', 'pp.name as publisherProfileName'])
    .where('pp.mpn_id', '=', mpnId);

export function offersOfMpnId(db: Db, mpnId: string, page: PageRequest) {
  return readPage(OFFERS_OF_PARTNER, page, partnerOffers(db, mpnId));
}

/** One offer, when it belongs to a publisher profile of this MPN ID. */
export function findOfferOfMpnId(db: Db, mpnId: string, offerId: string) {
  return partnerOffers(db, mpnId).where('o.id', '=', offerId).executeTakeFirst();
}

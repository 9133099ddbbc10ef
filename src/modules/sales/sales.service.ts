import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { SaleStatus } from '../../platform/values.ts';
import { validationFailed, type FieldProblem } from '../../platform/errors.ts';
import { knownOfferIds } from '../catalog/catalog.service.ts';
import { markDirty, partnersOfOffers, recomputeEligibility } from '../eligibility/eligibility.service.ts';

/**
 * Marketplace-billed sales line items. Ingest is idempotent by line id: the
 * same batch twice changes nothing, and a later message for an id updates it
 * (a refund, a cancellation, a fraud finding). A batch is all or nothing.
 */
export interface BilledSaleInput {
  id: string;
  offerId: string;
  amountUsd: string;
  billedAt: string;
  status: SaleStatus;
}

export interface IngestResult {
  received: number;
  inserted: number;
  updated: number;
  unchanged: number;
  partnersAffected: number;
}

export const MAX_BATCH = 10_000;

/**
 * `recompute: 'now'` recomputes the affected partners in the same transaction
 * (the API); `'defer'` only marks them, for a bulk import that recomputes once at the end.
 */
export async function ingestBilledSales(
  db: Db,
  items: readonly BilledSaleInput[],
  recompute: 'now' | 'defer' = 'now',
  fieldPrefix = 'items',
  now: Date = new Date(),
): Promise<IngestResult> {
  // The last message for an id within one batch wins, as it would across batches.
  const byId = new Map<string, BilledSaleInput>();
  for (const item of items) byId.set(item.id, item);
  const lines = [...byId.values()];

  return db.transaction().execute(async (trx) => {
    const offerIds = [...new Set(lines.map((line) => line.offerId))];
    const knownIds = await knownOfferIds(trx, offerIds);
    if (knownIds.size < offerIds.length) {
      const fields: Record<string, FieldProblem> = {};
      items.forEach((item, index) => {
        if (!knownIds.has(item.offerId) && Object.keys(fields).length < 20) {
          fields[`${fieldPrefix}.${index}.offerId`] = { code: 'OFFER_UNKNOWN', values: { offerId: item.offerId } };
        }
      });
      throw validationFailed(fields);
    }
    // One index probe per id: with a large array PostgreSQL would otherwise scan the whole table.
    const previousOffers = await sql<{ offer_id: string }>`
      select distinct b.offer_id from unnest(${lines.map((l) => l.id)}::text[]) as i(id)
      join lateral (select offer_id from billed_sales where id = i.id offset 0) b on true`.execute(trx);

    const counts = await sql<{ inserted: number; updated: number }>`
      with input as (
        select * from unnest(${lines.map((l) => l.id)}::text[], ${lines.map((l) => l.offerId)}::text[],
          ${lines.map((l) => l.amountUsd)}::numeric[], ${lines.map((l) => l.billedAt)}::timestamptz[],
          ${lines.map((l) => l.status)}::text[]) as t(id, offer_id, amount_usd, billed_at, status)),
      upserted as (
        insert into billed_sales as bs (id, offer_id, amount_usd, billed_at, status, updated_at)
        select id, offer_id, amount_usd, billed_at, status, now() from input
        on conflict (id) do update set offer_id = excluded.offer_id, amount_usd = excluded.amount_usd,
          billed_at = excluded.billed_at, status = excluded.status, updated_at = excluded.updated_at
        where (bs.offer_id, bs.amount_usd, bs.billed_at, bs.status)
          is distinct from (excluded.offer_id, excluded.amount_usd, excluded.billed_at, excluded.status)
        returning (xmax = 0) as inserted)
      select (count(*) filter (where inserted))::int as inserted, (count(*) filter (where not inserted))::int as updated
      from upserted`.execute(trx);
    const { inserted, updated } = counts.rows[0] ?? { inserted: 0, updated: 0 };

    const affected =
      inserted + updated === 0
        ? []
        : await partnersOfOffers(trx, [...offerIds, ...previousOffers.rows.map((row) => row.offer_id)]);
    if (recompute === 'now') await recomputeEligibility(trx, affected, now);
    else await markDirty(trx, affected);
    return {
      received: items.length,
      inserted,
      updated,
      unchanged: lines.length - inserted - updated,
      partnersAffected: affected.length,
    };
  });
}

/**
 * The bulk form, for imports: lines COPYed into a staging table with the columns
 * (line, id, offer_id, amount_usd, billed_at, status). Writes the staged lines
 * (the last line of an id wins) that differ from what is stored: new ids
 * inserted, known ones updated. Marks dirty the partners owning the offers of
 * the new and the previous version of each written line. Run it in the
 * transaction that checked the offers exist (catalog's firstUnknownOfferInStaging).
 */
export async function mergeStagedSales(db: Db, table: string): Promise<{ inserted: number; updated: number; partnersAffected: number }> {
  // Nobody else writes sales until this transaction ends (readers go on): what `changed` reads stays true, so new
  // ids can be plain inserts (ON CONFLICT doubled the cost of writing them) and the previous offers are exact.
  await sql`lock table billed_sales in share row exclusive mode`.execute(db);
  // One snapshot: `changed` reads the stored version of each line before the writes.
  const { rows } = await sql<{ inserted: number; updated: number; offers: string[] }>`
    with input as (
      select distinct on (id) id, offer_id, amount_usd, billed_at, status from ${sql.table(table)} order by id, line desc),
    changed as (
      select i.*, b.offer_id as previous_offer_id from input i left join billed_sales b on b.id = i.id
      where (b.offer_id, b.amount_usd, b.billed_at, b.status) is distinct from (i.offer_id, i.amount_usd, i.billed_at, i.status)),
    inserted as (
      insert into billed_sales (id, offer_id, amount_usd, billed_at, status, updated_at)
      select id, offer_id, amount_usd, billed_at, status, now() from changed where previous_offer_id is null
      returning 1),
    updated as (
      update billed_sales b set offer_id = c.offer_id, amount_usd = c.amount_usd, billed_at = c.billed_at, status = c.status,
        updated_at = now()
      from changed c where c.previous_offer_id is not null and b.id = c.id
      returning 1)
    select (select count(*) from inserted)::int as inserted, (select count(*) from updated)::int as updated,
      -- Grouped first: a bare UNION expects every line to be distinct, and sorts them all (1.5 s per million).
      array(select offer_id from changed group by offer_id
        union select previous_offer_id from changed where previous_offer_id is not null group by previous_offer_id) as offers`.execute(db);
  const { inserted, updated, offers } = rows[0]!;
  const affected = await partnersOfOffers(db, offers);
  await markDirty(db, affected);
  return { inserted, updated, partnersAffected: affected.length };
}

/** Fresh planner statistics after a bulk load (see catalog's refreshCatalogStatistics). */
export async function refreshSalesStatistics(db: Db): Promise<void> {
  await sql`analyze billed_sales`.execute(db);
}

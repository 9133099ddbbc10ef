import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { SaleStatus } from '../../platform/db/schema.ts';
import { validationFailed, type FieldProblem } from '../../server/errors.ts';
import { markDirty, partnersOfOffers, recomputeEligibility } from '../eligibility/eligibility.engine.ts';

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
): Promise<IngestResult> {
  // The last message for an id within one batch wins, as it would across batches.
  const byId = new Map<string, BilledSaleInput>();
  for (const item of items) byId.set(item.id, item);
  const lines = [...byId.values()];

  return db.transaction().execute(async (trx) => {
    const offerIds = [...new Set(lines.map((line) => line.offerId))];
    const known = await sql<{ id: string }>`select id from offers where id = any(${offerIds}::text[])`.execute(trx);
    const knownIds = new Set(known.rows.map((row) => row.id));
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
    if (recompute === 'now') await recomputeEligibility(trx, affected);
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

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { markDirty, recomputeEligibility } from '../src/modules/eligibility/eligibility.engine.ts';
import type { Db } from '../src/platform/db/database.ts';
import { postgresOnly, startTestApp, type TestApp } from './helpers.ts';
import { createTransactSeller, daysAgo, eligibilityOf } from './eligibility-helpers.ts';

/** Polls pg_stat_activity until the backend `pid` waits on a lock; fails the test if it does not within `timeoutMs`. */
async function waitUntilWaitingOnLock(db: Db, pid: number, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last: { state: string | null; wait_event_type: string | null; wait_event: string | null } | undefined;
  while (Date.now() < until) {
    const { rows } = await sql<NonNullable<typeof last>>`
      select state, wait_event_type, wait_event from pg_stat_activity where pid = ${pid}`.execute(db);
    last = rows[0];
    if (last?.wait_event_type === 'Lock') return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail(`the recompute (backend ${pid}) never waited on a lock within ${timeoutMs} ms: ${JSON.stringify(last)}`);
}

/**
 * A recompute that runs while another transaction changes the same account's
 * inputs (an import's merge, say) must not clear the dirty mark with figures
 * that miss the change. Only PostgreSQL runs transactions side by side
 * (PGlite has one connection, so they queue and cannot race).
 */
const postgres = postgresOnly();
describe('eligibility under concurrent writes (postgres)', postgres.skip, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(postgres.engine());
  });
  after(() => t.close());

  it('a recompute that starts while a sale is being written waits for it, and counts it', async () => {
    const seller = await createTransactSeller(t);
    const { db } = t.database;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const saleWritten = new Promise<void>((resolve) => (written = resolve));
    // The writer: a sale and the account's dirty mark, committed only when released.
    const writer = db.transaction().execute(async (trx) => {
      await sql`insert into billed_sales (id, offer_id, amount_usd, billed_at, status)
        values (${seller.id('race')}, ${seller.offer}, 5000, ${daysAgo(1).toISOString()}, 'billed')`.execute(trx);
      await markDirty(trx, [seller.accountId]);
      written();
      await held;
    });
    await saleWritten;
    // The reader's recompute (GET /rewards of a stale standing) starts before the writer commits.
    let started!: (pid: number) => void;
    const recomputePid = new Promise<number>((resolve) => (started = resolve));
    const recompute = db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
      started(rows[0]!.pid);
      await recomputeEligibility(trx, [seller.accountId]);
    });
    // It must wait for the writer's lock: seen from another connection, its backend waits on a Lock.
    // The writer is released either way, so a failure here does not leave its transaction open.
    try {
      await waitUntilWaitingOnLock(db, await recomputePid);
    } finally {
      release();
    }
    await Promise.all([writer, recompute]);
    const standing = await eligibilityOf(t, seller.accountId);
    // Before the fix: 0.00 and not dirty, so the end-of-import recompute skipped it for a day.
    assert.equal(standing!.billed_sales_ttm_usd, '5000.00');
    assert.equal(standing!.dirty, false);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import {
  ENTITLEMENT_TRANSITIONS,
  grantEntitlements,
  isAllowedTransition,
  transitionEntitlements,
  type EntitlementReason,
} from '../src/modules/eligibility/entitlements.ts';
import { ensureProgram } from '../src/modules/eligibility/program.ts';
import { AppError } from '../src/platform/errors.ts';
import { ENTITLEMENT_STATUSES, type EntitlementStatus } from '../src/platform/values.ts';
import { createPartner, engines, startTestApp, unique, type TestApp } from './helpers.ts';

/**
 * The entitlement state machine: every allowed transition changes the status and writes exactly one
 * event with its reason; every other one is refused and changes nothing.
 */

// The table as this test expects it, written out again: a change to the machine must change this too.
const ALLOWED: [EntitlementStatus | null, EntitlementStatus, EntitlementReason][] = [
  [null, 'available', 'OFFER_PUBLISHED'],
  [null, 'available', 'TIER_REACHED'],
  [null, 'available', 'TIER_ANNIVERSARY'],
  ['available', 'activated', 'ACTIVATED'],
  ['available', 'expired', 'VALIDITY_ENDED'],
  ['available', 'revoked', 'OFFER_DELISTED'],
  ['available', 'revoked', 'PROFILE_RELINKED'],
  ['available', 'revoked', 'FRAUDULENT_SALES'],
  ['activated', 'in-progress', 'CONTACTED'],
  ['activated', 'revoked', 'OFFER_DELISTED'],
  ['activated', 'revoked', 'PROFILE_RELINKED'],
  ['in-progress', 'completed', 'FULFILLED'],
  // Technical benefits: reserved by requests, given back.
  ['available', 'in-progress', 'FULLY_RESERVED'],
  ['in-progress', 'available', 'RESERVATION_RETURNED'],
  // Sponsorships: provisioning requested, declined, started, used up or run out, revoked for misuse.
  ['available', 'activated', 'PROVISIONING_REQUESTED'],
  ['activated', 'available', 'PROVISIONING_DECLINED'],
  ['activated', 'in-progress', 'SPONSORSHIP_STARTED'],
  ['in-progress', 'completed', 'CREDIT_EXHAUSTED'],
  ['in-progress', 'completed', 'TERM_ENDED'],
  ['available', 'revoked', 'SPONSORSHIP_MISUSE'],
  ['activated', 'revoked', 'SPONSORSHIP_MISUSE'],
  ['in-progress', 'revoked', 'SPONSORSHIP_MISUSE'],
  // A Rewards manager's revocation in the console, from any status a benefit is held in, with a reason code.
  ...(['available', 'activated', 'in-progress'] as const).flatMap((from) =>
    (['PROGRAM_TERMS_BREACH', 'FRAUD_SUSPECTED', 'GRANTED_IN_ERROR', 'PARTNER_REQUEST'] as const).map((reason): [EntitlementStatus, EntitlementStatus, EntitlementReason] => [from, 'revoked', reason]),
  ),
];
const REASONS = [...new Set(ENTITLEMENT_TRANSITIONS.flatMap((transition) => [...transition.reasons]))] as EntitlementReason[];
const allowed = (from: EntitlementStatus | null, to: EntitlementStatus, reason: string) =>
  ALLOWED.some(([f, t, r]) => f === from && t === to && r === reason);

describe('the entitlement transition table', () => {
  it('allows exactly the listed transitions, for exactly their reasons', () => {
    for (const from of [null, ...ENTITLEMENT_STATUSES]) {
      for (const to of ENTITLEMENT_STATUSES) {
        for (const reason of REASONS) {
          assert.equal(isAllowedTransition(from, to, reason), allowed(from, to, reason), `${from ?? 'none'} -> ${to} (${reason})`);
        }
      }
    }
  });

  it('never leaves a final status (expired, revoked, completed)', () => {
    for (const from of ['expired', 'revoked', 'completed'] as const) {
      assert.deepEqual(
        ENTITLEMENT_TRANSITIONS.filter((transition) => (transition.from as EntitlementStatus | null) === from),
        [],
        `${from} has a way out`,
      );
    }
  });
});

for (const engine of engines()) {
  describe(`entitlement state machine (${engine.name})`, () => {
    let t: TestApp;
    let accountId: string;
    let version: number;
    const at = new Date('2026-03-31T12:00:00Z');

    before(async () => {
      t = await startTestApp(engine);
      accountId = (await createPartner(t)).accountId;
      version = await ensureProgram(t.database.db);
    });
    after(() => t.close());

    /** An entitlement put straight into `status` (test set-up: the machine is what is under test). */
    async function entitlementIn(status: EntitlementStatus): Promise<string> {
      const row = await t.database.db
        .insertInto('entitlements')
        .values({
          partner_account_id: accountId,
          benefit_code: 'technical-assistance',
          program_version: version,
          source_key: `test:${unique('e')}`,
          status,
          status_reason: 'TEST',
          unlocked_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    }

    const eventsOf = (id: string) =>
      t.database.db
        .selectFrom('entitlement_events')
        .select(['from_status', 'to_status', 'reason_code', 'occurred_at'])
        .where('entitlement_id', '=', id)
        .execute();

    const statusOf = (id: string) =>
      t.database.db.selectFrom('entitlements').select(['status', 'status_reason', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow();

    for (const [from, to, reason] of ALLOWED.filter(([f]) => f !== null)) {
      it(`${from} -> ${to} (${reason}) changes the status and writes one event`, async () => {
        const id = await entitlementIn(from!);
        await t.database.db.transaction().execute((trx) => transitionEntitlements(trx, [{ id, to, reason }], at));
        const row = await statusOf(id);
        assert.equal(row.status, to);
        assert.equal(row.status_reason, reason);
        assert.equal(row.updated_at.toISOString(), at.toISOString());
        const events = await eventsOf(id);
        assert.equal(events.length, 1);
        assert.deepEqual(
          { from: events[0]!.from_status, to: events[0]!.to_status, reason: events[0]!.reason_code, at: events[0]!.occurred_at.toISOString() },
          { from, to, reason, at: at.toISOString() },
        );
      });
    }

    it('refuses every other transition, and changes nothing', async () => {
      let refusals = 0;
      for (const from of ENTITLEMENT_STATUSES) {
        const id = await entitlementIn(from);
        for (const to of ENTITLEMENT_STATUSES) {
          for (const reason of REASONS) {
            if (allowed(from, to, reason)) continue;
            await assert.rejects(
              t.database.db.transaction().execute((trx) => transitionEntitlements(trx, [{ id, to, reason }], at)),
              (error: unknown) => error instanceof AppError && error.code === 'TRANSITION_REFUSED',
              `${from} -> ${to} (${reason})`,
            );
            refusals += 1;
          }
        }
        assert.equal((await statusOf(id)).status, from);
        assert.deepEqual(await eventsOf(id), []);
      }
      // 6 statuses x 6 targets x every reason, less those allowed from a status.
      assert.equal(refusals, ENTITLEMENT_STATUSES.length * ENTITLEMENT_STATUSES.length * REASONS.length - ALLOWED.filter(([f]) => f !== null).length);
    });

    it('changes a batch all or nothing: one refused change refuses the others', async () => {
      const good = await entitlementIn('available');
      const bad = await entitlementIn('revoked');
      await assert.rejects(
        t.database.db.transaction().execute((trx) =>
          transitionEntitlements(
            trx,
            [
              { id: good, to: 'expired', reason: 'VALIDITY_ENDED' },
              { id: bad, to: 'available', reason: 'OFFER_PUBLISHED' },
            ],
            at,
          ),
        ),
        (error: unknown) => error instanceof AppError && error.code === 'TRANSITION_REFUSED',
      );
      assert.equal((await statusOf(good)).status, 'available');
      assert.deepEqual(await eventsOf(good), []);
    });

    it('grants with one event each, once per source, and refuses a reason that is not a grant', async () => {
      const sourceKey = `test:${unique('g')}`;
      const candidate = (reason: string) => sql`
        select ${accountId}::uuid as partner_account_id, 'technical-assistance' as benefit_code, ${version}::int as program_version,
          ${sourceKey} as source_key, null::text as offer_id, null::text as tier_code, ${reason} as status_reason,
          ${at.toISOString()}::timestamptz as unlocked_at, null::timestamptz as expires_at`;
      const granted = await t.database.db.transaction().execute((trx) => grantEntitlements(trx, candidate('TIER_REACHED'), at));
      assert.equal(granted, 1);
      const again = await t.database.db.transaction().execute((trx) => grantEntitlements(trx, candidate('TIER_REACHED'), at));
      assert.equal(again, 0, 'a second grant of the same source is a no-op');
      const row = await t.database.db
        .selectFrom('entitlements')
        .select(['id', 'status', 'status_reason'])
        .where('source_key', '=', sourceKey)
        .executeTakeFirstOrThrow();
      assert.deepEqual({ status: row.status, reason: row.status_reason }, { status: 'available', reason: 'TIER_REACHED' });
      const events = await eventsOf(row.id);
      assert.deepEqual(
        events.map((e) => [e.from_status, e.to_status, e.reason_code]),
        [[null, 'available', 'TIER_REACHED']],
      );

      const otherSource = `test:${unique('g')}`;
      await assert.rejects(
        t.database.db.transaction().execute((trx) =>
          grantEntitlements(
            trx,
            sql`select ${accountId}::uuid as partner_account_id, 'technical-assistance' as benefit_code, ${version}::int as program_version,
              ${otherSource} as source_key, null::text as offer_id, null::text as tier_code, 'ACTIVATED' as status_reason,
              ${at.toISOString()}::timestamptz as unlocked_at, null::timestamptz as expires_at`,
            at,
          ),
        ),
        (error: unknown) => error instanceof AppError && error.code === 'TRANSITION_REFUSED',
      );
      const refused = await t.database.db.selectFrom('entitlements').select('id').where('source_key', '=', otherSource).execute();
      assert.deepEqual(refused, [], 'a refused grant leaves nothing behind');
    });
  });
}

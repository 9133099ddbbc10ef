import assert from 'node:assert/strict';
import fs from 'node:fs';
import { sql } from 'kysely';
import { after, before, describe, it } from 'node:test';
import { recomputeDirty } from '../src/modules/eligibility/eligibility.engine.ts';
import { loadProgram, ProgramDefinitionError, validateProgram, type ProgramDefinition } from '../src/modules/eligibility/program.ts';
import { engines, startTestApp, type TestApp } from './helpers.ts';
import { createTransactSeller, DAY, defaultProgram, eligibilityOf, entitlementsOf, monthlyBoost, opsSummary, putOffer } from './eligibility-helpers.ts';

// Eligibility rules, part 3: program versions (a new definition changes the tiers on
// recomputation, entitlements keep the version that granted them) and the definition's validator.

for (const engine of engines()) {
  describe(`program versions (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    it('a new program version changes the tier on recomputation; entitlements record the version that granted them', async () => {
      const a = await createTransactSeller(t, ['27000.00']);
      const v1 = (await eligibilityOf(t, a.accountId))!.program_version;
      assert.equal((await eligibilityOf(t, a.accountId))?.tier_code, 'level-2');
      const sponsorship = (await entitlementsOf(t, a.accountId)).find((e) => e.benefit_code === 'sponsorship-5k')!;
      assert.equal(sponsorship.program_version, v1);

      const changed = defaultProgram();
      changed.name = 'Level 2 from 30000';
      changed.tiers.find((tier) => tier.code === 'level-2')!.minBilledSalesUsd = '30000';
      const kit = changed.benefits.find((b) => b.code === 'transact-launch-kit')!;
      changed.benefits.push({ ...kit, code: 'starter-webinar', names: { 'en-US': 'Starter webinar', 'nl-NL': 'Startwebinar' } });
      const loaded = await loadProgram(t.database.db, validateProgram(changed));
      assert.deepEqual(loaded, { version: v1 + 1, created: true });
      assert.deepEqual(await loadProgram(t.database.db, changed), { version: v1 + 1, created: false }, 'the same definition is no new version');

      // Not recomputed yet: the stored standing is still the one of version 1.
      assert.equal((await eligibilityOf(t, a.accountId))?.program_version, v1);
      await t.database.db.updateTable('partner_eligibility').set({ dirty: true }).execute();
      assert.ok((await recomputeDirty(t.database.db)) >= 1);

      const row = await eligibilityOf(t, a.accountId);
      assert.equal(row?.program_version, v1 + 1);
      assert.equal(row?.tier_code, 'level-1');
      const summary = await opsSummary(t, a.mpnId);
      assert.equal(summary.programVersion, v1 + 1);
      assert.deepEqual(summary.nextTier, { code: 'level-2', name: 'Level 2', minBilledSalesUsd: '30000.00', missingUsd: '3000.00' });
      const rows = await entitlementsOf(t, a.accountId);
      assert.deepEqual(
        rows.map((e) => [e.benefit_code, e.program_version, e.status]),
        [
          ['sponsorship-5k', v1, 'available'],
          ['starter-webinar', v1 + 1, 'available'],
          ['technical-assistance', v1, 'available'],
          ['transact-launch-kit', v1, 'available'],
        ],
      );

      // A partner reaching level 2 under the new version gets entitlements of that version.
      const b = await createTransactSeller(t, ['30000.00']);
      assert.equal((await eligibilityOf(t, b.accountId))?.tier_code, 'level-2');
      const bRows = await entitlementsOf(t, b.accountId);
      assert.deepEqual(
        bRows.map((e) => e.benefit_code),
        ['sponsorship-5k', 'starter-webinar', 'technical-assistance', 'transact-launch-kit'],
      );
      assert.ok(bRows.every((e) => e.program_version === v1 + 1));
      const c = await createTransactSeller(t, ['27000.00']);
      assert.equal((await eligibilityOf(t, c.accountId))?.tier_code, 'level-1', '27000 no longer reaches level 2');
    });

    it('a benefit moved to another tier, or a tier renamed, is not granted again in the same year', async () => {
      await loadProgram(t.database.db, defaultProgram());
      const seller = await createTransactSeller(t, ['30000.00']);
      const moved = defaultProgram();
      moved.name = 'Sponsorship from level 1, level 1 renamed';
      moved.tiers.find((tier) => tier.code === 'level-1')!.code = 'starter';
      for (const benefit of moved.benefits) {
        if ('tier' in benefit.unlock && (benefit.unlock.tier === 'level-1' || benefit.code === 'sponsorship-5k')) benefit.unlock = { tier: 'starter' };
      }
      assert.equal((await loadProgram(t.database.db, validateProgram(moved))).created, true);
      await t.database.db.updateTable('partner_eligibility').set({ dirty: true }).execute();
      await recomputeDirty(t.database.db);
      const codes = (await entitlementsOf(t, seller.accountId)).map((e) => e.benefit_code);
      assert.deepEqual(codes, ['sponsorship-5k', 'technical-assistance', 'transact-launch-kit'], 'one of each, as before');
      await loadProgram(t.database.db, defaultProgram());
    });

    it('never grants an offer benefit whose validity, counted from the publication, is already over', async () => {
      const seller = await createTransactSeller(t);
      await putOffer(t, seller.id('old-list'), seller.profile, 'list', { liveAt: new Date(Date.now() - 90 * DAY) });
      const program = defaultProgram();
      program.name = 'A month-long list boost';
      program.benefits.push(monthlyBoost('list-boost', 'list', { 'en-US': 'List boost', 'nl-NL': 'Vermeldingsboost' }));
      await loadProgram(t.database.db, validateProgram(program));
      await t.database.db.updateTable('partner_eligibility').set({ dirty: true }).execute();
      await recomputeDirty(t.database.db);
      const codes = (await entitlementsOf(t, seller.accountId)).map((e) => e.benefit_code);
      assert.ok(codes.includes('listing-optimization'), 'the lasting list benefit is granted');
      assert.ok(!codes.includes('list-boost'), 'not granted only to expire at once');
      await loadProgram(t.database.db, defaultProgram());
    });

    it("rewrites the old tier grants' keys (migration 0016), keeping an existing duplicate as history", async () => {
      const seller = await createTransactSeller(t, ['30000.00']);
      const [first] = await entitlementsOf(t, seller.accountId);
      await t.database.db.updateTable('entitlements').set({ source_key: 'tier:level-2:0' }).where('id', '=', first!.id).execute();
      const copy = await t.database.db
        .insertInto('entitlements')
        .values({ partner_account_id: seller.accountId, benefit_code: first!.benefit_code, program_version: first!.program_version, source_key: 'tier:starter:0', tier_code: 'starter', status: 'available', status_reason: 'TIER_REACHED', unlocked_at: new Date(first!.unlocked_at.getTime() + 1000), expires_at: first!.expires_at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await sql.raw(fs.readFileSync(new URL('../migrations/0016_tier_grant_keys.sql', import.meta.url), 'utf8')).execute(t.database.db);
      const keys = await t.database.db.selectFrom('entitlements').select(['id', 'source_key']).where('id', 'in', [first!.id, copy.id]).orderBy('unlocked_at').execute();
      assert.deepEqual(keys, [
        { id: first!.id, source_key: 'tier:0' },
        { id: copy.id, source_key: `tier:0:duplicate:${copy.id}` },
      ]);
    });

    describe('the validator rejects bad definitions, naming the path of each problem', () => {
      const problemsOf = (mutate: (program: ProgramDefinition) => void): string[] => {
        const program = defaultProgram();
        mutate(program);
        try {
          validateProgram(program);
        } catch (error) {
          assert.ok(error instanceof ProgramDefinitionError);
          assert.match(error.message, /The program definition is not valid/);
          return error.problems;
        }
        assert.fail('the definition was accepted');
      };

      it('accepts the bundled default', () => {
        assert.equal(validateProgram(defaultProgram()).tiers.length, 5);
      });

      it('duplicate tier and benefit codes', () => {
        assert.ok(problemsOf((p) => (p.tiers[2]!.code = 'level-2')).includes('/tiers/2/code: "level-2" is used twice'));
        assert.deepEqual(
          problemsOf((p) => (p.benefits[3]!.code = 'trial-campaign-assets')),
          ['/benefits/3/code: "trial-campaign-assets" is used twice'],
        );
      });

      it('a benefit unlocking an unknown tier', () => {
        assert.deepEqual(
          problemsOf((p) => (p.benefits[4]!.unlock = { tier: 'level-9' })),
          ['/benefits/4/unlock/tier: no tier has the code "level-9"'],
        );
      });

      it('a missing nl-NL name', () => {
        const problems = problemsOf((p) => {
          delete (p.tiers[0]!.names as Partial<Record<string, string>>)['nl-NL'];
        });
        assert.equal(problems.length, 1);
        assert.equal(problems[0], '/tiers/0/names/nl-NL: is required');
        const benefit = problemsOf((p) => {
          delete (p.benefits[1]!.names as Partial<Record<string, string>>)['nl-NL'];
        });
        assert.equal(benefit[0], '/benefits/1/names/nl-NL: is required');
      });

      it('a non-decimal amount', () => {
        for (const bad of ['25k', '25000.001', '-1', '1e5']) {
          const problems = problemsOf((p) => (p.tiers[1]!.minBilledSalesUsd = bad));
          assert.equal(problems.length, 1, bad);
          assert.match(problems[0]!, /^\/tiers\/1\/minBilledSalesUsd: /, bad);
        }
      });
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { recomputeDirty } from '../src/modules/eligibility/eligibility.engine.ts';
import { loadProgram, ProgramDefinitionError, validateProgram, type ProgramDefinition } from '../src/modules/eligibility/program.ts';
import { engines, startTestApp, type TestApp } from './helpers.ts';
import { createTransactSeller, defaultProgram, eligibilityOf, entitlementsOf, opsSummary } from './eligibility-helpers.ts';

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

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import YAML from 'yaml';
import type { ProgramDefinition } from '../src/modules/eligibility/program.ts';
import { buildApp } from '../src/server/app.ts';
import { createTransactSeller, DAY, defaultProgram, eligibilityOf, monthlyBoost, officeHours, putOffer } from './eligibility-helpers.ts';
import { engines, startTestApp, type TestApp } from './helpers.ts';
import { asOperator, operatorSession, type OperatorSession } from './operator-helpers.ts';

// Program versions in the console (issue #14): a manager previews a definition (who would change tier,
// gain or lose benefits) without changing anything, then loads it against the version she previewed;
// every partner is recomputed after the load; a bad definition is refused with each problem at its path.

interface Preview {
  basedOnVersion: number | null;
  identical: boolean;
  definition: { thresholdsChanged: { code: string; name: string; fromUsd: string; toUsd: string }[]; benefitsAdded: { code: string; name: string }[]; benefitsRemoved: { code: string; name: string }[] };
  partners: { total: number; tierUp: number; tierDown: number; gaining: number; losing: number };
  benefits: { code: string; name: string; gaining: number; losing: number }[];
  affected: { mpnId: string; tierFrom: { code: string } | null; tierTo: { code: string; name: string } | null; gained: string[]; lost: string[] }[];
}
interface Problems {
  error: { code: string; fields: Record<string, { code: string; message: string }> };
}

/** The bundled program with level 2 from 40,000 (was 25,000) and a new level-1 benefit. */
function raisedLevel2(): ProgramDefinition {
  const program = defaultProgram();
  program.name = 'Marketplace Rewards 2027';
  program.tiers.find((tier) => tier.code === 'level-2')!.minBilledSalesUsd = '40000';
  program.benefits.push(officeHours('level-1-office-hours', 'level-1'));
  return program;
}
const json = (program: unknown) => ({ source: JSON.stringify(program, null, 2), format: 'json' });

for (const engine of engines()) {
  describe(`program versions in the console (${engine.name})`, () => {
    let t: TestApp;
    let manager: OperatorSession;
    let agent: OperatorSession;
    before(async () => {
      t = await startTestApp(engine);
      manager = await operatorSession(t.app, t, 'rewards-manager', { name: 'Marit Manager' });
      agent = await operatorSession(t.app, t, 'rewards-agent');
    });
    after(async () => t.close());

    const active = async () => (await asOperator(t.app, agent, 'GET', '/api/v1/ops/program')).json<{ version: number; name: string; loadedBy: string | null; recompute: { pending: number }; tiers: { code: string; minBilledSalesUsd: string }[] }>();
    /** Polls until the recomputation after a load has drained (it runs after the answer, in the server). */
    async function recomputed() {
      for (let i = 0; i < 400; i += 1) {
        if ((await active()).recompute.pending === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      assert.fail('the recomputation did not finish');
    }

    it('previews who changes tier and which benefits are gained and lost, and changes nothing', async () => {
      const level2 = await createTransactSeller(t, ['30000.00']);
      const level3 = await createTransactSeller(t, ['150000.00']);
      const before = await active();
      const response = await asOperator(t.app, manager, 'POST', '/api/v1/ops/program/previews', json(raisedLevel2()));
      assert.equal(response.statusCode, 200, response.body);
      const preview = response.json<Preview>();
      assert.equal(preview.basedOnVersion, before.version);
      assert.equal(preview.identical, false);
      assert.deepEqual(preview.definition.thresholdsChanged, [{ code: 'level-2', name: 'Level 2', fromUsd: '25000', toUsd: '40000' }]);
      assert.deepEqual(preview.definition.benefitsAdded, [{ code: 'level-1-office-hours', name: 'Marketing office hours' }]);

      const down = preview.affected.find((partner) => partner.mpnId === level2.mpnId)!;
      assert.equal(down.tierFrom?.code, 'level-2');
      assert.equal(down.tierTo?.code, 'level-1');
      assert.deepEqual(down.gained, ['level-1-office-hours']);
      assert.deepEqual(down.lost, ['sponsorship-5k'], "level 2's own benefit (level 1's stay)");
      const same = preview.affected.find((partner) => partner.mpnId === level3.mpnId)!;
      assert.equal(same.tierFrom?.code, 'level-3');
      assert.equal(same.tierTo?.code, 'level-3');
      assert.deepEqual(same.lost, []);
      assert.deepEqual(same.gained, ['level-1-office-hours']);
      assert.ok(preview.partners.tierDown >= 1);
      assert.ok(preview.benefits.some((benefit) => benefit.code === 'level-1-office-hours' && benefit.gaining >= 2 && benefit.name === 'Marketing office hours'));

      // Only a preview: the version in force and the partner's tier are as they were.
      assert.equal((await active()).version, before.version);
      assert.equal((await eligibilityOf(t, level2.accountId))?.tier_code, 'level-2');
      // The bundled definition as it is: identical, nobody affected.
      const unchanged = (await asOperator(t.app, manager, 'POST', '/api/v1/ops/program/previews', json(defaultProgram()))).json<Preview>();
      assert.equal(unchanged.identical, true);
      assert.equal(unchanged.affected.length, 0);
    });

    it('counts an offer benefit new in the program only where its validity, from the publication, is not over (as the engine grants it)', async () => {
      const seller = await createTransactSeller(t);
      await putOffer(t, seller.id('old-list'), seller.profile, 'list', { liveAt: new Date(Date.now() - 90 * DAY) });
      await putOffer(t, seller.id('new-trial'), seller.profile, 'trial', { liveAt: new Date(Date.now() - 5 * DAY) });
      const program = defaultProgram();
      for (const type of ['list', 'trial'] as const) {
        program.benefits.push(monthlyBoost(`${type}-boost`, type, { 'en-US': `${type} boost`, 'nl-NL': `${type}-boost` }));
      }
      const preview = (await asOperator(t.app, manager, 'POST', '/api/v1/ops/program/previews', json(program))).json<Preview>();
      assert.deepEqual(preview.affected.find((partner) => partner.mpnId === seller.mpnId)?.gained, ['trial-boost'], 'the list offer is 90 days old: its month is over');
    });

    it('refuses a bad definition with each problem at its path, in the operator\'s language, and an agent may neither preview nor load', async () => {
      const duplicate = defaultProgram();
      duplicate.tiers[2]!.code = 'level-2';
      (duplicate.benefits[0] as unknown as Record<string, unknown>).colour = 'blue';
      const refused = await asOperator(t.app, manager, 'POST', '/api/v1/ops/program/previews', json(duplicate));
      assert.equal(refused.statusCode, 422, refused.body);
      const fields = refused.json<Problems>().error.fields;
      assert.equal(fields['/benefits/0/colour']?.code, 'FIELD_UNKNOWN', JSON.stringify(fields));
      // Structure first: cross-references are checked once the structure holds.
      const crossRef = await asOperator(t.app, manager, 'POST', '/api/v1/ops/program/previews', json({ ...duplicate, benefits: defaultProgram().benefits }));
      assert.equal(crossRef.json<Problems>().error.fields['/tiers/2/code']?.code, 'CODE_USED_TWICE');
      assert.match(crossRef.json<Problems>().error.fields['/tiers/2/code']!.message, /"level-2" is used twice/);

      const dutch = await operatorSession(t.app, t, 'rewards-manager', { locale: 'nl-NL' });
      const broken = await asOperator(t.app, dutch, 'POST', '/api/v1/ops/program/previews', { source: '{"name": "half', format: 'json' });
      assert.equal(broken.statusCode, 422);
      const source = broken.json<Problems>().error.fields.source!;
      assert.equal(source.code, 'PROGRAM_UNREADABLE');
      assert.match(source.message, /^Het bestand kon niet als JSON worden gelezen/);
      const unknownTier = defaultProgram();
      unknownTier.benefits[4]!.unlock = { tier: 'level-9' };
      const nl = (await asOperator(t.app, dutch, 'POST', '/api/v1/ops/program/previews', json(unknownTier))).json<Problems>();
      assert.equal(nl.error.fields['/benefits/4/unlock/tier']?.message, 'Geen niveau heeft de code "level-9".');

      // Text PostgreSQL cannot store, and hours a request's reservation cannot hold: refused, not a 500 later.
      const control = defaultProgram();
      control.name = 'Rewards\u0000 2027';
      control.tiers[0]!.names['en-US'] = 'Level \uD800';
      const text = (await asOperator(t.app, manager, 'POST', '/api/v1/ops/program/versions', { ...json(control), basedOnVersion: 1 })).json<Problems>();
      assert.equal(text.error.fields['/name']?.code, 'CHARACTERS_INVALID');
      assert.equal(text.error.fields['/tiers/0/names/en-US']?.code, 'CHARACTERS_INVALID');
      const tiny = defaultProgram();
      const technical = tiny.benefits.findIndex((benefit) => benefit.category === 'technical');
      tiny.benefits[technical]!.quantities = { hours: '40', hoursPerRequest: 0.001 };
      const hours = (await asOperator(t.app, manager, 'POST', '/api/v1/ops/program/previews', json(tiny))).json<Problems>();
      assert.equal(hours.error.fields[`/benefits/${technical}/quantities`]?.code, 'TECHNICAL_QUANTITIES_REQUIRED');

      assert.equal((await asOperator(t.app, agent, 'POST', '/api/v1/ops/program/previews', json(raisedLevel2()))).statusCode, 403);
      // Refused before its body is read: a large body that is not even JSON is a 403, not a parse error.
      const unread = await t.app.inject({ method: 'POST', url: '/api/v1/ops/program/previews', headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrf, 'content-type': 'application/json' }, payload: `{${'x'.repeat(2_000_000)}` });
      assert.equal(unread.statusCode, 403);
      assert.equal((await asOperator(t.app, agent, 'POST', '/api/v1/ops/program/versions', { ...json(raisedLevel2()), basedOnVersion: 1 })).statusCode, 403);
      assert.equal((await asOperator(t.app, manager, 'POST', '/api/v1/ops/program/versions', { ...json(duplicate), basedOnVersion: 1 })).statusCode, 422, 'loading validates as the preview does');
    });

    it('loads a previewed definition (YAML too) against the version previewed, recomputes every partner, audits it, and can load an earlier one again', async () => {
      const seller = await createTransactSeller(t, ['30000.00']);
      const before = await active();
      const body = { source: YAML.stringify(raisedLevel2()), format: 'yaml', basedOnVersion: before.version };
      const stale = await asOperator(t.app, manager, 'POST', '/api/v1/ops/program/versions', { ...body, basedOnVersion: before.version + 5 });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json<{ error: { code: string; conflict: { revision: number } } }>().error.conflict.revision, before.version);

      const loaded = await asOperator(t.app, manager, 'POST', '/api/v1/ops/program/versions', body);
      assert.equal(loaded.statusCode, 201, loaded.body);
      assert.deepEqual(loaded.json(), { version: before.version + 1, created: true });
      await recomputed();
      const now = await active();
      assert.equal(now.version, before.version + 1);
      assert.equal(now.name, 'Marketplace Rewards 2027');
      assert.equal(now.loadedBy, 'Marit Manager');
      assert.equal(now.tiers.find((tier) => tier.code === 'level-2')?.minBilledSalesUsd, '40000');
      const standing = await eligibilityOf(t, seller.accountId);
      assert.equal(standing?.tier_code, 'level-1', '30,000 is below the new level 2');
      assert.equal(standing?.program_version, before.version + 1);

      const audit = await t.database.db.selectFrom('audit_events').select(['actor_id', 'subject_id', 'details']).where('action', '=', 'program.loaded').execute();
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.actor_id, manager.id);
      assert.equal(audit[0]!.subject_id, String(before.version + 1));

      // The same again changes nothing; the previous definition, loaded again, is a new version.
      const again = await asOperator(t.app, manager, 'POST', '/api/v1/ops/program/versions', { ...body, basedOnVersion: before.version + 1 });
      assert.equal(again.statusCode, 200);
      assert.deepEqual(again.json(), { version: before.version + 1, created: false });
      // The version in force, downloaded and previewed again, whatever its keys' order: identical.
      const inForce = (await asOperator(t.app, agent, 'GET', `/api/v1/ops/program/versions/${before.version + 1}`)).json<ProgramDefinition>();
      assert.equal((await asOperator(t.app, manager, 'POST', '/api/v1/ops/program/previews', json(inForce))).json<Preview>().identical, true);
      assert.equal((await asOperator(t.app, manager, 'POST', '/api/v1/ops/program/versions', { ...json(inForce), basedOnVersion: before.version + 1 })).statusCode, 200);
      const previous = (await asOperator(t.app, agent, 'GET', `/api/v1/ops/program/versions/${before.version}`)).json<ProgramDefinition>();
      assert.deepEqual(previous, defaultProgram());
      const back = await asOperator(t.app, manager, 'POST', '/api/v1/ops/program/versions', { ...json(previous), basedOnVersion: before.version + 1 });
      assert.equal(back.statusCode, 201, back.body);
      await recomputed();
      assert.equal((await eligibilityOf(t, seller.accountId))?.tier_code, 'level-2');
      const versions = (await asOperator(t.app, agent, 'GET', '/api/v1/ops/program/versions')).json<{ items: { version: number; loadedBy: string | null }[] }>();
      assert.deepEqual(versions.items.slice(0, 3).map((v) => v.version), [before.version + 2, before.version + 1, before.version]);
      assert.equal((await asOperator(t.app, agent, 'GET', '/api/v1/ops/program/versions/9999')).statusCode, 404);
    });

    it('recomputes at start the standings a crash left marked (a load whose recomputation was cut short)', async () => {
      const seller = await createTransactSeller(t, ['30000.00']);
      await t.database.db.updateTable('partner_eligibility').set({ dirty: true }).execute();
      // A second instance starting on the same database, with its background work (as `serve` runs it).
      const server = await buildApp({ config: t.config, database: t.database, logger: false, background: true });
      await server.ready();
      try {
        await recomputed();
        assert.equal((await eligibilityOf(t, seller.accountId))?.dirty, false);
      } finally {
        await server.close();
      }
    });
  });
}

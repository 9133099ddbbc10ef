import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { activate, createSalesPartner, signInWithContact } from './benefits-helpers.ts';
import { createTransactSeller } from './eligibility-helpers.ts';
import { engines, startTestApp, type TestApp } from './helpers.ts';
import { asOperator, operatorSession, type OperatorSession } from './operator-helpers.ts';

// Partner lookup in the console (issue #14): found by MPN ID, name, tenant domain or user email, and
// the partner's file with its parts; every lookup is on record with the operator.

interface FileBody {
  account: { mpnId: string; name: string };
  tenants: { domain: string; primary: boolean }[];
  users: { username: string; roles: string[] }[];
  profiles: { offers: { listingType: string }[] }[];
  salesByMonth: { month: string; billedUsd: string }[];
  standing: { tierCode: string | null; tierName: string | null; billedTtmUsd: string } | null;
  entitlements: { code: string; status: string; history: { to: string }[] }[];
  marketingContact: { email: string } | null;
  activations: { status: string }[];
}

for (const engine of engines()) {
  describe(`partner lookup (${engine.name})`, () => {
    let t: TestApp;
    let agent: OperatorSession;
    before(async () => {
      t = await startTestApp(engine);
      agent = await operatorSession(t.app, t, 'rewards-agent');
    });
    after(async () => t.close());

    it("lets a manager revoke a benefit with a reason: the partner is emailed in the contact's language, the agent may not", async () => {
      const manager = await operatorSession(t.app, t, 'rewards-manager');
      const sales = await createSalesPartner(t);
      const session = await signInWithContact(t, sales, 'admin', { preferredLanguage: 'nl-NL' });
      assert.equal((await activate(t.app, session, sales.salesBenefitId)).statusCode, 201);
      const url = `/api/v1/ops/partners/${sales.mpnId}/entitlements/${sales.salesBenefitId}/revocation`;
      const body = { reason: 'PROGRAM_TERMS_BREACH', note: 'The trial offer is not the one listed.' };
      assert.equal((await asOperator(t.app, agent, 'POST', url, body)).statusCode, 403);
      const other = await createSalesPartner(t);
      assert.equal((await asOperator(t.app, manager, 'POST', `/api/v1/ops/partners/${other.mpnId}/entitlements/${sales.salesBenefitId}/revocation`, body)).statusCode, 404, "another partner's benefit");
      assert.equal((await asOperator(t.app, manager, 'POST', url, { reason: 'BECAUSE' })).statusCode, 422);

      const revoked = await asOperator(t.app, manager, 'POST', url, body);
      assert.equal(revoked.statusCode, 200, revoked.body);
      const file = (await asOperator(t.app, manager, 'GET', `/api/v1/ops/partners/${sales.mpnId}/file`)).json<FileBody>();
      const entitlement = file.entitlements.find((e) => e.code === 'trial-campaign-assets')!;
      assert.equal(entitlement.status, 'revoked');
      assert.deepEqual(entitlement.history.map((event) => event.to), ['available', 'activated', 'revoked']);
      const mail = await t.database.db.selectFrom('outbox').select(['locale', 'subject', 'text_body', 'recipient']).where('kind', '=', 'benefit-revoked').where('text_body', 'like', `%${sales.mpnId}%`).execute();
      assert.equal(mail.length, 1);
      assert.equal(mail[0]!.locale, 'nl-NL');
      assert.match(mail[0]!.text_body, /De reden: een schending van de programmavoorwaarden\./);
      assert.match(mail[0]!.text_body, /Het team voegt toe: The trial offer is not the one listed\./);
      const again = await asOperator(t.app, manager, 'POST', url, body);
      assert.equal(again.statusCode, 409);
      assert.equal(again.json<{ error: { code: string } }>().error.code, 'TRANSITION_REFUSED');
    });

    it('finds a partner by MPN ID, name, tenant domain and user email, and reads its file', async () => {
      const sales = await createSalesPartner(t);
      const session = await signInWithContact(t, sales, 'admin');
      assert.equal((await activate(t.app, session, sales.salesBenefitId)).statusCode, 201);
      const other = await createTransactSeller(t, ['250.00', '100.50']);
      const search = async (q: string) => (await asOperator(t.app, agent, 'GET', `/api/v1/ops/partner-search?q=${encodeURIComponent(q)}`)).json<{ items: { mpnId: string }[] }>().items.map((i) => i.mpnId);
      assert.deepEqual(await search(sales.mpnId), [sales.mpnId]);
      assert.deepEqual(await search(sales.domain), [sales.mpnId]);
      assert.deepEqual(await search(sales.users.admin!.username.toUpperCase()), [sales.mpnId]);
      assert.ok((await search(`Partner ${sales.domain.slice(0, 8)}`)).includes(sales.mpnId));
      assert.ok(!(await search(sales.mpnId)).includes(other.partner.mpnId));
      assert.equal((await asOperator(t.app, agent, 'GET', '/api/v1/ops/partner-search?q=x')).statusCode, 422);

      const response = await asOperator(t.app, agent, 'GET', `/api/v1/ops/partners/${sales.mpnId}/file`);
      assert.equal(response.statusCode, 200, response.body);
      const file = response.json<FileBody>();
      assert.equal(file.account.mpnId, sales.mpnId);
      assert.deepEqual(file.tenants.map((tenant) => [tenant.domain, tenant.primary]), [[sales.domain, true]]);
      assert.ok(file.users.some((user) => user.username === sales.users.admin!.username && user.roles.includes('mpn-partner-admin')));
      assert.deepEqual(file.profiles.flatMap((profile) => profile.offers.map((offer) => offer.listingType)), ['trial']);
      const activated = file.entitlements.find((entitlement) => entitlement.code === 'trial-campaign-assets')!;
      assert.equal(activated.status, 'activated');
      assert.deepEqual(activated.history.map((event) => event.to), ['available', 'activated']);
      assert.ok(file.marketingContact?.email);
      assert.deepEqual(file.activations.map((activation) => activation.status), ['open']);

      const seller = (await asOperator(t.app, agent, 'GET', `/api/v1/ops/partners/${other.partner.mpnId}/file`)).json<FileBody>();
      assert.deepEqual(seller.salesByMonth.map((month) => month.billedUsd), ['350.50']);
      assert.equal(seller.standing?.billedTtmUsd, '350.50');
      assert.deepEqual([seller.standing?.tierCode, seller.standing?.tierName], ['level-1', 'Level 1'], "the tier by its name, in the reader's language");
      assert.equal((await asOperator(t.app, agent, 'GET', '/api/v1/ops/partners/999999999/file')).statusCode, 404);

      const reads = await t.database.db.selectFrom('audit_events').select(['details']).where('actor_id', '=', agent.id).where('action', '=', 'operator.read').execute();
      assert.ok(reads.some((row) => (row.details as { params?: { mpnId?: string } }).params?.mpnId === sales.mpnId), JSON.stringify(reads.slice(-3)));
    });
  });
}

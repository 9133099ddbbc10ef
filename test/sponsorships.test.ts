import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { deliverDue } from '../src/modules/notifications/delivery.ts';
import { importCsv } from '../src/modules/imports/csv-import.ts';
import { syncSponsorships } from '../src/modules/technical/sponsorships.service.ts';
import { auditFor, contactBody, outboxFor, putContact } from './benefits-helpers.ts';
import { addMonthsUtc, createTransactSeller, postSales, sale, tempDir } from './eligibility-helpers.ts';
import { call, engines, errorOf, ops, signIn, startTestApp, testClock, type Session, type TestApp } from './helpers.ts';
import { markAllSent, smtpFixtures } from './outbox-helpers.ts';

// Sponsorships (issue #12): made when a sponsorship benefit unlocks, with the instructions mailed;
// provisioning requested in the portal; credits that stack and are drawn down by usage in the
// documented order (the one that expires first goes first), to the cent, once per usage line.

interface SponsorshipBody {
  id: string;
  code: string;
  amountUsd: string;
  remainingUsd: string;
  status: string;
  unlockedAt: string;
  activeFrom: string | null;
  expiresAt: string | null;
  subscriptionId: string | null;
  abilities: { requestProvisioning: boolean };
}
interface SponsorshipList {
  items: SponsorshipBody[];
  totalRemainingUsd: string;
  billingTypes: { code: string; allowed: boolean; refusal: string | null }[];
}
interface LedgerBody {
  items: { sponsorshipId: string | null; kind: string; amountUsd: string; balanceUsd: string | null; usageLineId: string | null }[];
}

const SUBSCRIPTION = '0b6f2f8e-3c1d-4e5a-9f7b-2a1c3d4e5f60';
const DAY = 86_400_000;

async function sponsorshipsOf(t: TestApp, session: Session, headers: Record<string, string> = {}): Promise<SponsorshipList> {
  const response = await call(t.app, session, 'GET', '/api/v1/rewards/sponsorships', undefined, headers);
  assert.equal(response.statusCode, 200, response.body);
  return response.json<SponsorshipList>();
}

async function ledgerOf(t: TestApp, session: Session): Promise<LedgerBody['items']> {
  const response = await call(t.app, session, 'GET', '/api/v1/rewards/sponsorships/ledger?limit=200');
  assert.equal(response.statusCode, 200, response.body);
  return response.json<LedgerBody>().items.reverse();
}

const provision = (t: TestApp, session: Session, id: string, body: unknown, headers: Record<string, string> = {}) =>
  call(t.app, session, 'POST', `/api/v1/rewards/sponsorships/${id}/provisioning-request`, body, headers);

async function activated(t: TestApp, session: Session, id: string, activeFrom: Date) {
  assert.equal((await provision(t, session, id, { subscriptionId: SUBSCRIPTION, billingType: 'pay-as-you-go' })).statusCode, 200);
  const response = await ops(t, 'POST', `/api/v1/ops/sponsorships/${id}/activation`, { activeFrom: activeFrom.toISOString() });
  assert.equal(response.statusCode, 200, response.body);
  return response.json<SponsorshipBody>();
}

const usage = (t: TestApp, items: unknown[]) => ops(t, 'POST', '/api/v1/ops/sponsorship-usage', { items });

/** A seller at level 3 (both the 5k and the 25k sponsorship), signed in, with its two credits. */
async function stackedSeller(t: TestApp) {
  const seller = await createTransactSeller(t, ['120000.00'], { admin: ['mpn-partner-admin'] });
  const session = await signIn(t.app, seller.partner.users.admin!.username);
  const list = await sponsorshipsOf(t, session);
  const small = list.items.find((s) => s.code === 'sponsorship-5k')!;
  const large = list.items.find((s) => s.code === 'sponsorship-25k')!;
  assert.ok(small && large, JSON.stringify(list.items));
  return { seller, session, small, large };
}

for (const engine of engines()) {
  describe(`sponsorships (${engine.name})`, () => {
    let t: TestApp;
    const clock = testClock();
    const smtp = smtpFixtures();
    before(async () => {
      t = await startTestApp(engine, {}, { clock });
    });
    afterEach(() => clock.reset());
    after(async () => {
      await smtp.close();
      await t.close();
    });

    it('unlocks with level 2 and mails the instructions to the company email; the second stacks and is mailed to the contact', async () => {
      await markAllSent(t.database.db);
      const seller = await createTransactSeller(t, ['30000.00'], { admin: ['mpn-partner-admin'] });
      const session = await signIn(t.app, seller.partner.users.admin!.username);
      let list = await sponsorshipsOf(t, session);
      assert.deepEqual(list.items.map((s) => [s.code, s.status, s.amountUsd, s.remainingUsd]), [['sponsorship-5k', 'unlocked', '5000.00', '5000.00']]);
      assert.equal(list.totalRemainingUsd, '5000.00');
      assert.equal(list.items[0]!.abilities.requestProvisioning, true);

      const sink = await smtp.freshSmtp();
      assert.deepEqual(await deliverDue(t.database.db, smtp.smtpTo(sink.url), 50), { sent: 1, failed: 0 });
      const instructions = sink.messages[0]!;
      assert.deepEqual(instructions.envelopeTo, [`office@${seller.partner.domain}`]);
      assert.match(instructions.subject, /has unlocked Cloud sponsorship \(US\$5,000\): how to use it/);
      assert.match(instructions.text, /choose Request provisioning/);
      assert.match(instructions.text, /only to pay-as-you-go and Enterprise Agreement subscriptions/);
      assert.ok(instructions.text.includes('http://localhost:3000/rewards/sponsorships'), instructions.text);

      // Reading again, or another round, sends nothing more.
      await sponsorshipsOf(t, session);
      await syncSponsorships(t.database.db, new Date(), { portalUrl: 'http://localhost:3000' });
      assert.equal((await outboxFor(t.database.db, [`office@${seller.partner.domain}`])).filter((m) => m.kind === 'sponsorship-unlocked').length, 1);

      // A Dutch marketing contact, then level 3: the second credit does not wait for the first.
      const contact = contactBody(seller.partner, 'admin', { preferredLanguage: 'nl-NL' });
      assert.equal((await putContact(t.app, session, contact)).statusCode, 200);
      await postSales(t, [sale(seller.id('big'), seller.offer, '90000.00')]);
      list = await sponsorshipsOf(t, session);
      assert.deepEqual(list.items.map((s) => [s.code, s.status]), [['sponsorship-5k', 'unlocked'], ['sponsorship-25k', 'unlocked']]);
      assert.equal(list.totalRemainingUsd, '30000.00');
      assert.deepEqual(await deliverDue(t.database.db, smtp.smtpTo(sink.url), 50), { sent: 2, failed: 0 }, 'contact-assigned and the instructions');
      const dutch = sink.messages.find((m) => m.subject.includes('ontgrendeld'))!;
      assert.deepEqual(dutch.envelopeTo, [contact.email]);
      assert.match(dutch.subject, /heeft Cloudsponsoring \(US\$ 25\.000\) ontgrendeld: zo gebruikt u het/);
      assert.match(dutch.text, /Sponsoringen stapelen/);
    });

    it('requests provisioning in the portal, refusing the billing types the program excludes with the reason', async () => {
      const { seller, session, small } = await stackedSeller(t);
      const csp = await provision(t, session, small.id, { subscriptionId: SUBSCRIPTION, billingType: 'csp' }, { 'accept-language': 'nl-NL' });
      assert.equal(csp.statusCode, 422);
      const field = errorOf(csp).fields!.billingType!;
      assert.equal(field.code, 'BILLING_TYPE_EXCLUDED');
      assert.match(field.message, /^Een sponsoring geldt alleen voor abonnementen met betalen per gebruik/);
      assert.equal(errorOf(await provision(t, session, small.id, { subscriptionId: SUBSCRIPTION, billingType: 'barter' })).fields!.billingType!.code, 'VALUE_NOT_ALLOWED');
      assert.equal((await provision(t, session, small.id, { subscriptionId: 'not-a-guid', billingType: 'pay-as-you-go' })).statusCode, 422);
      assert.equal((await sponsorshipsOf(t, session)).items.find((s) => s.id === small.id)!.status, 'unlocked', 'refusals change nothing');

      const other = await stackedSeller(t);
      assert.equal((await provision(t, other.session, small.id, { subscriptionId: SUBSCRIPTION, billingType: 'pay-as-you-go' })).statusCode, 404);

      const requested = await provision(t, session, small.id, { subscriptionId: SUBSCRIPTION.toUpperCase(), billingType: 'pay-as-you-go' });
      assert.equal(requested.statusCode, 200, requested.body);
      assert.deepEqual([requested.json<SponsorshipBody>().status, requested.json<SponsorshipBody>().subscriptionId], ['requested', SUBSCRIPTION]);
      assert.equal((await provision(t, session, small.id, { subscriptionId: SUBSCRIPTION, billingType: 'pay-as-you-go' })).statusCode, 200, 'asking again answers');
      const queue = await ops(t, 'GET', '/api/v1/ops/sponsorships');
      assert.ok(queue.json<{ items: { id: string; mpnId: string }[] }>().items.some((s) => s.id === small.id && s.mpnId === seller.mpnId));

      const unlocked = Date.parse(small.unlockedAt);
      const early = await ops(t, 'POST', `/api/v1/ops/sponsorships/${small.id}/activation`, { activeFrom: new Date(unlocked - DAY).toISOString() });
      assert.equal(early.statusCode, 422, 'a credit cannot have started before it was unlocked');
      assert.equal(errorOf(early).fields!.activeFrom!.code, 'NOT_BEFORE');
      const start = new Date(unlocked + DAY);
      const active = await ops(t, 'POST', `/api/v1/ops/sponsorships/${small.id}/activation`, { activeFrom: start.toISOString() });
      assert.equal(active.statusCode, 200, active.body);
      assert.equal(active.json<SponsorshipBody>().expiresAt, addMonthsUtc(start, 12).toISOString(), 'the term runs from the start');
      const entitlement = await t.database.db.selectFrom('entitlements').select('status').where('id', '=', active.json<{ benefitId: string }>().benefitId).executeTakeFirstOrThrow();
      assert.equal(entitlement.status, 'in-progress');
      assert.equal((await ops(t, 'POST', `/api/v1/ops/sponsorships/${small.id}/activation`, { activeFrom: start.toISOString() })).statusCode, 409, 'started once');
    });

    it('draws usage from the credit that expires first, to the cent, and a re-sent batch changes nothing', async () => {
      const { seller, session, small, large } = await stackedSeller(t);
      const unlocked = Date.parse(small.unlockedAt);
      clock.set(new Date(unlocked + 40 * DAY));
      const t0 = new Date(unlocked + DAY);
      await activated(t, session, small.id, t0);
      await activated(t, session, large.id, new Date(t0.getTime() + DAY));
      const line = (id: string, amountUsd: string, usedAt: Date) => ({ id: seller.id(id), mpnId: seller.mpnId, subscriptionId: SUBSCRIPTION, amountUsd, usedAt: usedAt.toISOString() });
      const batch = [
        line('u2', '1000.02', new Date(t0.getTime() + 3 * DAY)),
        line('u1', '4999.99', new Date(t0.getTime() + 2 * DAY)),
        line('u0', '10.00', new Date(t0.getTime() - DAY / 2)),
      ];
      const ahead = await usage(t, [line('u-future', '1.00', new Date(unlocked + 41 * DAY))]);
      assert.equal(errorOf(ahead).fields!['items/0/usedAt']!.code, 'IN_FUTURE');
      const first = await usage(t, batch);
      assert.equal(first.statusCode, 200, first.body);
      assert.deepEqual(first.json(), { received: 3, recorded: 3, duplicates: 0, coveredUsd: '6000.01', uncoveredUsd: '10.00' });
      const list = await sponsorshipsOf(t, session);
      const byCode = Object.fromEntries(list.items.map((s) => [s.code, s]));
      assert.deepEqual([byCode['sponsorship-5k']!.status, byCode['sponsorship-5k']!.remainingUsd], ['exhausted', '0.00']);
      assert.deepEqual([byCode['sponsorship-25k']!.status, byCode['sponsorship-25k']!.remainingUsd], ['active', '23999.99']);
      assert.equal(list.totalRemainingUsd, '23999.99');
      const ledger = (await ledgerOf(t, session)).filter((entry) => entry.kind !== 'credit');
      assert.deepEqual(
        ledger.map((e) => [e.usageLineId, e.kind, e.sponsorshipId === small.id ? '5k' : e.sponsorshipId === large.id ? '25k' : null, e.amountUsd, e.balanceUsd]),
        [
          [seller.id('u0'), 'uncovered', null, '-10.00', null],
          [seller.id('u1'), 'usage', '5k', '-4999.99', '0.01'],
          [seller.id('u2'), 'usage', '5k', '-0.01', '0.00'],
          [seller.id('u2'), 'usage', '25k', '-1000.01', '23999.99'],
        ],
      );

      const again = await usage(t, batch);
      assert.deepEqual(again.json(), { received: 3, recorded: 0, duplicates: 3, coveredUsd: '0.00', uncoveredUsd: '0.00' });
      const changed = await usage(t, [{ ...batch[0]!, amountUsd: '1000.03' }]);
      assert.equal(changed.statusCode, 422);
      assert.equal(errorOf(changed).fields!['items/0/id']!.code, 'USAGE_LINE_CHANGED');
      const unknown = await usage(t, [{ ...line('u9', '1.00', new Date()), mpnId: '99999999999' }]);
      assert.equal(errorOf(unknown).fields!['items/0/mpnId']!.code, 'PARTNER_UNKNOWN');
      assert.equal((await ledgerOf(t, session)).length, ledger.length + 2, 'two credits and the four draws: nothing more');
      assert.equal((await sponsorshipsOf(t, session)).totalRemainingUsd, '23999.99');
    });

    it('warns once when a credit runs low and once before it expires; an expired credit counts for nothing', async () => {
      const { seller, session, large } = await stackedSeller(t);
      const start = new Date(Date.parse(large.unlockedAt) + DAY);
      clock.set(new Date(start.getTime() + 10 * DAY));
      await activated(t, session, large.id, start);
      const spent = await usage(t, [{ id: seller.id('big'), mpnId: seller.mpnId, subscriptionId: SUBSCRIPTION, amountUsd: '20000.01', usedAt: new Date(start.getTime() + DAY).toISOString() }]);
      assert.equal(spent.statusCode, 200, spent.body);
      const mails = async (kind: string) => (await outboxFor(t.database.db, [`office@${seller.partner.domain}`])).filter((m) => m.kind === kind);
      assert.equal((await mails('sponsorship-low')).length, 1, '4,999.99 of 25,000 is below 20%');
      assert.match((await mails('sponsorship-low'))[0]!.text_body, /\$4,999\.99 of \$25,000\.00 remains/);

      const end = addMonthsUtc(start, 12);
      clock.set(new Date(end.getTime() - 20 * DAY));
      await sponsorshipsOf(t, session);
      await sponsorshipsOf(t, session);
      assert.equal((await mails('sponsorship-expiring')).length, 1, 'once, within 30 days of the end');
      assert.equal((await mails('sponsorship-low')).length, 1);

      clock.set(new Date(end.getTime() + DAY));
      const list = await sponsorshipsOf(t, session);
      const expired = list.items.find((s) => s.id === large.id)!;
      assert.deepEqual([expired.status, expired.remainingUsd], ['expired', '0.00']);
      assert.equal((await auditFor(t.database.db, seller.accountId, 'sponsorship.term-ended')).length, 1, 'the round that ended it is audited');
      const late = await usage(t, [{ id: seller.id('late'), mpnId: seller.mpnId, subscriptionId: SUBSCRIPTION, amountUsd: '5.00', usedAt: new Date(end.getTime() + 60_000).toISOString() }]);
      assert.equal(late.json<{ uncoveredUsd: string }>().uncoveredUsd, '5.00', 'usage after the end is not covered');
    });

    it('draws each line once and warns once when batches and rounds run at the same time', async () => {
      const { seller, session, small } = await stackedSeller(t);
      const unlocked = Date.parse(small.unlockedAt);
      await activated(t, session, small.id, new Date(unlocked));
      clock.set(new Date(unlocked + DAY));
      const batch = Array.from({ length: 20 }, (_, i) => ({
        id: seller.id(`p${i}`),
        mpnId: seller.mpnId,
        subscriptionId: SUBSCRIPTION,
        amountUsd: '210.05',
        usedAt: new Date(unlocked + 60_000 + i * 1000).toISOString(),
      }));
      const answers = await Promise.all([usage(t, batch), usage(t, batch), usage(t, [...batch].reverse())]);
      assert.deepEqual(answers.map((a) => a.statusCode), [200, 200, 200], answers.map((a) => a.body).join('\n'));
      assert.equal(answers.reduce((n, a) => n + a.json<{ recorded: number }>().recorded, 0), 20, 'each line recorded by one batch');
      const links = { portalUrl: 'http://localhost:3000' };
      const at = new Date(unlocked + DAY);
      await Promise.all([syncSponsorships(t.database.db, at, links), syncSponsorships(t.database.db, at, links, [seller.accountId]), sponsorshipsOf(t, session)]);
      const credit = (await sponsorshipsOf(t, session)).items.find((s) => s.id === small.id)!;
      assert.equal(credit.remainingUsd, '799.00', '5000.00 - 20 x 210.05');
      const low = (await outboxFor(t.database.db, [`office@${seller.partner.domain}`])).filter((m) => m.kind === 'sponsorship-low');
      assert.equal(low.length, 1);
    });

    it('imports usage from CSV through the same rules, naming a refused line', async () => {
      const { seller, session, small } = await stackedSeller(t);
      const unlocked = Date.parse(small.unlockedAt);
      await activated(t, session, small.id, new Date(unlocked));
      const dir = tempDir();
      const file = path.join(dir, 'usage.csv');
      // Within the credit's term (it began when it was unlocked, moments ago), to the second as exports write it.
      const used = new Date(unlocked + 2000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      fs.writeFileSync(file, `id,mpnId,subscriptionId,amountUsd,usedAt\n${seller.id('c1')},${seller.mpnId},${SUBSCRIPTION},100.10,${used}\n${seller.id('c2')},${seller.mpnId},${SUBSCRIPTION},0.15,${used}\n`);
      const result = await importCsv(t.database, 'sponsorship-usage', file);
      assert.equal(result.inserted, 2);
      assert.equal((await importCsv(t.database, 'sponsorship-usage', file)).inserted, 0, 'the same file again changes nothing');
      assert.equal((await sponsorshipsOf(t, session)).items.find((s) => s.id === small.id)!.remainingUsd, '4899.75');
      fs.writeFileSync(file, `id,mpnId,subscriptionId,amountUsd,usedAt\n${seller.id('c3')},${seller.mpnId},${SUBSCRIPTION},1.00,${used}\n${seller.id('c4')},99999999999,${SUBSCRIPTION},1.00,${used}\n`);
      await assert.rejects(importCsv(t.database, 'sponsorship-usage', file), /line 3: mpnId: No partner account has this MPN ID/);
      assert.equal((await sponsorshipsOf(t, session)).items.find((s) => s.id === small.id)!.remainingUsd, '4899.75', 'nothing of a refused file');
      fs.rmSync(dir, { recursive: true, force: true });
    });
  });
}

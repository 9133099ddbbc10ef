import type { Db } from '../platform/db/database.ts';
import type { Role } from '../platform/values.ts';
import type { Locale } from '../../locales/locales.ts';
import { createPartnerAccount, createTenant, createUser, findPartnerAccountByMpnId, findTenant, findUserCredentials } from '../modules/accounts/accounts.service.ts';
import { systemContext } from '../platform/context.ts';
import { setUserLocale } from '../modules/identity/identity.service.ts';
import type { ListingType } from '../platform/values.ts';
import { findPublisherProfile, ingestOffers, ingestPublisherProfiles } from '../modules/catalog/catalog.service.ts';
import { recomputeDirty } from '../modules/eligibility/eligibility.service.ts';
import { ingestBilledSales } from '../modules/sales/sales.service.ts';
import { findUser } from '../modules/accounts/accounts.service.ts';
import { memberOf } from '../platform/context.ts';
import { submitTechnicalRequest, cancelTechnicalRequest, type Links } from '../modules/technical/technical-requests.service.ts';
import { moveTechnicalRequestAsTeam } from '../modules/technical/technical-team.service.ts';
import { moveSponsorshipAsTeam, requestProvisioning, syncSponsorships } from '../modules/technical/sponsorships.service.ts';
import { drawUsage } from '../modules/technical/sponsorship-usage.service.ts';
import { createOperator, operatorIdOf } from '../modules/operators/operators.service.ts';
import type { OperatorRole } from '../platform/values.ts';

/**
 * Demo data: two partner accounts with their admins, and one tenant that is not
 * yet associated, so a newcomer can walk through the seed's association steps
 * and watch Marketplace Rewards appear. Loading twice changes nothing.
 */
export const DEMO_PASSWORD = 'Rewards-Demo-2026';

interface DemoUser {
  name: string;
  displayName: string;
  roles: Role[];
  locale?: Locale;
  note: string;
}

interface DemoTenant {
  domain: string;
  displayName: string;
  users: DemoUser[];
  partner?: { name: string; mpnId: string; companyEmail: string };
}

export const DEMO_TENANTS: DemoTenant[] = [
  {
    domain: 'contoso.example',
    displayName: 'Contoso',
    partner: { name: 'Contoso Apps', mpnId: '4100001', companyEmail: 'partners@contoso.example' },
    users: [
      { name: 'megan', displayName: 'Megan Bowen', roles: ['global-admin'], note: 'Global admin of Contoso Apps' },
      { name: 'adele', displayName: 'Adele Vance', roles: ['account-admin'], note: 'Account admin (no Rewards role)' },
      { name: 'lee', displayName: 'Lee Gu', roles: ['mpn-partner-admin'], note: 'MPN partner admin' },
      { name: 'alex', displayName: 'Alex Wilber', roles: ['admin-agent'], note: 'Admin agent' },
      { name: 'pat', displayName: 'Pat Taylor', roles: ['user'], note: 'Plain user (no Rewards role)' },
    ],
  },
  {
    domain: 'fabrikam.example',
    displayName: 'Fabrikam',
    partner: { name: 'Fabrikam Software', mpnId: '4100002', companyEmail: 'partners@fabrikam.example' },
    users: [
      { name: 'nestor', displayName: 'Nestor Wilke', roles: ['global-admin'], note: 'Global admin of Fabrikam Software' },
      { name: 'joni', displayName: 'Joni Sherman', roles: ['mpn-partner-admin'], locale: 'nl-NL', note: 'MPN partner admin, Dutch' },
    ],
  },
  {
    domain: 'contoso-labs.example',
    displayName: 'Contoso Labs',
    users: [
      { name: 'diego', displayName: 'Diego Siciliani', roles: ['mpn-partner-admin'], note: 'Tenant not yet associated: associate it as megan' },
      { name: 'femke', displayName: 'Femke de Vries', roles: ['mpn-partner-admin'], locale: 'nl-NL', note: 'Same tenant, Dutch' },
    ],
  },
];

/**
 * The Rewards team (issue #14): a manager, an agent who reports to her, and an operator admin (the team
 * and the API tokens). Their second factor is enrolled at the first sign-in.
 */
export const DEMO_OPERATORS: { username: string; displayName: string; role: OperatorRole; locale: Locale | null; manager?: string; note: string }[] = [
  { username: 'marit@rewards-team.example', displayName: 'Marit de Vries', role: 'rewards-manager', locale: 'nl-NL', note: 'Rewards manager (the console; an authenticator app at first sign-in)' },
  { username: 'ava@rewards-team.example', displayName: 'Ava Okafor', role: 'rewards-agent', locale: null, manager: 'marit@rewards-team.example', note: 'Rewards agent, reports to marit (the console)' },
  { username: 'tomas@rewards-team.example', displayName: 'Tomas Berg', role: 'operator-admin', locale: null, note: 'Operator admin: the team and API tokens (the console)' },
];

export interface DemoSignIn {
  username: string;
  note: string;
}

export function demoSignIns(): DemoSignIn[] {
  return [
    ...DEMO_TENANTS.flatMap((tenant) => tenant.users.map((user) => ({ username: `${user.name}@${tenant.domain}`, note: user.note }))),
    ...DEMO_OPERATORS.map(({ username, note }) => ({ username, note })),
  ];
}

/**
 * Marketplace data for the two partners: every listing type, and billed sales
 * that put Contoso at Level 3 and Fabrikam at Level 1 (with a refund, a
 * cancellation and a fraudulent line that the explanation shows as excluded).
 */
const DEMO_MARKETPLACE = {
  profiles: [
    { id: 'demo-contoso-main', name: 'Contoso Apps', mpnId: '4100001' },
    { id: 'demo-contoso-data', name: 'Contoso Data Services', mpnId: '4100001' },
    { id: 'demo-fabrikam', name: 'Fabrikam Software', mpnId: '4100002' },
  ],
  offers: [
    { id: 'demo-contoso-crm', profile: 'demo-contoso-main', name: 'Contoso CRM Connector', listingType: 'transact', daysLive: 400 },
    { id: 'demo-contoso-analytics', profile: 'demo-contoso-data', name: 'Contoso Analytics', listingType: 'transact', daysLive: 200 },
    { id: 'demo-contoso-trial', profile: 'demo-contoso-main', name: 'Contoso Field Service (trial)', listingType: 'trial', daysLive: 20 },
    { id: 'demo-contoso-migration', profile: 'demo-contoso-data', name: 'Cloud migration assessment', listingType: 'consulting', daysLive: 45 },
    { id: 'demo-contoso-contact', profile: 'demo-contoso-main', name: 'Contoso Enterprise (contact me)', listingType: 'list', daysLive: 120 },
    { id: 'demo-fabrikam-sync', profile: 'demo-fabrikam', name: 'Fabrikam Sync', listingType: 'transact', daysLive: 90 },
    { id: 'demo-fabrikam-trial', profile: 'demo-fabrikam', name: 'Fabrikam Backup (trial)', listingType: 'trial', daysLive: 10 },
  ],
  // offer, days ago, amount, status
  sales: [
    ['demo-contoso-crm', 300, '42000.00', 'billed'],
    ['demo-contoso-crm', 200, '38500.00', 'billed'],
    ['demo-contoso-crm', 90, '27250.50', 'billed'],
    ['demo-contoso-crm', 60, '5000.00', 'refunded'],
    ['demo-contoso-analytics', 100, '16000.00', 'billed'],
    ['demo-contoso-analytics', 30, '9800.00', 'billed'],
    ['demo-contoso-analytics', 25, '1200.00', 'cancelled'],
    ['demo-contoso-crm', 500, '90000.00', 'billed'],
    ['demo-fabrikam-sync', 80, '11000.00', 'billed'],
    ['demo-fabrikam-sync', 40, '7000.00', 'billed'],
    ['demo-fabrikam-sync', 15, '3000.00', 'fraudulent'],
  ] as const,
};

export const demoStepCount = () =>
  DEMO_TENANTS.reduce((n, t) => n + 1 + (t.partner ? 1 : 0) + t.users.length, 0) + 3;

const DAY_MS = 86_400_000;

/**
 * Technical benefits for Contoso: requests in several states (waiting for the partner's answer,
 * scheduled, cancelled, completed), and its two sponsorships stacked, both provisioned, with usage that
 * used up the first and drew on the second. Made through the services, as a partner and the Rewards
 * team would, so every row has its history, audit and emails.
 */
async function loadDemoTechnical(db: Db, links: Links): Promise<number> {
  const account = await findPartnerAccountByMpnId(db, '4100001');
  const lee = await findUserCredentials(db, 'lee@contoso.example');
  if (!account || !lee) return 0;
  const existing = await db.selectFrom('technical_requests').select('id').where('partner_account_id', '=', account.id).executeTakeFirst();
  if (existing) return 0;
  const user = (await findUser(db, lee.id))!;
  const member = memberOf(user);
  const now = new Date();
  const partner = { actor: { type: 'user' as const, id: user.id }, now };
  const team = { actor: { type: 'system' as const }, now };
  const contact = { userId: user.id, email: 'lee.gu@mail.contoso.example', phone: '+31 20 794 2000', preferredLanguage: 'en-US' };
  const benefit = async (code: string) =>
    (await db.selectFrom('entitlements').select('id').where('partner_account_id', '=', account.id).where('benefit_code', '=', code).executeTakeFirstOrThrow()).id;
  const hours = await benefit('technical-assistance');
  const submit = (input: Omit<Parameters<typeof submitTechnicalRequest>[2], 'contact' | 'timeZone' | 'benefitId'>, benefitId = hours) =>
    submitTechnicalRequest(db, member, { ...input, benefitId, contact, timeZone: 'Europe/Amsterdam' }, partner, links);
  const move = (id: string, input: Parameters<typeof moveTechnicalRequestAsTeam>[2]) => moveTechnicalRequestAsTeam(db, id, input, team, links, 'en-US', 'Rewards team');

  const question = await submit({
    phase: 'deployment',
    solutionType: 'hybrid',
    offerId: 'demo-contoso-analytics',
    title: 'Hybrid deployment of Contoso Analytics',
    description: 'We want to run the ingestion workers on premises and the dashboards in the cloud. How should we connect them securely?',
  });
  await move(question.id, { to: 'in-review' });
  await move(question.id, { to: 'action-required', reason: 'Which regions do your customers deploy to, and do they allow outbound connections from their network?' });

  const scheduled = await submit({
    phase: 'app-development',
    solutionType: 'cloud',
    offerId: 'demo-contoso-trial',
    title: 'Offline mode for Field Service',
    description: 'Field engineers lose connectivity on site. We need advice on syncing work orders when they reconnect.',
  });
  await move(scheduled.id, { to: 'in-review' });
  await move(scheduled.id, { to: 'scheduled', scheduledAt: new Date(now.getTime() + 5 * DAY_MS + 3_600_000).toISOString() });

  const withdrawn = await submit({
    phase: 'design',
    solutionType: 'cloud',
    offerId: 'demo-contoso-crm',
    title: 'Rate limits of the CRM connector',
    description: 'Our connector hits the CRM API limits at month end.',
  });
  await cancelTechnicalRequest(db, member, withdrawn.id, { reason: 'Solved with batching on our side.' }, partner, links, 'en-US');

  const done = await submit(
    {
    phase: 'presales',
    solutionType: 'cloud',
    offerId: 'demo-contoso-trial',
    title: 'Presales architecture for a utilities customer',
    description: 'A utilities customer asks how Field Service scales to 5,000 engineers.',
    },
    await benefit('trial-presales-consultation'),
  );
  await move(done.id, { to: 'in-review' });
  await move(done.id, { to: 'scheduled', scheduledAt: new Date(now.getTime() + 3_600_000).toISOString() });
  await move(done.id, { to: 'completed' });

  // Both sponsorships (Contoso is at Level 3): provisioned, stacked, and drawn on. They were unlocked
  // moments ago (when the demo's sales were loaded), so their terms and usage fall between then and now.
  await syncSponsorships(db, now, links, [account.id]);
  const credits = await db
    .selectFrom('sponsorships')
    .select(['id', 'benefit_code', 'unlocked_at'])
    .where('partner_account_id', '=', account.id)
    .orderBy('amount_usd')
    .execute();
  const unlocked = Math.max(...credits.map((credit) => credit.unlocked_at.getTime()));
  const between = (share: number) => new Date(unlocked + (now.getTime() - unlocked) * share);
  const subscription = (i: number) => `6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4${i}`;
  for (const [i, credit] of credits.entries()) {
    await requestProvisioning(db, member, credit.id, { subscriptionId: subscription(i), billingType: 'pay-as-you-go' }, partner, links, 'en-US');
    await moveSponsorshipAsTeam(db, credit.id, { action: 'activate', activeFrom: between(i === 0 ? 0 : 0.5).toISOString() }, team, links, 'en-US');
  }
  const lines = [
    ['demo-usage-1', 0.2, '2500.00', 0],
    ['demo-usage-2', 0.4, '1600.25', 0],
    ['demo-usage-3', 0.8, '3000.00', 1],
  ] as const;
  await db.transaction().execute((trx) =>
    drawUsage(
      trx,
      lines.map(([id, share, amountUsd, i]) => ({ id, mpnId: account.mpnId, subscriptionId: subscription(i), amountUsd, usedAt: between(share).toISOString() })),
      team,
    ),
  );
  await syncSponsorships(db, now, links, [account.id]);
  return 4 + credits.length + lines.length;
}

async function loadDemoMarketplace(db: Db): Promise<number> {
  const known = await findPublisherProfile(db, DEMO_MARKETPLACE.profiles[0]!.id);
  if (known) return 0;
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  await ingestPublisherProfiles(db, DEMO_MARKETPLACE.profiles, 'defer');
  await ingestOffers(
    db,
    DEMO_MARKETPLACE.offers.map((offer) => ({
      id: offer.id,
      publisherProfileId: offer.profile,
      name: offer.name,
      listingType: offer.listingType as ListingType,
      status: 'live' as const,
      liveAt: daysAgo(offer.daysLive),
      delistedAt: null,
    })),
    'defer',
  );
  await ingestBilledSales(
    db,
    DEMO_MARKETPLACE.sales.map(([offerId, days, amountUsd, status], i) => ({
      id: `demo-sale-${i + 1}`,
      offerId,
      amountUsd,
      billedAt: daysAgo(days),
      status,
    })),
    'defer',
  );
  await recomputeDirty(db);
  return DEMO_MARKETPLACE.profiles.length + DEMO_MARKETPLACE.offers.length + DEMO_MARKETPLACE.sales.length;
}

export async function loadDemoData(
  db: Db,
  onStep: (label: string) => void = () => {},
  links: Links = { portalUrl: 'http://localhost:3000' },
): Promise<{ created: number }> {
  const ctx = systemContext();
  let created = 0;
  for (const demo of DEMO_TENANTS) {
    let tenant = await findTenant(db, demo.domain);
    if (!tenant) {
      tenant = await createTenant(db, { domain: demo.domain, displayName: demo.displayName }, ctx);
      created += 1;
    }
    onStep(`tenant ${demo.domain}`);
    if (demo.partner) {
      if (!(await findPartnerAccountByMpnId(db, demo.partner.mpnId))) {
        await createPartnerAccount(db, { ...demo.partner, primaryTenantId: tenant.id }, ctx);
        created += 1;
      }
      onStep(`partner account ${demo.partner.name}`);
    }
    for (const person of demo.users) {
      const username = `${person.name}@${demo.domain}`;
      if (!(await findUserCredentials(db, username))) {
        const user = await createUser(
          db,
          tenant.id,
          { username, displayName: person.displayName, email: `${person.name}@mail.${demo.domain}`, password: DEMO_PASSWORD, roles: person.roles },
          ctx,
        );
        if (person.locale) await setUserLocale(db, user.id, person.locale);
        created += 1;
      }
      onStep(`user ${username}`);
    }
  }
  for (const operator of DEMO_OPERATORS) {
    if (await operatorIdOf(db, operator.username)) continue;
    const managerId = operator.manager ? await operatorIdOf(db, operator.manager) : null;
    await createOperator(db, { username: operator.username, displayName: operator.displayName, email: operator.username, role: operator.role, password: DEMO_PASSWORD, locale: operator.locale, managerId }, ctx);
    created += 1;
  }
  onStep('the Rewards team');
  created += await loadDemoMarketplace(db);
  onStep('publisher profiles, offers and billed sales');
  created += await loadDemoTechnical(db, links);
  onStep('technical requests and sponsorships');
  return { created };
}

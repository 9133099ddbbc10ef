import type { Db } from '../platform/db/database.ts';
import type { Locale, Role } from '../platform/db/schema.ts';
import { accountsRepository } from '../modules/accounts/accounts.repository.ts';
import { createPartnerAccount, createTenant, createUser, type RequestContext } from '../modules/accounts/accounts.service.ts';
import { setUserLocale } from '../modules/identity/identity.service.ts';

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

export interface DemoSignIn {
  username: string;
  note: string;
}

export function demoSignIns(): DemoSignIn[] {
  return DEMO_TENANTS.flatMap((tenant) =>
    tenant.users.map((user) => ({ username: `${user.name}@${tenant.domain}`, note: user.note })),
  );
}

export const demoStepCount = () => DEMO_TENANTS.reduce((n, t) => n + 1 + (t.partner ? 1 : 0) + t.users.length, 0);

export async function loadDemoData(db: Db, onStep: (label: string) => void = () => {}): Promise<{ created: number }> {
  const ctx: RequestContext = { actor: { type: 'system' } };
  let created = 0;
  for (const demo of DEMO_TENANTS) {
    let tenant = await accountsRepository.findTenantByDomain(db, demo.domain);
    if (!tenant) {
      tenant = await createTenant(db, { domain: demo.domain, displayName: demo.displayName }, ctx);
      created += 1;
    }
    onStep(`tenant ${demo.domain}`);
    if (demo.partner) {
      if (!(await accountsRepository.findPartnerAccountByMpnId(db, demo.partner.mpnId))) {
        await createPartnerAccount(db, { ...demo.partner, primaryTenantId: tenant.id }, ctx);
        created += 1;
      }
      onStep(`partner account ${demo.partner.name}`);
    }
    for (const person of demo.users) {
      const username = `${person.name}@${demo.domain}`;
      if (!(await accountsRepository.findUserForSignIn(db, username))) {
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
  return { created };
}

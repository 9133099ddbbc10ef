import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import { localized, type Locale } from '../../platform/i18n/i18n.ts';

/**
 * Partner lookup for the Rewards team (issue #14): find a partner by MPN ID, name, tenant domain or a
 * user's email, then read its whole file (account, tenants, users and roles, publisher profiles and
 * offers, billed sales by month, standing, entitlements with their history, marketing contact,
 * activations, technical requests, sponsorships). A read model over the owners' tables (ARCHITECTURE.md);
 * it never writes. Every read is audited with the operator (operators.plugin.ts).
 */

const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function searchPartners(db: Db, q: string) {
  const text = q.trim();
  const rows = await db
    .selectFrom('partner_accounts as pa')
    .select(['pa.id', 'pa.name', 'pa.mpn_id as mpnId'])
    .where((eb) =>
      eb.or([
        eb('pa.mpn_id', '=', text),
        eb('pa.name', 'ilike', like(text)),
        eb.exists(eb.selectFrom('tenants as t').select('t.id').whereRef('t.partner_account_id', '=', 'pa.id').where('t.domain', '=', text.toLowerCase())),
        eb.exists(
          eb
            .selectFrom('users as u')
            .innerJoin('tenants as ut', 'ut.id', 'u.tenant_id')
            .select('u.id')
            .whereRef('ut.partner_account_id', '=', 'pa.id')
            .where((inner) => inner.or([inner('u.email', 'ilike', text), inner('u.username', 'ilike', text)])),
        ),
      ]),
    )
    .orderBy('pa.name')
    .orderBy('pa.id')
    .limit(50)
    .execute();
  return rows;
}

export async function partnerFile(db: Db, mpnId: string, now: Date, locale: Locale) {
  const account = await db.selectFrom('partner_accounts').select(['id', 'name', 'mpn_id as mpnId', 'company_email as companyEmail', 'primary_tenant_id as primaryTenantId', 'created_at as createdAt']).where('mpn_id', '=', mpnId).executeTakeFirst();
  if (!account) throw notFound();
  const id = account.id;
  const tenants = await db.selectFrom('tenants').select(['id', 'domain', 'display_name as name', 'associated_at as associatedAt']).where('partner_account_id', '=', id).orderBy('domain').execute();
  const users = await db
    .selectFrom('users as u')
    .innerJoin('tenants as t', 't.id', 'u.tenant_id')
    .select(['u.id', 'u.username', 'u.display_name as displayName', 'u.email', 'u.roles', 't.domain as tenant'])
    .where('t.partner_account_id', '=', id)
    .orderBy('u.display_name')
    .limit(500)
    .execute();
  const offers = await db
    .selectFrom('publisher_profiles as p')
    .leftJoin('offers as o', 'o.publisher_profile_id', 'p.id')
    .select(['p.id as profileId', 'p.name as profileName', 'o.id as offerId', 'o.name as offerName', 'o.listing_type as listingType', 'o.status', 'o.live_at as liveAt'])
    .where('p.mpn_id', '=', mpnId)
    .orderBy('p.name')
    .orderBy('o.name')
    .execute();
  const profiles = [...new Map(offers.map((row) => [row.profileId, { id: row.profileId, name: row.profileName }])).values()].map((profile) => ({
    ...profile,
    offers: offers
      .filter((row) => row.profileId === profile.id && row.offerId)
      .map((row) => ({ id: row.offerId!, name: row.offerName ?? '', listingType: row.listingType!, status: row.status!, liveAt: row.liveAt?.toISOString() ?? null })),
  }));
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  const sales = await sql<{ month: string; billed: string; excluded: string; lines: string }>`
    select to_char(date_trunc('month', s.billed_at at time zone 'UTC'), 'YYYY-MM') as month,
           coalesce(sum(s.amount_usd) filter (where s.status = 'billed'), 0)::text as billed,
           coalesce(sum(s.amount_usd) filter (where s.status <> 'billed'), 0)::text as excluded,
           count(*)::text as lines
      from billed_sales s
      join offers o on o.id = s.offer_id
      join publisher_profiles p on p.id = o.publisher_profile_id
     where p.mpn_id = ${mpnId} and s.billed_at >= ${since}
     group by 1 order by 1`.execute(db);
  const standing = await db
    .selectFrom('partner_eligibility as pe')
    .leftJoin('program_tiers as t', (join) => join.onRef('t.version', '=', 'pe.program_version').onRef('t.code', '=', 'pe.tier_code'))
    .select(['pe.tier_code as tierCode', 't.names as tierNames', 'pe.billed_sales_ttm_usd as billedTtmUsd', 'pe.computed_at as computedAt'])
    .where('pe.partner_account_id', '=', id)
    .executeTakeFirst();
  const entitlementRows = await db
    .selectFrom('entitlements as e')
    .innerJoin('program_benefits as b', (join) => join.onRef('b.version', '=', 'e.program_version').onRef('b.code', '=', 'e.benefit_code'))
    .select(['e.id', 'e.benefit_code as code', 'b.names', 'b.category', 'e.status', 'e.status_reason as reason', 'e.unlocked_at as unlockedAt', 'e.expires_at as expiresAt'])
    .where('e.partner_account_id', '=', id)
    .orderBy('b.category')
    .orderBy('e.benefit_code')
    .execute();
  const events = entitlementRows.length
    ? await db.selectFrom('entitlement_events').select(['entitlement_id as entitlementId', 'occurred_at as at', 'from_status as from', 'to_status as to', 'reason_code as reason']).where('entitlement_id', 'in', entitlementRows.map((row) => row.id)).orderBy('occurred_at').execute()
    : [];
  const contact = await db
    .selectFrom('marketing_contacts as c')
    .leftJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.email', 'c.phone', 'c.preferred_language as language', 'u.display_name as name', 'c.updated_at as updatedAt'])
    .where('c.partner_account_id', '=', id)
    .executeTakeFirst();
  const engagement = await db
    .selectFrom('work_engagement_managers as em')
    .innerJoin('operators as o', 'o.id', 'em.operator_id')
    .select(['o.id', 'o.display_name as name', 'o.disabled_at as disabledAt', 'em.assigned_at as namedAt'])
    .where('em.partner_account_id', '=', id)
    .executeTakeFirst();
  const activations = await db
    .selectFrom('activations as a')
    .innerJoin('entitlements as e', 'e.id', 'a.entitlement_id')
    .select(['a.id', 'e.benefit_code as benefitCode', 'a.activated_at as activatedAt', 'a.due_at as dueAt', 'a.status', 'a.contacted_at as contactedAt'])
    .where('a.partner_account_id', '=', id)
    .orderBy('a.activated_at', 'desc')
    .execute();
  const requests = await db
    .selectFrom('technical_requests')
    .select(['id', sql<string>`'TR-' || reference`.as('reference'), 'title', 'status', 'phase', 'created_at as createdAt'])
    .where('partner_account_id', '=', id)
    .orderBy('created_at', 'desc')
    .execute();
  const sponsorships = await db
    .selectFrom('sponsorships')
    .select(['id', 'benefit_code as benefitCode', 'amount_usd as amountUsd', 'remaining_usd as remainingUsd', 'status', 'expires_at as expiresAt', 'subscription_id as subscriptionId'])
    .where('partner_account_id', '=', id)
    .orderBy('unlocked_at')
    .execute();
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    account: { id, name: account.name, mpnId: account.mpnId, companyEmail: account.companyEmail, createdAt: account.createdAt.toISOString() },
    tenants: tenants.map((tenant) => ({ ...tenant, primary: tenant.id === account.primaryTenantId, associatedAt: iso(tenant.associatedAt) })),
    users,
    profiles,
    salesByMonth: sales.rows.map((row) => ({ month: row.month, billedUsd: row.billed, excludedUsd: row.excluded, lines: Number(row.lines) })),
    standing: standing
      ? { tierCode: standing.tierCode, tierName: standing.tierNames ? localized(standing.tierNames, locale) : null, billedTtmUsd: String(standing.billedTtmUsd), computedAt: standing.computedAt.toISOString() }
      : null,
    entitlements: entitlementRows.map((row) => ({
      id: row.id,
      code: row.code,
      name: localized(row.names, locale),
      category: row.category,
      status: row.status,
      reason: row.reason,
      unlockedAt: row.unlockedAt.toISOString(),
      expiresAt: iso(row.expiresAt),
      history: events.filter((event) => event.entitlementId === row.id).map((event) => ({ at: event.at.toISOString(), from: event.from, to: event.to, reason: event.reason })),
    })),
    marketingContact: contact ? { ...contact, updatedAt: contact.updatedAt.toISOString() } : null,
    engagementManager: engagement ? { id: engagement.id, name: engagement.name, active: engagement.disabledAt === null, namedAt: engagement.namedAt.toISOString() } : null,
    activations: activations.map((row) => ({ ...row, activatedAt: row.activatedAt.toISOString(), dueAt: row.dueAt.toISOString(), contactedAt: iso(row.contactedAt) })),
    technicalRequests: requests.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
    sponsorships: sponsorships.map((row) => ({ ...row, amountUsd: String(row.amountUsd), remainingUsd: String(row.remainingUsd), expiresAt: iso(row.expiresAt) })),
  };
}

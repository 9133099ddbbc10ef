import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { isLocale, type Locale } from '../../platform/i18n/i18n.ts';
import { AppError, forbidden, notFound, validationFailed, type FieldProblem } from '../../server/errors.ts';
import { canSeeRewards, type AccountMember } from '../accounts/accounts.policy.ts';
import type { RequestContext } from '../accounts/accounts.service.ts';
import { enqueueEmail } from '../notifications/outbox.ts';

/**
 * Sales and marketing benefits (the seed's steps 1-4): the marketing contact,
 * and activating a benefit, after which the Rewards team must contact the
 * marketing contact within a week.
 */
export const FOLLOW_UP_DAYS = 7;

export interface MarketingContactInput {
  userId: string;
  email: string;
  phone: string;
  preferredLanguage: string;
}

function rewardsAccount(member: AccountMember): string {
  if (member.partnerAccountId === null) throw new AppError('NO_PARTNER_ACCOUNT');
  if (!canSeeRewards(member)) throw forbidden('error.FORBIDDEN.rewards');
  return member.partnerAccountId;
}

/** +31 20 123 4567, (+1) 425-555-0100 -> +31201234567, +14255550100; null when not a plausible E.164 number. */
export function normalizePhone(input: string): string | null {
  const compact = input.replace(/[\s\-().]/g, '');
  return /^\+[1-9]\d{6,14}$/.test(compact) ? compact : null;
}

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export async function getMarketingContact(db: Db, member: AccountMember) {
  const accountId = rewardsAccount(member);
  const row = await db
    .selectFrom('marketing_contacts as mc')
    .innerJoin('users as u', 'u.id', 'mc.user_id')
    .select(['mc.user_id as userId', 'u.display_name as displayName', 'mc.email', 'mc.phone', 'mc.preferred_language as preferredLanguage', 'mc.updated_at as updatedAt'])
    .where('mc.partner_account_id', '=', accountId)
    .executeTakeFirst();
  return row ? { ...row, updatedAt: row.updatedAt.toISOString() } : null;
}

export async function listContactCandidates(db: Db, member: AccountMember) {
  const accountId = rewardsAccount(member);
  return db
    .selectFrom('users')
    .innerJoin('tenants', 'tenants.id', 'users.tenant_id')
    .select(['users.id', 'users.display_name as displayName', 'users.email', 'users.username'])
    .where('tenants.partner_account_id', '=', accountId)
    .orderBy('users.display_name')
    .execute();
}

export async function assignMarketingContact(db: Db, member: AccountMember, input: MarketingContactInput, ctx: RequestContext) {
  const accountId = rewardsAccount(member);
  const account = await db.selectFrom('partner_accounts').select(['name', 'company_email']).where('id', '=', accountId).executeTakeFirstOrThrow();
  const fields: Record<string, FieldProblem> = {};
  const user = await db
    .selectFrom('users')
    .innerJoin('tenants', 'tenants.id', 'users.tenant_id')
    .select(['users.id', 'users.display_name as displayName'])
    .where('users.id', '=', input.userId)
    .where('tenants.partner_account_id', '=', accountId)
    .executeTakeFirst();
  if (!user) fields.userId = { code: 'USER_NOT_IN_ACCOUNT' };
  if (sameEmail(input.email, account.company_email)) fields.email = { code: 'EMAIL_MATCHES_COMPANY_ACCOUNT' };
  const phone = normalizePhone(input.phone);
  if (!phone) fields.phone = { code: 'PHONE_INVALID' };
  if (!isLocale(input.preferredLanguage)) fields.preferredLanguage = { code: 'LANGUAGE_UNSUPPORTED' };
  if (Object.keys(fields).length > 0) throw validationFailed(fields);
  const language = input.preferredLanguage as Locale;
  const email = input.email.trim();

  return db.transaction().execute(async (trx) => {
    const previous = await trx
      .selectFrom('marketing_contacts')
      .selectAll()
      .where('partner_account_id', '=', accountId)
      .forUpdate()
      .executeTakeFirst();
    const values = { user_id: user!.id, email, phone: phone!, preferred_language: language, updated_at: new Date(), updated_by: member.userId };
    await trx
      .insertInto('marketing_contacts')
      .values({ partner_account_id: accountId, ...values })
      .onConflict((oc) => oc.column('partner_account_id').doUpdateSet(values))
      .execute();
    const changed =
      !previous ||
      previous.user_id !== values.user_id ||
      !sameEmail(previous.email, email) ||
      previous.phone !== values.phone ||
      previous.preferred_language !== language;
    if (changed) {
      await enqueueEmail(trx, {
        template: 'contact-assigned',
        recipient: email,
        locale: language,
        values: { name: user!.displayName, account: account.name },
      });
      if (previous && !sameEmail(previous.email, email)) {
        await enqueueEmail(trx, {
          template: 'contact-replaced',
          recipient: previous.email,
          locale: previous.preferred_language,
          values: { account: account.name, name: user!.displayName },
        });
      }
      await recordAudit(trx, {
        actor: ctx.actor,
        action: previous ? 'marketing-contact.changed' : 'marketing-contact.assigned',
        partnerAccountId: accountId,
        subjectType: 'marketing-contact',
        subjectId: accountId,
        details: {
          before: previous ? { userId: previous.user_id, email: previous.email, phone: previous.phone, language: previous.preferred_language } : null,
          after: { userId: values.user_id, email, phone: values.phone, language },
        },
        requestId: ctx.requestId,
      });
    }
    return { userId: user!.id, displayName: user!.displayName, email, phone: phone!, preferredLanguage: language, updatedAt: values.updated_at.toISOString() };
  });
}

export interface ActivationView {
  id: string;
  benefitId: string;
  benefitCode: string;
  activatedAt: string;
  activatedBy: string | null;
  dueAt: string;
  contactEmail: string;
  status: 'open' | 'contacted';
  contactedAt: string | null;
}

const activationColumns = [
  'a.id',
  'a.entitlement_id as benefitId',
  'e.benefit_code as benefitCode',
  'a.activated_at as activatedAt',
  'a.activated_by as activatedBy',
  'a.due_at as dueAt',
  'a.contact_email as contactEmail',
  'a.status',
  'a.contacted_at as contactedAt',
] as const;

function toActivationView(row: {
  id: string;
  benefitId: string;
  benefitCode: string;
  activatedAt: Date;
  activatedBy: string | null;
  dueAt: Date;
  contactEmail: string;
  status: 'open' | 'contacted';
  contactedAt: Date | null;
}): ActivationView {
  return {
    ...row,
    activatedAt: row.activatedAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    contactedAt: row.contactedAt?.toISOString() ?? null,
  };
}

/**
 * Activates a benefit once. Concurrent requests (any number, any instance)
 * serialize on the entitlement's row lock: the first activates, writes the
 * follow-up clock and the email; the others find that activation and return it.
 */
export async function activateBenefit(
  db: Db,
  member: AccountMember,
  entitlementId: string,
  ctx: RequestContext,
  now: Date = new Date(),
): Promise<{ activation: ActivationView; created: boolean }> {
  const accountId = rewardsAccount(member);
  return db.transaction().execute(async (trx) => {
    const entitlement = await trx
      .selectFrom('entitlements as e')
      .innerJoin('program_benefits as b', (join) => join.onRef('b.version', '=', 'e.program_version').onRef('b.code', '=', 'e.benefit_code'))
      .select(['e.id', 'e.status', 'e.expires_at as expiresAt', 'b.category', 'b.names'])
      .where('e.id', '=', entitlementId)
      .where('e.partner_account_id', '=', accountId)
      .forUpdate('e')
      .executeTakeFirst();
    if (!entitlement) throw notFound();
    const existing = await trx
      .selectFrom('activations as a')
      .innerJoin('entitlements as e', 'e.id', 'a.entitlement_id')
      .select(activationColumns)
      .where('a.entitlement_id', '=', entitlementId)
      .executeTakeFirst();
    if (existing) return { activation: toActivationView(existing), created: false };
    const expired = entitlement.expiresAt !== null && entitlement.expiresAt <= now;
    if (entitlement.category !== 'sales-marketing' || entitlement.status !== 'available' || expired) {
      throw new AppError('BENEFIT_NOT_AVAILABLE', {
        messageId: entitlement.category !== 'sales-marketing' ? 'error.BENEFIT_NOT_AVAILABLE.category' : 'error.BENEFIT_NOT_AVAILABLE',
      });
    }
    const contact = await trx.selectFrom('marketing_contacts').selectAll().where('partner_account_id', '=', accountId).executeTakeFirst();
    if (!contact) throw new AppError('MARKETING_CONTACT_REQUIRED');
    const account = await trx.selectFrom('partner_accounts').select('name').where('id', '=', accountId).executeTakeFirstOrThrow();

    const dueAt = new Date(now.getTime() + FOLLOW_UP_DAYS * 86_400_000);
    const inserted = await trx
      .insertInto('activations')
      .values({
        entitlement_id: entitlementId,
        partner_account_id: accountId,
        activated_by: member.userId,
        activated_at: now,
        due_at: dueAt,
        contact_email: contact.email,
        contact_language: contact.preferred_language,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`
      with changed as (
        update entitlements set status = 'activated', status_reason = 'ACTIVATED', updated_at = ${now.toISOString()}::timestamptz
        where id = ${entitlementId} returning id)
      insert into entitlement_events (entitlement_id, occurred_at, from_status, to_status, reason_code)
      select id, ${now.toISOString()}::timestamptz, 'available', 'activated', 'ACTIVATED' from changed`.execute(trx);
    const benefitName = entitlement.names[contact.preferred_language] ?? entitlement.names['en-US'] ?? '';
    await enqueueEmail(trx, {
      template: 'benefit-activated',
      recipient: contact.email,
      locale: contact.preferred_language,
      values: { benefit: benefitName, account: account.name, due: dueAt },
    });
    await recordAudit(trx, {
      actor: ctx.actor,
      action: 'benefit.activated',
      partnerAccountId: accountId,
      subjectType: 'entitlement',
      subjectId: entitlementId,
      details: { activationId: inserted.id, dueAt: dueAt.toISOString() },
      requestId: ctx.requestId,
    });
    const created = await trx
      .selectFrom('activations as a')
      .innerJoin('entitlements as e', 'e.id', 'a.entitlement_id')
      .select(activationColumns)
      .where('a.id', '=', inserted.id)
      .executeTakeFirstOrThrow();
    return { activation: toActivationView(created), created: true };
  });
}

export async function listActivations(db: Db, member: AccountMember): Promise<ActivationView[]> {
  const accountId = rewardsAccount(member);
  const rows = await db
    .selectFrom('activations as a')
    .innerJoin('entitlements as e', 'e.id', 'a.entitlement_id')
    .select(activationColumns)
    .where('a.partner_account_id', '=', accountId)
    .orderBy('a.activated_at', 'desc')
    .execute();
  return rows.map(toActivationView);
}

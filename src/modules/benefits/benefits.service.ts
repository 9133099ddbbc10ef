import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { recentActions, recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { pageInMemory, readPage, type Keyset, type Page, type PageRequest } from '../../platform/db/pages.ts';
import { isLocale, type Locale } from '../../platform/i18n/i18n.ts';
import { AppError, forbidden, notFound, passedSchema, refuseFieldProblems, type FieldProblem, type SchemaProblems } from '../../platform/errors.ts';
import type { Member } from '../../platform/context.ts';
import type { RequestContext } from '../../platform/context.ts';
import { canSeeRewards } from '../accounts/accounts.policy.ts';
import { findPartnerAccount, findUserOfAccount, usersOfAccount } from '../accounts/accounts.service.ts';
import { isActivatable } from '../eligibility/eligibility.policy.ts';
import { benefitCodesOf, findEntitlement, transitionEntitlements } from '../eligibility/eligibility.service.ts';
import { enqueueEmail, recentMailsTo } from '../notifications/notifications.service.ts';

/**
 * Sales and marketing benefits (the seed's steps 1-4): the marketing contact,
 * and activating a benefit, after which the Rewards team must contact the
 * marketing contact within a week.
 */
export const FOLLOW_UP_DAYS = 7;

/** Where the emails link to: the portal's public origin (PUBLIC_URL). */
export interface PortalLinks {
  portalUrl: string;
}

/** The page the marketing contact's and activation emails are about: the rewards page, on its sales and marketing tab. */
export const rewardsPageOf = (links: PortalLinks) => `${links.portalUrl}/rewards`;

export interface MarketingContactInput {
  userId: string;
  email: string;
  /** As typed: international (+31 20 123 4567), or national (020 123 4567) with phoneCountry. */
  phone: string;
  /** ISO 3166 country of a national number (NL); ignored when the number starts with +. */
  phoneCountry?: string | undefined;
  preferredLanguage: string;
}

function rewardsAccount(member: Member): string {
  if (member.partnerAccountId === null) throw new AppError('NO_PARTNER_ACCOUNT');
  if (!canSeeRewards(member)) throw forbidden('error.FORBIDDEN.rewards');
  return member.partnerAccountId;
}

/**
 * A phone number as typed, in E.164 (+31201234567), or null when it is not a valid number of its
 * country: libphonenumber's metadata knows each country's lengths and ranges, so a Dutch 06 number
 * typed with the US selected is refused rather than stored as +1 06... .
 */
export function normalizePhone(input: string, country?: string): string | null {
  const parsed = parsePhoneNumberFromString(input, { defaultCountry: isSupportedCountry(country ?? '') ? (country as CountryCode) : undefined });
  return parsed?.isValid() ? parsed.number : null;
}

/** How a stored E.164 number is shown, and the country it belongs to (for the dialog's country picker). */
export function describePhone(e164: string): { display: string; country: string | null } {
  const parsed = parsePhoneNumberFromString(e164);
  return { display: parsed?.formatInternational() ?? e164, country: parsed?.country ?? null };
}

const phoneFields = (e164: string) => {
  const { display, country } = describePhone(e164);
  return { phoneDisplay: display, phoneCountry: country };
};

/**
 * The rules of a contact person (the marketing contact; a technical request's contact, under `prefix`
 * `contact.`): a user of the account, a valid number in the country given, a language the portal
 * speaks. A field the schema refused (`schema`) is not read, and the phone is not judged without its
 * country; each problem goes into `fields`. What passed, or null for what did not (or was not read).
 */
export async function checkContactPerson(
  db: Db,
  accountId: string,
  input: Omit<MarketingContactInput, 'email'>,
  schema: SchemaProblems,
  fields: Record<string, FieldProblem>,
  prefix = '',
) {
  const valid = (field: keyof MarketingContactInput) => passedSchema(schema, `${prefix}${field}`);
  const user = valid('userId') ? ((await findUserOfAccount(db, accountId, input.userId)) ?? null) : null;
  if (valid('userId') && !user) fields[`${prefix}userId`] = { code: 'USER_NOT_IN_ACCOUNT' };
  const phoneReadable = valid('phone') && valid('phoneCountry');
  const phone = phoneReadable ? normalizePhone(input.phone, input.phoneCountry) : null;
  if (phoneReadable && !phone) fields[`${prefix}phone`] = { code: 'PHONE_INVALID' };
  const language = valid('preferredLanguage') && isLocale(input.preferredLanguage) ? input.preferredLanguage : null;
  if (valid('preferredLanguage') && !language) fields[`${prefix}preferredLanguage`] = { code: 'LANGUAGE_UNSUPPORTED' };
  return { user, phone, language };
}

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export async function getMarketingContact(db: Db, member: Member) {
  return marketingContactOfAccount(db, rewardsAccount(member));
}

/** The account's marketing contact (null until assigned): also the default technical contact and the sponsorship emails' recipient. */
export async function marketingContactOfAccount(db: Db, accountId: string) {
  const row = await db
    .selectFrom('marketing_contacts')
    .select(['user_id as userId', 'email', 'phone', 'preferred_language as preferredLanguage', 'updated_at as updatedAt'])
    .where('partner_account_id', '=', accountId)
    .executeTakeFirst();
  if (!row) return null;
  // The user's name as accounts has it now (the contact row keeps only the user's id). A user who was
  // removed, or left with their tenant's association, leaves the contact waiting for reassignment.
  const user = row.userId === null ? undefined : await findUserOfAccount(db, accountId, row.userId);
  return {
    ...row,
    userId: user ? row.userId : null,
    ...phoneFields(row.phone),
    displayName: user?.displayName ?? '',
    needsReassignment: user === undefined,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Candidates by display name as people read it (not byte order), then the unique user name: a page at a time. */
const CANDIDATES: Keyset = { list: 'contact-candidates', keys: [{ column: 'display_name', direction: 'asc', type: 'text' }, { column: 'username', direction: 'asc', type: 'text' }] };
const byNameThenUsername = (a: string[], b: string[]) => a[0]!.localeCompare(b[0]!) || (a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0);

export async function listContactCandidates(db: Db, member: Member, page: PageRequest) {
  const accountId = rewardsAccount(member);
  const users = await usersOfAccount(db, accountId);
  const candidates = users
    .map((user) => ({ id: user.id, displayName: user.displayName, email: user.email, username: user.username, locale: user.locale }))
    .sort((a, b) => byNameThenUsername([a.displayName, a.username], [b.displayName, b.username]));
  return pageInMemory(CANDIDATES, candidates, page, (user) => [user.displayName, user.username], byNameThenUsername);
}

/** How often an account may change its contact, and how many portal mails one address gets, per 24 hours. */
export interface ContactLimits {
  changesPerDay: number;
  mailsPerRecipientPerDay: number;
}

const DAY_MS = 86_400_000;

function limited(kind: 'contactChanges' | 'recipient', oldest: Date | null, now: Date, values: Record<string, string | number>) {
  const seconds = oldest ? Math.max(1, Math.ceil((oldest.getTime() + DAY_MS - now.getTime()) / 1000)) : 60;
  return new AppError('RATE_LIMITED', { messageId: `error.RATE_LIMITED.${kind}`, retryAfterSeconds: seconds, values: { ...values, minutes: Math.ceil(seconds / 60) } });
}

/**
 * Assign or change the marketing contact. Each change mails the new contact (and the one replaced),
 * so changes are limited per account and mails per recipient, each per 24 hours (429 with
 * Retry-After): otherwise any admin could loop this to send mail to any address. The mails name the
 * account and the user (by sign-in name, which nobody chooses freely) that made the change.
 *
 * Every field problem comes in one 422: the schema's (`schema`, platform/errors.ts bodyProblems) and
 * these rules' (a user of the account, not the company email, a valid phone, a supported language),
 * each judged only when the schema passed its field. With any problem nothing is stored or mailed.
 */
export async function assignMarketingContact(
  db: Db,
  member: Member,
  input: MarketingContactInput,
  ctx: RequestContext,
  limits: ContactLimits,
  links: PortalLinks,
  schema?: SchemaProblems,
) {
  const accountId = rewardsAccount(member);
  const account = await findPartnerAccount(db, accountId);
  if (!account) throw new AppError('NO_PARTNER_ACCOUNT');
  const fields: Record<string, FieldProblem> = { ...schema };
  const checked = await checkContactPerson(db, accountId, input, schema, fields);
  if (passedSchema(schema, 'email') && sameEmail(input.email, account.companyEmail)) fields.email = { code: 'EMAIL_MATCHES_COMPANY_ACCOUNT' };
  refuseFieldProblems(fields);
  const user = checked.user!;
  const phone = checked.phone!;
  const language: Locale = checked.language!;
  const email = input.email.trim();

  return db.transaction().execute(async (trx) => {
    const previous = await trx
      .selectFrom('marketing_contacts')
      .selectAll()
      .where('partner_account_id', '=', accountId)
      .forUpdate()
      .executeTakeFirst();
    const values = { user_id: user.id, email, phone, preferred_language: language, updated_at: ctx.now, updated_by: member.userId };
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
      const since = new Date(ctx.now.getTime() - DAY_MS);
      const changes = await recentActions(trx, accountId, ['marketing-contact.assigned', 'marketing-contact.changed'], since);
      if (changes.count >= limits.changesPerDay) throw limited('contactChanges', changes.oldest, ctx.now, { limit: limits.changesPerDay });
      for (const recipient of [email, ...(previous && !sameEmail(previous.email, email) ? [previous.email] : [])]) {
        const mails = await recentMailsTo(trx, recipient, since);
        if (mails.count >= limits.mailsPerRecipientPerDay) throw limited('recipient', mails.oldest, ctx.now, { limit: limits.mailsPerRecipientPerDay, email: recipient });
      }
      const actor = await findUserOfAccount(trx, accountId, member.userId);
      const sender = { account: account.name, mpnId: account.mpnId, changedBy: actor?.displayName ?? '', changedByUsername: actor?.username ?? '', link: rewardsPageOf(links) };
      await enqueueEmail(trx, {
        template: 'contact-assigned',
        recipient: email,
        recipientName: user.displayName,
        locale: language,
        values: { name: user.displayName, ...sender },
      });
      if (previous && !sameEmail(previous.email, email)) {
        // Greeted by their own name while they are still a user of the account (a removed one is greeted without).
        const replaced = previous.user_id === null ? undefined : await findUserOfAccount(trx, accountId, previous.user_id);
        const replacedName = replaced?.displayName ?? null;
        await enqueueEmail(trx, {
          template: 'contact-replaced',
          recipient: previous.email,
          recipientName: replacedName,
          locale: previous.preferred_language,
          values: { name: replacedName ?? '', newContact: user.displayName, ...sender },
        });
      }
      // The activations still waiting for the Rewards team follow the contact: the team calls the person
      // the partner named now, which is what the page and the contact-replaced email say. The contacted
      // ones keep whom they reached (history).
      await trx
        .updateTable('activations')
        .set({ contact_email: email, contact_language: language })
        .where('partner_account_id', '=', accountId)
        .where('status', '=', 'open')
        .execute();
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
    return {
      userId: user.id,
      displayName: user.displayName,
      email,
      needsReassignment: false,
      phone,
      ...phoneFields(phone),
      preferredLanguage: language,
      updatedAt: values.updated_at.toISOString(),
    };
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
  'id',
  'entitlement_id as benefitId',
  'activated_at as activatedAt',
  'activated_by as activatedBy',
  'due_at as dueAt',
  'contact_email as contactEmail',
  'status',
  'contacted_at as contactedAt',
] as const;

function toActivationView(row: {
  id: string;
  benefitId: string;
  activatedAt: Date;
  activatedBy: string | null;
  dueAt: Date;
  contactEmail: string;
  status: 'open' | 'contacted';
  contactedAt: Date | null;
}, benefitCode: string): ActivationView {
  return {
    ...row,
    benefitCode,
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
  member: Member,
  entitlementId: string,
  ctx: RequestContext,
  links: PortalLinks,
): Promise<{ activation: ActivationView; created: boolean }> {
  const accountId = rewardsAccount(member);
  const now = ctx.now;
  return db.transaction().execute(async (trx) => {
    const entitlement = await findEntitlement(trx, accountId, entitlementId, { lock: true });
    if (!entitlement) throw notFound();
    const existing = await trx.selectFrom('activations').select(activationColumns).where('entitlement_id', '=', entitlementId).executeTakeFirst();
    if (existing) return { activation: toActivationView(existing, entitlement.benefitCode), created: false };
    if (!isActivatable(entitlement, now)) {
      throw new AppError('BENEFIT_NOT_AVAILABLE', {
        messageId: entitlement.category !== 'sales-marketing' ? 'error.BENEFIT_NOT_AVAILABLE.category' : 'error.BENEFIT_NOT_AVAILABLE',
      });
    }
    const contact = await trx.selectFrom('marketing_contacts').selectAll().where('partner_account_id', '=', accountId).executeTakeFirst();
    if (!contact) throw new AppError('MARKETING_CONTACT_REQUIRED');
    // A contact whose user was removed, or left with their tenant, is nobody the Rewards team can follow up with.
    const contactUser = contact.user_id === null ? undefined : await findUserOfAccount(trx, accountId, contact.user_id);
    if (!contactUser) {
      throw new AppError('MARKETING_CONTACT_REQUIRED', { messageId: 'error.MARKETING_CONTACT_REQUIRED.reassign' });
    }
    const account = await findPartnerAccount(trx, accountId);
    if (!account) throw new AppError('NO_PARTNER_ACCOUNT');

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
    await transitionEntitlements(trx, [{ id: entitlementId, to: 'activated', reason: 'ACTIVATED' }], now);
    const benefitName = entitlement.names[contact.preferred_language] ?? entitlement.names['en-US'] ?? '';
    await enqueueEmail(trx, {
      template: 'benefit-activated',
      recipient: contact.email,
      recipientName: contactUser.displayName,
      locale: contact.preferred_language,
      values: { name: contactUser.displayName, benefit: benefitName, account: account.name, due: dueAt, link: rewardsPageOf(links) },
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
    const created = await trx.selectFrom('activations').select(activationColumns).where('id', '=', inserted.id).executeTakeFirstOrThrow();
    return { activation: toActivationView(created, entitlement.benefitCode), created: true };
  });
}

/** The account's activations, newest first. */
const ACTIVATIONS: Keyset = {
  list: 'activations',
  keys: [
    { column: 'activated_at', direction: 'desc', type: 'timestamptz' },
    { column: 'id', direction: 'desc', type: 'uuid' },
  ],
};

export async function listActivations(db: Db, member: Member, request: PageRequest): Promise<Page<ActivationView>> {
  const accountId = rewardsAccount(member);
  const page = await readPage(ACTIVATIONS, request, db.selectFrom('activations').select(activationColumns).where('partner_account_id', '=', accountId));
  const codes = await benefitCodesOf(db, page.items.map((row) => row.benefitId));
  return { items: page.items.map((row) => toActivationView(row, codes.get(row.benefitId) ?? '')), nextCursor: page.nextCursor };
}

import type { Db } from '../../platform/db/database.ts';
import { passedSchema, type FieldProblem, type SchemaProblems } from '../../platform/errors.ts';
import { t, type Locale } from '../../platform/i18n/i18n.ts';
import type { TechnicalPhase } from '../../platform/values.ts';
import { checkContactPerson, marketingContactOfAccount } from '../benefits/benefits.service.ts';
import type { entitlementsOfCategory } from '../eligibility/eligibility.service.ts';

/** The rules a request's own input meets beyond its schema (technical-requests.service.ts): its contact, time zone and benefit. */

export interface ContactInput {
  userId: string;
  email: string;
  phone: string;
  phoneCountry?: string | undefined;
  preferredLanguage: string;
}

export { isTimeZone } from '../../platform/i18n/time-zones.ts';

/**
 * The request's technical contact: the one given (a user of the account, a valid phone, a supported
 * language: benefits' rules for a contact person, under `contact.`), else the marketing contact. Of a
 * contact the schema refused in part, only the parts it passed are judged (none when the contact is
 * not an object); null when anything is wrong with it.
 */
export async function resolveContact(db: Db, accountId: string, given: ContactInput | undefined, fields: Record<string, FieldProblem>, schema?: SchemaProblems) {
  if (given === undefined) {
    const contact = await getMarketingContactOf(db, accountId);
    if (!contact) {
      fields.contact = { code: 'FIELD_REQUIRED' };
      return null;
    }
    return contact;
  }
  const { user, phone, language } = await checkContactPerson(db, accountId, given, schema, fields, 'contact.');
  if (!passedSchema(schema, 'contact') || !user || !phone || !language) return null;
  return { userId: user.id, name: user.displayName, email: given.email.trim(), phone, language };
}

/** The marketing contact as a technical contact (the default), when one is assigned and still in the account. */
async function getMarketingContactOf(db: Db, accountId: string) {
  const contact = await marketingContactOfAccount(db, accountId);
  if (!contact || contact.needsReassignment || contact.userId === null) return null;
  return { userId: contact.userId, name: contact.displayName, email: contact.email, phone: contact.phone, language: contact.preferredLanguage };
}

export type TechnicalEntitlement = Awaited<ReturnType<typeof entitlementsOfCategory>>[number];
export const coversPhase = (benefit: TechnicalEntitlement, phase: TechnicalPhase) => benefit.phases === null || benefit.phases.includes(phase);

/** What is wrong with drawing on the benefit asked for (`benefitId`): none there, or not for the request's phase (when that is known). */
export function benefitProblem(benefit: TechnicalEntitlement | undefined, phase: TechnicalPhase | null, locale: Locale): FieldProblem | null {
  if (!benefit) return { code: 'BENEFIT_UNKNOWN' };
  if (phase === null || coversPhase(benefit, phase)) return null;
  return { code: 'PHASE_NOT_COVERED', values: { phases: benefit.phases!.map((p) => t(locale, `technical.phase.${p}`)).join(', ') } };
}

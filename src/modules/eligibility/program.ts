import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { Type, type Static } from 'typebox';
import { Errors } from 'typebox/value';
import YAML from 'yaml';
import type { Db } from '../../platform/db/database.ts';
import { LOCALES } from '../../../locales/locales.ts';
import { Money } from '../../platform/http/schemas.ts';
import { projectRoot } from '../../platform/paths.ts';
import { BENEFIT_CATEGORIES, LISTING_TYPES, TECHNICAL_PHASES } from '../../platform/values.ts';

/**
 * The program definition as data: tiers by trailing-twelve-months billed
 * sales, and the benefit catalog. Each load that changes it makes a new
 * version; entitlements record the version that granted them.
 */
const Localized = Type.Object(Object.fromEntries(LOCALES.map((locale) => [locale, Type.String({ minLength: 1, maxLength: 2000 })])), {
  additionalProperties: false,
});
const Code = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$' });

/**
 * How sponsorships are handled: the billing types a credit may be provisioned on (and why the others
 * are refused), and when the partner is warned that a credit runs low or is about to expire.
 */
const SponsorshipRules = Type.Object(
  {
    billingTypes: Type.Array(
      Type.Object(
        {
          code: Code,
          names: Localized,
          allowed: Type.Boolean(),
          /** Why a billing type is refused, in each language (required when allowed is false). */
          refusals: Type.Optional(Localized),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 20 },
    ),
    /** A warning when what remains of a credit falls to this share of its amount, or below. */
    lowBalancePercent: Type.Integer({ minimum: 1, maximum: 99 }),
    /** A warning this many days before a credit expires. */
    expiryWarningDays: Type.Integer({ minimum: 1, maximum: 365 }),
  },
  { additionalProperties: false },
);
export type SponsorshipRules = Static<typeof SponsorshipRules>;

/** The rules of definitions that have none (loaded before issue #12). */
export const DEFAULT_SPONSORSHIP_RULES: SponsorshipRules = {
  billingTypes: [
    { code: 'pay-as-you-go', names: { 'en-US': 'Pay-as-you-go', 'nl-NL': 'Betalen per gebruik' }, allowed: true },
    { code: 'enterprise-agreement', names: { 'en-US': 'Enterprise Agreement', 'nl-NL': 'Enterprise Agreement' }, allowed: true },
  ],
  lowBalancePercent: 20,
  expiryWarningDays: 30,
};

export const ProgramDefinition = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    notes: Type.Optional(Type.String({ maxLength: 4000 })),
    tiers: Type.Array(
      Type.Object({ code: Code, minBilledSalesUsd: Money, names: Localized }, { additionalProperties: false }),
      { minItems: 1, maxItems: 50 },
    ),
    sponsorships: Type.Optional(SponsorshipRules),
    benefits: Type.Array(
      Type.Object(
        {
          code: Code,
          category: Type.Enum([...BENEFIT_CATEGORIES]),
          unlock: Type.Union([
            // Transact offers unlock nothing by being published: their sales count towards the tiers.
            Type.Object({ listingType: Type.Enum(LISTING_TYPES.filter((type) => type !== 'transact')) }, { additionalProperties: false }),
            Type.Object({ tier: Code }, { additionalProperties: false }),
          ]),
          recurrence: Type.Enum(['one-time', 'evergreen']),
          validityMonths: Type.Optional(Type.Integer({ minimum: 1, maximum: 120 })),
          quantities: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
          /** A technical benefit's phases (default: every phase); a request in another phase does not draw on it. */
          phases: Type.Optional(Type.Array(Type.Enum([...TECHNICAL_PHASES]), { minItems: 1, uniqueItems: true })),
          names: Localized,
          descriptions: Localized,
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);
export type ProgramDefinition = Static<typeof ProgramDefinition>;

export const DEFAULT_PROGRAM_PATH = path.join(projectRoot, 'program', 'default-program.json');

export class ProgramDefinitionError extends Error {
  constructor(readonly problems: string[]) {
    super(`The program definition is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ProgramDefinitionError';
  }
}

/** Structural and cross-reference checks, every problem named by its path. */
export function validateProgram(value: unknown): ProgramDefinition {
  const structural = Errors(ProgramDefinition, value).map((error) => `${error.instancePath || '/'}: ${error.message}`);
  if (structural.length > 0) throw new ProgramDefinitionError(structural);
  const program = value as ProgramDefinition;
  const problems: string[] = [];
  const tierCodes = new Set<string>();
  const thresholds = new Set<string>();
  program.tiers.forEach((tier, i) => {
    if (tierCodes.has(tier.code)) problems.push(`/tiers/${i}/code: "${tier.code}" is used twice`);
    tierCodes.add(tier.code);
    const normalized = Number(tier.minBilledSalesUsd).toFixed(2);
    if (thresholds.has(normalized)) problems.push(`/tiers/${i}/minBilledSalesUsd: two tiers start at ${normalized}`);
    thresholds.add(normalized);
  });
  const benefitCodes = new Set<string>();
  program.benefits.forEach((benefit, i) => {
    if (benefitCodes.has(benefit.code)) problems.push(`/benefits/${i}/code: "${benefit.code}" is used twice`);
    benefitCodes.add(benefit.code);
    if ('tier' in benefit.unlock && !tierCodes.has(benefit.unlock.tier)) {
      problems.push(`/benefits/${i}/unlock/tier: no tier has the code "${benefit.unlock.tier}"`);
    }
    if ('listingType' in benefit.unlock && benefit.recurrence !== 'one-time') {
      problems.push(`/benefits/${i}/recurrence: benefits unlocked by publishing an offer are one-time`);
    }
    if (benefit.phases && benefit.category !== 'technical') problems.push(`/benefits/${i}/phases: only technical benefits have phases`);
    problems.push(...quantityProblems(benefit.category, benefit.quantities ?? {}).map((problem) => `/benefits/${i}/quantities: ${problem}`));
  });
  program.sponsorships?.billingTypes.forEach((type, i) => {
    if (!type.allowed && !type.refusals) problems.push(`/sponsorships/billingTypes/${i}/refusals: a billing type that is not allowed needs the reason, in each language`);
  });
  if (problems.length > 0) throw new ProgramDefinitionError(problems);
  return program;
}

const isPositiveNumber = (value: unknown) => (typeof value === 'number' || (typeof value === 'string' && /^[0-9]+(\.[0-9]+)?$/.test(value))) && Number(value) > 0;

/**
 * What a benefit of each category must say about its size: a technical benefit its requests, or its
 * hours and the hours one request reserves; a sponsorship its amount and term.
 */
function quantityProblems(category: string, quantities: Record<string, string | number>): string[] {
  if (category === 'technical') {
    if ('requests' in quantities) return Number.isInteger(Number(quantities.requests)) && Number(quantities.requests) > 0 ? [] : ['requests must be a whole number above 0'];
    if (!isPositiveNumber(quantities.hours) || !isPositiveNumber(quantities.hoursPerRequest)) {
      return ['a technical benefit needs "requests", or "hours" and "hoursPerRequest" (numbers above 0)'];
    }
    return Number(quantities.hoursPerRequest) > Number(quantities.hours) ? ['hoursPerRequest cannot be more than hours'] : [];
  }
  if (category === 'sponsorship') {
    const problems: string[] = [];
    if (typeof quantities.amountUsd !== 'string' || !/^[0-9]{1,9}(\.[0-9]{1,2})?$/.test(quantities.amountUsd) || Number(quantities.amountUsd) <= 0) {
      problems.push('a sponsorship needs "amountUsd", a decimal string such as "5000"');
    }
    if (!Number.isInteger(quantities.termMonths) || Number(quantities.termMonths) < 1 || Number(quantities.termMonths) > 120) {
      problems.push('a sponsorship needs "termMonths", a whole number from 1 to 120');
    }
    return problems;
  }
  return [];
}

/** The sponsorship rules of a program version (the defaults for a definition that has none). */
export async function sponsorshipRules(db: Db, version?: number): Promise<SponsorshipRules> {
  const row = await db
    .selectFrom('program_versions')
    .select(sql<SponsorshipRules | null>`definition -> 'sponsorships'`.as('rules'))
    .$if(version === undefined, (query) => query.orderBy('version', 'desc').limit(1))
    .$if(version !== undefined, (query) => query.where('version', '=', version!))
    .executeTakeFirst();
  return row?.rules ?? DEFAULT_SPONSORSHIP_RULES;
}

export function parseProgramFile(file: string): ProgramDefinition {
  const text = fs.readFileSync(file, 'utf8');
  let parsed: unknown;
  try {
    parsed = /\.ya?ml$/i.test(file) ? YAML.parse(text) : JSON.parse(text);
  } catch (error) {
    throw new ProgramDefinitionError([`${path.basename(file)} could not be read: ${(error as Error).message}`]);
  }
  return validateProgram(parsed);
}

export async function currentProgramVersion(db: Db): Promise<number | null> {
  const row = await db.selectFrom('program_versions').select(sql<number>`max(version)`.as('version')).executeTakeFirst();
  return row?.version ?? null;
}

/**
 * Stores a definition as a new version, unless it equals the current one.
 * Returns the version in force and whether it is new.
 */
export async function loadProgram(db: Db, program: ProgramDefinition): Promise<{ version: number; created: boolean }> {
  const definition = JSON.stringify(program);
  const checksum = createHash('sha256').update(definition).digest('hex');
  const work = async (trx: Db) => {
    await sql`select pg_advisory_xact_lock(727201)`.execute(trx);
    const current = await currentProgramVersion(trx);
    if (current !== null) {
      const existing = await trx.selectFrom('program_versions').select('checksum').where('version', '=', current).executeTakeFirstOrThrow();
      if (existing.checksum === checksum) return { version: current, created: false };
    }
    const version = (current ?? 0) + 1;
    await trx
      .insertInto('program_versions')
      .values({ version, name: program.name, checksum, definition })
      .execute();
    await trx
      .insertInto('program_tiers')
      .values(program.tiers.map((tier) => ({ version, code: tier.code, min_billed_sales_usd: tier.minBilledSalesUsd, names: JSON.stringify(tier.names) })))
      .execute();
    await trx
      .insertInto('program_benefits')
      .values(
        program.benefits.map((benefit) => ({
          version,
          code: benefit.code,
          category: benefit.category,
          names: JSON.stringify(benefit.names),
          descriptions: JSON.stringify(benefit.descriptions),
          unlock_listing_type: 'listingType' in benefit.unlock ? benefit.unlock.listingType : null,
          unlock_tier: 'tier' in benefit.unlock ? benefit.unlock.tier : null,
          recurrence: benefit.recurrence,
          validity_months: benefit.validityMonths ?? null,
          quantities: JSON.stringify(benefit.quantities ?? {}),
          phases: benefit.phases ? [...benefit.phases] : null,
        })),
      )
      .execute();
    return { version, created: true };
  };
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/** The bundled default, loaded when no program has been loaded yet. */
export async function ensureProgram(db: Db): Promise<number> {
  const current = await currentProgramVersion(db);
  if (current !== null) return current;
  return (await loadProgram(db, parseProgramFile(DEFAULT_PROGRAM_PATH))).version;
}

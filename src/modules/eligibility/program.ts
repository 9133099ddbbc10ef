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
import { isBadText } from '../../platform/http/input-characters.ts';
import { AppError, SCHEMA_KEYWORD_CODES, type FieldCode, type FieldProblem } from '../../platform/errors.ts';

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

/**
 * One thing wrong with a definition: where (a JSON pointer), a stable field code with its values for
 * the localized message (the console's), and the English sentence the CLI prints.
 */
export interface ProgramProblem {
  path: string;
  code: FieldCode;
  values?: Record<string, string | number>;
  text: string;
}

export class ProgramDefinitionError extends Error {
  constructor(readonly details: ProgramProblem[]) {
    super(`The program definition is not valid:\n${details.map((p) => `  - ${p.path || '/'}: ${p.text}`).join('\n')}`);
    this.name = 'ProgramDefinitionError';
  }

  /** Each problem as the CLI says it: `path: sentence`. */
  get problems(): string[] {
    return this.details.map((p) => `${p.path || '/'}: ${p.text}`);
  }

  /** The problems as field problems keyed by their path (the first one per path), for an API answer. */
  get fields(): Record<string, FieldProblem> {
    const fields: Record<string, FieldProblem> = {};
    for (const p of this.details) fields[p.path || '/'] ??= { code: p.code, ...(p.values ? { values: p.values } : {}) };
    return fields;
  }
}

/**
 * The schema's problems, one per path: an alternative's own (inside `anyOf`) are left to the
 * alternative's verdict, which says the value matches none of them.
 */
function structuralProblems(value: unknown): ProgramProblem[] {
  const problems: ProgramProblem[] = [];
  for (const error of Errors(ProgramDefinition, value)) {
    if (/\/anyOf\/\d+/.test(error.schemaPath)) continue;
    const params = error.params as Record<string, unknown>;
    if (error.keyword === 'additionalProperties') continue; // each unknown property is its own `boolean` error
    if (error.keyword === 'required') {
      for (const name of (params.requiredProperties as string[] | undefined) ?? []) {
        problems.push({ path: `${error.instancePath}/${name}`, code: 'FIELD_REQUIRED', text: 'is required' });
      }
      continue;
    }
    const unknown = error.keyword === 'boolean' && error.schemaPath.endsWith('/additionalProperties');
    const code: FieldCode = unknown ? 'FIELD_UNKNOWN' : (SCHEMA_KEYWORD_CODES[error.keyword] ?? 'INVALID');
    const limit = typeof params.limit === 'number' ? { values: { limit: params.limit } } : {};
    problems.push({ path: error.instancePath, code, ...limit, text: unknown ? 'is not a known property' : error.message });
  }
  return problems;
}

/**
 * Every string of the definition (keys too) the database cannot hold as it is (a NUL, a lone surrogate,
 * written as escapes in the file), by path: refused here rather than failing the load's insert.
 */
function textProblems(value: unknown, path = ''): ProgramProblem[] {
  if (typeof value === 'string') return isBadText(value) ? [{ path, code: 'CHARACTERS_INVALID', text: 'holds a NUL character or invalid Unicode' }] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const at = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    return isBadText(key) ? [{ path: at, code: 'CHARACTERS_INVALID' as const, text: 'holds a NUL character or invalid Unicode' }] : textProblems(item, at);
  });
}

/** Structural and cross-reference checks, every problem named by its path. */
export function validateProgram(value: unknown): ProgramDefinition {
  const structural = [...structuralProblems(value), ...textProblems(value)];
  if (structural.length > 0) throw new ProgramDefinitionError(structural);
  const program = value as ProgramDefinition;
  const problems: ProgramProblem[] = [];
  const problem = (path: string, code: FieldCode, text: string, values?: Record<string, string | number>) =>
    problems.push({ path, code, text, ...(values ? { values } : {}) });
  const tierCodes = new Set<string>();
  const thresholds = new Set<string>();
  program.tiers.forEach((tier, i) => {
    if (tierCodes.has(tier.code)) problem(`/tiers/${i}/code`, 'CODE_USED_TWICE', `"${tier.code}" is used twice`, { value: tier.code });
    tierCodes.add(tier.code);
    const normalized = Number(tier.minBilledSalesUsd).toFixed(2);
    if (thresholds.has(normalized)) problem(`/tiers/${i}/minBilledSalesUsd`, 'THRESHOLD_USED_TWICE', `two tiers start at ${normalized}`, { value: normalized });
    thresholds.add(normalized);
  });
  const benefitCodes = new Set<string>();
  program.benefits.forEach((benefit, i) => {
    if (benefitCodes.has(benefit.code)) problem(`/benefits/${i}/code`, 'CODE_USED_TWICE', `"${benefit.code}" is used twice`, { value: benefit.code });
    benefitCodes.add(benefit.code);
    if ('tier' in benefit.unlock && !tierCodes.has(benefit.unlock.tier)) {
      problem(`/benefits/${i}/unlock/tier`, 'TIER_UNKNOWN', `no tier has the code "${benefit.unlock.tier}"`, { value: benefit.unlock.tier });
    }
    if ('listingType' in benefit.unlock && benefit.recurrence !== 'one-time') {
      problem(`/benefits/${i}/recurrence`, 'ONE_TIME_ONLY', 'benefits unlocked by publishing an offer are one-time');
    }
    if (benefit.phases && benefit.category !== 'technical') problem(`/benefits/${i}/phases`, 'PHASES_TECHNICAL_ONLY', 'only technical benefits have phases');
    for (const [code, text] of quantityProblems(benefit.category, benefit.quantities ?? {})) problem(`/benefits/${i}/quantities`, code, text);
  });
  program.sponsorships?.billingTypes.forEach((type, i) => {
    if (!type.allowed && !type.refusals) {
      problem(`/sponsorships/billingTypes/${i}/refusals`, 'REFUSAL_REQUIRED', 'a billing type that is not allowed needs the reason, in each language');
    }
  });
  if (problems.length > 0) throw new ProgramDefinitionError(problems);
  return program;
}

/** Hours as the requests' `numeric(8,2)` holds them: above 0, at most two decimals, at most 999,999.99. */
const isHours = (value: unknown) =>
  (typeof value === 'number' || typeof value === 'string') && /^[0-9]{1,6}(\.[0-9]{1,2})?$/.test(String(value)) && Number(value) > 0;
/** The most requests one technical benefit may hold. */
const MAX_REQUESTS = 10_000;

/**
 * What a benefit of each category must say about its size: a technical benefit its requests, or its
 * hours and the hours one request reserves; a sponsorship its amount and term.
 */
function quantityProblems(category: string, quantities: Record<string, string | number>): [FieldCode, string][] {
  if (category === 'technical') {
    if ('requests' in quantities) {
      const requests = Number(quantities.requests);
      return /^[0-9]+$/.test(String(quantities.requests)) && requests > 0 && requests <= MAX_REQUESTS ? [] : [['REQUESTS_INVALID', `requests must be a whole number from 1 to ${MAX_REQUESTS}`]];
    }
    if (!isHours(quantities.hours) || !isHours(quantities.hoursPerRequest)) {
      return [['TECHNICAL_QUANTITIES_REQUIRED', 'a technical benefit needs "requests", or "hours" and "hoursPerRequest" (numbers above 0 with at most two decimals, up to 999999.99)']];
    }
    return Number(quantities.hoursPerRequest) > Number(quantities.hours) ? [['HOURS_PER_REQUEST_TOO_LARGE', 'hoursPerRequest cannot be more than hours']] : [];
  }
  if (category === 'sponsorship') {
    const problems: [FieldCode, string][] = [];
    if (typeof quantities.amountUsd !== 'string' || !/^[0-9]{1,9}(\.[0-9]{1,2})?$/.test(quantities.amountUsd) || Number(quantities.amountUsd) <= 0) {
      problems.push(['SPONSORSHIP_AMOUNT_INVALID', 'a sponsorship needs "amountUsd", a decimal string such as "5000"']);
    }
    if (!Number.isInteger(quantities.termMonths) || Number(quantities.termMonths) < 1 || Number(quantities.termMonths) > 120) {
      problems.push(['SPONSORSHIP_TERM_INVALID', 'a sponsorship needs "termMonths", a whole number from 1 to 120']);
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

export type ProgramFormat = 'json' | 'yaml';

/** A definition's text, parsed as JSON or YAML and validated; a text that does not parse is a problem at `/`. */
export function parseProgram(text: string, format: ProgramFormat, name = 'The definition'): ProgramDefinition {
  let parsed: unknown;
  try {
    parsed = format === 'yaml' ? YAML.parse(text, { maxAliasCount: 100 }) : JSON.parse(text);
  } catch (error) {
    const detail = (error as Error).message.split('\n')[0]!.slice(0, 300);
    throw new ProgramDefinitionError([{ path: '', code: 'PROGRAM_UNREADABLE', values: { format: format.toUpperCase(), detail }, text: `${name} could not be read: ${detail}` }]);
  }
  return validateProgram(parsed);
}

export function parseProgramFile(file: string): ProgramDefinition {
  return parseProgram(fs.readFileSync(file, 'utf8'), /\.ya?ml$/i.test(file) ? 'yaml' : 'json', path.basename(file));
}

export async function currentProgramVersion(db: Db): Promise<number | null> {
  const row = await db.selectFrom('program_versions').select(sql<number>`max(version)`.as('version')).executeTakeFirst();
  return row?.version ?? null;
}

/**
 * Stores a definition as a new version, unless it equals the current one.
 * Returns the version in force and whether it is new.
 */
/** JSON with every object's keys sorted: the same definition, whatever its file's key order, reads the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A definition's checksum, over its canonical form (a version downloaded and loaded again is the same). */
export const programChecksum = (program: unknown) => createHash('sha256').update(canonicalJson(program)).digest('hex');

export async function loadProgram(
  db: Db,
  program: ProgramDefinition,
  options: {
    loadedBy?: string | null;
    /** The version the caller compared with (the console's preview): another one in force is REVISION_CONFLICT. */
    basedOnVersion?: number | null;
  } = {},
): Promise<{ version: number; created: boolean }> {
  const definition = JSON.stringify(program);
  const checksum = programChecksum(program);
  const work = async (trx: Db) => {
    await sql`select pg_advisory_xact_lock(727201)`.execute(trx);
    const current = await currentProgramVersion(trx);
    if (options.basedOnVersion !== undefined && current !== options.basedOnVersion) {
      throw new AppError('REVISION_CONFLICT', { conflict: { type: 'program', id: String(current ?? 0), revision: current ?? 0 } });
    }
    if (current !== null) {
      // Compared by content (versions stored before the checksum was canonical have another one).
      const existing = await trx.selectFrom('program_versions').select('definition').where('version', '=', current).executeTakeFirstOrThrow();
      if (programChecksum(existing.definition) === checksum) return { version: current, created: false };
    }
    const version = (current ?? 0) + 1;
    await trx
      .insertInto('program_versions')
      .values({ version, name: program.name, checksum, definition, loaded_by: options.loadedBy ?? null })
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

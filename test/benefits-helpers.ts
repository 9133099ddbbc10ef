import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.ts';
import { openDatabase, type Database, type Db } from '../src/platform/db/database.ts';
import type { Role } from '../src/platform/values.ts';
import { call, createPartner, ops, signIn, type PartnerFixture, type Session, type TestApp } from './helpers.ts';

/**
 * Fixtures for the sales-and-marketing-benefits tests: a partner whose live
 * trial offer unlocks one sales-marketing benefit (trial-campaign-assets) and
 * one technical benefit (trial-presales-consultation), both 'available'; and a
 * second app instance on the same PostgreSQL schema. The SMTP server and the
 * MIME reader of the delivery tests are in outbox-helpers.ts.
 */
export const DAY_MS = 86_400_000;
export const SALES_BENEFIT = 'trial-campaign-assets';
export const TECHNICAL_BENEFIT = 'trial-presales-consultation';

export interface SalesPartner extends PartnerFixture {
  /** Entitlement id of the sales-marketing benefit (available). */
  salesBenefitId: string;
  /** Entitlement id of the technical benefit (available, but not activatable here). */
  technicalBenefitId: string;
  companyEmail: string;
}

/** A partner account with a live trial offer, so it has an available sales-marketing entitlement. */
export async function createSalesPartner(t: TestApp, people: Record<string, Role[]> = { admin: ['mpn-partner-admin'] }): Promise<SalesPartner> {
  const p = await createPartner(t, people);
  const profile = `pp-${p.mpnId}`;
  const profileResponse = await ops(t, 'PUT', `/api/v1/ops/publisher-profiles/${profile}`, { name: 'Main', mpnId: p.mpnId });
  assert.equal(profileResponse.statusCode, 200, profileResponse.body);
  const offer = await ops(t, 'PUT', `/api/v1/ops/offers/o-trial-${p.mpnId}`, {
    publisherProfileId: profile,
    name: 'Trial offer',
    listingType: 'trial',
    status: 'live',
    liveAt: new Date(Date.now() - DAY_MS).toISOString(),
    delistedAt: null,
  });
  assert.equal(offer.statusCode, 200, offer.body);
  const rows = await t.database.db
    .selectFrom('entitlements')
    .select(['id', 'benefit_code', 'status'])
    .where('partner_account_id', '=', p.accountId)
    .execute();
  const sales = rows.find((r) => r.benefit_code === SALES_BENEFIT);
  const technical = rows.find((r) => r.benefit_code === TECHNICAL_BENEFIT);
  assert.ok(sales && technical, `expected both trial benefits, got ${JSON.stringify(rows)}`);
  assert.equal(sales.status, 'available');
  assert.equal(technical.status, 'available');
  return { ...p, salesBenefitId: sales.id, technicalBenefitId: technical.id, companyEmail: `office@${p.domain}` };
}

export interface ContactBody {
  userId: string;
  email: string;
  phone: string;
  preferredLanguage: string;
}

/** A valid marketing contact for the partner: its user `name`, a personal email, a Dutch phone number. */
export function contactBody(p: PartnerFixture, name: string, overrides: Partial<ContactBody> = {}): ContactBody {
  const user = p.users[name];
  assert.ok(user, `no user ${name}`);
  return { userId: user.id, email: `${name}.marketing@mail.${p.domain}`, phone: '+31 20 123 4567', preferredLanguage: 'en-US', ...overrides };
}

export function putContact(app: FastifyInstance, session: Session, body: unknown, headers: Record<string, string> = {}) {
  return call(app, session, 'PUT', CONTACT_URL, body, headers);
}

export function activate(app: FastifyInstance, session: Session, entitlementId: string, headers: Record<string, string> = {}) {
  return call(app, session, 'POST', `/api/v1/rewards/benefits/${entitlementId}/activation`, undefined, headers);
}

/** Signs in `name` and assigns a valid contact (200 asserted). */
export async function signInWithContact(t: TestApp, p: SalesPartner, name: string, overrides: Partial<ContactBody> = {}) {
  const user = p.users[name];
  assert.ok(user, `no user ${name}`);
  const session = await signIn(t.app, user.username);
  const response = await putContact(t.app, session, contactBody(p, name, overrides));
  assert.equal(response.statusCode, 200, response.body);
  return session;
}

export function outboxFor(db: Db, recipients: string[]) {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('recipient', 'in', recipients)
    .orderBy('created_at')
    .orderBy('kind')
    .execute();
}

export function auditFor(db: Db, accountId: string, actionPrefix: string) {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('partner_account_id', '=', accountId)
    .where('action', 'like', `${actionPrefix}%`)
    .orderBy('occurred_at')
    .execute();
}

/** The body of POST /api/v1/rewards/benefits/{id}/activation and the items of GET /api/v1/rewards/activations. */
export interface ActivationBody {
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

export const CONTACT_URL = '/api/v1/rewards/marketing-contact';

export async function entitlement(db: Db, id: string) {
  return db.selectFrom('entitlements').select(['status', 'status_reason', 'expires_at']).where('id', '=', id).executeTakeFirstOrThrow();
}

export async function entitlementEvents(db: Db, id: string) {
  return db.selectFrom('entitlement_events').selectAll().where('entitlement_id', '=', id).orderBy('occurred_at').execute();
}

export async function activationRows(db: Db, entitlementId: string) {
  return db.selectFrom('activations').selectAll().where('entitlement_id', '=', entitlementId).execute();
}

export async function contactRow(db: Db, accountId: string) {
  return db.selectFrom('marketing_contacts').selectAll().where('partner_account_id', '=', accountId).executeTakeFirst();
}

/** The schema a PostgreSQL test database was opened on (its search_path). */
export async function currentSchema(db: Db): Promise<string> {
  const result = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = result.rows[0]?.schema;
  assert.ok(schema && schema.startsWith('t_'), `expected a test schema, got ${schema}`);
  return schema;
}

/** A second Database on the same PostgreSQL schema as `t` (another instance's pool). Closing it leaves the schema. */
export async function openSameDatabase(t: TestApp, poolSize = 5): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  assert.ok(url && t.database.engine === 'postgres', 'a second instance needs PostgreSQL (TEST_DATABASE_URL)');
  return openDatabase({ engine: 'postgres', url, schema: await currentSchema(t.database.db), poolSize });
}

export interface SecondApp {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

/** Another app instance (its own pool) on the same schema as `t`, as a second server process would be. */
export async function startSecondApp(t: TestApp): Promise<SecondApp> {
  const database = await openSameDatabase(t);
  const app = await buildApp({ config: t.config, database, logger: false });
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** The ICU `{due, date, long}` rendering: "14 maart 2027", "March 14, 2027". */
export const longDate = (locale: string, date: Date) => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric' }).format(date);

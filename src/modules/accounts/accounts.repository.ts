import { sql } from 'kysely';
import type { SignedInUser } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { readPage, type Keyset, type Page, type PageRequest } from '../../platform/db/pages.ts';
import type { Role } from '../../platform/values.ts';
import type { Locale } from '../../../locales/locales.ts';

/** Queries over tenants, users and partner accounts. No rules here: the service decides. */

export interface TenantRow {
  id: string;
  domain: string;
  displayName: string;
  partnerAccountId: string | null;
  associatedAt: Date | null;
}

/** A user with their tenant's domain and account: the shape every request's principal carries (platform/context.ts). */
export type UserRow = SignedInUser;

/** A user as the account's admins manage them: also whether the account made them in their tenant. */
export type ManagedUserRow = UserRow & { createdByAccountId: string | null };

export interface PartnerAccountRow {
  id: string;
  name: string;
  mpnId: string;
  companyEmail: string;
  primaryTenantId: string;
}

const tenantColumns = [
  'tenants.id',
  'tenants.domain',
  'tenants.display_name as displayName',
  'tenants.partner_account_id as partnerAccountId',
  'tenants.associated_at as associatedAt',
] as const;

const userColumns = [
  'users.id',
  'users.tenant_id as tenantId',
  'tenants.domain as tenantDomain',
  'tenants.partner_account_id as partnerAccountId',
  'tenants.associated_at as tenantAssociatedAt',
  'users.username',
  'users.display_name as displayName',
  'users.email',
  'users.roles',
  'users.locale',
] as const;

const managedUserColumns = [...userColumns, 'users.created_by_account_id as createdByAccountId'] as const;

const partnerColumns = [
  'partner_accounts.id',
  'partner_accounts.name',
  'partner_accounts.mpn_id as mpnId',
  'partner_accounts.company_email as companyEmail',
  'partner_accounts.primary_tenant_id as primaryTenantId',
] as const;

/** The account's tenants in the order they were associated; its users by tenant, then user name (unique). */
const ACCOUNT_TENANTS: Keyset = {
  list: 'account-tenants',
  keys: [
    { column: 'tenants.associated_at', direction: 'asc', type: 'timestamptz' },
    { column: 'tenants.domain', direction: 'asc', type: 'text' },
  ],
};
const ACCOUNT_USERS: Keyset = {
  list: 'account-users',
  keys: [
    { column: 'tenants.domain', direction: 'asc', type: 'text' },
    { column: 'users.username', direction: 'asc', type: 'text' },
  ],
};

export const accountsRepository = {
  findTenantById(db: Db, id: string): Promise<TenantRow | undefined> {
    return db.selectFrom('tenants').select(tenantColumns).where('id', '=', id).executeTakeFirst();
  },

  findTenantByDomain(db: Db, domain: string): Promise<TenantRow | undefined> {
    return db.selectFrom('tenants').select(tenantColumns).where('domain', '=', domain).executeTakeFirst();
  },

  pageTenantsOfAccount(db: Db, partnerAccountId: string, page: PageRequest): Promise<Page<TenantRow>> {
    return readPage(ACCOUNT_TENANTS, page, db.selectFrom('tenants').select(tenantColumns).where('partner_account_id', '=', partnerAccountId));
  },

  insertTenant(db: Db, values: { domain: string; displayName: string }): Promise<TenantRow> {
    return db
      .insertInto('tenants')
      .values({ domain: values.domain, display_name: values.displayName })
      .returning(tenantColumns)
      .executeTakeFirstOrThrow();
  },

  /** Associates only a tenant that is still free; returns undefined when another got there first. */
  associateTenant(db: Db, tenantId: string, partnerAccountId: string, at: Date): Promise<TenantRow | undefined> {
    return db
      .updateTable('tenants')
      .set({ partner_account_id: partnerAccountId, associated_at: at })
      .where('id', '=', tenantId)
      .where('partner_account_id', 'is', null)
      .returning(tenantColumns)
      .executeTakeFirst();
  },

  async dissociateTenant(db: Db, tenantId: string, partnerAccountId: string): Promise<boolean> {
    const result = await db
      .updateTable('tenants')
      .set({ partner_account_id: null, associated_at: null })
      .where('id', '=', tenantId)
      .where('partner_account_id', '=', partnerAccountId)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  },

  /** Users that the account made in the tenant (not the tenant itself): they go with the association. */
  async deleteUsersCreatedBy(db: Db, tenantId: string, partnerAccountId: string): Promise<number> {
    const result = await db
      .deleteFrom('users')
      .where('tenant_id', '=', tenantId)
      .where('created_by_account_id', '=', partnerAccountId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },

  /** Every user's roles back to the tenant's own; the number of users whose roles changed. */
  async restoreOwnRoles(db: Db, tenantId: string): Promise<number> {
    const result = await db
      .updateTable('users')
      .set((eb) => ({ roles: eb.ref('own_roles'), updated_at: new Date() }))
      .where('tenant_id', '=', tenantId)
      .where((eb) => eb('roles', '<>', eb.ref('own_roles')))
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },

  findPartnerAccountById(db: Db, id: string): Promise<PartnerAccountRow | undefined> {
    return db.selectFrom('partner_accounts').select(partnerColumns).where('id', '=', id).executeTakeFirst();
  },

  findPartnerAccountsByIds(db: Db, ids: readonly string[]): Promise<PartnerAccountRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('partner_accounts').select(partnerColumns).where('id', 'in', [...new Set(ids)]).execute();
  },

  findPartnerAccountByMpnId(db: Db, mpnId: string): Promise<PartnerAccountRow | undefined> {
    return db.selectFrom('partner_accounts').select(partnerColumns).where('mpn_id', '=', mpnId).executeTakeFirst();
  },

  insertPartnerAccount(
    db: Db,
    values: { name: string; mpnId: string; companyEmail: string; primaryTenantId: string },
  ): Promise<PartnerAccountRow> {
    return db
      .insertInto('partner_accounts')
      .values({
        name: values.name,
        mpn_id: values.mpnId,
        company_email: values.companyEmail,
        primary_tenant_id: values.primaryTenantId,
      })
      .returning(partnerColumns)
      .executeTakeFirstOrThrow();
  },

  findUserById(db: Db, id: string): Promise<UserRow | undefined> {
    return db
      .selectFrom('users')
      .innerJoin('tenants', 'tenants.id', 'users.tenant_id')
      .select(userColumns)
      .where('users.id', '=', id)
      .executeTakeFirst();
  },

  /** The user and the password hash, for a credentials check only. */
  findUserForSignIn(db: Db, username: string): Promise<(UserRow & { passwordHash: string }) | undefined> {
    return db
      .selectFrom('users')
      .innerJoin('tenants', 'tenants.id', 'users.tenant_id')
      .select([...userColumns, 'users.password_hash as passwordHash'])
      .where('users.username', '=', username)
      .executeTakeFirst();
  },

  findManagedUserById(db: Db, id: string): Promise<ManagedUserRow | undefined> {
    return db
      .selectFrom('users')
      .innerJoin('tenants', 'tenants.id', 'users.tenant_id')
      .select(managedUserColumns)
      .where('users.id', '=', id)
      .executeTakeFirst();
  },

  pageUsersOfAccount(db: Db, partnerAccountId: string, page: PageRequest): Promise<Page<ManagedUserRow>> {
    return readPage(
      ACCOUNT_USERS,
      page,
      db.selectFrom('users').innerJoin('tenants', 'tenants.id', 'users.tenant_id').select(managedUserColumns).where('tenants.partner_account_id', '=', partnerAccountId),
    );
  },

  listUsersOfAccount(db: Db, partnerAccountId: string): Promise<ManagedUserRow[]> {
    return db
      .selectFrom('users')
      .innerJoin('tenants', 'tenants.id', 'users.tenant_id')
      .select(managedUserColumns)
      .where('tenants.partner_account_id', '=', partnerAccountId)
      .orderBy('tenants.domain')
      .orderBy('users.username')
      .execute();
  },

  /** A tenant's users by name whatever its case, then sign-in name (unique), at most `limit`. */
  listUsersOfTenant(db: Db, tenantId: string, limit: number): Promise<ManagedUserRow[]> {
    return db
      .selectFrom('users')
      .innerJoin('tenants', 'tenants.id', 'users.tenant_id')
      .select(managedUserColumns)
      .where('users.tenant_id', '=', tenantId)
      .orderBy(sql`lower(users.display_name)`)
      .orderBy('users.username')
      .limit(limit)
      .execute();
  },

  async countUsersOfTenant(db: Db, tenantId: string): Promise<number> {
    const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('count')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
    return Number(row.count);
  },

  async insertUser(
    db: Db,
    values: {
      tenantId: string;
      username: string;
      displayName: string;
      email: string;
      passwordHash: string;
      roles: Role[];
      /** What the tenant itself gave (defaults to roles); restored when its association ends. */
      ownRoles?: Role[];
      createdByAccountId?: string | null;
      locale?: Locale | null;
    },
  ): Promise<ManagedUserRow> {
    const { id } = await db
      .insertInto('users')
      .values({
        tenant_id: values.tenantId,
        username: values.username,
        display_name: values.displayName,
        email: values.email,
        password_hash: values.passwordHash,
        roles: values.roles,
        own_roles: values.ownRoles ?? values.roles,
        created_by_account_id: values.createdByAccountId ?? null,
        locale: values.locale ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return (await accountsRepository.findManagedUserById(db, id))!;
  },

  async updateUser(
    db: Db,
    id: string,
    values: { roles?: Role[]; ownRoles?: Role[]; displayName?: string; email?: string; passwordHash?: string; locale?: Locale | null },
  ): Promise<ManagedUserRow | undefined> {
    await db
      .updateTable('users')
      .set({
        ...(values.roles !== undefined ? { roles: values.roles } : {}),
        ...(values.ownRoles !== undefined ? { own_roles: values.ownRoles } : {}),
        ...(values.passwordHash !== undefined ? { password_hash: values.passwordHash } : {}),
        ...(values.displayName !== undefined ? { display_name: values.displayName } : {}),
        ...(values.email !== undefined ? { email: values.email } : {}),
        ...(values.locale !== undefined ? { locale: values.locale } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    return accountsRepository.findManagedUserById(db, id);
  },

  async deleteUser(db: Db, id: string): Promise<void> {
    await db.deleteFrom('users').where('id', '=', id).execute();
  },
};

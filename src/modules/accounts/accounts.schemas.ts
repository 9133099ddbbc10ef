import { Type, type Static } from 'typebox';
import { component, DateTime, DisplayName, Email, IdParams, LocaleSchema, MpnId, Password, RoleSchema, Uuid } from '../../platform/http/schemas.ts';
import { PATTERNS } from '../../platform/values.ts';
import type { Member, SignedInUser } from '../../platform/context.ts';
import { tenantAbilities, userAbilities } from './accounts.policy.ts';
import type { ManagedUserRow, PartnerAccountRow, TenantRow } from './accounts.repository.ts';
import type { TenantRemovalPreview } from './tenant-association.service.ts';

export const TenantDto = component(
  'Tenant',
  Type.Object({
    id: Uuid,
    domain: Type.String(),
    displayName: Type.String(),
    isPrimary: Type.Boolean(),
    associatedAt: Type.Union([DateTime, Type.Null()]),
    abilities: Type.Object(
      {
        remove: Type.Boolean(),
        addUser: Type.Boolean(),
        grantableRoles: Type.Array(RoleSchema, { description: "Roles the caller may give a user added to this tenant (Global admin only in the caller's own)" }),
      },
      { description: 'What the caller may do with this tenant' },
    ),
  }),
);

const userProperties = {
  id: Uuid,
  tenantId: Uuid,
  tenantDomain: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  email: Type.String(),
  roles: Type.Array(RoleSchema),
  locale: Type.Union([LocaleSchema, Type.Null()]),
};
export const UserDto = component('User', Type.Object(userProperties));

/** A user as an account admin sees them in the list: with what the caller may do with them. */
export const AccountUserDto = component(
  'AccountUser',
  Type.Object({
    ...userProperties,
    addedByAccount: Type.Boolean({
      description: "Made by this partner account in a tenant other than its admin's own: removed when that tenant's association ends",
    }),
    abilities: Type.Object(
      {
        update: Type.Boolean({ description: 'Change the name or email' }),
        changeRoles: Type.Boolean(),
        grantableRoles: Type.Array(RoleSchema, { description: 'Roles the caller may give this user' }),
        resetPassword: Type.Boolean({ description: 'Set a new password for this user (ends their sessions)' }),
        remove: Type.Boolean(),
      },
      { description: 'What the caller may do with this user' },
    ),
  }),
);

export const AccountAbilities = Type.Object(
  { addUser: Type.Boolean(), associateTenant: Type.Boolean(), grantableRoles: Type.Array(RoleSchema) },
  { description: 'What the caller may do on the account settings pages' },
);

/** What removing a tenant's association would do (GET .../removal), for the portal to ask first. */
export const TenantRemovalDto = Type.Object({
  tenant: TenantDto,
  userCount: Type.Integer({ minimum: 0, description: "How many users of the tenant lose access to the partner account and its program (every user of the tenant; their sessions end)" }),
  users: Type.Array(
    Type.Object({
      id: Uuid,
      displayName: Type.String(),
      username: Type.String(),
      addedByAccount: Type.Boolean({ description: 'Made by this partner account there: deleted with the association' }),
    }),
    { description: 'The first of them by name (at most 50; userCount counts them all)' },
  ),
  marketingContact: Type.Union(
    [Type.Object({ userId: Uuid, displayName: Type.String() }), Type.Null()],
    { description: "The account's marketing contact, when they are one of these users: the contact then waits for reassignment (no benefit can be activated until then)" },
  ),
});

export const PartnerAccountDto = component(
  'PartnerAccount',
  Type.Object({
    id: Uuid,
    name: Type.String(),
    mpnId: Type.String(),
    companyEmail: Type.String(),
    primaryTenantId: Uuid,
  }),
);

export const Roles = Type.Array(RoleSchema, { uniqueItems: true, maxItems: 5 });
export const Username = Type.String({
  minLength: 1,
  maxLength: 320,
  description: 'Sign-in name: name@tenant-domain (or only the name, within a known tenant)',
});
export const Domain = Type.String({
  minLength: 3,
  maxLength: 253,
  pattern: PATTERNS.domain,
});

export const NewUserBody = Type.Object(
  { username: Username, displayName: DisplayName, email: Email, password: Password, roles: Roles },
  { additionalProperties: false },
);
export const AddAccountUserBody = Type.Object(
  { tenantId: Uuid, username: Username, displayName: DisplayName, email: Email, password: Password, roles: Roles },
  { additionalProperties: false },
);
export const UpdateAccountUserBody = Type.Object(
  { roles: Type.Optional(Roles), displayName: Type.Optional(DisplayName), email: Type.Optional(Email) },
  { additionalProperties: false, minProperties: 1 },
);
export const ResetPasswordBody = Type.Object({ password: Password }, { additionalProperties: false });
export const AssociateTenantBody = Type.Object(
  { username: Username, password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export const CreateTenantBody = Type.Object({ domain: Domain, displayName: DisplayName }, { additionalProperties: false });
export const CreatePartnerAccountBody = Type.Object(
  { name: DisplayName, mpnId: MpnId, companyEmail: Email, primaryTenantId: Uuid },
  { additionalProperties: false },
);
export { IdParams };

export const toTenantDto = (member: Member, tenant: TenantRow, primaryTenantId: string | null): Static<typeof TenantDto> => ({
  id: tenant.id,
  domain: tenant.domain,
  displayName: tenant.displayName,
  isPrimary: tenant.id === primaryTenantId,
  associatedAt: tenant.associatedAt?.toISOString() ?? null,
  abilities: tenantAbilities(member, tenant, primaryTenantId),
});

export const toTenantRemovalDto = (member: Member, preview: TenantRemovalPreview): Static<typeof TenantRemovalDto> => ({
  tenant: toTenantDto(member, preview.tenant, preview.primaryTenantId),
  userCount: preview.userCount,
  users: preview.users.map((user) => ({ id: user.id, displayName: user.displayName, username: user.username, addedByAccount: user.createdByAccountId !== null })),
  marketingContact: preview.marketingContact,
});

export const toAccountUserDto = (member: Member, user: ManagedUserRow): Static<typeof AccountUserDto> => ({
  ...toUserDto(user),
  addedByAccount: user.createdByAccountId !== null,
  abilities: userAbilities(member, user),
});

export const toUserDto = (user: SignedInUser): Static<typeof UserDto> => ({
  id: user.id,
  tenantId: user.tenantId,
  tenantDomain: user.tenantDomain,
  username: user.username,
  displayName: user.displayName,
  email: user.email,
  roles: [...user.roles],
  locale: user.locale,
});

export const toPartnerAccountDto = (account: PartnerAccountRow): Static<typeof PartnerAccountDto> => ({
  id: account.id,
  name: account.name,
  mpnId: account.mpnId,
  companyEmail: account.companyEmail,
  primaryTenantId: account.primaryTenantId,
});

import { Type, type Static } from 'typebox';
import { DateTime, DisplayName, Email, LocaleSchema, Password, RoleSchema, Uuid } from '../../server/schemas.ts';
import type { PartnerAccountRow, TenantRow, UserRow } from './accounts.repository.ts';

export const TenantDto = Type.Object({
  id: Uuid,
  domain: Type.String(),
  displayName: Type.String(),
  isPrimary: Type.Boolean(),
  associatedAt: Type.Union([DateTime, Type.Null()]),
});

export const UserDto = Type.Object({
  id: Uuid,
  tenantId: Uuid,
  tenantDomain: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  email: Type.String(),
  roles: Type.Array(RoleSchema),
  locale: Type.Union([LocaleSchema, Type.Null()]),
});

export const PartnerAccountDto = Type.Object({
  id: Uuid,
  name: Type.String(),
  mpnId: Type.String(),
  companyEmail: Type.String(),
  primaryTenantId: Uuid,
});

export const Roles = Type.Array(RoleSchema, { uniqueItems: true, maxItems: 5 });
export const Username = Type.String({
  minLength: 1,
  maxLength: 320,
  description: 'Sign-in name: name@tenant-domain (or only the name, within a known tenant)',
});
export const Domain = Type.String({
  minLength: 3,
  maxLength: 253,
  pattern: '^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$',
});
export const MpnId = Type.String({ pattern: '^[0-9]{1,12}$', description: 'Digits only' });

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
export const AssociateTenantBody = Type.Object(
  { username: Username, password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export const CreateTenantBody = Type.Object({ domain: Domain, displayName: DisplayName }, { additionalProperties: false });
export const CreatePartnerAccountBody = Type.Object(
  { name: DisplayName, mpnId: MpnId, companyEmail: Email, primaryTenantId: Uuid },
  { additionalProperties: false },
);
export const IdParams = Type.Object({ id: Uuid });

export const toTenantDto = (tenant: TenantRow, primaryTenantId: string | null): Static<typeof TenantDto> => ({
  id: tenant.id,
  domain: tenant.domain,
  displayName: tenant.displayName,
  isPrimary: tenant.id === primaryTenantId,
  associatedAt: tenant.associatedAt?.toISOString() ?? null,
});

export const toUserDto = (user: UserRow): Static<typeof UserDto> => ({
  id: user.id,
  tenantId: user.tenantId,
  tenantDomain: user.tenantDomain,
  username: user.username,
  displayName: user.displayName,
  email: user.email,
  roles: user.roles,
  locale: user.locale,
});

export const toPartnerAccountDto = (account: PartnerAccountRow): Static<typeof PartnerAccountDto> => ({
  id: account.id,
  name: account.name,
  mpnId: account.mpnId,
  companyEmail: account.companyEmail,
  primaryTenantId: account.primaryTenantId,
});

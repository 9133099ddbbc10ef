import { Type, type Static } from 'typebox';
import { component, DateTime, LocaleSchema, Password, RoleSchema, Uuid } from '../../platform/http/schemas.ts';
import { PartnerAccountDto, toPartnerAccountDto, toUserDto, UserDto } from '../accounts/accounts.schemas.ts';
import type { describeSignedIn } from './identity.service.ts';

export const SignInBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 320, pattern: '\\S' }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export const SignedInBody = component(
  'SignedIn',
  Type.Object({
    user: UserDto,
    partnerAccount: Type.Union([PartnerAccountDto, Type.Null()]),
    roles: Type.Array(RoleSchema),
    navigation: Type.Object({ marketplaceRewards: Type.Boolean() }),
    visibility: Type.Object(
      { tenantAssociated: Type.Boolean(), hasRewardsRole: Type.Boolean() },
      { description: 'The two conditions behind navigation.marketplaceRewards, for the help page' },
    ),
    csrfToken: Type.String({ description: 'Send back in the x-csrf-token header on every state-changing request' }),
  }),
);

export const ChangePasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Password },
  { additionalProperties: false },
);

export const UpdateMeBody = Type.Object(
  { locale: Type.Union([LocaleSchema, Type.Null()]) },
  { additionalProperties: false },
);

export const VisibilityHelpBody = Type.Object({
  visible: Type.Boolean(),
  checks: Type.Array(
    Type.Object({
      code: Type.Enum(['TENANT_ASSOCIATED', 'REWARDS_ROLE']),
      ok: Type.Boolean(),
      title: Type.String(),
      explanation: Type.String(),
      steps: Type.Array(Type.String()),
    }),
  ),
});

export function toSignedInBody(
  described: Awaited<ReturnType<typeof describeSignedIn>>,
  csrfToken: string,
): Static<typeof SignedInBody> {
  return {
    user: toUserDto(described.user),
    partnerAccount: described.partnerAccount ? toPartnerAccountDto(described.partnerAccount) : null,
    roles: [...described.roles],
    navigation: described.navigation,
    visibility: described.visibility,
    csrfToken,
  };
}

export const OperatorTokenDto = component(
  'OperatorToken',
  Type.Object({
    id: Uuid,
    name: Type.String(),
    createdAt: DateTime,
    lastUsedAt: Type.Union([DateTime, Type.Null()]),
    expiresAt: Type.Union([DateTime, Type.Null()]),
    revokedAt: Type.Union([DateTime, Type.Null()]),
  }),
);

export const CreateOperatorTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', description: 'Letters, digits, . _ -' }),
    expiresAt: Type.Optional(Type.Union([DateTime, Type.Null()], { description: 'After this instant the token is refused; null or absent: no expiry' })),
  },
  { additionalProperties: false },
);

export const toOperatorTokenDto = (row: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null; revokedAt: Date | null }): Static<typeof OperatorTokenDto> => ({
  id: row.id,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  expiresAt: row.expiresAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

import { Type, type Static } from 'typebox';
import { component, LocaleSchema, RoleSchema } from '../../platform/http/schemas.ts';
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

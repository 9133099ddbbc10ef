import { Type, type Static } from 'typebox';
import { component, DateTime, LocaleSchema, Password, RoleSchema, Uuid } from '../../platform/http/schemas.ts';
import { PartnerAccountDto, toPartnerAccountDto, toUserDto, UserDto } from '../accounts/accounts.schemas.ts';
import type { describeSignedIn } from './identity.service.ts';
import { OPERATOR_ROLES, type OperatorRole } from '../../platform/values.ts';
import type { Locale } from '../../../locales/locales.ts';

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
    csrfToken: Type.String({ description: 'Send back in the x-csrf-token header on every state-changing request; an operator\'s starts with `op_`' }),
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

/** A member of the Rewards team, as the console shows them (issue #14). */
export const OperatorDto = component(
  'Operator',
  Type.Object({
    id: Uuid,
    username: Type.String(),
    displayName: Type.String(),
    email: Type.String(),
    role: Type.Enum([...OPERATOR_ROLES]),
    locale: Type.Union([LocaleSchema, Type.Null()]),
  }),
);

export const toOperatorDto = (operator: { id: string; username: string; displayName: string; email: string; role: OperatorRole; locale: Locale | null }): Static<typeof OperatorDto> => ({
  id: operator.id,
  username: operator.username,
  displayName: operator.displayName,
  email: operator.email,
  role: operator.role,
  locale: operator.locale,
});

export const OperatorSecondFactorNeeded = component(
  'OperatorSecondFactorNeeded',
  Type.Object({
    secondFactor: Type.Enum(['enroll', 'verify'], { description: 'enroll: the first sign-in; add the secret to an authenticator app, then send its code' }),
    enrollment: Type.Union([
      Type.Object({
        secret: Type.String({ description: 'Base32' }),
        uri: Type.String({ description: 'otpauth:// address, for a QR code' }),
        qrCode: Type.String({ description: 'The address as a QR code: an SVG image, as a data: URL' }),
      }),
      Type.Null(),
    ]),
    expiresAt: DateTime,
  }),
);

export const SecondFactorBody = Type.Object(
  {
    code: Type.Optional(Type.String({ pattern: '^\\s*\\d{3}\\s?\\d{3}\\s*$', description: "The authenticator app's current six-digit code" })),
    recoveryCode: Type.Optional(Type.String({ minLength: 12, maxLength: 20, description: 'One of the recovery codes shown at enrollment (each works once)' })),
  },
  { additionalProperties: false, minProperties: 1, maxProperties: 1 },
);

export const OperatorSignedInBody = component(
  'OperatorSignedIn',
  Type.Object({
    operator: OperatorDto,
    recoveryCodes: Type.Union([Type.Array(Type.String()), Type.Null()], { description: 'At enrollment only: ten single-use codes, shown this once' }),
    csrfToken: Type.String({ description: 'Send back in the x-csrf-token header on every state-changing request; an operator\'s starts with `op_`' }),
  }),
);

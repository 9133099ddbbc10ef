import { Type } from 'typebox';
import { component, DateTime, Email, EntitlementStatusSchema, LocaleSchema, MarketplaceId, Money, MpnId, Uuid } from '../../platform/http/schemas.ts';
import { SOLUTION_TYPES, SPONSORSHIP_STATUSES, TECHNICAL_PHASES, TECHNICAL_REQUEST_STATUSES } from '../../platform/values.ts';
import type { ErrorCode } from '../../platform/errors.ts';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from './attachments.ts';

/** The refusals every partner operation of the module answers with, and those of one that changes a record. */
export const MEMBER_ERRORS = ['UNAUTHENTICATED', 'FORBIDDEN', 'NO_PARTNER_ACCOUNT'] as const satisfies readonly ErrorCode[];
export const CHANGE_ERRORS = [...MEMBER_ERRORS, 'CSRF_TOKEN_INVALID', 'NOT_FOUND'] as const satisfies readonly ErrorCode[];
export const Params = Type.Object({ id: Uuid });

export const PhaseSchema = Type.Enum([...TECHNICAL_PHASES]);
export const SolutionTypeSchema = Type.Enum([...SOLUTION_TYPES]);
export const RequestStatusSchema = Type.Enum([...TECHNICAL_REQUEST_STATUSES]);
export const SponsorshipStatusSchema = Type.Enum([...SPONSORSHIP_STATUSES]);

const Title = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
const Description = Type.String({ minLength: 1, maxLength: 10000, pattern: '\\S' });
const MessageBody = Type.String({ minLength: 1, maxLength: 10000, pattern: '\\S' });
const TimeZone = Type.String({ minLength: 1, maxLength: 64, description: 'An IANA time zone, e.g. Europe/Amsterdam (default UTC)' });

export const ContactInput = Type.Object(
  {
    userId: Uuid,
    email: Email,
    phone: Type.String({ minLength: 1, maxLength: 40, description: 'As typed: +31 20 123 4567, or 020 123 4567 with phoneCountry' }),
    phoneCountry: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
    preferredLanguage: Type.String({ minLength: 1, maxLength: 20 }),
  },
  { additionalProperties: false, description: 'The technical contact: a user of the account (default: the marketing contact)' },
);

export const MessageInput = Type.Object({ body: MessageBody }, { additionalProperties: false });

export const NewTechnicalRequest = Type.Object(
  {
    phase: PhaseSchema,
    solutionType: SolutionTypeSchema,
    offerId: MarketplaceId,
    title: Title,
    description: Description,
    contact: Type.Optional(ContactInput),
    timeZone: Type.Optional(TimeZone),
    benefitId: Type.Optional(Type.String({ format: 'uuid', description: 'The technical benefit to draw on (default: the one that ends first with enough left)' })),
  },
  { additionalProperties: false },
);

export const TechnicalRequestChange = Type.Object(
  {
    revision: Type.Integer({ minimum: 1, description: 'The revision you read: a stale one is 409 REVISION_CONFLICT with the current one' }),
    phase: Type.Optional(PhaseSchema),
    solutionType: Type.Optional(SolutionTypeSchema),
    offerId: Type.Optional(MarketplaceId),
    title: Type.Optional(Title),
    description: Type.Optional(Description),
    contact: Type.Optional(ContactInput),
    timeZone: Type.Optional(TimeZone),
    answer: Type.Optional(Type.String({ minLength: 1, maxLength: 10000, pattern: '\\S', description: 'Required while the request is action-required: your answer, which sends it back to the team' })),
  },
  { additionalProperties: false },
);

const RequestAbilities = Type.Object({ edit: Type.Boolean(), answer: Type.Boolean(), cancel: Type.Boolean(), message: Type.Boolean(), attach: Type.Boolean() });

const requestSummaryFields = {
  id: Uuid,
  reference: Type.String({ description: 'TR-1001: what to quote on the phone' }),
  benefitId: Uuid,
  phase: PhaseSchema,
  solutionType: SolutionTypeSchema,
  offerId: Type.String(),
  offerName: Type.String(),
  title: Type.String(),
  status: RequestStatusSchema,
  revision: Type.Integer(),
  scheduledAt: Type.Union([DateTime, Type.Null()]),
  createdAt: DateTime,
  updatedAt: DateTime,
  abilities: RequestAbilities,
};

export const TechnicalRequestSummary = component('TechnicalRequestSummary', Type.Object(requestSummaryFields));

export const Attachment = component(
  'Attachment',
  Type.Object({
    id: Uuid,
    fileName: Type.String(),
    mediaType: Type.Enum(Object.keys(ATTACHMENT_TYPES)),
    sizeBytes: Type.Integer(),
    uploadedBy: Type.Enum(['user', 'operator']),
    createdAt: DateTime,
  }),
);

const detailFields = {
  ...requestSummaryFields,
  benefitName: Type.String(),
  reserved: Type.Object({ quantity: Type.Number(), unit: Type.Enum(['hours', 'requests']) }),
  description: Type.String(),
  contact: Type.Object({
    userId: Type.Union([Uuid, Type.Null()]),
    name: Type.String(),
    email: Type.String(),
    phone: Type.String(),
    phoneDisplay: Type.String(),
    preferredLanguage: LocaleSchema,
  }),
  timeZone: Type.String(),
  history: Type.Array(
    Type.Object({
      occurredAt: DateTime,
      from: Type.Union([RequestStatusSchema, Type.Null()]),
      to: RequestStatusSchema,
      actorType: Type.Enum(['user', 'operator', 'system']),
      reason: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  messages: Type.Array(
    Type.Object({ id: Uuid, authorType: Type.Enum(['user', 'operator']), authorName: Type.String(), body: Type.String(), createdAt: DateTime }),
  ),
  attachments: Type.Array(Attachment),
};

export const TechnicalRequest = component('TechnicalRequest', Type.Object(detailFields));
export const TeamTechnicalRequest = component(
  'TeamTechnicalRequest',
  Type.Object({ ...detailFields, moves: Type.Array(RequestStatusSchema, { description: 'Where the team may move it from here' }) }),
);
export const TeamTechnicalRequestSummary = component(
  'TeamTechnicalRequestSummary',
  Type.Object({ ...requestSummaryFields, partnerName: Type.String(), mpnId: Type.String(), contactEmail: Type.String(), moves: Type.Array(RequestStatusSchema) }),
);

export const TechnicalBenefit = component(
  'TechnicalBenefit',
  Type.Object({
    id: Uuid,
    code: Type.String(),
    name: Type.String(),
    description: Type.String(),
    phases: Type.Array(PhaseSchema, { description: 'The phases a request on this benefit may be in' }),
    status: EntitlementStatusSchema,
    unit: Type.Enum(['hours', 'requests']),
    total: Type.Number(),
    perRequest: Type.Number({ description: 'What one request reserves' }),
    reserved: Type.Number({ description: 'Held by open requests' }),
    used: Type.Number({ description: 'Used by completed requests' }),
    remaining: Type.Number(),
    unlockedAt: DateTime,
    expiresAt: Type.Union([DateTime, Type.Null()]),
    abilities: Type.Object({ request: Type.Boolean() }),
  }),
);

export const AttachmentUpload = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    contentBase64: Type.String({
      minLength: 1,
      // Base64 of the largest file, plus line breaks some encoders add.
      maxLength: Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4 + 100_000,
      description: `The file, base64-encoded: PDF, PNG, JPEG or plain UTF-8 text (read from the content), at most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`,
    }),
  },
  { additionalProperties: false },
);

const sponsorshipFields = {
    id: Uuid,
    benefitId: Uuid,
    code: Type.String(),
    name: Type.String(),
    amountUsd: Money,
    remainingUsd: Type.String({ description: 'What is left, exact: 0.00 once expired or revoked' }),
    termMonths: Type.Integer(),
    status: SponsorshipStatusSchema,
    statusReason: Type.Union([Type.String(), Type.Null()]),
    unlockedAt: DateTime,
    requestedAt: Type.Union([DateTime, Type.Null()]),
    subscriptionId: Type.Union([Type.String(), Type.Null()]),
    billingType: Type.Union([Type.String(), Type.Null()]),
    activeFrom: Type.Union([DateTime, Type.Null()]),
    expiresAt: Type.Union([DateTime, Type.Null()], { description: 'Before it is active: the day to request it by; then the end of its term' }),
    revision: Type.Integer(),
    abilities: Type.Object({ requestProvisioning: Type.Boolean() }),
};
export const Sponsorship = component('Sponsorship', Type.Object(sponsorshipFields));
export const TeamSponsorship = component('TeamSponsorship', Type.Object({ ...sponsorshipFields, partnerName: Type.String(), mpnId: Type.String() }));

export const BillingType = component(
  'BillingType',
  Type.Object({ code: Type.String(), name: Type.String(), allowed: Type.Boolean(), refusal: Type.Union([Type.String(), Type.Null()]) }),
);

export const LedgerEntry = component(
  'SponsorshipLedgerEntry',
  Type.Object({
    id: Type.String(),
    sponsorshipId: Type.Union([Uuid, Type.Null()], { description: 'Null for usage no credit covered (billed normally)' }),
    kind: Type.Enum(['credit', 'usage', 'uncovered']),
    amountUsd: Type.String({ description: 'Credits positive, usage negative' }),
    balanceUsd: Type.Union([Type.String(), Type.Null()], { description: "The credit's balance after this entry" }),
    usageLineId: Type.Union([Type.String(), Type.Null()]),
    subscriptionId: Type.Union([Type.String(), Type.Null()]),
    usedAt: Type.Union([DateTime, Type.Null()]),
    occurredAt: DateTime,
  }),
);

export const SubscriptionId = Type.String({
  pattern: '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$',
  description: 'The cloud subscription id (a GUID)',
});

export const UsageLine = Type.Object(
  {
    id: MarketplaceId,
    mpnId: MpnId,
    subscriptionId: SubscriptionId,
    amountUsd: Money,
    usedAt: DateTime,
  },
  { additionalProperties: false },
);

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/database.ts';
import { OPERATOR_SECURITY, requireOperator } from '../../platform/http/principal.ts';
import { ROLES } from '../../platform/values.ts';
import { component, DateTime, errorResponses, LocaleSchema, MpnId, Uuid } from '../../platform/http/schemas.ts';
import { partnerFile, searchPartners } from './partner-lookup.service.ts';

/** A sum in US dollars as an exact decimal string (totals may pass Money's nine digits). */
const Money = Type.String({ pattern: '^[0-9]+(\\.[0-9]+)?$', description: 'US dollars, exact' });

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const PartnerFile = component(
  'PartnerFile',
  Type.Object({
    account: Type.Object({ id: Uuid, name: Type.String(), mpnId: Type.String(), companyEmail: Type.String(), createdAt: DateTime }),
    tenants: Type.Array(Type.Object({ id: Uuid, domain: Type.String(), name: Type.String(), primary: Type.Boolean(), associatedAt: Nullable(DateTime) })),
    users: Type.Array(Type.Object({ id: Uuid, username: Type.String(), displayName: Type.String(), email: Type.String(), roles: Type.Array(Type.Enum([...ROLES])), tenant: Type.String() })),
    profiles: Type.Array(
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        offers: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), listingType: Type.String(), status: Type.String(), liveAt: Nullable(DateTime) })),
      }),
    ),
    salesByMonth: Type.Array(Type.Object({ month: Type.String({ description: 'YYYY-MM (UTC)' }), billedUsd: Money, excludedUsd: Money, lines: Type.Integer() })),
    standing: Nullable(Type.Object({ tierCode: Nullable(Type.String()), tierName: Nullable(Type.String({ description: "The tier's name in the reader's language" })), billedTtmUsd: Money, computedAt: DateTime })),
    entitlements: Type.Array(
      Type.Object({
        id: Uuid,
        code: Type.String(),
        name: Type.String(),
        category: Type.String(),
        status: Type.String(),
        reason: Type.String(),
        unlockedAt: DateTime,
        expiresAt: Nullable(DateTime),
        history: Type.Array(Type.Object({ at: DateTime, from: Nullable(Type.String()), to: Type.String(), reason: Type.String() })),
      }),
    ),
    marketingContact: Nullable(Type.Object({ email: Type.String(), phone: Type.String(), language: LocaleSchema, name: Nullable(Type.String()), updatedAt: DateTime })),
    engagementManager: Nullable(
      Type.Object(
        { id: Uuid, name: Type.String(), active: Type.Boolean({ description: 'false: her account is disabled, so the partner\'s work is unassigned until another is named' }), namedAt: DateTime },
        { description: "The member of the Rewards team the partner's open work goes to by default" },
      ),
    ),
    activations: Type.Array(Type.Object({ id: Uuid, benefitCode: Type.String(), activatedAt: DateTime, dueAt: DateTime, status: Type.String(), contactedAt: Nullable(DateTime) })),
    technicalRequests: Type.Array(Type.Object({ id: Uuid, reference: Type.String(), title: Type.String(), status: Type.String(), phase: Type.String(), createdAt: DateTime })),
    sponsorships: Type.Array(
      Type.Object({ id: Uuid, benefitCode: Type.String(), amountUsd: Money, remainingUsd: Money, status: Type.String(), expiresAt: Nullable(DateTime), subscriptionId: Nullable(Type.String()) }),
    ),
  }),
);

/** Partner lookup for the Rewards team (issue #14): search, then a partner's whole file. */
export const lookupOpsRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  const security = OPERATOR_SECURITY;
  app.get(
    '/api/v1/ops/partner-search',
    {
      schema: {
        operationId: 'searchPartners',
        tags: ['operations'],
        security,
        summary: "Find partners by MPN ID, part of the name, a tenant's domain or a user's email (or sign-in name)",
        querystring: Type.Object({ q: Type.String({ minLength: 2, maxLength: 254 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Uuid, name: Type.String(), mpnId: Type.String() })) }), ...errorResponses('UNAUTHENTICATED') },
      },
    },
    async (request) => {
      requireOperator(request);
      return { items: await searchPartners(db, request.query.q) };
    },
  );
  app.get(
    '/api/v1/ops/partners/:mpnId/file',
    {
      schema: {
        operationId: 'getPartnerFile',
        tags: ['operations'],
        security,
        summary: "A partner's whole file: account, tenants, users and roles, profiles and offers, billed sales by month, standing, entitlements with history, contact, activations, requests, sponsorships",
        params: Type.Object({ mpnId: MpnId }),
        response: { 200: PartnerFile, ...errorResponses('UNAUTHENTICATED', 'NOT_FOUND') },
      },
    },
    async (request) => {
      requireOperator(request);
      return partnerFile(db, request.params.mpnId, request.now, request.locale);
    },
  );
};

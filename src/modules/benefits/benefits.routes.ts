import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/database.ts';
import { bodyProblems } from '../../platform/errors.ts';
import { contextOf, OPERATOR_SECURITY, requireMember, requireOperator } from '../../platform/http/principal.ts';
import { component, DateTime, Email, errorResponses, LocaleSchema, MpnId, PageOf, PageQuery, Uuid } from '../../platform/http/schemas.ts';
import { activateBenefit, assignMarketingContact, type ContactLimits, getMarketingContact, listActivations, listContactCandidates, type PortalLinks } from './benefits.service.ts';
import { listActivationsForTeam, recordContacted } from './follow-up.service.ts';
import { revokeEntitlement } from './revocation.service.ts';
import { REVOCATION_REASONS } from '../../platform/values.ts';

const MarketingContact = component(
  'MarketingContact',
  Type.Object({
    userId: Type.Union([Uuid, Type.Null()], { description: 'Null once the user is no longer in the account' }),
    displayName: Type.String(),
    email: Type.String(),
    needsReassignment: Type.Boolean({
      description: 'The user was removed, or left with their tenant: assign a new contact before activating a benefit',
    }),
    phone: Type.String({ description: 'E.164, e.g. +31201234567' }),
    phoneDisplay: Type.String({ description: 'The number as it is shown: +31 20 123 4567' }),
    phoneCountry: Type.Union([Type.String(), Type.Null()], { description: 'ISO 3166 country of the number, e.g. NL' }),
    preferredLanguage: LocaleSchema,
    updatedAt: DateTime,
  }),
);
const Activation = component(
  'Activation',
  Type.Object({
    id: Uuid,
    benefitId: Uuid,
    benefitCode: Type.String(),
    activatedAt: DateTime,
    activatedBy: Type.Union([Uuid, Type.Null()]),
    dueAt: DateTime,
    contactEmail: Type.String(),
    status: Type.Enum(['open', 'contacted']),
    contactedAt: Type.Union([DateTime, Type.Null()]),
  }),
);
const MEMBER_ERRORS = ['UNAUTHENTICATED', 'FORBIDDEN', 'NO_PARTNER_ACCOUNT'] as const;

/** Sales and marketing benefits: the marketing contact and activation. */
export const benefitsRoutes: FastifyPluginAsyncTypebox<{ db: Db; limits: ContactLimits; links: PortalLinks }> = async (app, { db, limits, links }) => {
  app.get(
    '/api/v1/rewards/marketing-contact',
    {
      schema: {
        operationId: 'getMarketingContact',
        tags: ['rewards'],
        summary: 'The marketing contact who receives the follow-up communications (null until assigned)',
        response: { 200: Type.Object({ contact: Type.Union([MarketingContact, Type.Null()]) }), ...errorResponses(...MEMBER_ERRORS) },
      },
    },
    async (request) => ({ contact: await getMarketingContact(db, requireMember(request)) }),
  );

  app.get(
    '/api/v1/rewards/marketing-contact/candidates',
    {
      schema: {
        operationId: 'listMarketingContactCandidates',
        tags: ['rewards'],
        summary: 'The users of the account who can be chosen as marketing contact',
        description: 'By display name, then user name; a page at a time.',
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
        response: {
          200: Type.Object(
            PageOf(
              Type.Object({
                id: Uuid,
                displayName: Type.String(),
                email: Type.String(),
                username: Type.String(),
                locale: Type.Union([LocaleSchema, Type.Null()], { description: "The user's own portal language; null while they follow their browser's" }),
              }),
            ),
          ),
          ...errorResponses(...MEMBER_ERRORS),
        },
      },
    },
    async (request) => listContactCandidates(db, requireMember(request), request.query),
  );

  app.put(
    '/api/v1/rewards/marketing-contact',
    {
      attachValidation: true,
      schema: {
        operationId: 'assignMarketingContact',
        tags: ['rewards'],
        summary: 'Assign or change the marketing contact: a user of the account, an email other than the company account email, a phone, a language',
        body: Type.Object(
          {
            userId: Uuid,
            email: Email,
            phone: Type.String({ minLength: 1, maxLength: 40, description: 'As typed: +31 20 123 4567, or 020 123 4567 with phoneCountry' }),
            phoneCountry: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166 country of a national number, e.g. NL' })),
            preferredLanguage: Type.String({ minLength: 1, maxLength: 20 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: MarketingContact, ...errorResponses(...MEMBER_ERRORS, 'CSRF_TOKEN_INVALID', 'RATE_LIMITED') },
      },
      // The email is compared with the company email after trimming: trim it before the format
      // check, or " office@company.com " would be refused as malformed instead of saying why.
      preValidation: async (request) => {
        const body: unknown = request.body;
        if (body !== null && typeof body === 'object' && 'email' in body && typeof body.email === 'string') body.email = body.email.trim();
      },
    },
    async (request) => {
      const member = requireMember(request);
      // The schema's problems and the service's rules (a user of the account, not the company email, a
      // valid phone, a supported language) come in one answer: the service reads only the fields the
      // schema passed, and with any problem it refuses before anything is stored or mailed.
      const schema = bodyProblems(request.validationError, request.body);
      const contact = await assignMarketingContact(db, member, request.body, contextOf(request), limits, links, schema);
      app.emailQueued();
      return contact;
    },
  );

  app.post(
    '/api/v1/rewards/benefits/:id/activation',
    {
      schema: {
        operationId: 'activateBenefit',
        tags: ['rewards'],
        summary: 'Activate a sales and marketing benefit: 201 the first time, 200 with the same activation after',
        params: Type.Object({ id: Uuid }),
        response: {
          200: Activation,
          201: Activation,
          ...errorResponses(...MEMBER_ERRORS, 'CSRF_TOKEN_INVALID', 'NOT_FOUND', 'MARKETING_CONTACT_REQUIRED', 'BENEFIT_NOT_AVAILABLE'),
        },
      },
    },
    async (request, reply) => {
      const { activation, created } = await activateBenefit(db, requireMember(request), request.params.id, contextOf(request), links);
      if (created) app.emailQueued();
      return reply.status(created ? 201 : 200).send(activation);
    },
  );

  app.get(
    '/api/v1/rewards/activations',
    {
      schema: {
        operationId: 'listActivations',
        tags: ['rewards'],
        summary: "The partner account's activations and their follow-up due times",
        description: 'Newest first; a page at a time.',
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
        response: { 200: Type.Object(PageOf(Activation)), ...errorResponses(...MEMBER_ERRORS) },
      },
    },
    async (request) => listActivations(db, requireMember(request), request.query),
  );
};

const TeamActivation = component(
  'TeamActivation',
  Type.Object({
    id: Uuid,
    partnerName: Type.String(),
    mpnId: Type.String(),
    benefitCode: Type.String(),
    activatedAt: DateTime,
    dueAt: DateTime,
    contactEmail: Type.String(),
    contactLanguage: LocaleSchema,
    status: Type.Enum(['open', 'contacted']),
    contactedAt: Type.Union([DateTime, Type.Null()]),
    contactedNote: Type.Union([Type.String(), Type.Null()]),
    escalatedAt: Type.Union([DateTime, Type.Null()]),
    overdue: Type.Boolean(),
  }),
);

/** The Rewards team's follow-up queue (operator token). */
export const followUpOpsRoutes: FastifyPluginAsyncTypebox<{ db: Db; links: PortalLinks }> = async (app, { db, links }) => {
  const security = OPERATOR_SECURITY;
  app.get(
    '/api/v1/ops/activations',
    {
      schema: {
        operationId: 'listTeamActivations',
        tags: ['operations'],
        security,
        summary: 'Activations to follow up, ordered by due time (overdue flagged)',
        description: 'Soonest due first; a page at a time.',
        querystring: Type.Object({ status: Type.Optional(Type.Enum(['open', 'contacted', 'all'])), ...PageQuery }, { additionalProperties: false }),
        response: { 200: Type.Object(PageOf(TeamActivation)), ...errorResponses('UNAUTHENTICATED') },
      },
    },
    async (request) => {
      requireOperator(request);
      return listActivationsForTeam(db, request.query.status ?? 'open', request.now, request.query);
    },
  );
  app.post(
    '/api/v1/ops/activations/:id/contacted',
    {
      // A Rewards agent's work (identity.plugin.ts: the least operator role).
      config: { operatorRole: 'rewards-agent' },
      schema: {
        operationId: 'recordActivationContacted',
        tags: ['operations'],
        security,
        summary: 'Record that the Rewards team contacted the marketing contact',
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ note: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ id: Uuid, alreadyContacted: Type.Boolean() }), ...errorResponses('UNAUTHENTICATED', 'NOT_FOUND') },
      },
    },
    async (request) => {
      requireOperator(request);
      return recordContacted(db, request.params.id, request.body.note, contextOf(request));
    },
  );
  app.post(
    '/api/v1/ops/partners/:mpnId/entitlements/:id/revocation',
    {
      // A manager's decision: a benefit is taken from a partner.
      config: { operatorRole: 'rewards-manager' },
      schema: {
        operationId: 'revokeEntitlement',
        tags: ['operations'],
        security,
        summary: "Withdraw a partner's benefit with a reason code (the partner is emailed in their language)",
        params: Type.Object({ mpnId: MpnId, id: Uuid }),
        body: Type.Object({ reason: Type.Enum([...REVOCATION_REASONS]), note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ id: Uuid, status: Type.Literal('revoked'), reason: Type.Enum([...REVOCATION_REASONS]) }), ...errorResponses('UNAUTHENTICATED', 'NOT_FOUND', 'TRANSITION_REFUSED') },
      },
    },
    async (request) => {
      requireOperator(request);
      const result = await revokeEntitlement(db, request.params.mpnId, request.params.id, request.body, contextOf(request), links);
      app.emailQueued();
      return result;
    },
  );
};

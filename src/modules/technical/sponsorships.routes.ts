import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/database.ts';
import { bodyProblems } from '../../platform/errors.ts';
import { contextOf, OPERATOR_SECURITY, requireMember, requireOperator } from '../../platform/http/principal.ts';
import { DateTime, errorResponses, PageOf, PageQuery } from '../../platform/http/schemas.ts';
import { BillingType, LedgerEntry, Sponsorship, SponsorshipStatusSchema, SubscriptionId, TeamSponsorship, UsageLine, CHANGE_ERRORS, MEMBER_ERRORS, Params } from './technical.schemas.ts';
import type { Links } from './technical.context.ts';
import { listSponsorshipLedger, listSponsorships, listSponsorshipsForTeam, moveSponsorshipAsTeam, requestProvisioning } from './sponsorships.service.ts';
import { recordSponsorshipUsage } from './sponsorship-usage.service.ts';

/** Sponsorships of the signed-in partner: credits that stack, the ledger, provisioning requests. */
export const sponsorshipRoutes: FastifyPluginAsyncTypebox<{ db: Db; links: Links }> = async (app, { db, links }) => {
  app.get(
    '/api/v1/rewards/sponsorships',
    {
      schema: {
        operationId: 'listSponsorships',
        tags: ['rewards'],
        summary: "The partner's sponsorship credits (they stack), what remains of each and in all, and the billing types a credit may be provisioned on",
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
        response: {
          200: Type.Object({
            ...PageOf(Sponsorship),
            totalRemainingUsd: Type.String({ description: 'What remains of the credits that can still be used (unlocked, requested, active), exact' }),
            billingTypes: Type.Array(BillingType),
          }),
          ...errorResponses(...MEMBER_ERRORS),
        },
      },
    },
    async (request) => {
      const result = await listSponsorships(db, requireMember(request), request.query, request.locale, request.now, links);
      app.emailQueued();
      return result;
    },
  );

  app.get(
    '/api/v1/rewards/sponsorships/ledger',
    {
      schema: {
        operationId: 'listSponsorshipLedger',
        tags: ['rewards'],
        summary: "The sponsorship ledger, newest first: each credit, each usage line's draw on it, and usage no credit covered",
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
        response: { 200: Type.Object(PageOf(LedgerEntry)), ...errorResponses(...MEMBER_ERRORS) },
      },
    },
    async (request) => listSponsorshipLedger(db, requireMember(request), request.query),
  );

  app.post(
    '/api/v1/rewards/sponsorships/:id/provisioning-request',
    {
      attachValidation: true,
      schema: {
        operationId: 'requestSponsorshipProvisioning',
        tags: ['rewards'],
        summary: 'Ask the Rewards team to provision an unlocked sponsorship on a cloud subscription',
        description: 'A billing type the program excludes is refused with the reason (422, field billingType).',
        params: Params,
        body: Type.Object({ subscriptionId: SubscriptionId, billingType: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false }),
        response: { 200: Sponsorship, ...errorResponses(...CHANGE_ERRORS, 'SPONSORSHIP_NOT_REQUESTABLE') },
      },
    },
    async (request) => {
      const member = requireMember(request);
      // The schema's problems (the subscription id, say) and the billing type's come in one answer; the
      // service judges the billing type only when the schema passed it, and changes nothing with a problem.
      const schema = bodyProblems(request.validationError, request.body);
      const view = await requestProvisioning(db, member, request.params.id, request.body, contextOf(request), links, request.locale, schema);
      app.emailQueued();
      return view;
    },
  );
};

/** The Rewards team's side of sponsorships (operator token): provisioning requests, starting, revoking, usage. */
export const sponsorshipOpsRoutes: FastifyPluginAsyncTypebox<{ db: Db; links: Links }> = async (app, { db, links }) => {
  const security = OPERATOR_SECURITY;
  app.get(
    '/api/v1/ops/sponsorships',
    {
      schema: {
        operationId: 'listTeamSponsorships',
        tags: ['operations'],
        security,
        summary: 'Sponsorships by status (default `requested`: the provisioning requests to act on), oldest first',
        querystring: Type.Object({ status: Type.Optional(Type.Union([SponsorshipStatusSchema, Type.Literal('all')])), ...PageQuery }, { additionalProperties: false }),
        response: { 200: Type.Object(PageOf(TeamSponsorship)), ...errorResponses('UNAUTHENTICATED') },
      },
    },
    async (request) => {
      requireOperator(request);
      return listSponsorshipsForTeam(db, request.query, request.locale, request.now);
    },
  );
  for (const [path, action, operationId, summary] of [
    ['activation', 'activate', 'activateTeamSponsorship', 'Start a requested sponsorship: its term runs from activeFrom'],
    ['provisioning-decline', 'decline', 'declineTeamSponsorshipProvisioning', 'Decline a provisioning request (back to unlocked), saying why'],
    ['revocation', 'revoke', 'revokeTeamSponsorship', 'Revoke a sponsorship for misuse, saying why'],
  ] as const) {
    app.post(
      `/api/v1/ops/sponsorships/:id/${path}`,
      {
        // A Rewards agent's work (identity.plugin.ts: the least operator role).
        config: { operatorRole: 'rewards-agent' },
        schema: {
          operationId,
          tags: ['operations'],
          security,
          summary,
          params: Params,
          body:
            action === 'activate'
              ? Type.Object({ activeFrom: DateTime }, { additionalProperties: false })
              : Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }) }, { additionalProperties: false }),
          response: { 200: TeamSponsorship, ...errorResponses('UNAUTHENTICATED', 'NOT_FOUND', 'TRANSITION_REFUSED') },
        },
      },
      async (request) => {
        requireOperator(request);
        const body = request.body as { activeFrom?: string; reason?: string };
        const view = await moveSponsorshipAsTeam(db, request.params.id, { action, activeFrom: body.activeFrom, reason: body.reason }, contextOf(request), links, request.locale);
        app.emailQueued();
        return view;
      },
    );
  }
  app.post(
    '/api/v1/ops/sponsorship-usage',
    {
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        operationId: 'recordSponsorshipUsage',
        tags: ['operations'],
        security,
        summary: "Record cloud usage against partners' sponsorship credits (idempotent by line id)",
        description:
          'Each line draws on the credits of its partner active at `usedAt`, the one that expires first going first; what no ' +
          'credit covers is recorded as uncovered. A line already recorded with the same values is skipped; the same id with ' +
          'other values refuses the batch (422 USAGE_LINE_CHANGED).',
        body: Type.Object({ items: Type.Array(UsageLine, { minItems: 1, maxItems: 10000 }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ received: Type.Integer(), recorded: Type.Integer(), duplicates: Type.Integer(), coveredUsd: Type.String(), uncoveredUsd: Type.String() }),
          ...errorResponses('UNAUTHENTICATED'),
        },
      },
    },
    async (request) => {
      requireOperator(request);
      const result = await recordSponsorshipUsage(db, request.body.items, contextOf(request), links);
      app.emailQueued();
      return result;
    },
  );
};

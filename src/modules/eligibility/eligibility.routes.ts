import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ChangeFeed } from '../../platform/db/change-feed.ts';
import type { Db } from '../../platform/db/database.ts';
import { VersionedCache } from '../../platform/db/versioned-cache.ts';
import { OPERATOR_SECURITY, requireMember, requireOperator } from '../../platform/http/principal.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { canSeeRewards } from '../accounts/accounts.policy.ts';
import { BenefitList, BenefitsQuery, MpnParams, RewardsSummary } from './eligibility.schemas.ts';
import { ensureProgram } from './program.ts';
import { ELIGIBILITY_FRESH_MS, listBenefits, partnerByMpnId, rewardsSummary } from './eligibility.service.ts';

/** The Marketplace Rewards page's data, for the signed-in partner and (by MPN ID) for operators. */
export const eligibilityRoutes: FastifyPluginAsyncTypebox<{ db: Db; changes: ChangeFeed; loadProgramAtStart?: boolean }> = async (
  app,
  { db, changes, loadProgramAtStart = false },
) => {
  // The bundled program, when none was loaded yet: before the first request rather than during it.
  if (loadProgramAtStart) app.addHook('onReady', async () => void (await ensureProgram(db)));
  // The summary as sent, per account and language, until anything it is read from changes (change-feed.ts).
  const summaries = new VersionedCache<string, Buffer>(changes, 'rewards', {
    ttlMs: 60_000,
    maxEntries: 1000,
    weigh: (body) => body.length,
    maxWeight: 32 * 1024 * 1024,
  });
  const rewardsAccount = (request: FastifyRequest) => {
    const member = requireMember(request);
    if (member.partnerAccountId === null) throw new AppError('NO_PARTNER_ACCOUNT');
    if (!canSeeRewards(member)) throw forbidden('error.FORBIDDEN.rewards');
    return member.partnerAccountId;
  };
  const operatorAccount = async (request: FastifyRequest, mpnId: string) => {
    requireOperator(request);
    const id = await partnerByMpnId(db, mpnId);
    if (!id) throw notFound();
    return id;
  };
  const ERRORS = errorResponses('UNAUTHENTICATED', 'FORBIDDEN', 'NO_PARTNER_ACCOUNT');

  app.get(
    '/api/v1/rewards',
    { schema: { operationId: 'getRewardsSummary', tags: ['rewards'], summary: 'Eligibility of the partner account: offers, billed sales, tier, next tier, why', response: { 200: RewardsSummary, ...ERRORS } } },
    async (request, reply) => {
      const partnerAccountId = rewardsAccount(request);
      const body = await summaries.getOrLoad(`${partnerAccountId}|${request.locale}`, async () => {
        const summary = await rewardsSummary(db, partnerAccountId, request.locale, request.now);
        // Serialised by this route's response schema, once; later requests send the same bytes.
        return { value: Buffer.from(reply.serialize(summary) as string), until: Date.parse(summary.computedAt) + ELIGIBILITY_FRESH_MS };
      });
      // Bytes already serialised by the schema: the untyped reply sends them as they are.
      return (reply as FastifyReply).type('application/json; charset=utf-8').send(body);
    },
  );
  app.get(
    '/api/v1/rewards/benefits',
    {
      schema: {
        operationId: 'listBenefits',
        tags: ['rewards'],
        summary: "The partner account's benefits (names in the request's language)",
        description: 'Most recently unlocked first; a page at a time.',
        querystring: BenefitsQuery,
        response: { 200: BenefitList, ...ERRORS },
      },
    },
    async (request) => listBenefits(db, rewardsAccount(request), request.locale, request.query, request.now),
  );
  app.get(
    '/api/v1/ops/partners/:mpnId/rewards',
    {
      schema: {
        operationId: 'getPartnerRewardsSummary',
        tags: ['operations'],
        security: OPERATOR_SECURITY,
        summary: 'Eligibility of a partner account, by MPN ID',
        params: MpnParams,
        response: { 200: RewardsSummary, ...errorResponses('UNAUTHENTICATED', 'NOT_FOUND') },
      },
    },
    async (request) => rewardsSummary(db, await operatorAccount(request, request.params.mpnId), request.locale, request.now),
  );
  app.get(
    '/api/v1/ops/partners/:mpnId/benefits',
    {
      schema: {
        operationId: 'listPartnerBenefits',
        tags: ['operations'],
        security: OPERATOR_SECURITY,
        summary: 'Benefits of a partner account, by MPN ID',
        description: 'Most recently unlocked first; a page at a time.',
        params: MpnParams,
        querystring: BenefitsQuery,
        response: { 200: BenefitList, ...errorResponses('UNAUTHENTICATED', 'NOT_FOUND') },
      },
    },
    async (request) => listBenefits(db, await operatorAccount(request, request.params.mpnId), request.locale, request.query, request.now),
  );
};

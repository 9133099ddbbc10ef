import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/database.ts';
import { contextOf, OPERATOR_SECURITY, requireOperator } from '../../platform/http/principal.ts';
import { DateTime, DisplayName, errorResponses, ListingTypeSchema, MarketplaceId, MpnId, OfferStatusSchema } from '../../platform/http/schemas.ts';
import { upsertOffer, upsertPublisherProfile } from './catalog.service.ts';

const security = OPERATOR_SECURITY;
const Name = DisplayName;
const ListingType = ListingTypeSchema;
const OfferStatus = OfferStatusSchema;

/** Operator ingest of the marketplace's catalog: publisher profiles and offers. */
export const catalogOpsRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.put(
    '/api/v1/ops/publisher-profiles/:id',
    {
      schema: {
        operationId: 'putPublisherProfile',
        tags: ['operations'],
        security,
        summary: 'Create or update a publisher profile; a new MPN ID relinks it (and its eligibility)',
        params: Type.Object({ id: MarketplaceId }),
        body: Type.Object({ name: Name, mpnId: MpnId }, { additionalProperties: false }),
        response: {
          200: Type.Object({ id: Type.String(), name: Type.String(), mpnId: Type.String(), created: Type.Boolean() }),
          ...errorResponses('UNAUTHENTICATED'),
        },
      },
    },
    async (request) => {
      requireOperator(request);
      return upsertPublisherProfile(db, request.params.id, request.body, contextOf(request));
    },
  );

  app.put(
    '/api/v1/ops/offers/:id',
    {
      schema: {
        operationId: 'putOffer',
        tags: ['operations'],
        security,
        summary: 'Create or update an offer',
        params: Type.Object({ id: MarketplaceId }),
        body: Type.Object(
          {
            publisherProfileId: MarketplaceId,
            name: Name,
            listingType: ListingType,
            status: OfferStatus,
            liveAt: Type.Union([DateTime, Type.Null()]),
            delistedAt: Type.Union([DateTime, Type.Null()]),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            id: Type.String(),
            name: Type.String(),
            listingType: ListingType,
            status: OfferStatus,
            publisherProfileId: Type.String(),
            liveAt: Type.Union([DateTime, Type.Null()]),
            delistedAt: Type.Union([DateTime, Type.Null()]),
            created: Type.Boolean(),
          }),
          ...errorResponses('UNAUTHENTICATED'),
        },
      },
    },
    async (request) => {
      requireOperator(request);
      const offer = await upsertOffer(db, request.params.id, request.body, contextOf(request));
      return { ...offer, liveAt: offer.liveAt?.toISOString() ?? null, delistedAt: offer.delistedAt?.toISOString() ?? null };
    },
  );
};

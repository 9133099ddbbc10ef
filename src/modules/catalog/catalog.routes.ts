import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/database.ts';
import { contextOf, requireOperator } from '../../server/auth.ts';
import { DateTime, errorResponses } from '../../server/schemas.ts';
import { ingestBilledSales, MAX_BATCH } from '../sales/sales.service.ts';
import { upsertOffer, upsertPublisherProfile } from './catalog.service.ts';

const MarketplaceId = Type.String({ minLength: 1, maxLength: 100, pattern: '^\\S+$', description: "The marketplace's own id" });
const Name = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
const MpnId = Type.String({ pattern: '^[0-9]{1,12}$' });
const ListingType = Type.Enum(['list', 'trial', 'consulting', 'transact']);
const OfferStatus = Type.Enum(['draft', 'live', 'delisted']);
const security = [{ operatorToken: [] }];

/** Operator ingest of the marketplace's data: publisher profiles, offers, billed sales. */
export const catalogOpsRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.put(
    '/api/v1/ops/publisher-profiles/:id',
    {
      schema: {
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

  app.post(
    '/api/v1/ops/billed-sales',
    {
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags: ['operations'],
        security,
        summary: `Ingest billed-sales line items (up to ${MAX_BATCH}); idempotent by line id, all or nothing`,
        body: Type.Object(
          {
            items: Type.Array(
              Type.Object(
                {
                  id: MarketplaceId,
                  offerId: MarketplaceId,
                  amountUsd: Type.String({ pattern: '^[0-9]{1,14}(\\.[0-9]{1,2})?$', description: 'Exact decimal, e.g. "1234.56"' }),
                  billedAt: DateTime,
                  status: Type.Enum(['billed', 'refunded', 'cancelled', 'fraudulent']),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: MAX_BATCH },
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            received: Type.Integer(),
            inserted: Type.Integer(),
            updated: Type.Integer(),
            unchanged: Type.Integer(),
            partnersAffected: Type.Integer(),
          }),
          ...errorResponses('UNAUTHENTICATED', 'PAYLOAD_TOO_LARGE'),
        },
      },
    },
    async (request) => {
      requireOperator(request);
      return ingestBilledSales(db, request.body.items);
    },
  );
};

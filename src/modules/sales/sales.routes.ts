import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/database.ts';
import { OPERATOR_SECURITY, requireOperator } from '../../platform/http/principal.ts';
import { DateTime, errorResponses, MarketplaceId, Money, SaleStatusSchema } from '../../platform/http/schemas.ts';
import { ingestBilledSales, MAX_BATCH } from './sales.service.ts';

const security = OPERATOR_SECURITY;

/** Operator ingest of the marketplace's billed sales. */
export const salesOpsRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/api/v1/ops/billed-sales',
    {
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        operationId: 'ingestBilledSales',
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
                  amountUsd: Money,
                  billedAt: DateTime,
                  status: SaleStatusSchema,
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
      return ingestBilledSales(db, request.body.items, 'now', 'items', request.now);
    },
  );
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/database.ts';
import { requireOperator } from '../../server/auth.ts';
import { DateTime, errorResponses, LocaleSchema, Uuid } from '../../server/schemas.ts';

/** What the outbox holds: pending and failed mail for operators, and (without SMTP) the dev mailbox. */
export const notificationsOpsRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/ops/outbox',
    {
      schema: {
        tags: ['operations'],
        security: [{ operatorToken: [] }],
        summary: 'Emails in the outbox by status (pending, sending, sent, failed), newest first',
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Enum(['pending', 'sending', 'sent', 'failed'])),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            counts: Type.Object({ pending: Type.Integer(), sending: Type.Integer(), sent: Type.Integer(), failed: Type.Integer() }),
            items: Type.Array(
              Type.Object({
                id: Uuid,
                messageId: Type.String(),
                kind: Type.String(),
                recipient: Type.String(),
                locale: LocaleSchema,
                subject: Type.String(),
                textBody: Type.String(),
                status: Type.Enum(['pending', 'sending', 'sent', 'failed']),
                attempts: Type.Integer(),
                nextAttemptAt: DateTime,
                lastError: Type.Union([Type.String(), Type.Null()]),
                createdAt: DateTime,
                sentAt: Type.Union([DateTime, Type.Null()]),
              }),
            ),
          }),
          ...errorResponses('UNAUTHENTICATED'),
        },
      },
      // A query string is text and the app's validator does not coerce types: read ?limit=50 as
      // the number 50 before validation, or every limit would be refused as TYPE_INVALID.
      preValidation: async (request) => {
        const query = request.query as Record<string, unknown> | null;
        if (query && typeof query.limit === 'string' && /^\d{1,6}$/.test(query.limit)) query.limit = Number(query.limit);
      },
    },
    async (request) => {
      requireOperator(request);
      let query = db
        .selectFrom('outbox')
        .select(['id', 'message_id', 'kind', 'recipient', 'locale', 'subject', 'text_body', 'status', 'attempts', 'next_attempt_at', 'last_error', 'created_at', 'sent_at']);
      if (request.query.status) query = query.where('status', '=', request.query.status);
      const rows = await query.orderBy('created_at', 'desc').limit(request.query.limit ?? 100).execute();
      const grouped = await db.selectFrom('outbox').select(['status', db.fn.countAll<string>().as('n')]).groupBy('status').execute();
      const counts = { pending: 0, sending: 0, sent: 0, failed: 0 };
      for (const row of grouped) counts[row.status] = Number(row.n);
      return {
        counts,
        items: rows.map((row) => ({
          id: row.id,
          messageId: row.message_id,
          kind: row.kind,
          recipient: row.recipient,
          locale: row.locale,
          subject: row.subject,
          textBody: row.text_body,
          status: row.status,
          attempts: row.attempts,
          nextAttemptAt: row.next_attempt_at.toISOString(),
          lastError: row.last_error,
          createdAt: row.created_at.toISOString(),
          sentAt: row.sent_at?.toISOString() ?? null,
        })),
      };
    },
  );
};

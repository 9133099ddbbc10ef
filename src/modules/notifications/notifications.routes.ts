import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/database.ts';
import { contextOf, OPERATOR_SECURITY, requireOperator } from '../../platform/http/principal.ts';
import { DateTime, errorResponses, LocaleSchema, PageOf, PageQuery, Uuid } from '../../platform/http/schemas.ts';
import { outboxMessageText, outboxView, resendFailed } from './notifications.service.ts';

/** What the outbox holds: pending and failed mail for operators, and (without SMTP) the dev mailbox. */
export const notificationsOpsRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/ops/outbox',
    {
      schema: {
        operationId: 'getOutbox',
        tags: ['operations'],
        security: OPERATOR_SECURITY,
        summary: 'Emails in the outbox by status (pending, sending, sent, failed), newest first',
        description: 'The counts are of the whole outbox; the items a page at a time.',
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Enum(['pending', 'sending', 'sent', 'failed'])),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            counts: Type.Object({ pending: Type.Integer(), sending: Type.Integer(), sent: Type.Integer(), failed: Type.Integer() }),
            ...PageOf(
              Type.Object({
                id: Uuid,
                messageId: Type.String(),
                kind: Type.String(),
                recipient: Type.String(),
                recipientName: Type.Union([Type.String(), Type.Null()], { description: "The To: header's display name; null when the address goes alone" }),
                locale: LocaleSchema,
                subject: Type.String(),
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
    },
    async (request) => {
      requireOperator(request);
      return outboxView(db, request.query);
    },
  );
  app.get(
    '/api/v1/ops/outbox/:id',
    {
      schema: {
        operationId: 'getOutboxMessageText',
        tags: ['operations'],
        security: OPERATOR_SECURITY,
        summary: "A message's text as it was sent (each read is audited: it is the partner's correspondence)",
        params: Type.Object({ id: Uuid }),
        response: { 200: Type.Object({ id: Uuid, subject: Type.String(), locale: LocaleSchema, textBody: Type.String() }), ...errorResponses('UNAUTHENTICATED', 'NOT_FOUND') },
      },
    },
    async (request) => {
      requireOperator(request);
      return outboxMessageText(db, request.params.id, contextOf(request));
    },
  );
  app.post(
    '/api/v1/ops/outbox/:id/resend',
    {
      // Part of an agent's work: the partner must get the message.
      config: { operatorRole: 'rewards-agent' },
      schema: {
        operationId: 'resendOutboxMessage',
        tags: ['operations'],
        security: OPERATOR_SECURITY,
        summary: 'Send a failed message again (its attempts start over)',
        params: Type.Object({ id: Uuid }),
        response: { 200: Type.Object({ id: Uuid, status: Type.Literal('pending') }), ...errorResponses('UNAUTHENTICATED', 'NOT_FOUND', 'MESSAGE_NOT_FAILED') },
      },
    },
    async (request) => {
      requireOperator(request);
      const result = await resendFailed(db, request.params.id, contextOf(request));
      app.emailQueued();
      return result;
    },
  );
};

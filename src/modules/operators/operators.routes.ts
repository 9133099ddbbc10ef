import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/database.ts';
import { contextOf, OPERATOR_SECURITY, requireOperator } from '../../platform/http/principal.ts';
import { component, DateTime, Email, errorResponses, IdParams, LocaleSchema, Password, Uuid } from '../../platform/http/schemas.ts';
import { OPERATOR_ROLES } from '../../platform/values.ts';
import { changeTeamAccount, listTeamAccounts } from './operator-admin.service.ts';
import { createOperator } from './operators.service.ts';

const RoleSchema = Type.Enum([...OPERATOR_ROLES]);

const TeamAccount = component(
  'OperatorAccount',
  Type.Object({
    id: Uuid,
    username: Type.String(),
    displayName: Type.String(),
    email: Type.String(),
    role: RoleSchema,
    managerId: Type.Union([Uuid, Type.Null()]),
    locale: Type.Union([LocaleSchema, Type.Null()]),
    enrolled: Type.Boolean({ description: 'Whether the second factor is enrolled (at the first sign-in)' }),
    disabledAt: Type.Union([DateTime, Type.Null()]),
    createdAt: DateTime,
  }),
);

/** The Rewards team's directory as an operator admin manages it in the console (issue #14). */
export const operatorAdminRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  const security = OPERATOR_SECURITY;
  app.get(
    '/api/v1/ops/operator-accounts',
    {
      config: { operatorRole: 'operator-admin' },
      schema: {
        operationId: 'listOperatorAccounts',
        tags: ['operations'],
        security,
        summary: 'The Rewards team: every operator account, disabled ones too, by name',
        response: { 200: Type.Object({ items: Type.Array(TeamAccount) }), ...errorResponses('UNAUTHENTICATED') },
      },
    },
    async () => ({ items: await listTeamAccounts(db) }),
  );
  app.post(
    '/api/v1/ops/operator-accounts',
    {
      schema: {
        operationId: 'createOperatorAccount',
        tags: ['operations'],
        security,
        summary: 'Add a member of the Rewards team with a first password (their second factor is enrolled at their first sign-in)',
        body: Type.Object(
          {
            username: Type.String({ minLength: 3, maxLength: 254, description: 'Their sign-in name (an email address)' }),
            displayName: Type.String({ minLength: 1, maxLength: 200 }),
            email: Email,
            role: RoleSchema,
            password: Password,
            managerId: Type.Optional(Type.Union([Uuid, Type.Null()])),
            locale: Type.Optional(Type.Union([LocaleSchema, Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 201: TeamAccount, ...errorResponses('UNAUTHENTICATED') },
      },
    },
    async (request, reply) => {
      requireOperator(request);
      const created = await createOperator(db, request.body, contextOf(request));
      return reply.status(201).send((await listTeamAccounts(db)).find((account) => account.id === created.id)!);
    },
  );
  app.patch(
    '/api/v1/ops/operator-accounts/:id',
    {
      schema: {
        operationId: 'changeOperatorAccount',
        tags: ['operations'],
        security,
        summary: "Change a member's name, role, manager or language, or disable the account (their sessions end at once)",
        params: IdParams,
        body: Type.Object(
          {
            displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            role: Type.Optional(RoleSchema),
            managerId: Type.Optional(Type.Union([Uuid, Type.Null()])),
            locale: Type.Optional(Type.Union([LocaleSchema, Type.Null()])),
            disabled: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: TeamAccount, ...errorResponses('UNAUTHENTICATED', 'NOT_FOUND') },
      },
    },
    async (request) => {
      const caller = requireOperator(request);
      return changeTeamAccount(db, request.params.id, request.body, { ...contextOf(request), operatorId: caller.via === 'session' ? caller.operatorId : null });
    },
  );
};

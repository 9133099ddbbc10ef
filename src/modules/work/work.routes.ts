import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/database.ts';
import { contextOf, OPERATOR_SECURITY, requireOperator } from '../../platform/http/principal.ts';
import { DateTime, errorResponses, MpnId, PageOf, PageQuery, Uuid } from '../../platform/http/schemas.ts';
import { listActiveOperators } from '../operators/operators.service.ts';
import { Assignment, AssignBody, ContactBody, Dashboard, TeamMember, WorkContact, WorkItem, WorkParams, WorkQuery } from './work.schemas.ts';
import { dashboard } from './work-dashboard.ts';
import { clearEngagementManager, nameEngagementManager } from './engagement.service.ts';
import { assignWork, listQueue, listWorkContacts, recordWorkContact, unassignWork, type WorkCaller } from './work.service.ts';

/** Who is working: the operator of the console session, or a token. */
function callerOf(request: FastifyRequest): WorkCaller {
  const operator = requireOperator(request);
  return operator.via === 'session'
    ? { via: 'session', operatorId: operator.operatorId, name: operator.name, role: operator.role }
    : { via: 'token', name: operator.name, role: operator.role };
}

/** The Rewards team's queue (issue #14): the console's first page, and the same operations for automation. */
export const workOpsRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  const security = OPERATOR_SECURITY;
  app.get(
    '/api/v1/ops/work',
    {
      schema: {
        operationId: 'listWork',
        tags: ['operations'],
        security,
        summary: 'The work queue: open activations, technical requests and sponsorship provisioning requests, soonest due first',
        description: 'Each item with its due time and the time left (negative once overdue); filter by kind, state, partner, benefit, assignee and overdue. A page at a time.',
        querystring: Type.Object({ ...WorkQuery, ...PageQuery }, { additionalProperties: false }),
        response: { 200: Type.Object(PageOf(WorkItem)), ...errorResponses('UNAUTHENTICATED') },
      },
    },
    async (request) => {
      const { overdue, ...query } = request.query;
      return listQueue(db, callerOf(request), { ...query, kind: query.kind ? [query.kind] : undefined, overdue: overdue === undefined ? undefined : overdue === 'true' }, request.now, request.locale);
    },
  );
  app.post(
    '/api/v1/ops/work/:kind/:id/assignment',
    {
      config: { operatorRole: 'rewards-agent' },
      schema: {
        operationId: 'assignWork',
        tags: ['operations'],
        security,
        summary: 'Assign an open item: to yourself, or (a manager) to someone of the team',
        params: WorkParams,
        body: AssignBody,
        response: { 200: Assignment, ...errorResponses('UNAUTHENTICATED', 'NOT_FOUND') },
      },
    },
    async (request) => assignWork(db, callerOf(request), request.params.kind, request.params.id, request.body.assigneeId, contextOf(request)),
  );
  app.delete(
    '/api/v1/ops/work/:kind/:id/assignment',
    {
      config: { operatorRole: 'rewards-agent' },
      schema: {
        operationId: 'unassignWork',
        tags: ['operations'],
        security,
        summary: 'Put an item back in the unassigned queue (its assignee, or a manager)',
        description: "An item that is the partner's engagement manager's by default has no assignment to take back: 409 ASSIGNED_BY_DEFAULT (assign it to someone else instead).",
        params: WorkParams,
        response: { 204: { type: 'null' }, ...errorResponses('UNAUTHENTICATED', 'NOT_FOUND', 'ASSIGNED_BY_DEFAULT') },
      },
    },
    async (request, reply) => {
      await unassignWork(db, callerOf(request), request.params.kind, request.params.id, contextOf(request));
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/v1/ops/work/:kind/:id/contacts',
    {
      schema: {
        operationId: 'listWorkContacts',
        tags: ['operations'],
        security,
        summary: 'The contacts recorded for an item, newest first',
        params: WorkParams,
        response: { 200: Type.Object({ items: Type.Array(WorkContact) }), ...errorResponses('UNAUTHENTICATED') },
      },
    },
    async (request) => {
      requireOperator(request);
      return { items: await listWorkContacts(db, request.params.kind, request.params.id) };
    },
  );
  app.post(
    '/api/v1/ops/work/:kind/:id/contacts',
    {
      config: { operatorRole: 'rewards-agent' },
      schema: {
        operationId: 'recordWorkContact',
        tags: ['operations'],
        security,
        summary: "Record a contact with the partner (channel, note, time); an activation's first one puts its benefit in progress",
        params: WorkParams,
        body: ContactBody,
        response: { 201: WorkContact, ...errorResponses('UNAUTHENTICATED', 'NOT_FOUND') },
      },
    },
    async (request, reply) => reply.status(201).send(await recordWorkContact(db, callerOf(request), request.params.kind, request.params.id, request.body, contextOf(request))),
  );
  app.get(
    '/api/v1/ops/dashboard',
    {
      schema: {
        operationId: 'getWorkDashboard',
        tags: ['operations'],
        security,
        summary: 'Open, due today and overdue work, and the last 30 days: median time to first contact and the share contacted within a week, overall and per agent',
        querystring: Type.Object({ timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Whose "today" (IANA name; default UTC)' })) }, { additionalProperties: false }),
        response: { 200: Dashboard, ...errorResponses('UNAUTHENTICATED') },
      },
    },
    async (request) => {
      requireOperator(request);
      return dashboard(db, request.now, request.query.timeZone ?? 'UTC');
    },
  );
  app.get(
    '/api/v1/ops/operators',
    {
      schema: {
        operationId: 'listTeam',
        tags: ['operations'],
        security,
        summary: 'The Rewards team: the operators whose accounts are active, by name',
        response: { 200: Type.Object({ items: Type.Array(TeamMember) }), ...errorResponses('UNAUTHENTICATED') },
      },
    },
    async (request) => {
      requireOperator(request);
      const team = await listActiveOperators(db);
      return { items: team.map(({ id, displayName, email, role }) => ({ id, displayName, email, role })) };
    },
  );
  const engagementPath = '/api/v1/ops/partners/:mpnId/engagement-manager';
  const MpnParams = Type.Object({ mpnId: MpnId }, { additionalProperties: false });
  app.put(
    engagementPath,
    {
      config: { operatorRole: 'rewards-manager' },
      schema: {
        operationId: 'nameEngagementManager',
        tags: ['operations'],
        security,
        summary: "Name the partner's engagement manager: its open work without an assignment of its own is hers",
        params: MpnParams,
        body: Type.Object({ operatorId: Uuid }, { additionalProperties: false }),
        response: { 200: Type.Object({ operator: Type.Object({ id: Uuid, name: Type.String() }), namedAt: DateTime }), ...errorResponses('UNAUTHENTICATED', 'NOT_FOUND') },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      return nameEngagementManager(db, request.params.mpnId, request.body.operatorId, caller.via === 'session' ? caller.operatorId : null, contextOf(request));
    },
  );
  app.delete(
    engagementPath,
    {
      config: { operatorRole: 'rewards-manager' },
      schema: {
        operationId: 'clearEngagementManager',
        tags: ['operations'],
        security,
        summary: "The partner has no engagement manager any more: its unassigned work is unassigned",
        params: MpnParams,
        response: { 204: { type: 'null' }, ...errorResponses('UNAUTHENTICATED', 'NOT_FOUND') },
      },
    },
    async (request, reply) => {
      requireOperator(request);
      await clearEngagementManager(db, request.params.mpnId, contextOf(request));
      return reply.status(204).send(null);
    },
  );
};

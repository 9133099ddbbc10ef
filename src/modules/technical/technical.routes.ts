import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/database.ts';
import { bodyProblems } from '../../platform/errors.ts';
import { pageInMemory, type Keyset } from '../../platform/db/pages.ts';
import { IdempotencyHeaders, idempotent } from '../../platform/http/idempotency.ts';
import { contextOf, OPERATOR_SECURITY, requireMember, requireOperator } from '../../platform/http/principal.ts';
import { DateTime, errorResponses, PageOf, PageQuery, Uuid } from '../../platform/http/schemas.ts';
import { findPartnerAccount } from '../accounts/accounts.service.ts';
import { offersOfMpnId } from '../catalog/catalog.service.ts';
import { contentDisposition } from './attachments.ts';
import { AttachmentUpload, Attachment, MessageInput, NewTechnicalRequest, RequestStatusSchema, TeamTechnicalRequest, TeamTechnicalRequestSummary, TechnicalBenefit, TechnicalRequest, TechnicalRequestChange, TechnicalRequestSummary, CHANGE_ERRORS, MEMBER_ERRORS, Params } from './technical.schemas.ts';
import { cancelTechnicalRequest, changeTechnicalRequest, getTechnicalRequest, listTechnicalRequests, postTechnicalRequestMessage, submitTechnicalRequest, type RequestDetail } from './technical-requests.service.ts';
import { addTechnicalRequestAttachment, downloadTechnicalRequestAttachment, downloadTechnicalRequestAttachmentAsTeam } from './request-files.service.ts';
import { listTechnicalBenefits } from './reservations.ts';
import { requireRewardsAccount, type Links } from './technical.context.ts';
import { getTechnicalRequestForTeam, listTechnicalRequestsForTeam, moveTechnicalRequestAsTeam, postTechnicalRequestMessageAsTeam } from './technical-team.service.ts';

/**
 * How the team signs what it writes to a partner. An operator token names automation, not a person
 * ("ci-bot"), so partners read the team's name; the audit log keeps which token acted. (The console
 * issue's operator accounts will sign with a person's name.)
 */
const TEAM_NAME = 'Rewards team';

const AttachmentParams = Type.Object({ id: Uuid, attachmentId: Uuid });

/** A file as it is downloaded: never shown inline, never sniffed, never run (a sandboxed CSP of its own). */
function sendFile(reply: FastifyReply, file: { fileName: string; mediaType: string; content: Buffer }) {
  return reply
    .header('content-type', file.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : file.mediaType)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(file.content);
}

const FileResponse = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The file, as an attachment (Content-Disposition), with the type its content showed' });

const BENEFITS_IN_MEMORY: Keyset = { list: 'technical-benefits', keys: [{ column: 'unlocked_at', direction: 'asc', type: 'text' }, { column: 'id', direction: 'asc', type: 'text' }] };
const byKey = (a: string[], b: string[]) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0);

/** Technical benefits of the signed-in partner: what is left, the request form's data, requests, sponsorships. */
export const technicalRoutes: FastifyPluginAsyncTypebox<{ db: Db; links: Links }> = async (app, { db, links }) => {
  app.get(
    '/api/v1/rewards/technical-benefits',
    {
      schema: {
        operationId: 'listTechnicalBenefits',
        tags: ['rewards'],
        summary: 'The technical benefits with what is left of each (hours or requests), and whether a request can draw on it',
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
        response: { 200: Type.Object(PageOf(TechnicalBenefit)), ...errorResponses(...MEMBER_ERRORS) },
      },
    },
    async (request) => {
      const benefits = await listTechnicalBenefits(db, requireMember(request), request.locale, request.now);
      return pageInMemory(BENEFITS_IN_MEMORY, benefits, request.query, (benefit) => [benefit.unlockedAt, benefit.id], byKey);
    },
  );

  app.get(
    '/api/v1/rewards/offers',
    {
      schema: {
        operationId: 'listPartnerOffers',
        tags: ['rewards'],
        summary: "The partner's offers, over every publisher profile (what a technical request can be about)",
        description: 'By name, then id; a page at a time.',
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
        response: {
          200: Type.Object(
            PageOf(Type.Object({ id: Type.String(), name: Type.String(), listingType: Type.String(), status: Type.String(), publisherProfileName: Type.String() })),
          ),
          ...errorResponses(...MEMBER_ERRORS),
        },
      },
    },
    async (request) => {
      const account = await findPartnerAccount(db, requireRewardsAccount(requireMember(request)));
      return offersOfMpnId(db, account!.mpnId, request.query);
    },
  );

  app.get(
    '/api/v1/rewards/technical-requests',
    {
      schema: {
        operationId: 'listTechnicalRequests',
        tags: ['rewards'],
        summary: "The partner's technical assistance requests, newest first",
        querystring: Type.Object({ status: Type.Optional(RequestStatusSchema), ...PageQuery }, { additionalProperties: false }),
        response: { 200: Type.Object(PageOf(TechnicalRequestSummary)), ...errorResponses(...MEMBER_ERRORS) },
      },
    },
    async (request) => listTechnicalRequests(db, requireMember(request), request.query),
  );

  app.post(
    '/api/v1/rewards/technical-requests',
    {
      attachValidation: true,
      schema: {
        operationId: 'submitTechnicalRequest',
        tags: ['rewards'],
        summary: 'Submit a technical assistance request: it reserves from a technical benefit, and the technical contact is emailed',
        description:
          'Every field is checked at once (422 lists each problem). With `Idempotency-Key`, a repeated submit (also two at once) ' +
          'answers with the first request and creates nothing.',
        headers: IdempotencyHeaders,
        body: NewTechnicalRequest,
        response: {
          201: TechnicalRequest,
          ...errorResponses(...MEMBER_ERRORS, 'CSRF_TOKEN_INVALID', 'BENEFIT_NOT_AVAILABLE', 'IDEMPOTENCY_KEY_REUSED', 'RATE_LIMITED'),
        },
      },
    },
    async (request, reply) => {
      const member = requireMember(request);
      // The schema's problems and the service's rules (the offer, the time zone, the contact, the benefit)
      // come in one answer: the service reads only the fields the schema passed, and with any problem it
      // refuses before anything is stored, so nothing is replayed for a key and nothing kept under it.
      const schema = bodyProblems(request.validationError, request.body);
      if (schema) return submitTechnicalRequest(db, member, request.body, contextOf(request), links, undefined, request.locale, schema);
      const body = await idempotent(db, request, reply, 201, (detail: RequestDetail) => detail, (beforeCommit) =>
        submitTechnicalRequest(db, member, request.body, contextOf(request), links, beforeCommit, request.locale),
      );
      app.emailQueued();
      return body;
    },
  );

  app.get(
    '/api/v1/rewards/technical-requests/:id',
    {
      schema: {
        operationId: 'getTechnicalRequest',
        tags: ['rewards'],
        summary: 'A technical assistance request with its history, messages and files',
        params: Params,
        response: { 200: TechnicalRequest, ...errorResponses(...MEMBER_ERRORS, 'NOT_FOUND') },
      },
    },
    async (request) => getTechnicalRequest(db, requireMember(request), request.params.id, request.locale),
  );

  app.patch(
    '/api/v1/rewards/technical-requests/:id',
    {
      attachValidation: true,
      schema: {
        operationId: 'changeTechnicalRequest',
        tags: ['rewards'],
        summary: 'Edit a submitted request, or answer one the team asked about (action-required -> in-review), at its current revision',
        params: Params,
        body: TechnicalRequestChange,
        response: { 200: TechnicalRequest, ...errorResponses(...CHANGE_ERRORS, 'REVISION_CONFLICT', 'REQUEST_NOT_EDITABLE') },
      },
    },
    async (request) => {
      const member = requireMember(request);
      // Which request, at which revision, and whether it may be edited are answered first; then the
      // schema's problems and the service's rules in one answer, as for a submit.
      const schema = bodyProblems(request.validationError, request.body);
      const detail = await changeTechnicalRequest(db, member, request.params.id, request.body, contextOf(request), links, request.locale, schema);
      app.emailQueued();
      return detail;
    },
  );

  app.post(
    '/api/v1/rewards/technical-requests/:id/cancellation',
    {
      schema: {
        operationId: 'cancelTechnicalRequest',
        tags: ['rewards'],
        summary: 'Cancel a request until it is scheduled; its reservation goes back to the benefit',
        params: Params,
        body: Type.Object(
          { reason: Type.Optional(Type.String({ maxLength: 2000 })), revision: Type.Optional(Type.Integer({ minimum: 1 })) },
          { additionalProperties: false },
        ),
        response: { 200: TechnicalRequest, ...errorResponses(...CHANGE_ERRORS, 'TRANSITION_REFUSED', 'REVISION_CONFLICT') },
      },
    },
    async (request) => {
      const detail = await cancelTechnicalRequest(db, requireMember(request), request.params.id, request.body, contextOf(request), links, request.locale);
      app.emailQueued();
      return detail;
    },
  );

  app.post(
    '/api/v1/rewards/technical-requests/:id/messages',
    {
      schema: {
        operationId: 'postTechnicalRequestMessage',
        tags: ['rewards'],
        summary: "A message in the request's conversation with the Rewards team",
        params: Params,
        body: MessageInput,
        response: { 201: TechnicalRequest, ...errorResponses(...CHANGE_ERRORS, 'REQUEST_CLOSED') },
      },
    },
    async (request, reply) => {
      const detail = await postTechnicalRequestMessage(db, requireMember(request), request.params.id, request.body.body, contextOf(request), request.locale);
      return reply.status(201).send(detail);
    },
  );

  app.post(
    '/api/v1/rewards/technical-requests/:id/attachments',
    {
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        operationId: 'addTechnicalRequestAttachment',
        tags: ['rewards'],
        summary: 'Attach a file (PDF, PNG, JPEG or plain text, read from its content; at most 4 MB, 5 a request)',
        params: Params,
        body: AttachmentUpload,
        response: { 201: Attachment, ...errorResponses(...CHANGE_ERRORS, 'REQUEST_CLOSED', 'TOO_MANY_ATTACHMENTS') },
      },
    },
    async (request, reply) => {
      const attachment = await addTechnicalRequestAttachment(db, requireMember(request), request.params.id, request.body, contextOf(request));
      return reply.status(201).send(attachment);
    },
  );

  app.get(
    '/api/v1/rewards/technical-requests/:id/attachments/:attachmentId',
    {
      schema: {
        operationId: 'downloadTechnicalRequestAttachment',
        tags: ['rewards'],
        summary: 'Download a file of the request (always as an attachment)',
        params: AttachmentParams,
        response: { 200: FileResponse, ...errorResponses(...MEMBER_ERRORS, 'NOT_FOUND') },
      },
    },
    async (request, reply) => sendFile(reply, await downloadTechnicalRequestAttachment(db, requireMember(request), request.params.id, request.params.attachmentId)),
  );

};

/** The Rewards team's side of technical benefits (operator token; the console issue gives it pages). */
export const technicalOpsRoutes: FastifyPluginAsyncTypebox<{ db: Db; links: Links }> = async (app, { db, links }) => {
  const security = OPERATOR_SECURITY;
  app.get(
    '/api/v1/ops/technical-requests',
    {
      schema: {
        operationId: 'listTeamTechnicalRequests',
        tags: ['operations'],
        security,
        summary: 'Technical assistance requests to work on, oldest first (status `open`, the default, is every one not closed)',
        querystring: Type.Object({ status: Type.Optional(Type.Union([RequestStatusSchema, Type.Enum(['open', 'all'])])), ...PageQuery }, { additionalProperties: false }),
        response: { 200: Type.Object(PageOf(TeamTechnicalRequestSummary)), ...errorResponses('UNAUTHENTICATED') },
      },
    },
    async (request) => {
      requireOperator(request);
      return listTechnicalRequestsForTeam(db, request.query);
    },
  );
  app.get(
    '/api/v1/ops/technical-requests/:id',
    {
      schema: {
        operationId: 'getTeamTechnicalRequest',
        tags: ['operations'],
        security,
        summary: 'A technical assistance request, with where it may be moved',
        params: Params,
        response: { 200: TeamTechnicalRequest, ...errorResponses('UNAUTHENTICATED', 'NOT_FOUND') },
      },
    },
    async (request) => {
      requireOperator(request);
      return getTechnicalRequestForTeam(db, request.params.id, request.locale);
    },
  );
  app.post(
    '/api/v1/ops/technical-requests/:id/transitions',
    {
      // A Rewards agent's work (identity.plugin.ts: the least operator role).
      config: { operatorRole: 'rewards-agent' },
      schema: {
        operationId: 'moveTeamTechnicalRequest',
        tags: ['operations'],
        security,
        summary: 'Move a request through its lifecycle (in-review, action-required with what is needed, scheduled with its time, completed, declined with why)',
        params: Params,
        body: Type.Object(
          {
            to: RequestStatusSchema,
            reason: Type.Optional(Type.String({ maxLength: 2000 })),
            scheduledAt: Type.Optional(DateTime),
            revision: Type.Optional(Type.Integer({ minimum: 1 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: TeamTechnicalRequest, ...errorResponses('UNAUTHENTICATED', 'NOT_FOUND', 'TRANSITION_REFUSED', 'REVISION_CONFLICT') },
      },
    },
    async (request) => {
      requireOperator(request);
      const detail = await moveTechnicalRequestAsTeam(db, request.params.id, request.body, contextOf(request), links, request.locale, TEAM_NAME);
      app.emailQueued();
      return detail;
    },
  );
  app.post(
    '/api/v1/ops/technical-requests/:id/messages',
    {
      // A Rewards agent's work (identity.plugin.ts: the least operator role).
      config: { operatorRole: 'rewards-agent' },
      schema: {
        operationId: 'postTeamTechnicalRequestMessage',
        tags: ['operations'],
        security,
        summary: 'Write to the partner about a request (the technical contact is emailed)',
        params: Params,
        body: MessageInput,
        response: { 201: TeamTechnicalRequest, ...errorResponses('UNAUTHENTICATED', 'NOT_FOUND', 'REQUEST_CLOSED') },
      },
    },
    async (request, reply) => {
      requireOperator(request);
      const detail = await postTechnicalRequestMessageAsTeam(db, request.params.id, request.body.body, contextOf(request), links, request.locale, TEAM_NAME);
      app.emailQueued();
      return reply.status(201).send(detail);
    },
  );
  app.get(
    '/api/v1/ops/technical-requests/:id/attachments/:attachmentId',
    {
      schema: {
        operationId: 'downloadTeamTechnicalRequestAttachment',
        tags: ['operations'],
        security,
        summary: 'Download a file of a request (always as an attachment)',
        params: AttachmentParams,
        response: { 200: FileResponse, ...errorResponses('UNAUTHENTICATED', 'NOT_FOUND') },
      },
    },
    async (request, reply) => {
      requireOperator(request);
      return sendFile(reply, await downloadTechnicalRequestAttachmentAsTeam(db, request.params.id, request.params.attachmentId));
    },
  );

};

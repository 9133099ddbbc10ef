import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import { contextOf, requireOperator, requireUser } from '../../platform/http/principal.ts';
import { Type } from 'typebox';
import { CSRF_COOKIE, OPERATOR_PENDING_COOKIE, OPERATOR_PENDING_PATH, SESSION_COOKIE } from './identity.plugin.ts';
import { AppError, bodyProblems, validationFailed } from '../../platform/errors.ts';
import { DateTime, errorResponses, IdParams, PageOf, PageQuery, Uuid, withHeaders } from '../../platform/http/schemas.ts';
import {
  ChangePasswordBody,
  CreateOperatorTokenBody,
  OperatorDto,
  OperatorSecondFactorNeeded,
  OperatorSignedInBody,
  SecondFactorBody,
  toOperatorDto,
  OperatorTokenDto,
  SignedInBody,
  SignInBody,
  toOperatorTokenDto,
  toSignedInBody,
  UpdateMeBody,
  VisibilityHelpBody,
} from './identity.schemas.ts';
import {
  changeOwnPassword,
  createOperatorToken,
  describeSignedIn,
  isPartnerUsername,
  listOperatorTokens,
  revokeOperatorToken,
  setUserLocale,
  signIn,
  signOut,
  signOutEverywhere,
  type SignInLimits,
} from './identity.service.ts';
import { visibilityHelp } from './visibility-help.ts';
import { beginOperatorSignIn, completeOperatorSignIn, isOperatorUsername, PENDING_MINUTES, signOutOperator } from '../operators/operators.service.ts';

function isSameOrigin(origin: string, publicUrl: string, host: string | undefined): boolean {
  if (origin === publicUrl) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export interface IdentityRoutesOptions {
  db: Db;
  /** The portal's own origin: sign-in refuses a form posted from any other. */
  publicUrl: string;
  cookieSecure: boolean;
  sessionTtlHours: number;
  signIn: SignInLimits;
}

export const identityRoutes: FastifyPluginAsyncTypebox<IdentityRoutesOptions> = async (app, { db, ...config }) => {
  const cookieOptions = { path: '/', sameSite: 'lax' as const, secure: config.cookieSecure };
  const clearCookies = (reply: FastifyReply) =>
    reply.clearCookie(SESSION_COOKIE, { ...cookieOptions, httpOnly: true }).clearCookie(CSRF_COOKIE, cookieOptions);

  const pendingCookieOptions = { path: OPERATOR_PENDING_PATH, sameSite: 'strict' as const, secure: config.cookieSecure, httpOnly: true };
  const SETS_PENDING = {
    'set-cookie': { type: 'string', description: `\`${OPERATOR_PENDING_COOKIE}\`: the sign-in waiting for its second factor (HttpOnly, SameSite=Strict, only sent to ${OPERATOR_PENDING_PATH})` },
  } as const;
  const SETS_SESSION = {
    'set-cookie': {
      type: 'string',
      description: `\`${SESSION_COOKIE}\` (the session, HttpOnly) and \`${CSRF_COOKIE}\` (the CSRF token for \`x-csrf-token\`), SameSite=Lax, Secure over https`,
    },
  } as const;
  const CLEARS_SESSION = {
    'set-cookie': { type: 'string', description: `Clears \`${SESSION_COOKIE}\` and \`${CSRF_COOKIE}\`` },
  } as const;

  app.post(
    '/api/v1/auth/sign-in',
    {
      config: { csrf: false },
      schema: {
        operationId: 'signIn',
        tags: ['identity'],
        summary: 'Sign in with a sign-in name (name@tenant-domain) and password',
        description:
          'A partner user is signed in at once (200). A member of the Rewards team (an operator) gets 202: the password was right, and the second factor is next (POST /api/v1/auth/operator/second-factor, within the pending cookie\'s minutes).',
        body: SignInBody,
        response: {
          200: withHeaders(SignedInBody, SETS_SESSION),
          202: withHeaders(OperatorSecondFactorNeeded, SETS_PENDING),
          ...errorResponses('INVALID_CREDENTIALS', 'FORBIDDEN', 'TOO_MANY_ATTEMPTS'),
        },
      },
    },
    async (request, reply) => {
      // The schema reports both fields at once. Nothing is merged with it: wrong credentials are not a
      // field's problem (the answer never says which part was wrong), so they are checked only when both are there.
      // Login CSRF: a browser always names the page's origin; another site's form is refused.
      const origin = request.headers.origin;
      if (origin !== undefined && !isSameOrigin(origin, config.publicUrl, request.headers.host)) {
        throw new AppError('FORBIDDEN', { messageId: 'error.FORBIDDEN.origin' });
      }
      // An operator's name goes on to the second factor. Partner users are asked first: a name is never
      // given to an operator when a partner user has it (operators.service.ts), and should a partner user
      // be given an operator's name later, the partner user keeps signing in.
      if (!(await isPartnerUsername(db, request.body.username)) && (await isOperatorUsername(db, request.body.username))) {
        const pending = await beginOperatorSignIn(db, request.body, config.signIn, contextOf(request));
        reply.setCookie(OPERATOR_PENDING_COOKIE, pending.pendingToken, { ...pendingCookieOptions, maxAge: PENDING_MINUTES * 60 });
        return reply.status(202).send({ secondFactor: pending.enrollment ? 'enroll' : 'verify', enrollment: pending.enrollment, expiresAt: pending.expiresAt.toISOString() });
      }
      const { user, secrets } = await signIn(db, request.body, config.sessionTtlHours, config.signIn, request.id);
      const maxAge = config.sessionTtlHours * 3600;
      reply
        .setCookie(SESSION_COOKIE, secrets.token, { ...cookieOptions, httpOnly: true, maxAge })
        .setCookie(CSRF_COOKIE, secrets.csrfToken, { ...cookieOptions, httpOnly: false, maxAge });
      if (user.locale) request.locale = user.locale;
      return toSignedInBody(await describeSignedIn(db, user), secrets.csrfToken);
    },
  );

  app.post(
    '/api/v1/auth/operator/second-factor',
    {
      config: { csrf: false },
      schema: {
        operationId: 'completeOperatorSignIn',
        tags: ['identity'],
        summary: "An operator's second factor: the authenticator's code (or a recovery code) after the password",
        description: `Needs the \`${OPERATOR_PENDING_COOKIE}\` cookie the sign-in set. Wrong codes are counted on that sign-in; at five it ends, and the password must be given again. A code is never accepted twice.`,
        body: SecondFactorBody,
        response: { 200: withHeaders(OperatorSignedInBody, SETS_SESSION), ...errorResponses('SECOND_FACTOR_INVALID', 'UNAUTHENTICATED', 'FORBIDDEN', 'TOO_MANY_ATTEMPTS') },
      },
    },
    async (request, reply) => {
      const origin = request.headers.origin;
      if (origin !== undefined && !isSameOrigin(origin, config.publicUrl, request.headers.host)) {
        throw new AppError('FORBIDDEN', { messageId: 'error.FORBIDDEN.origin' });
      }
      const pending = request.cookies[OPERATOR_PENDING_COOKIE];
      if (!pending) throw new AppError('UNAUTHENTICATED', { messageId: 'error.UNAUTHENTICATED.secondFactor' });
      try {
        const { operator, secrets, recoveryCodes } = await completeOperatorSignIn(db, pending, request.body, config.sessionTtlHours, contextOf(request));
        const maxAge = config.sessionTtlHours * 3600;
        reply
          .clearCookie(OPERATOR_PENDING_COOKIE, pendingCookieOptions)
          .setCookie(SESSION_COOKIE, secrets.token, { ...cookieOptions, httpOnly: true, maxAge })
          .setCookie(CSRF_COOKIE, secrets.csrfToken, { ...cookieOptions, httpOnly: false, maxAge });
        if (operator.locale) request.locale = operator.locale;
        return { operator: toOperatorDto(operator), recoveryCodes, csrfToken: secrets.csrfToken };
      } catch (error) {
        // The sign-in ended (too many wrong codes, expired): its cookie goes with it.
        if (error instanceof AppError && error.code !== 'SECOND_FACTOR_INVALID') reply.clearCookie(OPERATOR_PENDING_COOKIE, pendingCookieOptions);
        throw error;
      }
    },
  );

  app.post(
    '/api/v1/auth/sign-out',
    { schema: { operationId: 'signOut', tags: ['identity'], summary: 'Sign out and revoke the session', response: { 204: withHeaders(Type.Null(), CLEARS_SESSION), ...errorResponses('CSRF_TOKEN_INVALID') } } },
    async (request, reply) => {
      if (request.principal?.kind === 'user') await signOut(db, request.principal.sessionId);
      if (request.principal?.kind === 'operator' && request.principal.via === 'session') await signOutOperator(db, request.principal.sessionId, contextOf(request));
      clearCookies(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/sign-out-everywhere',
    {
      schema: {
        operationId: 'signOutEverywhere',
        tags: ['identity'],
        summary: 'Sign out everywhere: end every session of the signed-in user, this one too',
        response: { 204: withHeaders(Type.Null(), CLEARS_SESSION), ...errorResponses('UNAUTHENTICATED', 'CSRF_TOKEN_INVALID') },
      },
    },
    async (request, reply) => {
      await signOutEverywhere(db, requireUser(request).user, request.id);
      clearCookies(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/me/password',
    {
      attachValidation: true,
      schema: {
        operationId: 'changeOwnPassword',
        tags: ['identity'],
        summary: 'Change your own password (the current one is asked for); your other sessions end',
        body: ChangePasswordBody,
        response: { 204: { type: 'null' }, ...errorResponses('UNAUTHENTICATED', 'CSRF_TOKEN_INVALID', 'TOO_MANY_ATTEMPTS') },
      },
    },
    async (request, reply) => {
      const principal = requireUser(request);
      // Both fields' problems in one answer: the schema's, the new password's strength and a wrong current
      // password (the service reads only the fields the schema passed).
      const schema = bodyProblems(request.validationError, request.body);
      await changeOwnPassword(db, principal, request.body, config.signIn, request.id, schema);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    { schema: { operationId: 'getMe', tags: ['identity'], summary: 'The signed-in user', response: { 200: SignedInBody, ...errorResponses('UNAUTHENTICATED') } } },
    async (request) => {
      const principal = requireUser(request);
      return toSignedInBody(await describeSignedIn(db, principal.user), principal.csrfToken);
    },
  );

  app.patch(
    '/api/v1/me',
    {
      schema: {
        operationId: 'updateMe',
        tags: ['identity'],
        summary: "Save the user's language (null: follow the browser)",
        body: UpdateMeBody,
        response: { 200: SignedInBody, ...errorResponses('UNAUTHENTICATED', 'CSRF_TOKEN_INVALID') },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      const user = await setUserLocale(db, principal.user.id, request.body.locale);
      if (user.locale) request.locale = user.locale;
      return toSignedInBody(await describeSignedIn(db, user), principal.csrfToken);
    },
  );

  app.get(
    '/api/v1/ops/me',
    {
      schema: {
        operationId: 'getOperatorMe',
        tags: ['operations'],
        summary: 'Who is calling the operator API: an operator signed in to the console, or a token',
        response: {
          200: Type.Union([
            Type.Object({ kind: Type.Literal('operator'), operator: OperatorDto }),
            Type.Object({ kind: Type.Literal('token'), name: Type.String(), role: Type.Literal('operator-admin') }),
          ]),
          ...errorResponses('UNAUTHENTICATED'),
        },
      },
    },
    async (request) => {
      const caller = requireOperator(request);
      if (caller.via === 'token') return { kind: 'token' as const, name: caller.name, role: 'operator-admin' as const };
      // The session the request was resolved with (identity.plugin.ts): no second read.
      const operator = { id: caller.operatorId, username: caller.username, displayName: caller.name, email: caller.email, role: caller.role, locale: caller.locale };
      return { kind: 'operator' as const, operator: toOperatorDto(operator) };
    },
  );

  app.get(
    '/api/v1/ops/tokens',
    {
      config: { operatorRole: 'operator-admin' },
      schema: {
        operationId: 'listOperatorTokens',
        tags: ['operations'],
        summary: 'The operator API tokens, without their secrets (revoked and expired ones included)',
        description: 'By name; a page at a time.',
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
        response: { 200: Type.Object(PageOf(OperatorTokenDto)), ...errorResponses('UNAUTHENTICATED') },
      },
    },
    async (request) => {
      const page = await listOperatorTokens(db, request.query);
      return { items: page.items.map(toOperatorTokenDto), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/v1/ops/tokens',
    {
      schema: {
        operationId: 'createOperatorToken',
        tags: ['operations'],
        summary: 'Create an operator API token (a name in use gets a new secret); the secret is in this answer only',
        body: CreateOperatorTokenBody,
        response: {
          201: Type.Object({ id: Uuid, name: Type.String(), token: Type.String(), expiresAt: Type.Union([DateTime, Type.Null()]) }),
          ...errorResponses('UNAUTHENTICATED'),
        },
      },
    },
    async (request, reply) => {
      const expiresAt = request.body.expiresAt ? new Date(request.body.expiresAt) : null;
      if (expiresAt && expiresAt.getTime() <= request.now.getTime()) throw validationFailed({ expiresAt: { code: 'NOT_IN_FUTURE' } });
      const ctx = contextOf(request);
      const created = await createOperatorToken(db, request.body.name, { expiresAt, actor: ctx.actor, requestId: request.id });
      return reply.status(201).send({ ...created, name: request.body.name, expiresAt: created.expiresAt?.toISOString() ?? null });
    },
  );

  app.delete(
    '/api/v1/ops/tokens/:id',
    {
      schema: {
        operationId: 'revokeOperatorToken',
        tags: ['operations'],
        summary: 'Revoke an operator API token at once',
        params: IdParams,
        response: { 204: { type: 'null' }, ...errorResponses('UNAUTHENTICATED', 'NOT_FOUND') },
      },
    },
    async (request, reply) => {
      await revokeOperatorToken(db, { id: request.params.id }, contextOf(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/help/rewards-visibility',
    {
      schema: {
        operationId: 'getRewardsVisibilityHelp',
        tags: ['identity'],
        summary: "Why can't I see the Marketplace Rewards program? The checks for the signed-in user",
        response: { 200: VisibilityHelpBody, ...errorResponses('UNAUTHENTICATED') },
      },
    },
    async (request) => {
      const { user } = requireUser(request);
      const described = await describeSignedIn(db, user);
      return visibilityHelp(request.locale, {
        ...described.visibility,
        tenantDomain: user.tenantDomain,
        partnerAccount: described.partnerAccount,
      });
    },
  );
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/database.ts';
import { contextOf, OPERATOR_SECURITY, requireMember, requireOperator } from '../../platform/http/principal.ts';
import { errorResponses, PageOf, PageQuery } from '../../platform/http/schemas.ts';
import { IdempotencyHeaders, idempotent } from '../../platform/http/idempotency.ts';
import type { ManagedUserRow, TenantRow } from './accounts.repository.ts';
import { accountAbilities } from './accounts.policy.ts';
import {
  AddAccountUserBody,
  AssociateTenantBody,
  CreatePartnerAccountBody,
  CreateTenantBody,
  IdParams,
  NewUserBody,
  ResetPasswordBody,
  PartnerAccountDto,
  TenantDto,
  TenantRemovalDto,
  toPartnerAccountDto,
  toTenantRemovalDto,
  AccountAbilities,
  AccountUserDto,
  toAccountUserDto,
  toTenantDto,
  toUserDto,
  UpdateAccountUserBody,
  UserDto,
} from './accounts.schemas.ts';
import { createPartnerAccount, createTenant, createUser, findPartnerAccount } from './accounts.service.ts';
import { addAccountUser, listAccountUsers, removeAccountUser, requireUserManager, resetAccountUserPassword, updateAccountUser } from './account-users.service.ts';
import { associateTenant, listAccountTenants, previewTenantRemoval, removeTenantAssociation, type AssociationLimits, type CredentialsCheck } from './tenant-association.service.ts';
import { checkCredentials, endSessionsOf, type SignInLimits } from '../identity/identity.service.ts';
import { marketingContactOfAccount } from '../benefits/benefits.service.ts';
import { releaseMarketingContact } from '../benefits/contact-release.service.ts';
import { bodyProblems } from '../../platform/errors.ts';

const MEMBER_ERRORS = ['UNAUTHENTICATED', 'FORBIDDEN', 'NO_PARTNER_ACCOUNT'] as const;
const CHANGE_ERRORS = [...MEMBER_ERRORS, 'CSRF_TOKEN_INVALID', 'NOT_FOUND'] as const;

/** Settings > Account settings: the users and tenants of the caller's partner account. */
export const accountRoutes: FastifyPluginAsyncTypebox<{ db: Db; association: AssociationLimits; signIn: SignInLimits }> = async (
  app,
  { db, association, signIn },
) => {
  const primaryTenantOf = async (accountId: string | null) =>
    accountId ? ((await findPartnerAccount(db, accountId))?.primaryTenantId ?? null) : null;

  app.get(
    '/api/v1/account/users',
    {
      schema: {
        operationId: 'listAccountUsers',
        tags: ['account'],
        summary: 'Users of every tenant of the partner account',
        description: 'By tenant domain, then user name; a page at a time.',
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
        response: {
          200: Type.Object({ ...PageOf(AccountUserDto), abilities: AccountAbilities }),
          ...errorResponses(...MEMBER_ERRORS),
        },
      },
    },
    async (request) => {
      const member = requireMember(request);
      const page = await listAccountUsers(db, member, request.query);
      return { items: page.items.map((user) => toAccountUserDto(member, user)), nextCursor: page.nextCursor, abilities: accountAbilities(member) };
    },
  );

  app.post(
    '/api/v1/account/users',
    {
      attachValidation: true,
      schema: {
        operationId: 'addAccountUser',
        tags: ['account'],
        summary: "Add a user to one of the account's tenants",
        headers: IdempotencyHeaders,
        body: AddAccountUserBody,
        response: { 201: AccountUserDto, ...errorResponses(...CHANGE_ERRORS, 'USERNAME_TAKEN', 'IDEMPOTENCY_KEY_REUSED') },
      },
    },
    async (request, reply) => {
      const member = requireMember(request);
      // Checked before a replay too: a member who may no longer add users gets no stored answer either.
      requireUserManager(member);
      // The schema's problems and the service's field rules (the tenant, the sign-in name in its domain and
      // not taken, the password's strength) come in one answer: the service reads only the fields the schema
      // passed, and with any problem it refuses before anything is stored or replayed.
      const schema = bodyProblems(request.validationError, request.body);
      if (schema) return toAccountUserDto(member, await addAccountUser(db, member, request.body, contextOf(request), { schema }));
      return idempotent(db, request, reply, 201, (user: ManagedUserRow) => toAccountUserDto(member, user), (beforeCommit) =>
        addAccountUser(db, member, request.body, contextOf(request), beforeCommit ? { beforeCommit } : {}),
      );
    },
  );

  app.patch(
    '/api/v1/account/users/:id',
    {
      attachValidation: true,
      schema: {
        operationId: 'updateAccountUser',
        tags: ['account'],
        summary: "Change a user's roles, name or email",
        params: IdParams,
        body: UpdateAccountUserBody,
        response: { 200: AccountUserDto, ...errorResponses(...CHANGE_ERRORS) },
      },
    },
    async (request) => {
      const member = requireMember(request);
      // Who may change what is checked first; then the schema's problems and keeping an admin role on
      // yourself come in one answer (the service reads only the fields the schema passed).
      const schema = bodyProblems(request.validationError, request.body);
      return toAccountUserDto(member, await updateAccountUser(db, member, request.params.id, request.body, contextOf(request), schema));
    },
  );

  app.delete(
    '/api/v1/account/users/:id',
    {
      schema: {
        operationId: 'removeAccountUser',
        tags: ['account'],
        summary: 'Remove a user',
        params: IdParams,
        response: { 204: { type: 'null' }, ...errorResponses(...CHANGE_ERRORS, 'CANNOT_REMOVE_SELF') },
      },
    },
    async (request, reply) => {
      await removeAccountUser(db, requireMember(request), request.params.id, contextOf(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/account/users/:id/password',
    {
      schema: {
        operationId: 'resetAccountUserPassword',
        tags: ['account'],
        summary: "Set a new password for a user (as for their email: not another tenant's own users); their sessions end",
        params: IdParams,
        body: ResetPasswordBody,
        response: { 204: { type: 'null' }, ...errorResponses(...CHANGE_ERRORS, 'CANNOT_RESET_OWN_PASSWORD') },
      },
    },
    async (request, reply) => {
      // One field: its schema problem (too short) and the policy's (too guessable) are one field's, so the
      // schema's comes alone and nothing needs merging.
      const endSessions = async (trx: Db, userId: string) => void (await endSessionsOf(trx, userId));
      await resetAccountUserPassword(db, requireMember(request), request.params.id, request.body.password, contextOf(request), endSessions);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/account/tenants',
    {
      schema: {
        operationId: 'listAccountTenants',
        tags: ['account'],
        summary: 'Directory tenants associated with the partner account',
        description: 'In the order they were associated (the primary tenant first); a page at a time.',
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
        response: { 200: Type.Object({ ...PageOf(TenantDto), abilities: AccountAbilities }), ...errorResponses(...MEMBER_ERRORS) },
      },
    },
    async (request) => {
      const member = requireMember(request);
      const page = await listAccountTenants(db, member, request.query);
      const primary = await primaryTenantOf(member.partnerAccountId);
      return { items: page.items.map((tenant) => toTenantDto(member, tenant, primary)), nextCursor: page.nextCursor, abilities: accountAbilities(member) };
    },
  );

  app.post(
    '/api/v1/account/tenants',
    {
      schema: {
        operationId: 'associateTenant',
        tags: ['account'],
        summary: 'Associate another tenant, proven by the credentials of any of its users (checked, never stored)',
        body: AssociateTenantBody,
        response: {
          201: TenantDto,
          ...errorResponses(...CHANGE_ERRORS, 'INVALID_CREDENTIALS', 'TENANT_ALREADY_ASSOCIATED', 'TOO_MANY_ATTEMPTS'),
        },
      },
    },
    async (request, reply) => {
      const member = requireMember(request);
      // The schema reports both fields at once; the credentials are not a field's problem (the answer never
      // says which part was wrong), so they are checked only once both are there, as sign-in does.
      // The credentials are checked as sign-in checks them: the attempt counts towards that name's lockout.
      const check: CredentialsCheck = (credentials) => checkCredentials(db, credentials, signIn, request.id);
      const tenant = await associateTenant(db, member, request.body, association, check, contextOf(request));
      return reply.status(201).send(toTenantDto(member, tenant, await primaryTenantOf(member.partnerAccountId)));
    },
  );

  app.get(
    '/api/v1/account/tenants/:id/removal',
    {
      schema: {
        operationId: 'previewTenantRemoval',
        tags: ['account'],
        summary: "What removing a tenant's association would do: who loses access, and whether the marketing contact is one of them",
        description: 'Refused as the removal itself would be (not the primary tenant, not the one you signed in with). Changes nothing.',
        params: IdParams,
        response: { 200: TenantRemovalDto, ...errorResponses(...MEMBER_ERRORS, 'NOT_FOUND', 'TENANT_IS_PRIMARY', 'TENANT_IS_CURRENT') },
      },
    },
    async (request) => {
      const member = requireMember(request);
      return toTenantRemovalDto(member, await previewTenantRemoval(db, member, request.params.id, (accountId) => marketingContactOfAccount(db, accountId)));
    },
  );

  app.delete(
    '/api/v1/account/tenants/:id',
    {
      schema: {
        operationId: 'removeTenantAssociation',
        tags: ['account'],
        summary: "Remove a tenant's association (not the primary tenant, not the one you signed in with)",
        params: IdParams,
        response: { 204: { type: 'null' }, ...errorResponses(...CHANGE_ERRORS, 'TENANT_IS_PRIMARY', 'TENANT_IS_CURRENT') },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await removeTenantAssociation(db, requireMember(request), request.params.id, ctx, (trx, accountId, isTenantUser, details) =>
        releaseMarketingContact(trx, accountId, isTenantUser, ctx, details),
      );
      return reply.status(204).send(null);
    },
  );
};

/** Operator endpoints (bearer token): provisioning for automation and the CLI's equivalents. */
export const accountOpsRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  const security = OPERATOR_SECURITY;

  app.post(
    '/api/v1/ops/tenants',
    {
      schema: {
        operationId: 'createTenant',
        tags: ['operations'],
        security,
        summary: 'Create a directory tenant',
        headers: IdempotencyHeaders,
        body: CreateTenantBody,
        response: {
          201: Type.Object({ id: Type.String(), domain: Type.String(), displayName: Type.String() }),
          ...errorResponses('UNAUTHENTICATED', 'DOMAIN_TAKEN', 'IDEMPOTENCY_KEY_REUSED'),
        },
      },
    },
    async (request, reply) => {
      requireOperator(request);
      return idempotent(db, request, reply, 201, (tenant: TenantRow) => ({ id: tenant.id, domain: tenant.domain, displayName: tenant.displayName }), (beforeCommit) =>
        createTenant(db, request.body, contextOf(request), beforeCommit),
      );
    },
  );

  app.post(
    '/api/v1/ops/partner-accounts',
    {
      schema: {
        operationId: 'createPartnerAccount',
        tags: ['operations'],
        security,
        summary: 'Create a partner account (PGA) with its primary tenant',
        headers: IdempotencyHeaders,
        body: CreatePartnerAccountBody,
        response: {
          201: PartnerAccountDto,
          ...errorResponses('UNAUTHENTICATED', 'MPN_ID_TAKEN', 'TENANT_NOT_FOUND', 'TENANT_ALREADY_ASSOCIATED', 'IDEMPOTENCY_KEY_REUSED'),
        },
      },
    },
    async (request, reply) => {
      requireOperator(request);
      return idempotent(db, request, reply, 201, toPartnerAccountDto, (beforeCommit) =>
        createPartnerAccount(db, request.body, contextOf(request), beforeCommit),
      );
    },
  );

  app.post(
    '/api/v1/ops/tenants/:id/users',
    {
      attachValidation: true,
      schema: {
        operationId: 'createTenantUser',
        tags: ['operations'],
        security,
        summary: 'Create a user in a tenant',
        params: IdParams,
        headers: IdempotencyHeaders,
        body: NewUserBody,
        response: { 201: UserDto, ...errorResponses('UNAUTHENTICATED', 'NOT_FOUND', 'USERNAME_TAKEN', 'IDEMPOTENCY_KEY_REUSED') },
      },
    },
    async (request, reply) => {
      requireOperator(request);
      // As adding a user to an account: the schema's problems and the service's field rules in one answer.
      const schema = bodyProblems(request.validationError, request.body);
      if (schema) return toUserDto(await createUser(db, request.params.id, request.body, contextOf(request), { schema }));
      return idempotent(db, request, reply, 201, toUserDto, (beforeCommit) =>
        createUser(db, request.params.id, request.body, contextOf(request), beforeCommit ? { beforeCommit } : {}),
      );
    },
  );
};

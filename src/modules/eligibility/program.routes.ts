import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/database.ts';
import { contextOf, OPERATOR_SECURITY, requireOperator } from '../../platform/http/principal.ts';
import { component, DateTime, errorResponses, Money, PageOf, PageQuery } from '../../platform/http/schemas.ts';
import { BENEFIT_CATEGORIES } from '../../platform/values.ts';
import { ProgramDefinition } from './program.ts';
import { PREVIEW_LISTED } from './program-preview.ts';
import { activeProgram, applyDefinition, listProgramVersions, previewDefinition, ProgramRecompute, versionDefinition } from './program-versions.service.ts';

/** A definition as the console sends it: the file's text, parsed on the server (JSON or YAML). */
const SOURCE_MAX = 1_000_000;
const Source = {
  source: Type.String({ minLength: 1, maxLength: SOURCE_MAX, description: 'The definition file as text (program/default-program.json is an example)' }),
  format: Type.Enum(['json', 'yaml']),
};

/** A preview and a load: a manager's, with room for the definition's text (up to 4 bytes a character in JSON). */
const MANAGERS_WITH_A_FILE = { bodyLimit: SOURCE_MAX * 4 + 1024, config: { operatorRole: 'rewards-manager' as const } };

const ActiveProgram = component(
  'ActiveProgram',
  Type.Object({
    version: Type.Integer(),
    name: Type.String(),
    notes: Type.Union([Type.String(), Type.Null()]),
    checksum: Type.String(),
    loadedAt: DateTime,
    loadedBy: Type.Union([Type.String(), Type.Null()]),
    tiers: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), minBilledSalesUsd: Money })),
    benefits: Type.Array(
      Type.Object({
        code: Type.String(),
        name: Type.String(),
        category: Type.Enum([...BENEFIT_CATEGORIES]),
        unlock: Type.Union([Type.Object({ tier: Type.String() }), Type.Object({ listingType: Type.String() })]),
        recurrence: Type.String(),
      }),
    ),
    recompute: Type.Object({ pending: Type.Integer({ description: "Partners whose standing is still to be recomputed (after a load, it falls to 0)" }) }),
  }),
);

const ProgramVersion = component(
  'ProgramVersion',
  Type.Object({ version: Type.Integer(), name: Type.String(), checksum: Type.String(), loadedAt: DateTime, loadedBy: Type.Union([Type.String(), Type.Null()]) }),
);

const Named = Type.Object({ code: Type.String(), name: Type.String() });
const PreviewTier = Type.Union([Named, Type.Null()]);
const ProgramPreview = component(
  'ProgramPreview',
  Type.Object({
    basedOnVersion: Type.Union([Type.Integer(), Type.Null()], { description: 'Send it back as basedOnVersion to load this definition' }),
    identical: Type.Boolean({ description: 'The definition is the version in force: loading it changes nothing' }),
    definition: Type.Object({
      tiersAdded: Type.Array(Named),
      tiersRemoved: Type.Array(Named),
      thresholdsChanged: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), fromUsd: Money, toUsd: Money })),
      benefitsAdded: Type.Array(Named),
      benefitsRemoved: Type.Array(Named),
    }),
    partners: Type.Object({
      total: Type.Integer(),
      tierUp: Type.Integer(),
      tierDown: Type.Integer(),
      gaining: Type.Integer(),
      losing: Type.Integer(),
      unchanged: Type.Integer(),
      staleStandings: Type.Integer({ description: 'Partners whose stored standing awaits a recomputation: their figures may miss a recent change' }),
    }),
    benefits: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), gaining: Type.Integer(), losing: Type.Integer() })),
    affected: Type.Array(
      Type.Object({ mpnId: Type.String(), name: Type.String(), tierFrom: PreviewTier, tierTo: PreviewTier, gained: Type.Array(Type.String()), lost: Type.Array(Type.String()) }),
      { description: `The first ${PREVIEW_LISTED} partners whose tier or benefits change, by name` },
    ),
    affectedTotal: Type.Integer(),
  }),
);

const Loaded = Type.Object({ version: Type.Integer(), created: Type.Boolean({ description: 'false: the definition is the version in force, nothing changed' }) });

/**
 * The program's versions for the Rewards team (issue #14): everyone reads them; a manager previews a
 * definition and loads it. The recomputation after a load runs in this process (ProgramRecompute).
 */
export const programOpsRoutes: FastifyPluginAsyncTypebox<{ db: Db; recomputeAtStart?: boolean }> = async (app, { db, recomputeAtStart = false }) => {
  const security = OPERATOR_SECURITY;
  const recompute = new ProgramRecompute(db, (error) => app.log.error({ err: error }, 'recomputation after a program load failed'));
  // Standings a crash left marked (a load's recomputation cut short) are recomputed once the server is up.
  if (recomputeAtStart) app.addHook('onReady', async () => recompute.request());
  app.addHook('onClose', () => recompute.idle());

  app.get(
    '/api/v1/ops/program',
    {
      schema: {
        operationId: 'getActiveProgram',
        tags: ['operations'],
        security,
        summary: 'The program version in force: its tiers and benefits, and how far the recomputation after its load has come',
        response: { 200: ActiveProgram, ...errorResponses('UNAUTHENTICATED', 'NOT_FOUND') },
      },
    },
    async (request) => {
      requireOperator(request);
      return activeProgram(db, request.locale);
    },
  );
  app.get(
    '/api/v1/ops/program/versions',
    {
      schema: {
        operationId: 'listProgramVersions',
        tags: ['operations'],
        security,
        summary: 'Every program version, newest (the one in force) first',
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
        response: { 200: Type.Object(PageOf(ProgramVersion)), ...errorResponses('UNAUTHENTICATED') },
      },
    },
    async (request) => {
      requireOperator(request);
      const page = await listProgramVersions(db, request.query);
      return {
        items: page.items.map((row) => ({ version: row.version, name: row.name, checksum: row.checksum, loadedAt: row.loaded_at.toISOString(), loadedBy: row.loaded_by })),
        nextCursor: page.nextCursor,
      };
    },
  );
  app.get(
    '/api/v1/ops/program/versions/:version',
    {
      schema: {
        operationId: 'getProgramVersion',
        tags: ['operations'],
        security,
        summary: 'A version\'s definition, as it was loaded (to edit and load again)',
        params: Type.Object({ version: Type.String({ pattern: '^[1-9][0-9]{0,8}$', description: 'A version number' }) }, { additionalProperties: false }),
        response: { 200: ProgramDefinition, ...errorResponses('UNAUTHENTICATED', 'NOT_FOUND') },
      },
    },
    async (request, reply) => {
      requireOperator(request);
      const definition = await versionDefinition(db, Number(request.params.version));
      return reply.header('content-disposition', `inline; filename="program-v${request.params.version}.json"`).send(definition);
    },
  );
  app.post(
    '/api/v1/ops/program/previews',
    {
      ...MANAGERS_WITH_A_FILE,
      schema: {
        operationId: 'previewProgram',
        tags: ['operations'],
        security,
        summary: 'Validate a definition and show which partners would change tier, gain or lose benefits if it were loaded (nothing is changed)',
        description: 'Each problem of an invalid definition is a field of the 422, keyed by its JSON pointer (`/tiers/2/code`; `source` when the text does not parse).',
        body: Type.Object(Source, { additionalProperties: false }),
        response: { 200: ProgramPreview, ...errorResponses('UNAUTHENTICATED', 'VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE') },
      },
    },
    async (request) => {
      requireOperator(request);
      return previewDefinition(db, request.body, request.locale, request.now);
    },
  );
  app.post(
    '/api/v1/ops/program/versions',
    {
      ...MANAGERS_WITH_A_FILE,
      schema: {
        operationId: 'loadProgramVersion',
        tags: ['operations'],
        security,
        summary: 'Load a definition as the new version in force; every partner is recomputed in the background (GET /api/v1/ops/program shows how far)',
        description: 'basedOnVersion is the version the preview compared with: if another was loaded since, 409 REVISION_CONFLICT (preview again).',
        body: Type.Object({ ...Source, basedOnVersion: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]) }, { additionalProperties: false }),
        response: { 200: Loaded, 201: Loaded, ...errorResponses('UNAUTHENTICATED', 'VALIDATION_FAILED', 'REVISION_CONFLICT', 'PAYLOAD_TOO_LARGE') },
      },
    },
    async (request, reply) => {
      const operator = requireOperator(request);
      const loaded = await applyDefinition(db, request.body, contextOf(request), operator.name);
      if (loaded.created) recompute.request();
      return reply.status(loaded.created ? 201 : 200).send(loaded);
    },
  );
};


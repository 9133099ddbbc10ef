import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';

/** Operator reads that show no partner's data (who is calling). */
const NOT_PARTNER_DATA = new Set(['/api/v1/ops/me']);

/**
 * Every read the Rewards team makes of the operator API is audited before it is answered, with who made
 * it (the operator's account, or the token), the operation and what it asked for (issue #14: an
 * operator can read every partner's data, so each read of it is on record). Audited first: should the
 * audit log not take the row, the read is refused rather than made unrecorded. Changes are audited by
 * the services that make them.
 */
async function operatorReadAudit(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  app.addHook('preHandler', async (request) => {
    const principal = request.principal;
    const url = request.routeOptions.url;
    if (principal?.kind !== 'operator' || request.method !== 'GET' || !url?.startsWith('/api/v1/ops/') || NOT_PARTNER_DATA.has(url)) return;
    await recordAudit(db, {
      actor: { type: 'operator', id: principal.via === 'token' ? principal.tokenId : principal.operatorId },
      action: 'operator.read',
      subjectType: 'operation',
      subjectId: `GET ${url}`,
      details: { via: principal.via, params: request.params ?? {}, query: request.query ?? {} },
      requestId: request.id,
    });
  });
}

export const operatorReads = fp(operatorReadAudit, { name: 'operator-read-audit', dependencies: ['identity'] });

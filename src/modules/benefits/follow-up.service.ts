import { recordAudit } from '../../platform/audit/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { readPage, type Keyset, type PageRequest } from '../../platform/db/pages.ts';
import { notFound } from '../../platform/errors.ts';
import { findPartnerAccounts } from '../accounts/accounts.service.ts';
import { benefitCodesOf, findEntitlement, transitionEntitlements } from '../eligibility/eligibility.service.ts';

/**
 * The Rewards team's side of an activation: the queue ordered by due time, and recording the contact
 * (the console's escalation of overdue work, all kinds, is the work module's: work-escalation.ts).
 * Partner names and benefit codes come from their owners (accounts, eligibility).
 */
async function namesOf(db: Db, rows: readonly { partnerAccountId: string; entitlementId: string }[]) {
  const [partners, codes] = await Promise.all([
    findPartnerAccounts(db, rows.map((row) => row.partnerAccountId)),
    benefitCodesOf(db, rows.map((row) => row.entitlementId)),
  ]);
  const byId = new Map(partners.map((partner) => [partner.id, partner]));
  return (row: { partnerAccountId: string; entitlementId: string }) => ({
    partnerName: byId.get(row.partnerAccountId)?.name ?? '',
    mpnId: byId.get(row.partnerAccountId)?.mpnId ?? '',
    benefitCode: codes.get(row.entitlementId) ?? '',
  });
}

/** The team's queue, soonest due first. */
const TEAM_ACTIVATIONS: Keyset = {
  list: 'team-activations',
  keys: [
    { column: 'due_at', direction: 'asc', type: 'timestamptz' },
    { column: 'id', direction: 'asc', type: 'uuid' },
  ],
};

export async function listActivationsForTeam(db: Db, status: 'open' | 'contacted' | 'all', now: Date, request: PageRequest) {
  let query = db
    .selectFrom('activations')
    .select([
      'id',
      'partner_account_id as partnerAccountId',
      'entitlement_id as entitlementId',
      'activated_at as activatedAt',
      'due_at as dueAt',
      'contact_email as contactEmail',
      'contact_language as contactLanguage',
      'status',
      'contacted_at as contactedAt',
      'contacted_note as contactedNote',
      'escalated_at as escalatedAt',
    ]);
  if (status !== 'all') query = query.where('status', '=', status);
  const page = await readPage(TEAM_ACTIVATIONS, request, query);
  const rows = page.items;
  const names = await namesOf(db, rows);
  const items = rows.map(({ partnerAccountId, entitlementId, ...row }) => ({
    ...row,
    ...names({ partnerAccountId, entitlementId }),
    activatedAt: row.activatedAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    contactedAt: row.contactedAt?.toISOString() ?? null,
    escalatedAt: row.escalatedAt?.toISOString() ?? null,
    overdue: row.status === 'open' && row.dueAt.getTime() < now.getTime(),
  }));
  return { items, nextCursor: page.nextCursor };
}

export async function recordContacted(db: Db, activationId: string, note: string, ctx: RequestContext) {
  return db.transaction().execute((trx) => recordContactedIn(trx, activationId, { note, contactedAt: ctx.now }, ctx));
}

/**
 * The first contact with an activation's marketing contact, inside the caller's transaction (the
 * console records its own contact log beside it): the activation is contacted, at the time the
 * operator gives, and the benefit is in progress.
 */
export async function recordContactedIn(trx: Db, activationId: string, contact: { note: string; contactedAt: Date }, ctx: RequestContext) {
  const note = contact.note.trim();
  const updated = await trx
    .updateTable('activations')
    .set({ status: 'contacted', contacted_at: contact.contactedAt, contacted_note: note })
    .where('id', '=', activationId)
    .where('status', '=', 'open')
    .returning(['id', 'partner_account_id as partnerAccountId', 'entitlement_id as entitlementId'])
    .executeTakeFirst();
  if (!updated) {
    const exists = await trx.selectFrom('activations').select('id').where('id', '=', activationId).executeTakeFirst();
    if (!exists) throw notFound();
    return { id: activationId, alreadyContacted: true };
  }
  // Contacted: the benefit is in progress, unless it was revoked meanwhile (then it stays revoked).
  const entitlement = await findEntitlement(trx, updated.partnerAccountId, updated.entitlementId, { lock: true });
  if (entitlement?.status === 'activated') {
    await transitionEntitlements(trx, [{ id: entitlement.id, to: 'in-progress', reason: 'CONTACTED' }], ctx.now);
  }
  await recordAudit(trx, {
    actor: ctx.actor,
    action: 'activation.contacted',
    partnerAccountId: updated.partnerAccountId,
    subjectType: 'activation',
    subjectId: activationId,
    details: { note, contactedAt: contact.contactedAt.toISOString() },
    requestId: ctx.requestId,
  });
  return { id: activationId, alreadyContacted: false };
}

/** Notes on the activation that its overdue follow-up was escalated (the work module's escalation, inside its transaction). */
export async function markActivationEscalated(trx: Db, activationId: string, at: Date): Promise<void> {
  await trx.updateTable('activations').set({ escalated_at: at }).where('id', '=', activationId).where('escalated_at', 'is', null).execute();
}

import { recordAudit } from '../../platform/audit/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound, refuseFieldProblems, type FieldProblem } from '../../platform/errors.ts';
import type { OperatorRole } from '../../platform/values.ts';
import type { Locale } from '../../../locales/locales.ts';
import type { Operator } from './operators.service.ts';

/**
 * An operator admin's side of the Rewards team's directory (issue #14): the whole team, disabled
 * members too, and changes to a member's name, role, manager, language or account. Disabling ends the
 * member's sessions at once (identity reads an operator session on every request).
 */

export interface TeamAccount extends Operator {
  enrolled: boolean;
  disabledAt: string | null;
  createdAt: string;
}

export async function listTeamAccounts(db: Db): Promise<TeamAccount[]> {
  const rows = await db
    .selectFrom('operators')
    .select(['id', 'username', 'display_name as displayName', 'email', 'role', 'manager_id as managerId', 'locale', 'totp_enrolled_at as enrolledAt', 'disabled_at as disabledAt', 'created_at as createdAt'])
    .orderBy('display_name')
    .orderBy('id')
    .limit(1000)
    .execute();
  return rows.map(({ enrolledAt, disabledAt, createdAt, ...row }) => ({ ...row, enrolled: enrolledAt !== null, disabledAt: disabledAt?.toISOString() ?? null, createdAt: createdAt.toISOString() }));
}

export interface TeamAccountChange {
  displayName?: string | undefined;
  role?: OperatorRole | undefined;
  managerId?: string | null | undefined;
  locale?: Locale | null | undefined;
  disabled?: boolean | undefined;
}

export async function changeTeamAccount(db: Db, id: string, change: TeamAccountChange, ctx: RequestContext & { operatorId: string | null }): Promise<TeamAccount> {
  const problems: Record<string, FieldProblem> = {};
  if (Object.values(change).every((value) => value === undefined)) problems._ = { code: 'NOTHING_TO_CHANGE' };
  // An admin never locks herself out: her own role and account stay as they are.
  if (id === ctx.operatorId && change.role !== undefined && change.role !== 'operator-admin') problems.role = { code: 'CANNOT_DEMOTE_SELF' };
  if (id === ctx.operatorId && change.disabled === true) problems.disabled = { code: 'CANNOT_DEMOTE_SELF' };
  if (change.displayName !== undefined && change.displayName.trim() === '') problems.displayName = { code: 'FIELD_REQUIRED' };
  if (change.managerId === id) problems.managerId = { code: 'VALUE_NOT_ALLOWED' };
  refuseFieldProblems(problems);
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('operators').select(['id', 'disabled_at as disabledAt']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current) throw notFound();
    if (change.managerId) {
      const manager = await trx.selectFrom('operators').select('id').where('id', '=', change.managerId).where('disabled_at', 'is', null).executeTakeFirst();
      if (!manager) refuseFieldProblems({ managerId: { code: 'ASSIGNEE_UNKNOWN' } });
    }
    const disabledAt = change.disabled === undefined ? undefined : change.disabled ? (current.disabledAt ?? ctx.now) : null;
    await trx
      .updateTable('operators')
      .set({
        ...(change.displayName !== undefined ? { display_name: change.displayName.trim() } : {}),
        ...(change.role !== undefined ? { role: change.role } : {}),
        ...(change.managerId !== undefined ? { manager_id: change.managerId } : {}),
        ...(change.locale !== undefined ? { locale: change.locale } : {}),
        ...(disabledAt !== undefined ? { disabled_at: disabledAt } : {}),
      })
      .where('id', '=', id)
      .execute();
    if (change.disabled === true) await trx.updateTable('operator_sessions').set({ revoked_at: ctx.now }).where('operator_id', '=', id).where('revoked_at', 'is', null).execute();
    await recordAudit(trx, { actor: ctx.actor, action: 'operator.changed', subjectType: 'operator', subjectId: id, details: { ...change }, requestId: ctx.requestId });
    return (await listTeamAccounts(trx)).find((account) => account.id === id)!;
  });
}

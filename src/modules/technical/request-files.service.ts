import { recordAudit } from '../../platform/audit/audit.ts';
import type { Member, RequestContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_MAX, cleanFileName, decodeBase64, sha256, sniffAttachment } from './attachments.ts';
import { CLOSED_STATUSES } from './technical.policy.ts';
import { requireRewardsAccount } from './technical.context.ts';
import { findOwnRequest, type RequestRow } from './request-store.ts';

/** The files of a technical request: added while it is open (checked by content, attachments.ts), read by the partner and the team. */

export interface AttachmentInput {
  fileName: string;
  contentBase64: string;
}

async function storeAttachment(trx: Db, row: RequestRow, input: AttachmentInput, ctx: RequestContext) {
  if (CLOSED_STATUSES.includes(row.status)) throw new AppError('REQUEST_CLOSED');
  const bytes = decodeBase64(input.contentBase64);
  if (!bytes || bytes.length === 0) throw validationFailed({ contentBase64: { code: bytes ? 'FIELD_REQUIRED' : 'FORMAT_INVALID' } });
  if (bytes.length > ATTACHMENT_MAX_BYTES) throw validationFailed({ contentBase64: { code: 'FILE_TOO_LARGE', values: { limit: ATTACHMENT_MAX_BYTES / 1024 / 1024 } } });
  const type = await sniffAttachment(bytes, input.fileName);
  if (!type) throw validationFailed({ contentBase64: { code: 'FILE_TYPE_NOT_ALLOWED' } });
  const count = await trx.selectFrom('technical_request_attachments').select((eb) => eb.fn.countAll<string>().as('n')).where('request_id', '=', row.id).executeTakeFirstOrThrow();
  if (Number(count.n) >= ATTACHMENTS_MAX) throw new AppError('TOO_MANY_ATTACHMENTS', { values: { limit: ATTACHMENTS_MAX } });
  const stored = await trx
    .insertInto('technical_request_attachments')
    .values({
      request_id: row.id,
      file_name: cleanFileName(input.fileName),
      media_type: type,
      size_bytes: bytes.length,
      sha256: sha256(bytes),
      content: bytes,
      uploaded_by_type: ctx.actor.type === 'operator' ? 'operator' : 'user',
      uploaded_by: ctx.actor.type === 'system' ? null : ctx.actor.id,
      created_at: ctx.now,
    })
    .returning(['id', 'file_name as fileName', 'media_type as mediaType', 'size_bytes as sizeBytes', 'uploaded_by_type as uploadedBy', 'created_at as createdAt'])
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    actor: ctx.actor,
    action: 'technical-request.attachment-added',
    partnerAccountId: row.partnerAccountId,
    subjectType: 'technical-request',
    subjectId: row.id,
    details: { attachmentId: stored.id, fileName: stored.fileName, mediaType: type, sizeBytes: bytes.length },
    requestId: ctx.requestId,
  });
  return { ...stored, createdAt: stored.createdAt.toISOString() };
}

/** Adds a file (checked by its content, limited in size and number) while the request is open. */
export async function addTechnicalRequestAttachment(db: Db, member: Member, id: string, input: AttachmentInput, ctx: RequestContext) {
  const accountId = requireRewardsAccount(member);
  return db.transaction().execute(async (trx) => {
    const row = await findOwnRequest(trx, accountId, id, { lock: true });
    if (!row) throw notFound();
    return storeAttachment(trx, row, input, ctx);
  });
}

async function readAttachment(db: Db, requestId: string, attachmentId: string) {
  return db
    .selectFrom('technical_request_attachments')
    .select(['file_name as fileName', 'media_type as mediaType', 'content'])
    .where('id', '=', attachmentId)
    .where('request_id', '=', requestId)
    .executeTakeFirst();
}

export async function downloadTechnicalRequestAttachment(db: Db, member: Member, id: string, attachmentId: string) {
  const accountId = requireRewardsAccount(member);
  if (!(await findOwnRequest(db, accountId, id))) throw notFound();
  const file = await readAttachment(db, id, attachmentId);
  if (!file) throw notFound();
  return file;
}


export async function downloadTechnicalRequestAttachmentAsTeam(db: Db, id: string, attachmentId: string) {
  const file = await readAttachment(db, id, attachmentId);
  if (!file) throw notFound();
  return file;
}

import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { renderEmail, type EmailTemplate, type EmailValues } from './templates.ts';

/**
 * The transactional outbox: an email is a row written in the same transaction
 * as the change it announces, so nothing is announced that did not happen and
 * nothing that happened goes unannounced. The delivery worker sends it later.
 */
export async function enqueueEmail(
  db: Db,
  email: { template: EmailTemplate; recipient: string; locale: Locale; values: EmailValues },
): Promise<string> {
  const rendered = renderEmail(email.template, email.locale, email.values);
  const row = await db
    .insertInto('outbox')
    .values({
      message_id: `<${randomUUID()}@marketplace-rewards>`,
      kind: email.template,
      recipient: email.recipient,
      locale: email.locale,
      subject: rendered.subject,
      text_body: rendered.text,
      html_body: rendered.html,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

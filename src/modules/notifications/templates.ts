import { t, type Locale, type MessageId } from '../../platform/i18n/i18n.ts';

/**
 * Emails, written in the same ICU catalogs as the portal (`email.<template>.*`):
 * a subject, paragraphs, and an HTML rendering of the same paragraphs.
 */
export type EmailTemplate =
  | 'contact-assigned'
  | 'contact-replaced'
  | 'benefit-activated'
  | 'activation-overdue'
  | 'technical-request-submitted'
  | 'technical-request-status'
  | 'technical-request-message'
  | 'sponsorship-unlocked'
  | 'sponsorship-status'
  | 'sponsorship-low'
  | 'sponsorship-expiring';

export type EmailValues = Record<string, string | number | Date>;

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A paragraph shown only when the values say so (a reason, a scheduled time, a deadline). */
type Paragraph = MessageId | { id: MessageId; when: (values: EmailValues) => boolean };
const given = (name: string) => (values: EmailValues) => values[name] !== undefined && values[name] !== '' && values[name] !== 'no';

// Each email's paragraphs, by message id (so a missing one fails the typecheck).
const PARAGRAPHS: Record<EmailTemplate, Paragraph[]> = {
  'contact-assigned': [
    'email.contact-assigned.greeting',
    'email.contact-assigned.body',
    'email.contact-assigned.next',
    'email.contact-assigned.sender',
    'email.contact-assigned.signature',
  ],
  'contact-replaced': ['email.contact-replaced.greeting', 'email.contact-replaced.body', 'email.contact-replaced.sender', 'email.contact-replaced.signature'],
  'benefit-activated': ['email.benefit-activated.greeting', 'email.benefit-activated.body', 'email.benefit-activated.next', 'email.benefit-activated.signature'],
  'activation-overdue': ['email.activation-overdue.body', 'email.activation-overdue.next'],
  'technical-request-submitted': ['email.greeting', 'email.technical-request-submitted.body', 'email.technical-request.link', 'email.signature'],
  'technical-request-status': [
    'email.greeting',
    'email.technical-request-status.body',
    { id: 'email.technical-request-status.scheduled', when: given('when') },
    { id: 'email.technical-request-status.reason', when: given('reason') },
    'email.technical-request.link',
    'email.signature',
  ],
  'technical-request-message': ['email.greeting', 'email.technical-request-message.body', 'email.technical-request.link', 'email.signature'],
  'sponsorship-unlocked': [
    'email.greeting',
    'email.sponsorship-unlocked.body',
    'email.sponsorship-unlocked.steps',
    { id: 'email.sponsorship-unlocked.deadline', when: given('hasExpiry') },
    'email.sponsorship-unlocked.stacking',
    'email.sponsorship.link',
    'email.signature',
  ],
  'sponsorship-status': [
    'email.greeting',
    'email.sponsorship-status.body',
    { id: 'email.sponsorship-status.term', when: (values) => values.isActive === 'yes' },
    { id: 'email.sponsorship-status.reason', when: given('reason') },
    'email.sponsorship.link',
    'email.signature',
  ],
  'sponsorship-low': ['email.greeting', 'email.sponsorship-low.body', 'email.sponsorship.link', 'email.signature'],
  'sponsorship-expiring': ['email.greeting', 'email.sponsorship-expiring.body', 'email.sponsorship.link', 'email.signature'],
};

export function renderEmail(template: EmailTemplate, locale: Locale, values: EmailValues) {
  const subject = t(locale, `email.${template}.subject`, values);
  const paragraphs = PARAGRAPHS[template]
    .filter((paragraph) => typeof paragraph === 'string' || paragraph.when(values))
    .map((paragraph) => t(locale, typeof paragraph === 'string' ? paragraph : paragraph.id, values));
  const text = `${paragraphs.join('\n\n')}\n`;
  const html =
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="font-family:Segoe UI,Arial,sans-serif;font-size:14px;line-height:1.5;color:#242424">` +
    paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('') +
    `</body></html>`;
  return { subject, text, html };
}

import { t, type Locale, type MessageId } from '../../platform/i18n/i18n.ts';

/**
 * Emails, written in the same ICU catalogs as the portal (`email.<template>.*`):
 * a subject, paragraphs, and an HTML rendering of the same paragraphs.
 */
export type EmailTemplate = 'contact-assigned' | 'contact-replaced' | 'benefit-activated' | 'activation-overdue';

export type EmailValues = Record<string, string | number | Date>;

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// Each email's paragraphs, by message id (so a missing one fails the typecheck).
const PARAGRAPHS: Record<EmailTemplate, MessageId[]> = {
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
};

export function renderEmail(template: EmailTemplate, locale: Locale, values: EmailValues) {
  const subject = t(locale, `email.${template}.subject`, values);
  const paragraphs = PARAGRAPHS[template].map((id) => t(locale, id, values));
  const text = `${paragraphs.join('\n\n')}\n`;
  const html =
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="font-family:Segoe UI,Arial,sans-serif;font-size:14px;line-height:1.5;color:#242424">` +
    paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('') +
    `</body></html>`;
  return { subject, text, html };
}

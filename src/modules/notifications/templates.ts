import { t, type Locale } from '../../platform/i18n/i18n.ts';

/**
 * Emails, written in the same ICU catalogs as the portal (`email.<template>.*`):
 * a subject, paragraphs, and an HTML rendering of the same paragraphs.
 */
export type EmailTemplate = 'contact-assigned' | 'contact-replaced' | 'benefit-activated' | 'activation-overdue';

export type EmailValues = Record<string, string | number | Date>;

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const PARAGRAPHS: Record<EmailTemplate, string[]> = {
  'contact-assigned': ['greeting', 'body', 'next', 'signature'],
  'contact-replaced': ['greeting', 'body', 'signature'],
  'benefit-activated': ['greeting', 'body', 'next', 'signature'],
  'activation-overdue': ['body', 'next'],
};

export function renderEmail(template: EmailTemplate, locale: Locale, values: EmailValues) {
  const subject = t(locale, `email.${template}.subject`, values);
  const paragraphs = PARAGRAPHS[template].map((part) => t(locale, `email.${template}.${part}`, values));
  const text = `${paragraphs.join('\n\n')}\n`;
  const html =
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="font-family:Segoe UI,Arial,sans-serif;font-size:14px;line-height:1.5;color:#242424">` +
    paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('') +
    `</body></html>`;
  return { subject, text, html };
}

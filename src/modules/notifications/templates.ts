import { t, type Locale, type MessageId } from '../../platform/i18n/i18n.ts';

/**
 * Emails, written in the same ICU catalogs as the portal (`email.<template>.*`):
 * a subject, paragraphs, and an HTML rendering of the same paragraphs.
 */
export type EmailTemplate =
  | 'contact-assigned'
  | 'contact-replaced'
  | 'benefit-activated'
  | 'work-overdue'
  | 'benefit-revoked'
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
const named = (values: EmailValues) => typeof values.name === 'string' && values.name.trim() !== '';

/**
 * Every email opens with the recipient's name ("Hello Megan,"), or, for an address nobody in particular
 * reads under a name (a company mailbox), a greeting that needs none: never "Hello ,".
 */
const GREETING: Paragraph[] = [
  { id: 'email.greeting', when: named },
  { id: 'email.greeting.anonymous', when: (values) => !named(values) },
];

// Each email's paragraphs, by message id (so a missing one fails the typecheck). Each greets, names the
// partner account, and links (`link`, an absolute URL on PUBLIC_URL) to the page it is about.
const PARAGRAPHS: Record<EmailTemplate, Paragraph[]> = {
  'contact-assigned': [
    ...GREETING,
    'email.contact-assigned.body',
    'email.contact-assigned.next',
    'email.sales-marketing.link',
    'email.contact-assigned.sender',
    'email.signature',
  ],
  'contact-replaced': [...GREETING, 'email.contact-replaced.body', 'email.sales-marketing.link', 'email.contact-replaced.sender', 'email.signature'],
  'benefit-activated': [...GREETING, 'email.benefit-activated.body', 'email.benefit-activated.next', 'email.sales-marketing.link', 'email.signature'],
  'work-overdue': [...GREETING, 'email.work-overdue.body', 'email.work-overdue.next'],
  'benefit-revoked': [...GREETING, 'email.benefit-revoked.body', { id: 'email.benefit-revoked.note', when: given('note') }, 'email.benefit-revoked.next', 'email.signature'],
  'technical-request-submitted': [...GREETING, 'email.technical-request-submitted.body', 'email.technical-request.link', 'email.signature'],
  'technical-request-status': [
    ...GREETING,
    'email.technical-request-status.body',
    { id: 'email.technical-request-status.scheduled', when: given('when') },
    { id: 'email.technical-request-status.reason', when: given('reason') },
    'email.technical-request.link',
    'email.signature',
  ],
  'technical-request-message': [...GREETING, 'email.technical-request-message.body', 'email.technical-request.link', 'email.signature'],
  'sponsorship-unlocked': [
    ...GREETING,
    'email.sponsorship-unlocked.body',
    'email.sponsorship-unlocked.steps',
    { id: 'email.sponsorship-unlocked.deadline', when: given('hasExpiry') },
    'email.sponsorship-unlocked.stacking',
    'email.sponsorship.link',
    'email.signature',
  ],
  'sponsorship-status': [
    ...GREETING,
    'email.sponsorship-status.body',
    { id: 'email.sponsorship-status.term', when: (values) => values.isActive === 'yes' },
    { id: 'email.sponsorship-status.reason', when: given('reason') },
    'email.sponsorship.link',
    'email.signature',
  ],
  'sponsorship-low': [...GREETING, 'email.sponsorship-low.body', 'email.sponsorship.link', 'email.signature'],
  'sponsorship-expiring': [...GREETING, 'email.sponsorship-expiring.body', 'email.sponsorship.link', 'email.signature'],
};

/** Every template (the tests render each one). */
export const EMAIL_TEMPLATES = Object.keys(PARAGRAPHS) as EmailTemplate[];

/** A paragraph as HTML: escaped, with the email's link made one a reader can click. */
function paragraphHtml(paragraph: string, link: unknown): string {
  const escaped = escapeHtml(paragraph);
  if (typeof link !== 'string' || !/^https?:\/\//.test(link)) return escaped;
  const text = escapeHtml(link);
  return escaped.split(text).join(`<a href="${text}">${text}</a>`);
}

export function renderEmail(template: EmailTemplate, locale: Locale, input: EmailValues) {
  // "Hello Megan," however the name was typed around it.
  const values = typeof input.name === 'string' ? { ...input, name: input.name.trim() } : input;
  const subject = t(locale, `email.${template}.subject`, values);
  const paragraphs = PARAGRAPHS[template]
    .filter((paragraph) => typeof paragraph === 'string' || paragraph.when(values))
    .map((paragraph) => t(locale, typeof paragraph === 'string' ? paragraph : paragraph.id, values));
  const text = `${paragraphs.join('\n\n')}\n`;
  const html =
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="font-family:Segoe UI,Arial,sans-serif;font-size:14px;line-height:1.5;color:#242424">` +
    paragraphs.map((p) => `<p>${paragraphHtml(p, values.link)}</p>`).join('') +
    `</body></html>`;
  return { subject, text, html };
}

import {
  Button,
  Card,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Select,
  Text,
  Title3,
} from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router';
import { api, call } from '../../api/client.ts';
import type { paths } from '../../api/schema.gen.ts';
import { ErrorMessage, fieldError } from '../../app/ErrorMessage.tsx';
import { LANGUAGE_NAMES, LOCALES, type Locale } from '../../i18n/catalogs.ts';

export type MarketingContact = NonNullable<
  paths['/api/v1/rewards/marketing-contact']['get']['responses'][200]['content']['application/json']['contact']
>;
type Candidate = paths['/api/v1/rewards/marketing-contact/candidates']['get']['responses'][200]['content']['application/json']['items'][number];

/** Country calling codes offered in the phone picker; the number is stored in E.164. */
const COUNTRIES = [
  { code: 'NL', dial: '+31' },
  { code: 'BE', dial: '+32' },
  { code: 'DE', dial: '+49' },
  { code: 'FR', dial: '+33' },
  { code: 'GB', dial: '+44' },
  { code: 'IE', dial: '+353' },
  { code: 'US', dial: '+1' },
  { code: 'CA', dial: '+1' },
  { code: 'IN', dial: '+91' },
  { code: 'AU', dial: '+61' },
] as const;

function splitPhone(e164: string | undefined): { country: string; national: string } {
  if (!e164) return { country: 'NL', national: '' };
  const match = [...COUNTRIES].sort((a, b) => b.dial.length - a.dial.length).find((c) => e164.startsWith(c.dial));
  return match ? { country: match.code, national: e164.slice(match.dial.length) } : { country: 'NL', national: e164 };
}

/** The top of the Sales and Marketing benefits tab: who the Rewards team contacts, and "Add, update, or change". */
export function MarketingContactCard({ contact, onChange }: { contact: MarketingContact | null; onChange: (contact: MarketingContact) => void }) {
  const intl = useIntl();
  const [open, setOpen] = useState(false);
  return (
    <Card data-testid="marketing-contact">
      <Title3 as="h2">
        <FormattedMessage id="contact.title" />
      </Title3>
      {contact ? (
        <Text as="p" style={{ margin: 0 }}>
          <FormattedMessage
            id="contact.summary"
            values={{ name: contact.displayName, email: contact.email, phone: contact.phone, language: intl.formatMessage({ id: `language.${contact.preferredLanguage}` }) }}
          />
        </Text>
      ) : (
        <Text as="p" style={{ margin: 0 }}>
          <FormattedMessage id="contact.none" />
        </Text>
      )}
      <div>
        <Button onClick={() => setOpen(true)}>
          <FormattedMessage id="contact.change" />
        </Button>
      </div>
      {open && (
        <ContactDialog
          contact={contact}
          onClose={() => setOpen(false)}
          onSaved={(saved) => {
            setOpen(false);
            onChange(saved);
          }}
        />
      )}
    </Card>
  );
}

function ContactDialog({ contact, onClose, onSaved }: { contact: MarketingContact | null; onClose: () => void; onSaved: (contact: MarketingContact) => void }) {
  const intl = useIntl();
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  const [userId, setUserId] = useState(contact?.userId ?? '');
  const [email, setEmail] = useState(contact?.email ?? '');
  const initialPhone = splitPhone(contact?.phone);
  const [country, setCountry] = useState<string>(initialPhone.country);
  const [national, setNational] = useState(initialPhone.national);
  const [language, setLanguage] = useState<Locale>(contact?.preferredLanguage ?? 'en-US');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call(api.GET('/api/v1/rewards/marketing-contact/candidates')).then((list) => {
      setCandidates(list.items);
      if (!contact && list.items[0]) setUserId(list.items[0].id);
    }, setError);
  }, [contact]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const dial = COUNTRIES.find((c) => c.code === country)?.dial ?? '';
    const phone = national.trim().startsWith('+') ? national : `${dial}${national.replace(/^0+/, '')}`;
    try {
      onSaved(await call(api.PUT('/api/v1/rewards/marketing-contact', { body: { userId, email, phone, preferredLanguage: language } })));
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  const field = (name: string) => {
    const message = fieldError(error, name);
    return { validationMessage: message, validationState: message ? ('error' as const) : ('none' as const) };
  };
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <form noValidate onSubmit={(event) => void submit(event)}>
          <DialogBody>
            <DialogTitle>
              <FormattedMessage id="contact.change" />
            </DialogTitle>
            <DialogContent style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
              <ErrorMessage error={error} />
              <Field label={intl.formatMessage({ id: 'contact.user' })} required {...field('userId')}>
                <Select
                  name="userId"
                  value={userId}
                  onChange={(_, data) => {
                    setUserId(data.value);
                    const chosen = candidates.find((c) => c.id === data.value);
                    if (chosen && !email) setEmail(chosen.email);
                  }}
                >
                  {candidates.map((candidate) => (
                    <option key={candidate.id} value={candidate.id}>
                      {candidate.displayName} ({candidate.username})
                    </option>
                  ))}
                </Select>
              </Field>
              <Text size={200}>
                <FormattedMessage id="contact.userHint" />{' '}
                <RouterLink to="/settings/users">
                  <FormattedMessage id="settings.title" />
                </RouterLink>
              </Text>
              <Field label={intl.formatMessage({ id: 'contact.email' })} hint={intl.formatMessage({ id: 'contact.emailHint' })} required {...field('email')}>
                <Input name="contact-email" type="email" value={email} onChange={(_, data) => setEmail(data.value)} />
              </Field>
              <div style={{ display: 'flex', gap: 8 }}>
                <Field label={intl.formatMessage({ id: 'contact.country' })} style={{ minWidth: 140 }}>
                  <Select name="country" value={country} onChange={(_, data) => setCountry(data.value)}>
                    {COUNTRIES.map((c) => (
                      <option key={c.code} value={c.code}>
                        {c.code} {c.dial}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={intl.formatMessage({ id: 'contact.phone' })} required style={{ flexGrow: 1 }} {...field('phone')}>
                  <Input name="phone" type="tel" autoComplete="tel-national" value={national} onChange={(_, data) => setNational(data.value)} />
                </Field>
              </div>
              <Field label={intl.formatMessage({ id: 'contact.language' })} required {...field('preferredLanguage')}>
                <Select name="preferredLanguage" value={language} onChange={(_, data) => setLanguage(data.value as Locale)}>
                  {LOCALES.map((option) => (
                    <option key={option} value={option} lang={option}>
                      {LANGUAGE_NAMES[option]}
                    </option>
                  ))}
                </Select>
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={busy || !userId}>
                <FormattedMessage id="contact.assign" />
              </Button>
              <Button onClick={onClose}>
                <FormattedMessage id="web.cancel" />
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

import { Button, Card, Field, Input, MessageBar, MessageBarBody, Select, Text, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router';
import { useApiMutation, useApiList, type ReadData } from '../../api/queries.ts';
import { fieldValidation } from '../../app/ErrorMessage.tsx';
import { PHONE_COUNTRIES as COUNTRIES } from './phone-countries.ts';
import { FormDialog } from '../../app/FormDialog.tsx';
import { useFormSubmit } from '../../app/useFormSubmit.ts';
import { LANGUAGE_NAMES, LOCALES, type Locale } from '../../i18n/catalogs.ts';

export type MarketingContact = NonNullable<ReadData<'/api/v1/rewards/marketing-contact'>['contact']>;


/** The top of the Sales and Marketing benefits tab: who the Rewards team contacts, and "Add, update, or change". */
export function MarketingContactCard({ contact }: { contact: MarketingContact | null }) {
  const intl = useIntl();
  const [open, setOpen] = useState(false);
  return (
    <Card data-testid="marketing-contact">
      <Title3 as="h2">
        <FormattedMessage id="contact.title" />
      </Title3>
      {contact?.needsReassignment && (
        <MessageBar intent="warning" data-testid="contact-reassign">
          <MessageBarBody>
            <FormattedMessage id="contact.needsReassignment" values={{ email: contact.email }} />
          </MessageBarBody>
        </MessageBar>
      )}
      {contact && !contact.needsReassignment ? (
        <Text as="p" style={{ margin: 0 }}>
          <FormattedMessage
            id="contact.summary"
            values={{ name: contact.displayName, email: contact.email, phone: contact.phoneDisplay, language: intl.formatMessage({ id: `language.${contact.preferredLanguage}` }) }}
          />
        </Text>
      ) : (
        !contact && (
          <Text as="p" style={{ margin: 0 }}>
            <FormattedMessage id="contact.none" />
          </Text>
        )
      )}
      <div>
        <Button onClick={() => setOpen(true)}>
          <FormattedMessage id="contact.change" />
        </Button>
      </div>
      {open && <ContactDialog contact={contact} onClose={() => setOpen(false)} />}
    </Card>
  );
}

function ContactDialog({ contact, onClose }: { contact: MarketingContact | null; onClose: () => void }) {
  const intl = useIntl();
  const candidateList = useApiList('/api/v1/rewards/marketing-contact/candidates');
  const candidates = candidateList.data?.items ?? [];
  const [chosenUserId, setUserId] = useState(contact?.userId ?? '');
  // With no contact yet, the first candidate is proposed.
  const userId = chosenUserId || (candidates[0]?.id ?? '');
  const [email, setEmail] = useState(contact?.email ?? '');
  // The number as the server shows it, with its country; what is typed is parsed by the server for the country chosen.
  const [country, setCountry] = useState<string>(contact?.phoneCountry ?? 'NL');
  const [national, setNational] = useState(contact?.phoneDisplay ?? '');
  const [language, setLanguage] = useState<Locale>(contact?.preferredLanguage ?? 'en-US');
  const assign = useApiMutation('put', '/api/v1/rewards/marketing-contact', { invalidates: ['/api/v1/rewards/marketing-contact'] });
  const { error: refusal, busy, submit } = useFormSubmit(
    () => assign.mutateAsync({ body: { userId, email, phone: national, phoneCountry: country, preferredLanguage: language } }),
    { onDone: onClose },
  );
  const error = refusal ?? candidateList.error;

  return (
    <FormDialog
      title={intl.formatMessage({ id: 'contact.change' })}
      submitLabel={intl.formatMessage({ id: 'contact.assign' })}
      onClose={onClose}
      onSubmit={submit}
      error={error}
      busy={busy}
      canSubmit={Boolean(userId)}
    >
      <Field label={intl.formatMessage({ id: 'contact.user' })} required {...fieldValidation(error, 'userId')}>
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
      <Field label={intl.formatMessage({ id: 'contact.email' })} hint={intl.formatMessage({ id: 'contact.emailHint' })} required {...fieldValidation(error, 'email')}>
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
            {!COUNTRIES.some((c) => c.code === country) && <option value={country}>{country}</option>}
          </Select>
        </Field>
        <Field label={intl.formatMessage({ id: 'contact.phone' })} required style={{ flexGrow: 1 }} {...fieldValidation(error, 'phone')}>
          <Input name="phone" type="tel" autoComplete="tel-national" value={national} onChange={(_, data) => setNational(data.value)} />
        </Field>
      </div>
      <Field label={intl.formatMessage({ id: 'contact.language' })} required {...fieldValidation(error, 'preferredLanguage')}>
        <Select name="preferredLanguage" value={language} onChange={(_, data) => setLanguage(data.value as Locale)}>
          {LOCALES.map((option) => (
            <option key={option} value={option} lang={option}>
              {LANGUAGE_NAMES[option]}
            </option>
          ))}
        </Select>
      </Field>
    </FormDialog>
  );
}

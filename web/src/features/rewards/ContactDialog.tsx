import { Field, Input, Link, Select, Text } from '@fluentui/react-components';
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useApiList, useApiMutation, type ReadData } from '../../api/queries.ts';
import { fieldValidation } from '../../app/ErrorMessage.tsx';
import { FormDialog } from '../../app/FormDialog.tsx';
import { useFormSubmit } from '../../app/useFormSubmit.ts';
import { LANGUAGE_NAMES, LOCALES, type Locale } from '../../i18n/catalogs.ts';
import { PHONE_COUNTRIES as COUNTRIES } from './phone-countries.ts';

/** The account's marketing contact as the API answers it. */
export type MarketingContact = NonNullable<ReadData<'/api/v1/rewards/marketing-contact'>['contact']>;

/** The fields that belong to a person: what the dialog shows for the contact, and resets for anyone else. */
interface PersonFields {
  email: string;
  country: string;
  national: string;
  language: Locale;
}

/** The country a new number is most likely from: the browser's region (en-GB: GB), else the portal language's. */
function likelyCountry(uiLocale: Locale): string {
  for (const tag of navigator.languages) {
    try {
      const region = new Intl.Locale(tag).maximize().region;
      if (region && isSupportedCountry(region)) return region;
    } catch {
      // Not a language tag the browser can read: the next one.
    }
  }
  return uiLocale.split('-')[1]!;
}

/** A number as a person reads it, for the country chosen (the server parses it again and stores E.164). */
function formatted(national: string, country: string): { national: string; country: string } {
  const parsed = parsePhoneNumberFromString(national, { defaultCountry: country as CountryCode });
  if (!parsed?.isPossible()) return { national, country };
  // Typed with its +country code: the picker follows the number, rather than the number the picker.
  return { national: parsed.formatNational(), country: parsed.country ?? country };
}

/** A candidate as the API lists them. */
type Candidate = ReadData<'/api/v1/rewards/marketing-contact/candidates'>['items'][number];

/** The language a person's emails are in by default: their own portal language, when the portal speaks it, else the portal's. */
const languageOf = (candidate: Candidate | undefined, uiLocale: Locale): Locale => LOCALES.find((locale) => locale === candidate?.locale) ?? uiLocale;

/**
 * "Marketing contact": a user of the account, the address and number the Rewards team uses, and the
 * language of its emails. Choosing another user replaces all of them with that user's (their
 * email, no number yet, their own portal language, else the portal's), so nothing of the previous
 * contact is saved under the new one's name, a country code least of all.
 */
export function ContactDialog({ contact, onClose }: { contact: MarketingContact | null; onClose: () => void }) {
  const intl = useIntl();
  const uiLocale = intl.locale as Locale;
  const defaultCountry = likelyCountry(uiLocale);
  // Refreshed when the window regains focus: Account settings opens in another tab, where a user may be added.
  const candidateList = useApiList('/api/v1/rewards/marketing-contact/candidates', undefined, { refetchOnFocus: true });
  const candidates = candidateList.data?.items ?? [];
  const [userId, setUserId] = useState(contact?.userId ?? '');
  const ofContact: PersonFields | null = contact
    ? { email: contact.email, country: contact.phoneCountry ?? defaultCountry, national: contact.phoneDisplay, language: contact.preferredLanguage }
    : null;
  const [person, setPerson] = useState<PersonFields>(ofContact ?? { email: '', country: defaultCountry, national: '', language: uiLocale });
  const { email } = person;
  const set = (change: Partial<PersonFields>) => setPerson((current) => ({ ...current, ...change }));

  const assign = useApiMutation('put', '/api/v1/rewards/marketing-contact', { invalidates: ['/api/v1/rewards/marketing-contact', '/api/v1/rewards/activations'] });
  const { error: refusal, busy, submit } = useFormSubmit(
    () =>
      assign.mutateAsync({
        body: { userId, email, phone: person.national, phoneCountry: person.country, preferredLanguage: person.language },
      }),
    { onDone: onClose },
  );
  const error = refusal ?? candidateList.error;

  function chooseUser(id: string) {
    setUserId(id);
    if (contact && id === contact.userId && ofContact) return setPerson(ofContact);
    const chosen = candidates.find((c) => c.id === id);
    setPerson({ email: chosen?.email ?? '', country: defaultCountry, national: '', language: languageOf(chosen, uiLocale) });
  }

  // With no contact yet, the first candidate is proposed, with their email and language.
  const first = candidates[0];
  useEffect(() => {
    if (!userId && first) {
      setUserId(first.id);
      setPerson((current) => ({ ...current, email: first.email, language: languageOf(first, uiLocale) }));
    }
  }, [userId, first, uiLocale]);

  return (
    <FormDialog
      title={intl.formatMessage({ id: 'contact.dialogTitle' })}
      submitLabel={intl.formatMessage({ id: 'contact.assign' })}
      onClose={onClose}
      onSubmit={submit}
      error={error}
      busy={busy}
      canSubmit={Boolean(userId)}
    >
      <Text>
        <FormattedMessage id="contact.dialogIntro" />
      </Text>
      <Field label={intl.formatMessage({ id: 'contact.user' })} required {...fieldValidation(error, 'userId')}>
        <Select name="userId" value={userId} onChange={(_, data) => chooseUser(data.value)}>
          {candidates.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.displayName} ({candidate.username})
            </option>
          ))}
        </Select>
      </Field>
      <Text size={200}>
        <FormattedMessage id="contact.userHint" />{' '}
        <Link href="/settings/users" target="_blank" rel="noopener">
          <FormattedMessage id="contact.userHintLink" />
        </Link>
      </Text>
      <Field label={intl.formatMessage({ id: 'contact.email' })} hint={intl.formatMessage({ id: 'contact.emailHint' })} required {...fieldValidation(error, 'email')}>
        <Input name="contact-email" type="email" value={email} onChange={(_, data) => set({ email: data.value })} />
      </Field>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Field label={intl.formatMessage({ id: 'contact.country' })} style={{ minWidth: 120 }} {...fieldValidation(error, 'phoneCountry')}>
          <Select name="country" value={person.country} onChange={(_, data) => set({ country: data.value })}>
            {COUNTRIES.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} {c.dial}
              </option>
            ))}
            {!COUNTRIES.some((c) => c.code === person.country) && <option value={person.country}>{person.country}</option>}
          </Select>
        </Field>
        <Field
          label={intl.formatMessage({ id: 'contact.phone' })}
          hint={intl.formatMessage({ id: 'contact.phoneHint' })}
          required
          style={{ flexGrow: 1, minWidth: 180 }}
          {...fieldValidation(error, 'phone')}
        >
          <Input
            name="phone"
            type="tel"
            autoComplete="tel-national"
            value={person.national}
            onChange={(_, data) => set({ national: data.value })}
            onBlur={() => set(formatted(person.national, person.country))}
          />
        </Field>
      </div>
      <Field label={intl.formatMessage({ id: 'contact.language' })} required {...fieldValidation(error, 'preferredLanguage')}>
        <Select name="preferredLanguage" value={person.language} onChange={(_, data) => set({ language: data.value as Locale })}>
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

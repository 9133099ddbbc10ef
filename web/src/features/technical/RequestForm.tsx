import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Textarea,
} from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { ApiError } from '../../api/client.ts';
import { useApiList, useApiMutation, useApiQuery } from '../../api/queries.ts';
import { fieldValidation } from '../../app/ErrorMessage.tsx';
import { FormDialog } from '../../app/FormDialog.tsx';
import { PHONE_COUNTRIES as COUNTRIES } from '../rewards/phone-countries.ts';
import { useFormSubmit } from '../../app/useFormSubmit.ts';
import { LANGUAGE_NAMES, LOCALES, type Locale } from '../../i18n/catalogs.ts';
import { FilePicker, useUploads } from './files.tsx';
import { PHASES, REQUEST_READS, SOLUTION_TYPES, type Phase, type SolutionType, type TechnicalRequest } from './types.ts';


/** The browser's time zones, the browser's own among them. */
function timeZones(own: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(own) ? zones : [own, ...zones];
}
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

interface ContactState {
  userId: string;
  email: string;
  phoneCountry: string;
  phone: string;
  preferredLanguage: Locale;
}

interface Fields {
  phase: Phase | '';
  solutionType: SolutionType | '';
  offerId: string;
  title: string;
  description: string;
  timeZone: string;
  contact: ContactState;
}

/** The fields a request has, shared by the new request and its edit. */
function RequestFields({
  value,
  onChange,
  error,
  contactChoice,
  contactFields = true,
}: {
  value: Fields;
  onChange: (next: Fields) => void;
  error: unknown;
  /** Above the contact fields: for a new request, "the marketing contact" or another user. */
  contactChoice?: ReactNode;
  /** False while the marketing contact is chosen (nothing to fill in). */
  contactFields?: boolean;
}) {
  const intl = useIntl();
  const offersRead = useApiList('/api/v1/rewards/offers');
  const offers = offersRead.data?.items ?? [];
  const zones = useMemo(() => timeZones(value.timeZone), [value.timeZone]);
  const set = <K extends keyof Fields>(key: K, next: Fields[K]) => onChange({ ...value, [key]: next });
  return (
    <>
      <Field label={intl.formatMessage({ id: 'technicalPage.phase' })} required {...fieldValidation(error, 'phase')}>
        <Select name="phase" value={value.phase} onChange={(_, data) => set('phase', data.value as Phase)}>
          <option value="">{intl.formatMessage({ id: 'technicalPage.phase.choose' })}</option>
          {PHASES.map((phase) => (
            <option key={phase} value={phase}>
              {intl.formatMessage({ id: `technicalPage.phase.${phase}` })}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={intl.formatMessage({ id: 'technicalPage.solutionType' })} required {...fieldValidation(error, 'solutionType')}>
        <RadioGroup name="solutionType" layout="horizontal" value={value.solutionType} onChange={(_, data) => set('solutionType', data.value as SolutionType)}>
          {SOLUTION_TYPES.map((type) => (
            <Radio key={type} value={type} label={intl.formatMessage({ id: `technicalPage.solutionType.${type}` })} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={intl.formatMessage({ id: 'technicalPage.offer' })} required {...fieldValidation(error, 'offerId')}>
        <Select name="offerId" value={value.offerId} onChange={(_, data) => set('offerId', data.value)}>
          <option value="">{intl.formatMessage({ id: 'technicalPage.offer.choose' })}</option>
          {offers.map((offer) => (
            <option key={offer.id} value={offer.id}>
              {intl.formatMessage({ id: 'technicalPage.offer.option' }, { name: offer.name, publisher: offer.publisherProfileName })}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={intl.formatMessage({ id: 'technicalPage.title' })} required {...fieldValidation(error, 'title')}>
        <Input name="title" value={value.title} maxLength={200} onChange={(_, data) => set('title', data.value)} />
      </Field>
      <Field
        label={intl.formatMessage({ id: 'technicalPage.description' })}
        hint={intl.formatMessage({ id: 'technicalPage.descriptionHint' })}
        required
        {...fieldValidation(error, 'description')}
      >
        <Textarea name="description" value={value.description} rows={4} resize="vertical" onChange={(_, data) => set('description', data.value)} />
      </Field>
      <fieldset style={{ border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 12 }}>
        <legend style={{ fontWeight: 600, paddingBottom: 4 }}>{intl.formatMessage({ id: 'technicalPage.contact' })}</legend>
        {contactChoice}
        {contactFields && <ContactFields value={value.contact} onChange={(contact) => set('contact', contact)} error={error} />}
      </fieldset>
      <Field
        label={intl.formatMessage({ id: 'technicalPage.timeZone' })}
        hint={intl.formatMessage({ id: 'technicalPage.timeZoneHint' })}
        required
        {...fieldValidation(error, 'timeZone')}
      >
        <Select name="timeZone" value={value.timeZone} onChange={(_, data) => set('timeZone', data.value)}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
}

/** The radio value for the account's marketing contact (the server's default contact). */
const MARKETING = 'marketing';

function ContactFields({ value, onChange, error }: { value: ContactState; onChange: (next: ContactState) => void; error: unknown }) {
  const intl = useIntl();
  const candidateList = useApiList('/api/v1/rewards/marketing-contact/candidates');
  const candidates = candidateList.data?.items ?? [];
  const set = <K extends keyof ContactState>(key: K, next: ContactState[K]) => onChange({ ...value, [key]: next });
  return (
    <>
      <Field label={intl.formatMessage({ id: 'contact.user' })} required {...fieldValidation(error, 'contact.userId')}>
        <Select
          name="contact-userId"
          value={value.userId}
          onChange={(_, data) => {
            const chosen = candidates.find((c) => c.id === data.value);
            onChange({ ...value, userId: data.value, email: chosen ? chosen.email : value.email });
          }}
        >
          <option value="" />
          {candidates.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.displayName} ({candidate.username})
            </option>
          ))}
          {value.userId && !candidates.some((c) => c.id === value.userId) && <option value={value.userId}>{value.email}</option>}
        </Select>
      </Field>
      <Field label={intl.formatMessage({ id: 'contact.email' })} required {...fieldValidation(error, 'contact.email')}>
        <Input name="contact-email" type="email" value={value.email} onChange={(_, data) => set('email', data.value)} />
      </Field>
      <div style={{ display: 'flex', gap: 8 }}>
        <Field label={intl.formatMessage({ id: 'contact.country' })} style={{ minWidth: 140 }} {...fieldValidation(error, 'contact.phoneCountry')}>
          <Select name="contact-country" value={value.phoneCountry} onChange={(_, data) => set('phoneCountry', data.value)}>
            {COUNTRIES.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} {c.dial}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={intl.formatMessage({ id: 'contact.phone' })} required style={{ flexGrow: 1 }} {...fieldValidation(error, 'contact.phone')}>
          <Input name="contact-phone" type="tel" autoComplete="tel-national" value={value.phone} onChange={(_, data) => set('phone', data.value)} />
        </Field>
      </div>
      <Field label={intl.formatMessage({ id: 'contact.language' })} required {...fieldValidation(error, 'contact.preferredLanguage')}>
        <Select name="contact-language" value={value.preferredLanguage} onChange={(_, data) => set('preferredLanguage', data.value as Locale)}>
          {LOCALES.map((option) => (
            <option key={option} value={option} lang={option}>
              {LANGUAGE_NAMES[option]}
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
}

/** The request body from the form: what is not chosen is left out, so the server names every missing field at once. */
function bodyOf(fields: Fields, withContact: boolean, omitEmpty = true) {
  const trimmedPhone = fields.contact.phone.trim();
  // An empty field of a new request is left out, so the server says it is required (rather than too short);
  // an edit sends it, since leaving it out would mean "unchanged".
  const given = <K extends string>(key: K, value: string) => (value.trim() || !omitEmpty ? ({ [key]: value } as Record<K, string>) : {});
  return {
    ...given('phase', fields.phase),
    ...given('solutionType', fields.solutionType),
    ...given('offerId', fields.offerId),
    ...given('title', fields.title),
    ...given('description', fields.description),
    timeZone: fields.timeZone,
    ...(withContact
      ? {
          contact: {
            ...given('userId', fields.contact.userId),
            ...given('email', fields.contact.email.trim()),
            ...given('phone', trimmedPhone),
            // A number with its country code needs no country.
            ...(trimmedPhone.startsWith('+') ? {} : { phoneCountry: fields.contact.phoneCountry }),
            preferredLanguage: fields.contact.preferredLanguage,
          },
        }
      : {}),
  };
}

type NewBody = Parameters<ReturnType<typeof useApiMutation<'post', '/api/v1/rewards/technical-requests'>>['mutateAsync']>[0]['body'];

/**
 * "Request technical assistance": the form, then the files uploaded to the new request one by one.
 * One Idempotency-Key per open dialog, so a double press or a retry after a lost answer makes one request.
 */
export function NewRequestDialog({ onClose }: { onClose: () => void }) {
  const intl = useIntl();
  const contactRead = useApiQuery('/api/v1/rewards/marketing-contact');
  const marketing = contactRead.data?.contact;
  const hasMarketing = Boolean(marketing && !marketing.needsReassignment);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [fields, setFields] = useState<Fields>({
    phase: '',
    solutionType: '',
    offerId: '',
    title: '',
    description: '',
    timeZone: browserZone(),
    contact: { userId: '', email: '', phoneCountry: 'NL', phone: '', preferredLanguage: intl.locale as Locale },
  });
  const [useMarketing, setUseMarketing] = useState<boolean | null>(null);
  const marketingChosen = useMarketing ?? hasMarketing;
  const [files, setFiles] = useState<File[]>([]);
  const [created, setCreated] = useState<TechnicalRequest | null>(null);
  const { states, upload } = useUploads();
  const [uploadsFailed, setUploadsFailed] = useState(false);
  const submitRequest = useApiMutation('post', '/api/v1/rewards/technical-requests', { invalidates: REQUEST_READS });
  const { error, busy, submit } = useFormSubmit(
    () =>
      submitRequest.mutateAsync({
        params: { header: { 'idempotency-key': idempotencyKey } },
        body: bodyOf(fields, !marketingChosen) as NewBody,
      }),
    {
      onDone: (request) => {
        setCreated(request);
        if (files.length === 0) return onClose();
        void upload(request.id, files).then((ok) => (ok ? onClose() : setUploadsFailed(true)));
      },
    },
  );

  if (created) {
    return (
      <Dialog open onOpenChange={(_, data) => !data.open && uploadsFailed && onClose()}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{created.reference}</DialogTitle>
            <DialogContent style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
              {uploadsFailed && (
                <MessageBar intent="warning" role="alert">
                  <MessageBarBody>{intl.formatMessage({ id: 'technicalPage.upload.someFailed' }, { reference: created.reference })}</MessageBarBody>
                </MessageBar>
              )}
              <FilePicker files={files} onChange={() => undefined} states={states} />
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" disabled={!uploadsFailed} onClick={onClose}>
                {intl.formatMessage({ id: 'web.close' })}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    );
  }

  const contactChoice = (
    <Field {...fieldValidation(error, 'contact')}>
    <RadioGroup
      name="contact-choice"
      aria-label={intl.formatMessage({ id: 'technicalPage.contact' })}
      value={marketingChosen ? MARKETING : 'other'}
      onChange={(_, data) => setUseMarketing(data.value === MARKETING)}
    >
      <Radio
        value={MARKETING}
        disabled={!hasMarketing}
        label={
          hasMarketing && marketing
            ? intl.formatMessage({ id: 'technicalPage.contact.marketing' }, { name: marketing.displayName, email: marketing.email })
            : intl.formatMessage({ id: 'technicalPage.contact.marketingNone' })
        }
      />
      <Radio value="other" label={intl.formatMessage({ id: 'technicalPage.contact.other' })} />
    </RadioGroup>
    </Field>
  );

  return (
    <FormDialog
      title={intl.formatMessage({ id: 'technicalPage.request' })}
      submitLabel={intl.formatMessage({ id: 'technicalPage.form.submit' })}
      onClose={onClose}
      onSubmit={submit}
      error={error}
      busy={busy}
    >
      <RequestFields value={fields} onChange={setFields} error={error} contactChoice={contactChoice} contactFields={!marketingChosen} />
      <FilePicker files={files} onChange={setFiles} />
    </FormDialog>
  );
}

/** Edits a submitted request at the revision read; a conflict shows the server's message and the request is read again. */
export function EditRequestDialog({ request, onClose }: { request: TechnicalRequest; onClose: () => void }) {
  const intl = useIntl();
  const initialContact: ContactState = {
    userId: request.contact.userId ?? '',
    email: request.contact.email,
    phoneCountry: 'NL',
    phone: request.contact.phone,
    preferredLanguage: request.contact.preferredLanguage,
  };
  const [fields, setFields] = useState<Fields>({
    phase: request.phase,
    solutionType: request.solutionType,
    offerId: request.offerId,
    title: request.title,
    description: request.description,
    timeZone: request.timeZone,
    contact: initialContact,
  });
  const change = useApiMutation('patch', '/api/v1/rewards/technical-requests/{id}', { invalidates: REQUEST_READS });
  const client = useQueryClient();
  const contactChanged = JSON.stringify(fields.contact) !== JSON.stringify(initialContact);
  const { error, busy, submit } = useFormSubmit(
    () => {
      const body = bodyOf(fields, contactChanged, false);
      // Only what changed is sent.
      const changes = Object.fromEntries(
        Object.entries(body).filter(([key, next]) => key === 'contact' || next !== (request as unknown as Record<string, unknown>)[key]),
      );
      return change.mutateAsync({ params: { path: { id: request.id } }, body: { revision: request.revision, ...changes } });
    },
    {
      onDone: onClose,
      onFailed: (failure) => {
        // The request changed meanwhile: read it again, so the next try is made against what it is now.
        if (failure instanceof ApiError && failure.code === 'REVISION_CONFLICT') {
          void Promise.all(REQUEST_READS.map((read) => client.invalidateQueries({ queryKey: ['get', read] })));
        }
      },
    },
  );
  return (
    <FormDialog
      title={intl.formatMessage({ id: 'technicalPage.form.editTitle' }, { reference: request.reference })}
      submitLabel={intl.formatMessage({ id: 'web.save' })}
      onClose={onClose}
      onSubmit={submit}
      error={error}
      busy={busy}
    >
      <RequestFields value={fields} onChange={setFields} error={error} />
    </FormDialog>
  );
}

import { Field, Input, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useApiMutation } from '../../api/queries.ts';
import { fieldValidation } from '../../app/fieldErrors.ts';
import { FormDialog } from '../../app/FormDialog.tsx';
import { useFormSubmit } from '../../app/useFormSubmit.ts';
import { localInput } from './WorkDialogs.tsx';
import { WORK_READS, type WorkItem } from './types.ts';

interface Props {
  item: WorkItem;
  onClose: () => void;
  onDone: (announcement: string) => void;
}

const READS = [...WORK_READS, '/api/v1/ops/sponsorships'] as const;

/**
 * A sponsorship provisioning request handled from the queue (issue #14): provisioned (the credit's term
 * runs from when it was applied to the subscription, now unless changed; the partner is emailed), or
 * declined with the reason the partner reads (the benefit is theirs to request again).
 */
export function ProvisionDialog({ item, onClose, onDone }: Props) {
  const intl = useIntl();
  // To the second: a credit unlocked a minute ago may not start before it was (the API says so).
  const [at, setAt] = useState(() => localInput(new Date(), true));
  const activate = useApiMutation('post', '/api/v1/ops/sponsorships/{id}/activation', { invalidates: READS });
  const { error, busy, submit } = useFormSubmit(() => activate.mutateAsync({ params: { path: { id: item.id } }, body: { activeFrom: at ? new Date(at).toISOString() : '' } }), {
    onDone: () => onDone(intl.formatMessage({ id: 'console.sponsorship.provisioned' }, { partner: item.partner.name, benefit: item.benefit.name })),
  });
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <FormDialog
      title={intl.formatMessage({ id: 'console.sponsorship.provisionTitle' }, { benefit: item.benefit.name, partner: item.partner.name })}
      submitLabel={intl.formatMessage({ id: 'console.sponsorship.provisionSubmit' })}
      onClose={onClose}
      onSubmit={submit}
      error={error}
      busy={busy}
      canSubmit={at !== ''}
    >
      <Field label={intl.formatMessage({ id: 'console.sponsorship.activeFrom' })} hint={intl.formatMessage({ id: 'console.sponsorship.activeFromHint' }, { zone })} required {...fieldValidation(error, 'activeFrom')}>
        <Input type="datetime-local" step={1} name="activeFrom" value={at} onChange={(_, data) => setAt(data.value)} />
      </Field>
    </FormDialog>
  );
}

export function DeclineDialog({ item, onClose, onDone }: Props) {
  const intl = useIntl();
  const [reason, setReason] = useState('');
  const decline = useApiMutation('post', '/api/v1/ops/sponsorships/{id}/provisioning-decline', { invalidates: READS });
  const { error, busy, submit } = useFormSubmit(() => decline.mutateAsync({ params: { path: { id: item.id } }, body: { reason } }), {
    onDone: () => onDone(intl.formatMessage({ id: 'console.sponsorship.declined' }, { partner: item.partner.name, benefit: item.benefit.name })),
  });
  return (
    <FormDialog
      title={intl.formatMessage({ id: 'console.sponsorship.declineTitle' }, { benefit: item.benefit.name, partner: item.partner.name })}
      submitLabel={intl.formatMessage({ id: 'console.sponsorship.declineSubmit' })}
      onClose={onClose}
      onSubmit={submit}
      error={error}
      busy={busy}
    >
      <Field label={intl.formatMessage({ id: 'console.sponsorship.reason' })} hint={intl.formatMessage({ id: 'console.sponsorship.reasonHint' })} required {...fieldValidation(error, 'reason')}>
        <Textarea name="reason" value={reason} maxLength={2000} resize="vertical" onChange={(_, data) => setReason(data.value)} />
      </Field>
    </FormDialog>
  );
}

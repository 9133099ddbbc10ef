import { Field, Input, Select, Spinner, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useApiMutation, useApiQuery } from '../../api/queries.ts';
import { fieldValidation } from '../../app/fieldErrors.ts';
import { FormDialog } from '../../app/FormDialog.tsx';
import { SectionError } from '../../app/SectionError.tsx';
import { useFormSubmit } from '../../app/useFormSubmit.ts';
import { CONTACT_CHANNELS, WORK_READS, type ContactChannel, type WorkItem } from './types.ts';

/** The console's dialogs for one queue item: assign, record a contact, move a technical request, message the partner. */

interface DialogProps {
  item: WorkItem;
  onClose: () => void;
  /** Said in the page's live region once the change is made. */
  onDone: (announcement: string) => void;
}

const path = (item: WorkItem) => ({ path: { kind: item.kind, id: item.id } });

/** A manager gives the item to someone of the team. */
export function AssignDialog({ item, onClose, onDone }: DialogProps) {
  const intl = useIntl();
  const team = useApiQuery('/api/v1/ops/operators');
  const [assigneeId, setAssigneeId] = useState(item.assignee?.id ?? '');
  const assign = useApiMutation('post', '/api/v1/ops/work/{kind}/{id}/assignment', { invalidates: WORK_READS });
  const { error, busy, submit } = useFormSubmit(() => assign.mutateAsync({ params: path(item), body: { assigneeId } }), {
    onDone: (result) => onDone(intl.formatMessage({ id: 'console.queue.assigned' }, { name: result.assignee.name })),
  });
  return (
    <FormDialog
      title={intl.formatMessage({ id: 'console.assign.title' }, { partner: item.partner.name })}
      submitLabel={intl.formatMessage({ id: 'console.assign.submit' })}
      onClose={onClose}
      onSubmit={submit}
      error={error}
      busy={busy}
      canSubmit={assigneeId !== ''}
    >
      {team.error ? (
        <SectionError error={team.error} onRetry={() => void team.refetch()} />
      ) : !team.data ? (
        <Spinner size="tiny" />
      ) : (
        <Field label={intl.formatMessage({ id: 'console.assign.to' })} required {...fieldValidation(error, 'assigneeId')}>
          <Select value={assigneeId} onChange={(_, data) => setAssigneeId(data.value)}>
            <option value="" disabled />
            {team.data.items.map((member) => (
              <option key={member.id} value={member.id}>
                {intl.formatMessage({ id: 'console.operator' }, { name: member.displayName, role: intl.formatMessage({ id: `console.role.${member.role}` }) })}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </FormDialog>
  );
}

/** `datetime-local`'s value for an instant, in the browser's time zone. */
export const localInput = (date: Date, seconds = false) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, seconds ? 19 : 16);

/** A contact with the partner: how, what, when (now unless changed). */
export function ContactDialog({ item, onClose, onDone }: DialogProps) {
  const intl = useIntl();
  const [channel, setChannel] = useState<ContactChannel>('email');
  const [note, setNote] = useState('');
  const [at, setAt] = useState('');
  const record = useApiMutation('post', '/api/v1/ops/work/{kind}/{id}/contacts', { invalidates: WORK_READS });
  const { error, busy, submit } = useFormSubmit(
    () => record.mutateAsync({ params: path(item), body: { channel, note, ...(at ? { contactedAt: new Date(at).toISOString() } : {}) } }),
    { onDone: () => onDone(intl.formatMessage({ id: 'console.queue.contactRecorded' }, { partner: item.partner.name })) },
  );
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <FormDialog
      title={intl.formatMessage({ id: 'console.contact.title' }, { partner: item.partner.name })}
      submitLabel={intl.formatMessage({ id: 'console.contact.submit' })}
      onClose={onClose}
      onSubmit={submit}
      error={error}
      busy={busy}
    >
      <Field label={intl.formatMessage({ id: 'console.contact.channel' })} required {...fieldValidation(error, 'channel')}>
        <Select value={channel} onChange={(_, data) => setChannel(data.value as ContactChannel)}>
          {CONTACT_CHANNELS.map((option) => (
            <option key={option} value={option}>
              {intl.formatMessage({ id: `console.channel.${option}` })}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={intl.formatMessage({ id: 'console.contact.note' })} required {...fieldValidation(error, 'note')}>
        <Textarea name="note" value={note} maxLength={2000} resize="vertical" onChange={(_, data) => setNote(data.value)} />
      </Field>
      <Field label={intl.formatMessage({ id: 'console.contact.at' })} hint={intl.formatMessage({ id: 'console.contact.atHint' }, { zone })} {...fieldValidation(error, 'contactedAt')}>
        <Input type="datetime-local" name="contactedAt" value={at} max={localInput(new Date())} onChange={(_, data) => setAt(data.value)} />
      </Field>
    </FormDialog>
  );
}

/** A technical request moved through its lifecycle, to where the API says it may go, with the reason the partner sees. */
export function MoveDialog({ item, onClose, onDone }: DialogProps) {
  const intl = useIntl();
  const request = useApiQuery('/api/v1/ops/technical-requests/{id}', { params: { path: { id: item.id } } });
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [scheduledAt, setScheduledAt] = useState('');
  const move = useApiMutation('post', '/api/v1/ops/technical-requests/{id}/transitions', { invalidates: WORK_READS });
  const moves = request.data?.moves ?? [];
  const target = to || moves[0] || '';
  const { error, busy, submit } = useFormSubmit(
    () =>
      move.mutateAsync({
        params: { path: { id: item.id } },
        body: {
          to: target as never,
          ...(reason.trim() ? { reason } : {}),
          ...(target === 'scheduled' && scheduledAt ? { scheduledAt: new Date(scheduledAt).toISOString() } : {}),
          ...(request.data ? { revision: request.data.revision } : {}),
        },
      }),
    {
      onDone: (result) =>
        onDone(intl.formatMessage({ id: 'console.queue.moved' }, { reference: result.reference, state: intl.formatMessage({ id: `console.state.${result.status}` }) })),
    },
  );
  return (
    <FormDialog
      title={intl.formatMessage({ id: 'console.move.title' }, { reference: item.reference ?? '' })}
      submitLabel={intl.formatMessage({ id: 'console.move.submit' })}
      onClose={onClose}
      onSubmit={submit}
      error={error}
      busy={busy}
      canSubmit={target !== ''}
    >
      {request.error ? (
        <SectionError error={request.error} onRetry={() => void request.refetch()} />
      ) : !request.data ? (
        <Spinner size="tiny" label={intl.formatMessage({ id: 'console.move.loading' })} />
      ) : (
        <>
          <Field label={intl.formatMessage({ id: 'console.move.to' })} required {...fieldValidation(error, 'to')}>
            <Select value={target} onChange={(_, data) => setTo(data.value)}>
              {moves.map((option) => (
                <option key={option} value={option}>
                  {intl.formatMessage({ id: `console.state.${option}` })}
                </option>
              ))}
            </Select>
          </Field>
          {target === 'scheduled' && (
            <Field label={intl.formatMessage({ id: 'console.move.scheduledAt' })} required {...fieldValidation(error, 'scheduledAt')}>
              <Input type="datetime-local" name="scheduledAt" value={scheduledAt} onChange={(_, data) => setScheduledAt(data.value)} />
            </Field>
          )}
          <Field label={intl.formatMessage({ id: 'console.move.reason' })} {...fieldValidation(error, 'reason')}>
            <Textarea name="reason" value={reason} maxLength={2000} resize="vertical" onChange={(_, data) => setReason(data.value)} />
          </Field>
        </>
      )}
    </FormDialog>
  );
}

/** A message to the partner about a technical request (its technical contact is emailed). */
export function MessageDialog({ item, onClose, onDone }: DialogProps) {
  const intl = useIntl();
  const [body, setBody] = useState('');
  const send = useApiMutation('post', '/api/v1/ops/technical-requests/{id}/messages', { invalidates: WORK_READS });
  const { error, busy, submit } = useFormSubmit(() => send.mutateAsync({ params: { path: { id: item.id } }, body: { body } }), {
    onDone: () => onDone(intl.formatMessage({ id: 'console.queue.messageSent' }, { partner: item.partner.name })),
  });
  return (
    <FormDialog
      title={intl.formatMessage({ id: 'console.message.title' }, { partner: item.partner.name, reference: item.reference ?? '' })}
      submitLabel={intl.formatMessage({ id: 'console.message.submit' })}
      onClose={onClose}
      onSubmit={submit}
      error={error}
      busy={busy}
    >
      <Field label={intl.formatMessage({ id: 'console.message.body' })} required {...fieldValidation(error, 'body')}>
        <Textarea name="body" value={body} maxLength={10000} resize="vertical" onChange={(_, data) => setBody(data.value)} />
      </Field>
    </FormDialog>
  );
}

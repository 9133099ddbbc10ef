import { Field, MessageBar, MessageBarBody, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useApiMutation } from '../../api/queries.ts';
import { fieldValidation } from '../../app/ErrorMessage.tsx';
import { FormDialog } from '../../app/FormDialog.tsx';
import { useFormSubmit } from '../../app/useFormSubmit.ts';
import { FILES_MAX, FilePicker, useUploads } from './files.tsx';
import { REQUEST_READS, type TechnicalRequest } from './types.ts';

/** What the team last asked, while the request waits for the partner's answer. */
export function Question({ request }: { request: TechnicalRequest }) {
  if (request.status !== 'action-required') return null;
  const asked = [...request.history].reverse().find((event) => event.to === 'action-required');
  if (!asked?.reason) return null;
  return (
    <MessageBar intent="warning" data-testid="request-question">
      <MessageBarBody>
        <FormattedMessage id="technicalPage.question" values={{ question: asked.reason }} />
      </MessageBarBody>
    </MessageBar>
  );
}

/** The request page's dialogs: answering the team, cancelling, adding a file. */
/** The partner's answer to the team's question: sends the request back to the team (action-required -> in-review); files may go with it. */
export function AnswerDialog({ request, onClose }: { request: TechnicalRequest; onClose: () => void }) {
  const intl = useIntl();
  const [answer, setAnswer] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [answered, setAnswered] = useState(false);
  const [uploadsFailed, setUploadsFailed] = useState(false);
  const { states, upload } = useUploads();
  const change = useApiMutation('patch', '/api/v1/rewards/technical-requests/{id}', { invalidates: REQUEST_READS });
  const { error, busy, submit } = useFormSubmit(
    () => change.mutateAsync({ params: { path: { id: request.id } }, body: { revision: request.revision, answer } }),
    {
      onDone: () => {
        setAnswered(true);
        if (files.length === 0) return onClose();
        void upload(request.id, files).then((ok) => (ok ? onClose() : setUploadsFailed(true)));
      },
    },
  );
  return (
    <FormDialog
      title={intl.formatMessage({ id: 'technicalPage.answer.title' })}
      submitLabel={intl.formatMessage({ id: 'technicalPage.answer.submit' })}
      onClose={onClose}
      onSubmit={submit}
      error={error}
      busy={busy}
      canSubmit={!answered}
      {...(uploadsFailed ? { closeLabel: intl.formatMessage({ id: 'web.close' }) } : {})}
    >
      <Question request={request} />
      {uploadsFailed && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{intl.formatMessage({ id: 'technicalPage.upload.someFailed' }, { reference: request.reference })}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={intl.formatMessage({ id: 'technicalPage.answer.text' })} required {...fieldValidation(error, 'answer')}>
        <Textarea name="answer" value={answer} rows={5} resize="vertical" onChange={(_, data) => setAnswer(data.value)} />
      </Field>
      <FilePicker files={files} onChange={setFiles} room={FILES_MAX - request.attachments.length} states={states} />
    </FormDialog>
  );
}

export function CancelDialog({ request, onClose }: { request: TechnicalRequest; onClose: () => void }) {
  const intl = useIntl();
  const [reason, setReason] = useState('');
  const cancel = useApiMutation('post', '/api/v1/rewards/technical-requests/{id}/cancellation', { invalidates: REQUEST_READS });
  const { error, busy, submit } = useFormSubmit(
    () =>
      cancel.mutateAsync({
        params: { path: { id: request.id } },
        body: { revision: request.revision, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      }),
    { onDone: onClose },
  );
  return (
    <FormDialog
      title={intl.formatMessage({ id: 'technicalPage.cancel.title' }, { reference: request.reference })}
      submitLabel={intl.formatMessage({ id: 'technicalPage.cancel' })}
      closeLabel={intl.formatMessage({ id: 'technicalPage.cancel.keep' })}
      onClose={onClose}
      onSubmit={submit}
      error={error}
      busy={busy}
    >
      <Text as="p" style={{ margin: 0 }}>
        <FormattedMessage id="technicalPage.cancel.explained" />
      </Text>
      <Field label={intl.formatMessage({ id: 'technicalPage.cancel.reason' })} {...fieldValidation(error, 'reason')}>
        <Textarea name="reason" value={reason} rows={3} resize="vertical" onChange={(_, data) => setReason(data.value)} />
      </Field>
    </FormDialog>
  );
}

export function AddFileDialog({ request, onClose }: { request: TechnicalRequest; onClose: () => void }) {
  const intl = useIntl();
  const [files, setFiles] = useState<File[]>([]);
  const [failed, setFailed] = useState(false);
  const { states, upload } = useUploads();
  const { busy, submit } = useFormSubmit(() => upload(request.id, files), {
    onDone: (ok) => (ok ? onClose() : setFailed(true)),
  });
  return (
    <FormDialog
      title={intl.formatMessage({ id: 'technicalPage.addFile' })}
      submitLabel={intl.formatMessage({ id: 'technicalPage.addFile.submit' })}
      onClose={onClose}
      onSubmit={submit}
      error={null}
      busy={busy}
      canSubmit={files.length > 0 && !failed}
      {...(failed ? { closeLabel: intl.formatMessage({ id: 'web.close' }) } : {})}
    >
      <FilePicker
        files={files}
        onChange={setFiles}
        room={FILES_MAX - request.attachments.length}
        states={states}
        label={intl.formatMessage({ id: 'technicalPage.file' })}
        required
      />
    </FormDialog>
  );
}

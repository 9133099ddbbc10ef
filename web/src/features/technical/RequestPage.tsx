import {
  Button,
  Card,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  Title2,
  Title3,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link as RouterLink, Navigate, useParams } from 'react-router';
import { useApiMutation, useApiQuery } from '../../api/queries.ts';
import { ErrorMessage, fieldValidation } from '../../app/ErrorMessage.tsx';
import { FormDialog } from '../../app/FormDialog.tsx';
import { useSignedIn } from '../../app/session.tsx';
import { useFormSubmit } from '../../app/useFormSubmit.ts';
import { useDialog, useDocumentTitle } from './dialogs.ts';
import { FILES_MAX, FilePicker, useUploads } from './files.tsx';
import { EditRequestDialog } from './RequestForm.tsx';
import { RequestStatusBadge } from './TechnicalTab.tsx';
import { REQUEST_READS, type TechnicalRequest } from './types.ts';

type Action = 'edit' | 'answer' | 'cancel' | 'attach';

/** One technical assistance request: what was asked, where it stands, the conversation and the files. */
export function RequestPage() {
  const me = useSignedIn();
  const intl = useIntl();
  const { id = '' } = useParams();
  const visible = me.navigation.marketplaceRewards && Boolean(me.partnerAccount);
  const read = useApiQuery('/api/v1/rewards/technical-requests/{id}', { params: { path: { id } } }, { enabled: visible });
  const request = read.data?.id === id ? read.data : undefined;
  const dialog = useDialog<Action>();
  useDocumentTitle(request ? intl.formatMessage({ id: 'technicalPage.documentTitle' }, { reference: request.reference, title: request.title }) : null);

  if (!visible) return <Navigate to="/help/rewards-visibility" replace />;
  return (
    <section style={{ display: 'flex', flexDirection: 'column', gap: 16, maxWidth: 1100 }}>
      <RouterLink to="/rewards/technical">
        <FormattedMessage id="technicalPage.back" />
      </RouterLink>
      <ErrorMessage error={read.error} />
      {!request && !read.error && <Spinner label={intl.formatMessage({ id: 'web.loading' })} />}
      {request && (
        <>
          <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
            <Title2 as="h1" data-testid="request-heading">
              {request.reference}: {request.title}
            </Title2>
            <RequestStatusBadge status={request.status} />
          </div>
          <Question request={request} />
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }} role="group" aria-label={intl.formatMessage({ id: 'technicalPage.actions' })}>
            {request.abilities.answer && (
              <Button appearance="primary" onClick={() => dialog.open('answer')}>
                <FormattedMessage id="technicalPage.answer" />
              </Button>
            )}
            {request.abilities.edit && !request.abilities.answer && (
              <Button onClick={() => dialog.open('edit')}>
                <FormattedMessage id="technicalPage.edit" />
              </Button>
            )}
            {request.abilities.attach && (
              <Button onClick={() => dialog.open('attach')}>
                <FormattedMessage id="technicalPage.addFile" />
              </Button>
            )}
            {request.abilities.cancel && (
              <Button onClick={() => dialog.open('cancel')}>
                <FormattedMessage id="technicalPage.cancel" />
              </Button>
            )}
          </div>
          <Details request={request} />
          <Conversation request={request} />
          <Files request={request} />
          <History request={request} />
          {dialog.value === 'edit' && <EditRequestDialog request={request} onClose={dialog.close} />}
          {dialog.value === 'answer' && <AnswerDialog request={request} onClose={dialog.close} />}
          {dialog.value === 'cancel' && <CancelDialog request={request} onClose={dialog.close} />}
          {dialog.value === 'attach' && <AddFileDialog request={request} onClose={dialog.close} />}
        </>
      )}
    </section>
  );
}

/** What the team last asked, while the request waits for the partner's answer. */
function Question({ request }: { request: TechnicalRequest }) {
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

function Row({ label, children, testId }: { label: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt style={{ fontWeight: 600 }}>{label}</dt>
      <dd style={{ margin: 0 }} data-testid={testId}>
        {children}
      </dd>
    </>
  );
}

function Details({ request }: { request: TechnicalRequest }) {
  const intl = useIntl();
  return (
    <Card>
      <Title3 as="h2">
        <FormattedMessage id="technicalPage.details" />
      </Title3>
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 24, rowGap: 8, margin: 0 }}>
        <Row label={<FormattedMessage id="technicalPage.reference" />} testId="request-reference">
          {request.reference}
        </Row>
        <Row label={<FormattedMessage id="rewards.status" />}>
          <FormattedMessage id={`technicalPage.status.${request.status}`} />
        </Row>
        <Row label={<FormattedMessage id="rewards.benefit" />}>{request.benefitName}</Row>
        <Row label={<FormattedMessage id="technicalPage.reserved" />}>
          <FormattedMessage id={`technicalPage.reservedQuantity.${request.reserved.unit}`} values={{ quantity: request.reserved.quantity }} />
        </Row>
        <Row label={<FormattedMessage id="technicalPage.phase" />}>
          <FormattedMessage id={`technicalPage.phase.${request.phase}`} />
        </Row>
        <Row label={<FormattedMessage id="technicalPage.solutionType" />}>
          <FormattedMessage id={`technicalPage.solutionType.${request.solutionType}`} />
        </Row>
        <Row label={<FormattedMessage id="technicalPage.offer" />}>{request.offerName}</Row>
        <Row label={<FormattedMessage id="technicalPage.contact" />} testId="request-contact">
          <FormattedMessage
            id="technicalPage.contactSummary"
            values={{
              name: request.contact.name,
              email: request.contact.email,
              phone: request.contact.phoneDisplay,
              language: intl.formatMessage({ id: `language.${request.contact.preferredLanguage}` }),
            }}
          />
        </Row>
        <Row label={<FormattedMessage id="technicalPage.timeZone" />}>{request.timeZone}</Row>
        <Row label={<FormattedMessage id="technicalPage.scheduledAt" />} testId="request-scheduled">
          {request.scheduledAt ? (
            <FormattedMessage
              id="technicalPage.scheduledIn"
              values={{
                when: <FormattedDate value={request.scheduledAt} dateStyle="full" timeStyle="short" timeZone={request.timeZone} />,
                timeZone: request.timeZone,
              }}
            />
          ) : (
            <FormattedMessage id="technicalPage.notScheduled" />
          )}
        </Row>
        <Row label={<FormattedMessage id="technicalPage.submittedAt" />}>
          <FormattedDate value={request.createdAt} dateStyle="medium" timeStyle="short" />
        </Row>
        <Row label={<FormattedMessage id="technicalPage.description" />}>
          <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="request-description">
            {request.description}
          </Text>
        </Row>
      </dl>
    </Card>
  );
}

function Conversation({ request }: { request: TechnicalRequest }) {
  const intl = useIntl();
  const [body, setBody] = useState('');
  const post = useApiMutation('post', '/api/v1/rewards/technical-requests/{id}/messages', { invalidates: REQUEST_READS });
  const { error, busy, submit } = useFormSubmit(() => post.mutateAsync({ params: { path: { id: request.id } }, body: { body } }), {
    onDone: () => setBody(''),
  });
  // A sent message leaves the form usable again (useFormSubmit stays busy after success for dialogs that close).
  const sending = busy && post.isPending;
  return (
    <Card>
      <Title3 as="h2">
        <FormattedMessage id="technicalPage.conversation" />
      </Title3>
      {request.messages.length === 0 ? (
        <Text as="p" style={{ margin: 0 }}>
          <FormattedMessage id="technicalPage.conversation.none" />
        </Text>
      ) : (
        <ol style={{ margin: 0, paddingLeft: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: 12 }} data-testid="request-messages">
          {request.messages.map((message) => (
            <li key={message.id} data-author={message.authorType}>
              <Text weight="semibold">
                {message.authorType === 'operator' ? (
                  <FormattedMessage id="technicalPage.message.team" values={{ name: message.authorName }} />
                ) : (
                  message.authorName
                )}
              </Text>{' '}
              <Text size={200}>
                <FormattedDate value={message.createdAt} dateStyle="medium" timeStyle="short" />
              </Text>
              <Text as="p" block style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {message.body}
              </Text>
            </li>
          ))}
        </ol>
      )}
      {request.abilities.message && (
        <form noValidate onSubmit={submit} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
          <ErrorMessage error={error} />
          <Field label={intl.formatMessage({ id: 'technicalPage.message' })} {...fieldValidation(error, 'body')}>
            <Textarea name="message" value={body} rows={3} resize="vertical" onChange={(_, data) => setBody(data.value)} />
          </Field>
          <div>
            <Button type="submit" disabled={sending}>
              <FormattedMessage id="technicalPage.message.send" />
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}

function Files({ request }: { request: TechnicalRequest }) {
  const intl = useIntl();
  return (
    <Card>
      <Title3 as="h2">
        <FormattedMessage id="technicalPage.attachments" />
      </Title3>
      {request.attachments.length === 0 ? (
        <Text as="p" style={{ margin: 0 }}>
          <FormattedMessage id="technicalPage.attachments.none" />
        </Text>
      ) : (
        <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="request-attachments">
          {request.attachments.map((file) => (
            <li key={file.id}>
              {/* A plain link: the session cookie authenticates the download, and the server sends it as an attachment. */}
              <Link
                href={`/api/v1/rewards/technical-requests/${request.id}/attachments/${file.id}`}
                download={file.fileName}
                aria-label={intl.formatMessage({ id: 'technicalPage.attachment.download' }, { name: file.fileName })}
              >
                {file.fileName}
              </Link>{' '}
              <Text size={200}>
                <FormattedMessage id="technicalPage.attachment.size" values={{ size: Math.max(1, Math.round(file.sizeBytes / 1024)) }} />
                {', '}
                <FormattedDate value={file.createdAt} dateStyle="medium" />
                {file.uploadedBy === 'operator' && (
                  <>
                    {', '}
                    <FormattedMessage id="technicalPage.attachment.fromTeam" />
                  </>
                )}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function History({ request }: { request: TechnicalRequest }) {
  const intl = useIntl();
  const status = (value: TechnicalRequest['status']) => intl.formatMessage({ id: `technicalPage.status.${value}` });
  return (
    <Card>
      <Title3 as="h2">
        <FormattedMessage id="technicalPage.history" />
      </Title3>
      <Table aria-label={intl.formatMessage({ id: 'technicalPage.history' })} size="small" data-testid="request-history">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>
              <FormattedMessage id="technicalPage.history.when" />
            </TableHeaderCell>
            <TableHeaderCell>
              <FormattedMessage id="technicalPage.history.who" />
            </TableHeaderCell>
            <TableHeaderCell>
              <FormattedMessage id="technicalPage.history.change" />
            </TableHeaderCell>
            <TableHeaderCell>
              <FormattedMessage id="technicalPage.history.reason" />
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {request.history.map((event, index) => (
            <TableRow key={index} data-to={event.to}>
              <TableCell>
                <FormattedDate value={event.occurredAt} dateStyle="medium" timeStyle="short" />
              </TableCell>
              <TableCell>
                <FormattedMessage id={`technicalPage.actor.${event.actorType}`} />
              </TableCell>
              <TableCell>
                {event.from === null ? (
                  <FormattedMessage id="technicalPage.history.created" />
                ) : (
                  <FormattedMessage id="technicalPage.history.move" values={{ from: status(event.from), to: status(event.to) }} />
                )}
              </TableCell>
              <TableCell>
                {event.reason === 'PARTNER_ANSWERED' ? <FormattedMessage id="technicalPage.reason.PARTNER_ANSWERED" /> : (event.reason ?? '—')}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}

/** The partner's answer to the team's question: sends the request back to the team (action-required -> in-review); files may go with it. */
function AnswerDialog({ request, onClose }: { request: TechnicalRequest; onClose: () => void }) {
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

function CancelDialog({ request, onClose }: { request: TechnicalRequest; onClose: () => void }) {
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

function AddFileDialog({ request, onClose }: { request: TechnicalRequest; onClose: () => void }) {
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

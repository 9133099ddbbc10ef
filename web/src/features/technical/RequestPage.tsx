import { Button, Card, Field, Link, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Textarea, Title2, Title3 } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link as RouterLink, Navigate, useParams } from 'react-router';
import { useApiMutation, useApiQuery } from '../../api/queries.ts';
import { ErrorMessage, fieldValidation } from '../../app/ErrorMessage.tsx';
import { useSignedIn } from '../../app/session.tsx';
import { TableScroll, useTableStyles } from '../../app/TableScroll.tsx';
import { useFormSubmit } from '../../app/useFormSubmit.ts';
import { useDialog, useDocumentTitle } from '../../app/dialogs.ts';
import { EditRequestDialog } from './RequestForm.tsx';
import { RequestStatusBadge } from './TechnicalTab.tsx';
import { REQUEST_READS, type TechnicalRequest } from './types.ts';
import { AddFileDialog, AnswerDialog, CancelDialog, Question } from './RequestDialogs.tsx';

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
  const tables = useTableStyles();
  const status = (value: TechnicalRequest['status']) => intl.formatMessage({ id: `technicalPage.status.${value}` });
  return (
    <Card>
      <Title3 as="h2">
        <FormattedMessage id="technicalPage.history" />
      </Title3>
      <TableScroll label={intl.formatMessage({ id: 'technicalPage.history' })}>
        <Table aria-label={intl.formatMessage({ id: 'technicalPage.history' })} size="small" data-testid="request-history" className={tables.autoLayout}>
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
      </TableScroll>
    </Card>
  );
}

import { Button, Field, ProgressBar, Text } from '@fluentui/react-components';
import { Dismiss16Regular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { api, ApiError, call } from '../../api/client.ts';
import { useQueryClient } from '@tanstack/react-query';
import { REQUEST_READS } from './types.ts';

/** What the server takes (it reads the type from the content; this only spares a pointless upload). */
export const FILES_MAX = 5;
export const FILE_MAX_BYTES = 4 * 1024 * 1024;
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.txt,.log,.md,.csv,application/pdf,image/png,image/jpeg,text/plain';
const ALLOWED = /\.(pdf|png|jpe?g|txt|log|md|csv)$/i;

export type UploadState = { status: 'waiting' | 'uploading' | 'done' } | { status: 'failed'; reason: string };

export function fileProblem(intl: IntlShape, files: File[], room: number): string | undefined {
  if (files.length > room) return intl.formatMessage({ id: 'technicalPage.files.tooMany' }, { limit: room });
  for (const file of files) {
    if (file.size > FILE_MAX_BYTES) return intl.formatMessage({ id: 'technicalPage.files.tooLarge' }, { name: file.name });
    if (!ALLOWED.test(file.name) && !['application/pdf', 'image/png', 'image/jpeg', 'text/plain'].includes(file.type)) {
      return intl.formatMessage({ id: 'technicalPage.files.wrongType' }, { name: file.name });
    }
  }
  return undefined;
}

async function base64Of(file: File): Promise<string> {
  const url = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
  return url.slice(url.indexOf(',') + 1);
}

/**
 * Uploads files to a request one after another (addTechnicalRequestAttachment), reporting each file's
 * state as it goes; answers whether every one arrived. The request's reads are refreshed afterwards.
 */
export function useUploads() {
  const client = useQueryClient();
  const intl = useIntl();
  const [states, setStates] = useState<UploadState[]>([]);
  async function upload(requestId: string, files: File[]): Promise<boolean> {
    const next: UploadState[] = files.map(() => ({ status: 'waiting' }));
    setStates([...next]);
    for (const [index, file] of files.entries()) {
      next[index] = { status: 'uploading' };
      setStates([...next]);
      try {
        const contentBase64 = await base64Of(file);
        await call(
          api.POST('/api/v1/rewards/technical-requests/{id}/attachments', { params: { path: { id: requestId } }, body: { fileName: file.name, contentBase64 } }),
        );
        next[index] = { status: 'done' };
      } catch (error) {
        const reason =
          error instanceof ApiError
            ? (Object.values(error.fields)[0]?.message ?? error.message)
            : intl.formatMessage({ id: 'web.error.unexpected' });
        next[index] = { status: 'failed', reason };
      }
      setStates([...next]);
    }
    await Promise.all(REQUEST_READS.map((read) => client.invalidateQueries({ queryKey: ['get', read] })));
    return next.every((state) => state.status === 'done');
  }
  return { states, upload };
}

/** A file picker (native input, so the keyboard and screen readers know it) with the chosen files and their upload states. */
export function FilePicker({
  files,
  onChange,
  room = FILES_MAX,
  states = [],
  label,
  required = false,
  error,
}: {
  files: File[];
  onChange: (files: File[]) => void;
  room?: number;
  states?: UploadState[];
  label?: string;
  required?: boolean;
  error?: string | undefined;
}) {
  const intl = useIntl();
  const [problem, setProblem] = useState<string | undefined>();
  const inputId = useId();
  const message = problem ?? error;
  return (
    <Field
      label={label ?? intl.formatMessage({ id: 'technicalPage.files' })}
      hint={intl.formatMessage({ id: 'technicalPage.filesHint' })}
      required={required}
      validationMessage={message}
      validationState={message ? 'error' : 'none'}
    >
      {(fieldProps) => (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
          <input
            {...fieldProps}
            id={fieldProps.id ?? inputId}
            name="files"
            type="file"
            multiple={room > 1}
            accept={ACCEPT}
            onChange={(event) => {
              const chosen = [...files, ...Array.from(event.target.files ?? [])];
              event.target.value = '';
              const found = fileProblem(intl, chosen, room);
              setProblem(found);
              if (!found) onChange(chosen);
            }}
          />
          {files.length > 0 && (
            <ul style={{ margin: 0, paddingLeft: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: 4 }} data-testid="chosen-files">
              {files.map((file, index) => {
                const state = states[index];
                return (
                  <li key={`${file.name}-${index}`} style={{ display: 'flex', flexDirection: 'column', gap: 2 }} data-testid={`file-${file.name}`}>
                    <span style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                      <Text>{file.name}</Text>
                      <Text size={200}>
                        <FormattedMessage id="technicalPage.attachment.size" values={{ size: Math.max(1, Math.round(file.size / 1024)) }} />
                      </Text>
                      {!state && (
                        <Button
                          size="small"
                          appearance="subtle"
                          icon={<Dismiss16Regular />}
                          aria-label={intl.formatMessage({ id: 'technicalPage.files.remove' }, { name: file.name })}
                          onClick={() => {
                            setProblem(undefined);
                            onChange(files.filter((_, i) => i !== index));
                          }}
                        />
                      )}
                    </span>
                    {state && <UploadProgress state={state} name={file.name} />}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </Field>
  );
}

function UploadProgress({ state, name }: { state: UploadState; name: string }) {
  const intl = useIntl();
  const label =
    state.status === 'failed'
      ? intl.formatMessage({ id: 'technicalPage.upload.failed' }, { reason: state.reason })
      : intl.formatMessage({ id: `technicalPage.upload.${state.status}` });
  return (
    <Field validationMessage={label} validationState={state.status === 'failed' ? 'error' : state.status === 'done' ? 'success' : 'none'}>
      <ProgressBar
        aria-label={`${name}: ${label}`}
        value={state.status === 'uploading' ? undefined : state.status === 'waiting' ? 0 : 1}
        color={state.status === 'failed' ? 'error' : state.status === 'done' ? 'success' : 'brand'}
        data-status={state.status}
      />
    </Field>
  );
}

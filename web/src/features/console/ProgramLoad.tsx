import { Button, Card, Field, MessageBar, MessageBarBody, MessageBarTitle, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ApiError } from '../../api/client.ts';
import { useApiMutation } from '../../api/queries.ts';
import type { paths } from '../../api/schema.gen.ts';
import { ErrorMessage } from '../../app/ErrorMessage.tsx';
import { TableScroll, useTableStyles } from '../../app/TableScroll.tsx';
import { useProgramStyles } from './program-styles.ts';

type Preview = paths['/api/v1/ops/program/previews']['post']['responses'][200]['content']['application/json'];
type Format = 'json' | 'yaml';

const PROGRAM_READS = ['/api/v1/ops/program', '/api/v1/ops/program/versions'] as const;
/** What the server reads at most (program.routes.ts): a larger file is refused here, before it is sent. */
const MAX_CHARACTERS = 1_000_000;

/**
 * A manager loads a new program version: chooses the definition file (JSON or YAML), previews it (its
 * problems, each at its place in the file, or who would change tier, gain and lose benefits), then
 * loads it against the version previewed. Choosing another file, or another version being loaded
 * meanwhile, asks for a new preview.
 */
export function ProgramLoad({ currentVersion, onLoaded }: { currentVersion: number; onLoaded: (announcement: string) => void }) {
  const intl = useIntl();
  const styles = useProgramStyles();
  const [file, setFile] = useState<{ name: string; source: string; format: Format } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const previewing = useApiMutation('post', '/api/v1/ops/program/previews', { invalidates: [] });
  const loading = useApiMutation('post', '/api/v1/ops/program/versions', { invalidates: [...PROGRAM_READS] });

  const choose = async (chosen: File | undefined) => {
    setPreview(null);
    setFile(null);
    setFileError(null);
    previewing.reset();
    loading.reset();
    if (!chosen) return;
    const format: Format | null = /\.ya?ml$/i.test(chosen.name) ? 'yaml' : /\.json$/i.test(chosen.name) ? 'json' : null;
    if (!format) return setFileError(intl.formatMessage({ id: 'console.program.fileType' }));
    const source = await chosen.text();
    if (source.length > MAX_CHARACTERS) return setFileError(intl.formatMessage({ id: 'console.program.fileTooLarge' }, { limit: MAX_CHARACTERS }));
    if (source.trim() === '') return setFileError(intl.formatMessage({ id: 'console.program.fileEmpty' }));
    setFile({ name: chosen.name, source, format });
  };
  const runPreview = () => {
    if (!file) return;
    loading.reset();
    previewing.mutate({ body: { source: file.source, format: file.format } }, { onSuccess: setPreview, onError: () => setPreview(null) });
  };
  const load = () => {
    if (!file || !preview) return;
    loading.mutate(
      { body: { source: file.source, format: file.format, basedOnVersion: preview.basedOnVersion } },
      {
        onSuccess: (result) => {
          setPreview(null);
          setFile(null);
          onLoaded(intl.formatMessage({ id: result.created ? 'console.program.loaded' : 'console.program.unchanged' }, { version: result.version }));
        },
        // Another version was loaded since the preview: its figures no longer hold.
        onError: (error) => error instanceof ApiError && error.code === 'REVISION_CONFLICT' && setPreview(null),
      },
    );
  };
  const problems = previewing.error instanceof ApiError && previewing.error.code === 'VALIDATION_FAILED' ? Object.entries(previewing.error.fields) : [];

  return (
    <Card>
      <h2 className={styles.heading}>
        <FormattedMessage id="console.program.load" />
      </h2>
      <p className={styles.intro}>
        <FormattedMessage id="console.program.loadIntro" />
      </p>
      <Field label={intl.formatMessage({ id: 'console.program.file' })} hint={intl.formatMessage({ id: 'console.program.fileHint' })} validationMessage={fileError ?? undefined} validationState={fileError ? 'error' : 'none'}>
        {(fieldProps) => (
          <input {...fieldProps} type="file" accept=".json,.yaml,.yml,application/json,application/yaml" data-testid="program-file" onChange={(event) => void choose(event.target.files?.[0])} />
        )}
      </Field>
      <div>
        <Button appearance="primary" disabled={!file || previewing.isPending} onClick={runPreview}>
          <FormattedMessage id="console.program.preview" />
        </Button>
      </div>
      {problems.length > 0 ? (
        <MessageBar intent="error" role="alert" layout="multiline" data-testid="program-problems">
          <MessageBarBody>
            <MessageBarTitle>{intl.formatMessage({ id: 'console.program.problems' }, { count: problems.length, file: file?.name ?? '' })}</MessageBarTitle>
            <ul>
              {problems.map(([path, problem]) => (
                <li key={path}>
                  {path !== 'source' && <code>{path}</code>} {problem.message}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : (
        <ErrorMessage error={previewing.error} />
      )}
      {preview && <PreviewResult preview={preview} currentVersion={currentVersion} />}
      <ErrorMessage error={loading.error} />
      {preview && !preview.identical && (
        <div>
          <Button appearance="primary" disabled={loading.isPending} onClick={load} data-testid="program-apply">
            {intl.formatMessage({ id: 'console.program.apply' }, { version: currentVersion + 1 })}
          </Button>
        </div>
      )}
    </Card>
  );
}

function PreviewResult({ preview, currentVersion }: { preview: Preview; currentVersion: number }) {
  const intl = useIntl();
  const styles = useProgramStyles();
  const table = useTableStyles();
  const { partners, definition } = preview;
  if (preview.identical) {
    return (
      <MessageBar intent="info" data-testid="program-preview">
        <MessageBarBody>{intl.formatMessage({ id: 'console.program.identical' }, { version: currentVersion })}</MessageBarBody>
      </MessageBar>
    );
  }
  const codes = (list: string[]) => (list.length > 0 ? list.join(', ') : intl.formatMessage({ id: 'console.program.none' }));
  const benefitNames = new Map(preview.benefits.map((benefit) => [benefit.code, benefit.name]));
  const names = (list: string[]) => codes(list.map((code) => benefitNames.get(code) ?? code));
  const named = (list: { name: string }[]) => codes(list.map((item) => item.name));
  return (
    <section aria-labelledby="program-preview-title" data-testid="program-preview" className={styles.page}>
      <h3 id="program-preview-title" className={styles.subheading}>
        {intl.formatMessage({ id: 'console.program.previewTitle' }, { version: currentVersion })}
      </h3>
      <ul className={styles.intro}>
        <li>{intl.formatMessage({ id: 'console.program.summaryTiers' }, { up: partners.tierUp, down: partners.tierDown, total: partners.total })}</li>
        <li>{intl.formatMessage({ id: 'console.program.summaryBenefits' }, { gaining: partners.gaining, losing: partners.losing })}</li>
        {definition.thresholdsChanged.map((change) => (
          <li key={change.code}>
            {intl.formatMessage(
              { id: 'console.program.threshold' },
              { tier: change.name, from: intl.formatNumber(Number(change.fromUsd), { style: 'currency', currency: 'USD' }), to: intl.formatNumber(Number(change.toUsd), { style: 'currency', currency: 'USD' }) },
            )}
          </li>
        ))}
        <li>{intl.formatMessage({ id: 'console.program.tiersAddedRemoved' }, { added: named(definition.tiersAdded), removed: named(definition.tiersRemoved) })}</li>
        <li>{intl.formatMessage({ id: 'console.program.benefitsAddedRemoved' }, { added: named(definition.benefitsAdded), removed: named(definition.benefitsRemoved) })}</li>
        {partners.staleStandings > 0 && <li>{intl.formatMessage({ id: 'console.program.stale' }, { count: partners.staleStandings })}</li>}
      </ul>
      <Text className={styles.secondary}>
        <FormattedMessage id="console.program.lostMeaning" />
      </Text>
      {preview.affected.length > 0 && (
        <TableScroll label={intl.formatMessage({ id: 'console.program.affected' }, { shown: preview.affected.length, total: preview.affectedTotal })}>
          <Table className={table.autoLayout} aria-label={intl.formatMessage({ id: 'console.program.affected' }, { shown: preview.affected.length, total: preview.affectedTotal })} data-testid="program-affected">
            <TableHeader>
              <TableRow>
                {(['partner', 'tierFrom', 'tierTo', 'gained', 'lost'] as const).map((column) => (
                  <TableHeaderCell key={column}>{intl.formatMessage({ id: `console.program.col.${column}` })}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.affected.map((partner) => (
                <TableRow key={partner.mpnId} data-testid="program-affected-partner" data-mpn-id={partner.mpnId}>
                  <TableCell>
                    {partner.name} <span className={styles.secondary}>MPN {partner.mpnId}</span>
                  </TableCell>
                  <TableCell>{partner.tierFrom?.name ?? intl.formatMessage({ id: 'console.program.noTier' })}</TableCell>
                  <TableCell>{partner.tierTo?.name ?? intl.formatMessage({ id: 'console.program.noTier' })}</TableCell>
                  <TableCell>{names(partner.gained)}</TableCell>
                  <TableCell>{names(partner.lost)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
      {preview.affectedTotal > preview.affected.length && (
        <Text className={styles.secondary}>{intl.formatMessage({ id: 'console.program.affectedMore' }, { more: preview.affectedTotal - preview.affected.length })}</Text>
      )}
    </section>
  );
}

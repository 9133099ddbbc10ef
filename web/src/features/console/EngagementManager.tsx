import { Button, Card, Field, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useApiMutation, useApiQuery } from '../../api/queries.ts';
import { ErrorMessage } from '../../app/ErrorMessage.tsx';
import { fieldValidation } from '../../app/fieldErrors.ts';
import { WORK_READS } from './types.ts';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '8px' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'flex-end' },
  secondary: { color: tokens.colorNeutralForeground3 },
});

interface Props {
  mpnId: string;
  account: string;
  current: { id: string; name: string; active: boolean } | null;
  /** A manager names and removes her; others read who she is. */
  canChange: boolean;
  onChanged: (announcement: string) => void;
}

/**
 * The partner's engagement manager in its file (issue #14): who she is, and for a manager a choice of
 * the team to name another, or none. The partner's open work without an assignment of its own is hers.
 */
export function EngagementManager({ mpnId, account, current, canChange, onChanged }: Props) {
  const intl = useIntl();
  const styles = useStyles();
  const team = useApiQuery('/api/v1/ops/operators', undefined, { enabled: canChange });
  const [choice, setChoice] = useState('');
  const reads = [...WORK_READS, '/api/v1/ops/partners/{mpnId}/file'] as const;
  const name = useApiMutation('put', '/api/v1/ops/partners/{mpnId}/engagement-manager', { invalidates: reads });
  const clear = useApiMutation('delete', '/api/v1/ops/partners/{mpnId}/engagement-manager', { invalidates: reads });
  const path = { path: { mpnId } };
  const selected = choice || current?.id || '';
  return (
    <Card className={styles.section} data-testid="partner-engagement">
      <h3 className={styles.heading}>
        <FormattedMessage id="console.engagement.title" />
      </h3>
      <Text>
        {current
          ? intl.formatMessage({ id: current.active ? 'console.engagement.current' : 'console.engagement.disabled' }, { name: current.name })
          : intl.formatMessage({ id: 'console.engagement.none' })}
      </Text>
      <Text className={styles.secondary}>
        <FormattedMessage id="console.engagement.hint" />
      </Text>
      {canChange && (
        <>
          <div className={styles.row}>
            <Field label={intl.formatMessage({ id: 'console.engagement.choose' })} {...fieldValidation(name.error, 'operatorId')}>
              <Select name="engagementManager" value={selected} onChange={(_, data) => setChoice(data.value)}>
                <option value="" disabled>
                  {intl.formatMessage({ id: 'console.engagement.placeholder' })}
                </option>
                {(team.data?.items ?? []).map((member) => (
                  <option key={member.id} value={member.id}>
                    {intl.formatMessage({ id: 'console.operator' }, { name: member.displayName, role: intl.formatMessage({ id: `console.role.${member.role}` }) })}
                  </option>
                ))}
              </Select>
            </Field>
            <Button
              appearance="primary"
              disabled={!selected || selected === current?.id || name.isPending}
              onClick={() =>
                name.mutate(
                  { params: path, body: { operatorId: selected } },
                  { onSuccess: (result) => onChanged(intl.formatMessage({ id: 'console.engagement.named' }, { name: result.operator.name, account })) },
                )
              }
            >
              <FormattedMessage id="console.engagement.name" />
            </Button>
            {current && (
              <Button
                disabled={clear.isPending}
                onClick={() =>
                  clear.mutate(
                    { params: path },
                    {
                      onSuccess: () => {
                        setChoice('');
                        onChanged(intl.formatMessage({ id: 'console.engagement.cleared' }, { account }));
                      },
                    },
                  )
                }
              >
                <FormattedMessage id="console.engagement.clear" />
              </Button>
            )}
          </div>
          <ErrorMessage error={name.error ?? clear.error ?? team.error} />
        </>
      )}
    </Card>
  );
}

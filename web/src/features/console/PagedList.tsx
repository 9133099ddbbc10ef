import { Button, Spinner, Text } from '@fluentui/react-components';
import type { UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { SectionError } from '../../app/SectionError.tsx';
import { TableScroll } from '../../app/TableScroll.tsx';
import type { MessageId } from '../../i18n/catalogs.ts';

/**
 * A console list's states around its table: the refusal with a retry (when nothing is shown yet), the
 * spinner, the sentence for an empty list, the table in its scroll box, and "Show more" while pages remain.
 */
export function PagedList({ read, count, empty, label, children }: { read: UseInfiniteQueryResult<unknown>; count: number; empty: MessageId; label: string; children: ReactNode }) {
  const intl = useIntl();
  return (
    <>
      {read.error && count === 0 ? (
        <SectionError error={read.error} onRetry={() => void read.refetch()} />
      ) : read.isPending ? (
        <Spinner label={intl.formatMessage({ id: 'web.loading' })} />
      ) : count === 0 ? (
        <Text>
          <FormattedMessage id={empty} />
        </Text>
      ) : (
        <TableScroll label={label}>{children}</TableScroll>
      )}
      {read.hasNextPage && (
        <Button disabled={read.isFetchingNextPage} onClick={() => void read.fetchNextPage()}>
          <FormattedMessage id="console.queue.more" />
        </Button>
      )}
    </>
  );
}

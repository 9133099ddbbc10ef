import { Card, Link, ProgressBar, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useApiQuery } from '../../api/queries.ts';
import type { paths } from '../../api/schema.gen.ts';
import { SectionError } from '../../app/SectionError.tsx';
import { useOperator } from '../../app/session.tsx';
import { TableScroll, useTableStyles } from '../../app/TableScroll.tsx';
import { Announcement } from './Announcement.tsx';
import { PageHeading } from './PageHeading.tsx';
import { ProgramLoad } from './ProgramLoad.tsx';
import { useProgramStyles } from './program-styles.ts';

type Versions = paths['/api/v1/ops/program/versions']['get']['responses'][200]['content']['application/json'];


/** How often the page reads the program again while partners are being recomputed after a load. */
const PROGRESS_POLL_MS = 1_000;

/**
 * The program (issue #14): the version in force with its tiers and benefits, every earlier version
 * (each downloadable, to edit and load again), and for a manager the loading of a new one with its
 * preview (ProgramLoad). After a load the page shows the recomputation of every partner as it goes.
 */
export function ProgramPage() {
  const intl = useIntl();
  const styles = useProgramStyles();
  const table = useTableStyles();
  const operator = useOperator();
  const client = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  const program = useApiQuery('/api/v1/ops/program');
  const versions = useApiQuery('/api/v1/ops/program/versions', { params: { query: { limit: 50 } } });
  const pending = program.data?.recompute.pending ?? 0;
  const [total, setTotal] = useState(0);
  const wasPending = useRef(false);
  useEffect(() => {
    // The bar's whole: the most seen waiting since the last load (none waiting: the next load starts a new one).
    if (pending > total) setTotal(pending);
    if (pending === 0 && total !== 0) setTotal(0);
    if (pending === 0 && wasPending.current) setAnnouncement(intl.formatMessage({ id: 'console.program.recomputed' }));
    wasPending.current = pending > 0;
    if (pending === 0) return;
    const timer = setTimeout(() => void client.invalidateQueries({ queryKey: ['get', '/api/v1/ops/program'] }), PROGRESS_POLL_MS);
    return () => clearTimeout(timer);
  }, [pending, total, client, intl, program.dataUpdatedAt]);
  const money = (usd: string) => intl.formatNumber(Number(usd), { style: 'currency', currency: 'USD', maximumFractionDigits: 2 });
  const when = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
  const items: Versions['items'] = versions.data?.items ?? [];

  return (
    <div className={styles.page}>
      <PageHeading title="console.program.title" intro="console.program.intro" />
      <Announcement text={announcement} testId="program-announcement" />
      {program.error ? (
        <SectionError error={program.error} onRetry={() => void program.refetch()} />
      ) : !program.data ? (
        <Spinner label={intl.formatMessage({ id: 'web.loading' })} />
      ) : (
        <Card>
          <h2 className={styles.heading} data-testid="program-in-force">
            {intl.formatMessage({ id: 'console.program.inForce' }, { version: program.data.version, name: program.data.name })}
          </h2>
          <p className={styles.facts}>
            <span>{intl.formatMessage({ id: 'console.program.loadedAt' }, { time: when(program.data.loadedAt) })}</span>
            <span>{program.data.loadedBy ? intl.formatMessage({ id: 'console.program.loadedBy' }, { name: program.data.loadedBy }) : intl.formatMessage({ id: 'console.program.loadedBySystem' })}</span>
            <Link href={`/api/v1/ops/program/versions/${program.data.version}`} download={`program-v${program.data.version}.json`}>
              <FormattedMessage id="console.program.download" />
            </Link>
          </p>
          {program.data.notes && <Text className={styles.intro}>{program.data.notes}</Text>}
          {pending > 0 && (
            <div data-testid="program-recompute">
              <ProgressBar value={total > 0 ? (total - pending) / total : 0} aria-label={intl.formatMessage({ id: 'console.program.recomputeLabel' })} />
              <Text>{intl.formatMessage({ id: 'console.program.recomputing' }, { pending })}</Text>
            </div>
          )}
          <div className={styles.columns}>
            <section aria-labelledby="program-tiers">
              <h3 id="program-tiers" className={styles.subheading}>
                <FormattedMessage id="console.program.tiers" />
              </h3>
              <TableScroll label={intl.formatMessage({ id: 'console.program.tiers' })}>
                <Table className={table.autoLayout} aria-labelledby="program-tiers" data-testid="program-tiers">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>{intl.formatMessage({ id: 'console.program.col.tier' })}</TableHeaderCell>
                      <TableHeaderCell>{intl.formatMessage({ id: 'console.program.col.from' })}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {program.data.tiers.map((tier) => (
                      <TableRow key={tier.code}>
                        <TableCell>
                          {tier.name} <span className={styles.secondary}>{tier.code}</span>
                        </TableCell>
                        <TableCell className={table.nowrap}>{money(tier.minBilledSalesUsd)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </TableScroll>
            </section>
            <section aria-labelledby="program-benefits">
              <h3 id="program-benefits" className={styles.subheading}>
                <FormattedMessage id="console.program.benefits" />
              </h3>
              <TableScroll label={intl.formatMessage({ id: 'console.program.benefits' })}>
                <Table className={table.autoLayout} aria-labelledby="program-benefits">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>{intl.formatMessage({ id: 'console.program.col.benefit' })}</TableHeaderCell>
                      <TableHeaderCell>{intl.formatMessage({ id: 'console.program.col.unlock' })}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {program.data.benefits.map((benefit) => (
                      <TableRow key={benefit.code}>
                        <TableCell>
                          {benefit.name} <span className={styles.secondary}>{benefit.code}</span>
                        </TableCell>
                        <TableCell>
                          {'tier' in benefit.unlock
                            ? intl.formatMessage({ id: 'console.program.unlockTier' }, { tier: program.data.tiers.find((tier) => 'tier' in benefit.unlock && tier.code === benefit.unlock.tier)?.name ?? benefit.unlock.tier })
                            : intl.formatMessage({ id: 'console.program.unlockListing' }, { type: benefit.unlock.listingType })}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </TableScroll>
            </section>
          </div>
        </Card>
      )}
      {operator.role !== 'rewards-agent' && program.data && <ProgramLoad currentVersion={program.data.version} onLoaded={setAnnouncement} />}
      <Card>
        <h2 className={styles.heading} id="program-versions">
          <FormattedMessage id="console.program.versions" />
        </h2>
        {versions.error ? (
          <SectionError error={versions.error} onRetry={() => void versions.refetch()} />
        ) : !versions.data ? (
          <Spinner size="small" label={intl.formatMessage({ id: 'web.loading' })} />
        ) : (
          <TableScroll label={intl.formatMessage({ id: 'console.program.versions' })}>
            <Table className={table.autoLayout} aria-labelledby="program-versions" data-testid="program-versions">
              <TableHeader>
                <TableRow>
                  {(['version', 'name', 'loaded', 'by', 'file'] as const).map((column) => (
                    <TableHeaderCell key={column}>{intl.formatMessage({ id: `console.program.col.${column}` })}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((version) => (
                  <TableRow key={version.version} data-testid="program-version">
                    <TableCell>{version.version}</TableCell>
                    <TableCell>{version.name}</TableCell>
                    <TableCell className={table.nowrap}>{when(version.loadedAt)}</TableCell>
                    <TableCell>{version.loadedBy ?? intl.formatMessage({ id: 'console.program.system' })}</TableCell>
                    <TableCell>
                      <Link href={`/api/v1/ops/program/versions/${version.version}`} download={`program-v${version.version}.json`} aria-label={intl.formatMessage({ id: 'console.program.downloadVersion' }, { version: version.version })}>
                        <FormattedMessage id="console.program.downloadShort" />
                      </Link>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
        )}
      </Card>
    </div>
  );
}

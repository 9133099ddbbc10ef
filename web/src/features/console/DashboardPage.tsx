import { Card, CardHeader, makeStyles, mergeClasses, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { useApiQuery } from '../../api/queries.ts';
import { useDocumentTitle } from '../../app/dialogs.ts';
import { lazyComponent } from '../../app/lazy.tsx';
import { SectionError } from '../../app/SectionError.tsx';
import { TableScroll, useTableStyles } from '../../app/TableScroll.tsx';
import type { components } from '../../api/schema.gen.ts';
import { durationText } from './duration.ts';

// The chart library (Fluent UI's charts, with d3) comes after the figures, which do not wait for it.
const WithinWeekChart = lazyComponent(() => import('./WithinWeekChart.tsx').then((m) => m.WithinWeekChart));

type Dashboard = components['schemas']['WorkDashboard'];
type Figures = Dashboard['overall'];

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '16px', maxWidth: '1200px' },
  title: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  section: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  tiles: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', gap: '12px', margin: 0 },
  tile: { display: 'flex', flexDirection: 'column', gap: '4px' },
  value: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  overdue: { color: tokens.colorPaletteRedForeground1 },
  note: { color: tokens.colorNeutralForeground3, margin: 0 },
});

const shareText = (intl: IntlShape, f: Figures) =>
  f.withinWeekShare === null
    ? intl.formatMessage({ id: 'console.dashboard.nothingDecided' })
    : intl.formatMessage({ id: 'console.dashboard.withinWeekValue' }, { share: f.withinWeekShare, within: f.contactedWithinWeek, decided: f.decided });
const medianText = (intl: IntlShape, f: Figures) =>
  f.medianSecondsToFirstContact === null ? intl.formatMessage({ id: 'console.dashboard.noContact' }) : durationText(intl, f.medianSecondsToFirstContact);

/** A figure under its name (read out in that order). */
function Tile({ label, value, testId, warn }: { label: string; value: string; testId: string; warn?: boolean }) {
  const styles = useStyles();
  return (
    <Card className={styles.tile}>
      <Text>{label}</Text>
      <p className={warn ? mergeClasses(styles.value, styles.overdue) : styles.value} data-testid={testId}>
        {value}
      </p>
    </Card>
  );
}

/**
 * The console's dashboard (issue #14): open, due today and overdue work now; of the last 30 days'
 * activations, the median time to the first contact and the share contacted within a week (the
 * program's promise), overall and per agent, with a chart and the same figures as a table.
 */
export function DashboardPage() {
  const intl = useIntl();
  const styles = useStyles();
  const table = useTableStyles();
  useDocumentTitle(intl.formatMessage({ id: 'console.dashboard.title' }));
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const read = useApiQuery('/api/v1/ops/dashboard', { params: { query: { timeZone } } }, { refetchOnFocus: true });
  const nameOf = (agent: Dashboard['agents'][number]) => agent.operator?.name ?? intl.formatMessage({ id: 'console.dashboard.nobody' });

  return (
    <div className={styles.page}>
      <h1 className={styles.title}>
        <FormattedMessage id="console.dashboard.title" />
      </h1>
      {read.error ? (
        <SectionError error={read.error} onRetry={() => void read.refetch()} />
      ) : !read.data ? (
        <Spinner label={intl.formatMessage({ id: 'web.loading' })} />
      ) : (
        <>
          <h2 className={styles.section}>
            <FormattedMessage id="console.dashboard.now" />
          </h2>
          <div className={styles.tiles}>
            <Tile label={intl.formatMessage({ id: 'console.dashboard.open' })} value={intl.formatNumber(read.data.overall.open)} testId="dashboard-open" />
            <Tile label={intl.formatMessage({ id: 'console.dashboard.dueToday' })} value={intl.formatNumber(read.data.overall.dueToday)} testId="dashboard-due-today" />
            <Tile label={intl.formatMessage({ id: 'console.dashboard.overdue' })} value={intl.formatNumber(read.data.overall.overdue)} testId="dashboard-overdue" warn={read.data.overall.overdue > 0} />
          </div>
          <h2 className={styles.section}>
            <FormattedMessage id="console.dashboard.window" values={{ days: read.data.window.days }} />
          </h2>
          <div className={styles.tiles}>
            <Tile label={intl.formatMessage({ id: 'console.dashboard.withinWeek' })} value={shareText(intl, read.data.overall)} testId="dashboard-within-week" />
            <Tile label={intl.formatMessage({ id: 'console.dashboard.median' })} value={medianText(intl, read.data.overall)} testId="dashboard-median" />
          </div>
          <p className={styles.note}>
            <FormattedMessage id="console.dashboard.timeZone" values={{ zone: read.data.timeZone }} />
          </p>
          <Card>
            <CardHeader header={<Text weight="semibold">{intl.formatMessage({ id: 'console.dashboard.chartTitle' })}</Text>} />
            {read.data.overall.decided === 0 ? (
              // Nothing decided yet: no bars to draw (a chart of 0 of 0 draws nothing but NaN).
              <Text>
                <FormattedMessage id="console.dashboard.nothingDecided" />
              </Text>
            ) : (
              <WithinWeekChart
                rows={[
                  { name: intl.formatMessage({ id: 'console.dashboard.overall' }), within: read.data.overall.contactedWithinWeek, decided: read.data.overall.decided },
                  ...read.data.agents.filter((agent) => agent.decided > 0).map((agent) => ({ name: nameOf(agent), within: agent.contactedWithinWeek, decided: agent.decided })),
                ]}
              />
            )}
          </Card>
          <h2 className={styles.section}>
            <FormattedMessage id="console.dashboard.perAgent" />
          </h2>
          <TableScroll label={intl.formatMessage({ id: 'console.dashboard.perAgent' })}>
            <Table className={table.autoLayout} aria-label={intl.formatMessage({ id: 'console.dashboard.perAgent' })} data-testid="dashboard-agents">
              <TableHeader>
                <TableRow>
                  {(['agent', 'open', 'overdue', 'contacted', 'withinWeek', 'median'] as const).map((column) => (
                    <TableHeaderCell key={column}>{intl.formatMessage({ id: `console.dashboard.col.${column}` })}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {[{ ...read.data.overall, operator: null, everyone: true }, ...read.data.agents.map((agent) => ({ ...agent, everyone: false }))].map((row) => (
                  <TableRow key={row.everyone ? 'everyone' : (row.operator?.id ?? 'nobody')}>
                    <TableCell>{row.everyone ? intl.formatMessage({ id: 'console.dashboard.overall' }) : nameOf(row)}</TableCell>
                    <TableCell>{intl.formatNumber(row.open)}</TableCell>
                    <TableCell>{intl.formatNumber(row.overdue)}</TableCell>
                    <TableCell>{intl.formatNumber(row.contacted)}</TableCell>
                    <TableCell>{shareText(intl, row)}</TableCell>
                    <TableCell>{medianText(intl, row)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
        </>
      )}
    </div>
  );
}

import { HorizontalBarChart, type ChartProps } from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';
import { useIntl } from 'react-intl';

export interface WithinWeekRow {
  name: string;
  within: number;
  decided: number;
}

/**
 * The share of activations contacted within a week, one bar per agent (Fluent UI's charts, fetched with
 * the dashboard only). The table beside it holds the same figures for a screen reader and the keyboard.
 */
export function WithinWeekChart({ rows }: { rows: WithinWeekRow[] }) {
  const intl = useIntl();
  const legend = intl.formatMessage({ id: 'console.dashboard.chartLegend' });
  const data: ChartProps[] = rows.map((row) => ({
    chartTitle: row.name,
    chartData: [{ legend, horizontalBarChartdata: { x: row.within, total: row.decided }, color: tokens.colorPaletteGreenBackground3 }],
  }));
  return <HorizontalBarChart data={data} chartDataMode="fraction" culture={intl.locale} hideTooltip />;
}

import {
  HorizontalBarChart,
  HorizontalBarChartVariant,
  type ChartProps,
} from '@fluentui/react-charts';
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  figure: { margin: 0, display: 'grid', gap: tokens.spacingVerticalXS, minWidth: 0 },
  caption: { fontWeight: tokens.fontWeightSemibold },
});

/** One bar of a figure: its label and value. */
export interface Bar {
  readonly label: string;
  readonly value: number;
}

/**
 * A bar chart of labelled counts, scaled to the largest (for reading at a glance); the same
 * figures are in a table beside it for screen readers and exact values.
 */
export function BarFigure({
  title,
  bars,
  unit,
}: {
  title: string;
  bars: readonly Bar[];
  unit: string;
}) {
  const styles = useStyles();
  const data: ChartProps[] = bars.map((b) => ({
    chartTitle: b.label,
    chartData: [
      {
        legend: b.label,
        horizontalBarChartdata: { x: b.value },
        color: tokens.colorBrandBackground,
        xAxisCalloutData: b.label,
        yAxisCalloutData: `${String(b.value)} ${unit}`,
      },
    ],
  }));
  return (
    <figure className={styles.figure} aria-label={title}>
      <Caption1 as="p" className={styles.caption}>
        {title}
      </Caption1>
      {bars.length === 0 ? (
        <Caption1 as="p">Nothing to show yet.</Caption1>
      ) : (
        <HorizontalBarChart
          data={data}
          variant={HorizontalBarChartVariant.AbsoluteScale}
          hideTooltip
          barHeight={16}
        />
      )}
    </figure>
  );
}

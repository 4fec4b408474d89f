import { Caption1, makeStyles, Subtitle1, Subtitle2, tokens } from '@fluentui/react-components';
import { Link, useParams } from 'react-router';
import type { Overview } from '../api/provider-schemas';
import { ApiProblem } from '../components/ApiProblem';
import { Loading } from '../components/Loading';
import { BarFigure } from '../components/overview/BarFigure';
import { FigureTable } from '../components/overview/FigureTable';
import { KeyFigures } from '../components/overview/KeyFigures';
import { ukDate } from '../format/dates';
import { useProviderOverview } from '../hooks/provider-queries';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalL },
  pair: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 320px), 1fr))',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
  },
  section: { display: 'grid', gap: tokens.spacingVerticalS, minWidth: 0 },
  back: { color: tokens.colorBrandForegroundLink },
  title: { display: 'block' },
});

const keyFigures = (o: Overview) => [
  { label: 'Open cases', value: o.totals.open, note: `${String(o.totals.closed)} closed` },
  {
    label: 'Reviews overdue',
    value: o.reviewsOverdue,
    note: 'Open cases past their review date, counted with today’s settings and calendar',
  },
  {
    label: 'Signatures outstanding',
    value: o.signaturesOutstanding.signatures,
    note: `On the current plans of ${String(o.signaturesOutstanding.cases)} case${o.signaturesOutstanding.cases === 1 ? '' : 's'}`,
  },
];

/** The provider overview (programme leads and directors): charts, with the same figures as tables. */
export default function ProviderOverview() {
  const styles = useStyles();
  const { providerId = '' } = useParams();
  const overview = useProviderOverview(providerId);
  if (overview.isPending) return <Loading label="Counting the provider’s cases" />;
  if (overview.isError)
    return <ApiProblem error={overview.error} title="Could not open the provider overview" />;
  const o = overview.data;
  const stages = o.byStage;
  const times = o.timeInStage;
  return (
    <article className={styles.page} aria-labelledby="overview-title">
      <Caption1>
        <Link to="/" className={styles.back}>
          My cases
        </Link>
      </Caption1>
      <div>
        <Subtitle1 as="h1" id="overview-title" className={styles.title}>
          Provider overview
        </Subtitle1>
        <Caption1 as="p">{`${o.providerName} · counted on ${ukDate(o.asOf)}`}</Caption1>
      </div>
      <KeyFigures figures={keyFigures(o)} />
      <section className={styles.section} aria-labelledby="by-stage">
        <Subtitle2 as="h2" id="by-stage">
          Cases by stage
        </Subtitle2>
        <div className={styles.pair}>
          <BarFigure
            title="Open cases in each stage"
            unit="open cases"
            bars={stages.map((s) => ({ label: s.label, value: s.open }))}
          />
          <FigureTable
            caption="Open cases by stage"
            columns={['Stage', 'Open cases', 'Reviews overdue', 'Signatures missing']}
            rows={stages.map((s) => [s.label, s.open, s.reviewsOverdue, s.signaturesMissing])}
          />
        </div>
      </section>
      <section className={styles.section} aria-labelledby="by-school">
        <Subtitle2 as="h2" id="by-school">
          Cases by school
        </Subtitle2>
        <div className={styles.pair}>
          <BarFigure
            title="Open cases at each school"
            unit="open cases"
            bars={o.bySchool.map((s) => ({ label: s.school, value: s.open }))}
          />
          <FigureTable
            caption="Open cases by school"
            columns={['School', 'Open cases']}
            rows={o.bySchool.map((s) => [s.school, s.open])}
          />
        </div>
      </section>
      <section className={styles.section} aria-labelledby="time-in-stage">
        <Subtitle2 as="h2" id="time-in-stage">
          Time spent in each stage
        </Subtitle2>
        <Caption1 as="p" id="day-count">
          {o.dayCount.description}
        </Caption1>
        <div className={styles.pair}>
          <BarFigure
            title="Median calendar days of finished stage runs"
            unit="days"
            bars={times
              .filter((t) => t.completed.medianDays !== null)
              .map((t) => ({ label: t.label, value: t.completed.medianDays ?? 0 }))}
          />
          <BarFigure
            title="Median calendar days so far of stages still running"
            unit="days"
            bars={times
              .filter((t) => t.current.medianDays !== null)
              .map((t) => ({ label: t.label, value: t.current.medianDays ?? 0 }))}
          />
        </div>
        <FigureTable
          caption="Calendar days in each stage"
          columns={[
            'Stage',
            'Finished runs',
            'Median days',
            'Mean days',
            'Running now',
            'Median days so far',
            'Mean days so far',
          ]}
          rows={times.map((t) => [
            t.label,
            t.completed.runs,
            t.completed.medianDays,
            t.completed.meanDays,
            t.current.runs,
            t.current.medianDays,
            t.current.meanDays,
          ])}
        />
      </section>
    </article>
  );
}

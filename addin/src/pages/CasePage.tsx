import {
  Badge,
  Caption1,
  Link as FluentLink,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AvailableCommand } from '../api/schemas';
import { caseSections, type CaseSection } from '../app/deep-link';
import { ApiProblem } from '../components/ApiProblem';
import { Duties } from '../components/case/Duties';
import { History } from '../components/case/History';
import { StageRecords } from '../components/case/StageRecords';
import { Overview } from '../components/case/Overview';
import { Plan } from '../components/case/Plan';
import {
  Comments,
  Concerns,
  ImpRecords,
  Meetings,
  Observations,
  Reviews,
} from '../components/case/Records';
import { Section, type SectionCommands } from '../components/case/Section';
import { sectionOf } from '../components/case/section-of';
import { PaperRecords } from '../components/case/PaperRecords';
import { Timeline } from '../components/case/Timeline';
import { WhatNext } from '../components/case/WhatNext';
import { Loading } from '../components/Loading';
import { CommandDialog } from '../forms/CommandDialog';
import { useCase, useOutline } from '../hooks/case-queries';

const useStyles = makeStyles({
  head: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  nav: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    marginBlock: tokens.spacingVerticalS,
  },
  page: { display: 'grid', gap: tokens.spacingVerticalS },
  back: { color: tokens.colorBrandForegroundLink },
});

const titles: Readonly<Record<CaseSection, string>> = {
  overview: 'People',
  timeline: 'Stages',
  concerns: 'Concerns',
  plan: 'Current plan',
  meetings: 'Meetings',
  observations: 'Observations',
  reviews: 'Reviews',
  imp: 'Interim monitoring (IMP)',
  duties: 'Duties, outcome and appeal',
  comments: 'Comments',
  record: 'Stage record and PDFs',
  history: 'History',
};

function focusSection(section: string) {
  const heading = document.getElementById(`heading-${section}`);
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus();
}

/** One case: what happens next, the stage timeline and every record, with the commands this user may issue now. */
export default function CasePage() {
  const styles = useStyles();
  const { caseId = '', section } = useParams();
  const current = useCase(caseId);
  const outline = useOutline(current.data?.providerId);
  const [message, setMessage] = useState<string | null>(null);
  const [open, setOpen] = useState<{ command: AvailableCommand; title: string } | null>(null);
  const status = useRef<HTMLDivElement>(null);
  const loaded = current.data !== undefined;
  useEffect(() => {
    if (loaded && section !== undefined) focusSection(section);
  }, [loaded, section]);
  if (current.isPending) return <Loading label="Loading the case" />;
  if (current.isError) return <ApiProblem error={current.error} title="Could not open this case" />;
  const view = current.data;
  const onDone = (text: string) => {
    setOpen(null);
    setMessage(text);
    // After the dialog closes and restores focus, move it to the announcement of what happened.
    setTimeout(() => status.current?.focus(), 0);
  };
  const actions = (id: CaseSection): SectionCommands => ({
    view,
    onOpen: (command, title) => {
      setOpen({ command, title });
    },
    onDone,
    commands: view.available.filter((c: AvailableCommand) => sectionOf(c.type, c.params) === id),
  });
  const stage = view.stage;
  const shown = caseSections.filter(
    (s) => stage !== null || !['plan', 'meetings', 'observations', 'reviews', 'duties'].includes(s),
  );
  return (
    <article className={styles.page} aria-labelledby="case-title">
      <Caption1>
        <Link to="/" className={styles.back}>
          My cases
        </Link>
      </Caption1>
      <div className={styles.head}>
        <Subtitle1 as="h1" id="case-title">
          {view.trainee.name}
        </Subtitle1>
        <Badge appearance="outline">{stage?.label ?? 'No stage'}</Badge>
        {view.status.kind === 'closed' && <Badge color="subtle">Closed</Badge>}
        {stage?.reviewOverdue === true && <Badge color="danger">Review overdue</Badge>}
      </div>
      <Caption1>{`${view.providerName} · ${view.procedure.title} (version ${view.procedure.version})`}</Caption1>
      {(outline.data?.notices ?? []).map((n) => (
        <MessageBar key={n.id} intent="info" layout="multiline">
          <MessageBarBody>{`${n.text} (${n.rules.join(', ')})`}</MessageBarBody>
        </MessageBar>
      ))}
      <div ref={status} tabIndex={-1} role="status" aria-live="polite">
        {message !== null && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{message}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <WhatNext view={view} outline={outline.data} />
      <nav aria-label="Sections of this case" className={styles.nav}>
        {shown.map((s) => (
          <FluentLink
            key={s}
            href={`#/cases/${encodeURIComponent(caseId)}/${s}`}
            onClick={(e) => {
              e.preventDefault();
              focusSection(s);
            }}
          >
            {titles[s]}
          </FluentLink>
        ))}
      </nav>
      {outline.isError && <ApiProblem error={outline.error} title="Could not load the procedure" />}
      <Section id="overview" title={titles.overview} actions={actions('overview')}>
        <Overview view={view} />
      </Section>
      <Section id="timeline" title={titles.timeline} actions={actions('timeline')}>
        <Timeline view={view} outline={outline.data} />
        {stage !== null && <PaperRecords stage={stage} />}
      </Section>
      <Section id="concerns" title={titles.concerns} actions={actions('concerns')}>
        <Concerns view={view} />
      </Section>
      {stage !== null && (
        <>
          <Section id="plan" title={`${titles.plan} (${stage.label})`} actions={actions('plan')}>
            <Plan stage={stage} />
          </Section>
          <Section id="meetings" title={titles.meetings} actions={actions('meetings')}>
            <Meetings view={view} />
          </Section>
          <Section id="observations" title={titles.observations} actions={actions('observations')}>
            <Observations view={view} />
          </Section>
          <Section id="reviews" title={titles.reviews} actions={actions('reviews')}>
            <Reviews view={view} />
          </Section>
          <Section id="duties" title={titles.duties} actions={actions('duties')}>
            <Duties stage={stage} />
          </Section>
        </>
      )}
      <Section id="imp" title={titles.imp} actions={actions('imp')}>
        <ImpRecords view={view} />
      </Section>
      <Section id="comments" title={titles.comments} actions={actions('comments')}>
        <Comments view={view} />
      </Section>
      <Section id="record" title={titles.record}>
        <StageRecords view={view} />
      </Section>
      <Section id="history" title={titles.history} actions={actions('history')}>
        <History caseId={caseId} />
      </Section>
      <CommandDialog
        open={open}
        view={view}
        outline={outline.data}
        onClose={() => {
          setOpen(null);
        }}
        onDone={onDone}
      />
    </article>
  );
}

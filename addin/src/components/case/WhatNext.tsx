import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import type { CaseView, Outline } from '../../api/schemas';
import { dayConvention, daysLeftText, ukDate, ukDateTime } from '../../format/dates';

const useStyles = makeStyles({
  box: {
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
  },
});

/** Plain-English steps, each with its date where there is one. Built only from what the API says. */
function nextSteps(view: CaseView, outline: Outline | undefined): string[] {
  const stage = view.stage;
  if (view.status.kind === 'closed')
    return ['This case is closed. Nothing more will happen on it.'];
  if (stage === null)
    return ['No stage has started yet. Staff will tell you if a support plan is needed.'];
  const steps: string[] = [`You are at ${stage.label}: ${stage.summary}`];
  if (view.available.some((c) => c.type === 'signPlan'))
    steps.push(
      `Your signature is needed on version ${stage.plan.version} of your plan. Read it, then sign it with your full name.`,
    );
  const missing = stage.signers.filter((s) => s.signed === null).map((s) => s.name ?? s.roleLabel);
  if (missing.length > 0) steps.push(`The plan still needs signing by: ${missing.join(', ')}.`);
  for (const m of stage.meetings.filter((x) => x.status === 'scheduled'))
    steps.push(
      `A meeting is booked for ${ukDateTime(m.start)}${m.online ? ' (online in Teams)' : ''}.`,
    );
  const c = stage.reviewCountdown;
  if (c !== null) {
    steps.push(
      `Your targets will be reviewed by ${ukDate(c.due)} (${daysLeftText(c.daysLeft, c.unit)}). ${dayConvention(c.unit)}`,
    );
  } else if (stage.reviewWindow?.latest != null) {
    steps.push(`Your targets will be reviewed by ${ukDate(stage.reviewWindow.latest)}.`);
  }
  const next = (outline?.stages ?? []).filter((s) =>
    s.entries.some((e) => e.from.includes(stage.stageId)),
  );
  if (next.length > 0) {
    const names = next.map(
      (s) =>
        `${s.label} (${s.entries
          .filter((e) => e.from.includes(stage.stageId))
          .flatMap((e) => e.rules)
          .join(', ')})`,
    );
    steps.push(
      `If the targets are not met by the review, the next step can be: ${names.join('; or ')}.`,
    );
  }
  const closures = outline?.stages.find((s) => s.id === stage.stageId)?.closures ?? [];
  if (closures.length > 0)
    steps.push(`If they are met, the case can close: ${closures.map((x) => x.label).join('; ')}.`);
  return steps;
}

/** The trainee's "what happens next and by when" (BF-19), shown to everyone in the case. */
export function WhatNext({ view, outline }: { view: CaseView; outline: Outline | undefined }) {
  const styles = useStyles();
  return (
    <div className={styles.box} aria-labelledby="heading-next" role="region">
      <Body1 as="h2" id="heading-next" style={{ fontWeight: 600, margin: 0 }}>
        What happens next (BF-19)
      </Body1>
      <ol className={styles.list}>
        {nextSteps(view, outline).map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
    </div>
  );
}

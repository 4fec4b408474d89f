import { Badge, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { CaseView } from '../../api/schemas';
import { ukDate, ukDateTime } from '../../format/dates';
import { MeetingDelivery } from './MeetingDelivery';
import { PaperMark } from './PaperRecords';
import { nameOf } from './people';

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
  line: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

const None = ({ what }: { what: string }) => <Caption1>{`No ${what} yet.`}</Caption1>;

/** Who acknowledged a concern (ME-05): a participant, or provider-wide staff not on the case. */
function acknowledger(view: CaseView, by: string | null): string {
  if (by?.startsWith('staff:') === true) return "the provider's staff";
  return by === null ? 'someone' : nameOf(view, by);
}

/** Concerns; special category content only as the API gives it (redacted for those not allowed). */
export function Concerns({ view }: { view: CaseView }) {
  const styles = useStyles();
  if (view.concerns.length === 0) return <None what="concerns" />;
  return (
    <ul className={styles.list}>
      {view.concerns.map((c) => (
        <li key={c.concernId}>
          <div className={styles.line}>
            <strong>{c.categoryLabel}</strong>
            <Caption1>{ukDateTime(c.raisedAt)}</Caption1>
            {c.seriousIncident && <Badge color="danger">Serious incident</Badge>}
            {c.specialCategory && (
              <Badge color="warning" appearance="tint">
                Special category
              </Badge>
            )}
            {c.acknowledgedAt !== null && (
              <Caption1>{`Acknowledged ${ukDateTime(c.acknowledgedAt)} by ${acknowledger(view, c.acknowledgedBy)}`}</Caption1>
            )}
          </div>
          {c.redacted ? (
            <Caption1>Details are restricted to the staff allowed to see them.</Caption1>
          ) : (
            <p style={{ margin: 0 }}>{c.description}</p>
          )}
          {c.evidence !== null && !c.redacted && <Caption1>{`Evidence: ${c.evidence}`}</Caption1>}
        </li>
      ))}
    </ul>
  );
}

/** Meetings of the current stage with the Teams join link when the meeting has one. */
export function Meetings({ view }: { view: CaseView }) {
  const styles = useStyles();
  const stage = view.stage;
  if (stage === null || stage.meetings.length === 0) {
    const needed = stage?.requiredMeetings ?? [];
    return needed.length === 0 ? (
      <None what="meetings" />
    ) : (
      <Caption1>{`Needed at this stage: ${needed.map((m) => `${m.label} (${m.rules.join(', ')})`).join('; ')}.`}</Caption1>
    );
  }
  const label = (id: string) => stage.requiredMeetings.find((m) => m.id === id)?.label ?? id;
  return (
    <ul className={styles.list}>
      {stage.meetings.map((m) => (
        <li key={m.meetingId}>
          <div className={styles.line}>
            <strong>{label(m.definitionId)}</strong>
            <Badge
              appearance="outline"
              color={
                m.status === 'cancelled'
                  ? 'danger'
                  : m.status === 'held'
                    ? 'success'
                    : 'informative'
              }
            >
              {m.status}
            </Badge>
          </div>
          <Caption1>{`${ukDateTime(m.start)} (UK time), ${m.durationMinutes} minutes, ${m.online ? 'online' : 'in person'}`}</Caption1>
          <Caption1>{`With ${m.attendees.map((a) => nameOf(view, a)).join(', ')}`}</Caption1>
          {m.online && (
            <MeetingDelivery
              meeting={m}
              canRetry={view.available.some((c) => c.type === 'retryDelivery')}
            />
          )}
          <PaperMark stage={stage} entry="meeting" id={m.meetingId} />
          {m.notes !== null && <p style={{ margin: 0 }}>{m.notes}</p>}
        </li>
      ))}
    </ul>
  );
}

/** Lesson observations of the current stage. */
export function Observations({ view }: { view: CaseView }) {
  const styles = useStyles();
  const stage = view.stage;
  const list = stage?.observations ?? [];
  if (stage === null || list.length === 0) return <None what="observations" />;
  return (
    <ul className={styles.list}>
      {list.map((o) => (
        <li key={o.observationId}>
          <strong>{ukDate(o.date)}</strong>{' '}
          <Caption1>{`by ${o.observers.map((x) => nameOf(view, x)).join(', ')}`}</Caption1>
          <PaperMark stage={stage} entry="observation" id={o.observationId} />
          <p style={{ margin: 0 }}>{o.notes}</p>
        </li>
      ))}
    </ul>
  );
}

/** Reviews of the current stage, met or not met per target. */
export function Reviews({ view }: { view: CaseView }) {
  const styles = useStyles();
  const stage = view.stage;
  if (stage === null || stage.reviews.length === 0) return <None what="reviews" />;
  const text = (id: string) =>
    stage.plan.targets.find((t) => t.targetId === id)?.text ?? 'A target';
  return (
    <ul className={styles.list}>
      {stage.reviews.map((r) => (
        <li key={r.reviewId}>
          <div className={styles.line}>
            <strong>{`Held ${ukDate(r.heldOn)} on plan version ${r.planVersion}`}</strong>
            <Badge color={r.allMet ? 'success' : 'warning'}>
              {r.allMet ? 'All targets met' : 'Not all met'}
            </Badge>
          </div>
          <ul>
            {r.outcomes.map((o) => (
              <li
                key={o.targetId}
              >{`${text(o.targetId)}: ${o.met ? 'met' : 'not met'}. ${o.evidence}`}</li>
            ))}
          </ul>
          <PaperMark stage={stage} entry="review" id={r.reviewId} />
          {r.notes !== '' && <Caption1>{r.notes}</Caption1>}
        </li>
      ))}
    </ul>
  );
}

/** IMP records with the triggers that fired (staff only: the API leaves them out for trainees). */
export function ImpRecords({ view }: { view: CaseView }) {
  const styles = useStyles();
  if (view.imp.length === 0) return <None what="monitoring points" />;
  return (
    <ul className={styles.list}>
      {view.imp.map((r) => (
        <li key={r.impId}>
          <strong>{r.pointId}</strong> <Caption1>{ukDateTime(r.recordedAt)}</Caption1>
          {r.fired.length === 0 ? (
            <Caption1> No trigger fired.</Caption1>
          ) : (
            <ul>
              {r.fired.map((f) => (
                <li
                  key={f.triggerId}
                >{`${f.label}: recommends ${f.recommendation.replaceAll('-', ' ')} (${f.rules.join(', ')})`}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Comments everyone in the case (or staff only) can read. */
export function Comments({ view }: { view: CaseView }) {
  const styles = useStyles();
  if (view.comments.length === 0) return <None what="comments" />;
  return (
    <ul className={styles.list}>
      {view.comments.map((c) => (
        <li key={c.commentId}>
          <Caption1>{`${view.participants.find((p) => p.participantId === c.by)?.name ?? c.by}, ${ukDateTime(c.at)}${c.visibility === 'staff' ? ' (staff only)' : ''}`}</Caption1>
          <p style={{ margin: 0 }}>{c.text}</p>
        </li>
      ))}
    </ul>
  );
}

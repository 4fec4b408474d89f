import { Badge, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { StageView } from '../../api/schemas';

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
  },
});

const appealText: Readonly<Record<string, string>> = {
  'not-informed': 'The trainee has not yet been told about the right to appeal.',
  informed: 'The trainee has been told about the right to appeal and may decide.',
  declined: 'The trainee decided not to appeal.',
  lodged: 'The trainee has lodged an appeal.',
  upheld: 'The appeal was upheld.',
  dismissed: 'The appeal was dismissed.',
};

/** The stage's duties (done or still to do, with rules), the final outcome and the appeal. */
export function Duties({ stage }: { stage: StageView }) {
  const styles = useStyles();
  const duties = stage.duties.filter((d) => d.applicable);
  return (
    <>
      {duties.length === 0 ? (
        <Caption1>No duties at this stage.</Caption1>
      ) : (
        <ul className={styles.list}>
          {duties.map((d) => (
            <li key={d.id}>
              {`${d.label} (${d.rules.join(', ')}) `}
              <Badge color={d.done ? 'success' : 'warning'} appearance="tint">
                {d.done ? 'Done' : 'To do'}
              </Badge>
            </li>
          ))}
        </ul>
      )}
      {stage.finalOutcome !== null && (
        <p
          style={{ margin: 0 }}
        >{`Final outcome: ${stage.finalOutcome.progress} progress${stage.finalOutcome.basis === null ? '' : ` (${stage.finalOutcome.basis.replaceAll('-', ' ')})`}. ${stage.finalOutcome.notes}`}</p>
      )}
      {stage.appeal !== null && (
        <p style={{ margin: 0 }}>{appealText[stage.appeal.status] ?? stage.appeal.status}</p>
      )}
    </>
  );
}

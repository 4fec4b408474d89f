import { Badge, Caption1, Caption1Strong, makeStyles, tokens } from '@fluentui/react-components';
import type { StageView } from '../../api/schemas';
import { ukDate } from '../../format/dates';

type Mark = StageView['paperRecords'][number];

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  mark: {
    display: 'inline-flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    alignItems: 'center',
  },
});

const entryWords: Readonly<Record<string, string>> = {
  stage: 'Start of the stage',
  meeting: 'Meeting',
  observation: 'Observation',
  review: 'Review',
  signature: 'Signature',
};

/** "Recorded from paper by X on D", with the UK date of entry. */
function enteredText(mark: Mark): string {
  return `Recorded from paper by ${mark.enteredByName === '' ? 'provider staff' : mark.enteredByName} on ${ukDate(mark.enteredAt)}`;
}

/** The mark beside one entry that was recorded from paper (nothing for entries made here). */
export function PaperMark({ stage, entry, id }: { stage: StageView; entry: string; id: string }) {
  const styles = useStyles();
  const mark = stage.paperRecords.find((m) => m.entry === entry && m.id === id);
  if (mark === undefined) return null;
  return (
    <span className={styles.mark}>
      <Badge appearance="outline" color="informative">
        From paper
      </Badge>
      <Caption1>{enteredText(mark)}</Caption1>
    </span>
  );
}

/** Every entry of the current stage run that was moved in from paper records (ADR 0010). */
export function PaperRecords({ stage }: { stage: StageView }) {
  const styles = useStyles();
  if (stage.paperRecords.length === 0) return null;
  return (
    <div>
      <Caption1Strong as="p">{`Recorded from paper in ${stage.label}`}</Caption1Strong>
      <ul className={styles.list} aria-label={`Recorded from paper in ${stage.label}`}>
        {stage.paperRecords.map((m) => (
          <li key={`${m.entry}:${m.id}`}>
            <Caption1>{`${entryWords[m.entry] ?? m.entry} on ${ukDate(m.occurredOn)}: ${enteredText(m)}`}</Caption1>
          </li>
        ))}
      </ul>
    </div>
  );
}

import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { CaseView } from '../../api/schemas';

const useStyles = makeStyles({
  people: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/** The trainee's details and the people named in the case. */
export function Overview({ view }: { view: CaseView }) {
  const styles = useStyles();
  const t = view.trainee;
  return (
    <>
      <Caption1 as="p">{`${t.subject}, ${t.route} route · ${t.school} · ${t.placement}`}</Caption1>
      <ul className={styles.people} aria-label="People in this case">
        {view.participants
          .filter((p) => p.active)
          .map((p) => (
            <li key={p.participantId}>{`${p.name} — ${p.roleLabel}`}</li>
          ))}
      </ul>
    </>
  );
}

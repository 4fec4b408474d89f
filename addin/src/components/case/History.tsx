import { Badge, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useHistory } from '../../hooks/case-queries';
import { ukDateTime } from '../../format/dates';
import { roleWords } from '../../format/labels';
import { ApiProblem } from '../ApiProblem';
import { Loading } from '../Loading';

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
  },
});

/** The audit history; the chain's verification is shown when the API reports it. */
export function History({ caseId }: { caseId: string }) {
  const styles = useStyles();
  const history = useHistory(caseId);
  if (history.isPending) return <Loading label="Loading the history" />;
  if (history.isError)
    return <ApiProblem error={history.error} title="Could not load the history" />;
  const { events, verified } = history.data;
  return (
    <>
      {verified === undefined ? (
        <Caption1>{`${events.length} recorded events, each linked to the one before by its hash.`}</Caption1>
      ) : (
        <Badge color={verified ? 'success' : 'danger'}>
          {verified
            ? 'Chain verified: nothing altered'
            : 'Chain broken: the record may have been altered'}
        </Badge>
      )}
      <ol className={styles.list} aria-label="History">
        {events.map((e) => (
          <li key={e.seq}>
            <Caption1>{ukDateTime(e.at)}</Caption1> {e.summary ?? roleWords(e.type)}
            {e.actorName === undefined ? '' : ` — ${e.actorName}`}
          </li>
        ))}
      </ol>
    </>
  );
}

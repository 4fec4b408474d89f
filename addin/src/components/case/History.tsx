import { Badge, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { HistoryEntry } from '../../api/schemas';
import { useHistory, useVerification } from '../../hooks/case-queries';
import { ukDateTime } from '../../format/dates';
import { ApiProblem } from '../ApiProblem';
import { Loading } from '../Loading';

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
  },
  changes: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/** "Chain intact", or the first broken entry, from the verification endpoint. */
function ChainStatus({ caseId }: { caseId: string }) {
  const check = useVerification(caseId);
  if (check.isPending) return <Loading label="Checking the chain" />;
  if (check.isError) return <ApiProblem error={check.error} title="Could not check the chain" />;
  const v = check.data;
  if (v.status === 'intact')
    return (
      <Badge color="success">{`Chain intact: all ${String(v.events)} entries verified, nothing altered`}</Badge>
    );
  const at =
    v.brokenEntry === null ? '' : ` (${v.brokenEntry.type}, ${ukDateTime(v.brokenEntry.at)})`;
  return (
    <div role="alert">
      <Badge color="danger">{`Chain broken at entry ${String(v.brokenAtSeq)}${at}`}</Badge>{' '}
      <Caption1>{v.explanation}</Caption1>
    </div>
  );
}

function Entry({ e }: { e: HistoryEntry }) {
  const styles = useStyles();
  const who =
    e.actor.roleLabels.length === 0
      ? e.actor.name
      : `${e.actor.name} (${e.actor.roleLabels.join(', ')})`;
  return (
    <li>
      <Caption1>{ukDateTime(e.at)}</Caption1> <strong>{who}</strong>: {e.summary || e.type}
      {e.rules.length > 0 && <Caption1>{` [${e.rules.join(', ')}]`}</Caption1>}
      {e.redacted && <Caption1> (some details withheld)</Caption1>}
      {e.changes.length > 0 && (
        <ul className={styles.changes}>
          {e.changes.map((c, i) => (
            <li key={i}>
              <Caption1>{c}</Caption1>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** The readable audit history, with the chain's verification. */
export function History({ caseId }: { caseId: string }) {
  const styles = useStyles();
  const history = useHistory(caseId);
  if (history.isPending) return <Loading label="Loading the history" />;
  if (history.isError)
    return <ApiProblem error={history.error} title="Could not load the history" />;
  return (
    <>
      <ChainStatus caseId={caseId} />
      <ol className={styles.list} aria-label="History">
        {history.data.events.map((e) => (
          <Entry key={e.seq} e={e} />
        ))}
      </ol>
    </>
  );
}

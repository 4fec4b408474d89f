import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { ApiError } from '../../api/api-error';
import { ApiProblem } from '../../components/ApiProblem';

const useStyles = makeStyles({
  // Stays in view while the long form scrolls, so the answer to a save is always beside the button.
  bar: {
    position: 'sticky',
    bottom: 0,
    zIndex: 1,
    display: 'grid',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  buttons: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
  },
});

/** True when the API refused a save because someone else saved first (412, the ETag is stale). */
export function isStaleWrite(error: unknown): boolean {
  return error instanceof ApiError && error.problem.status === 412;
}

/** The Save button with its progress, and the API's answer beside it (a stale write, a refusal with its rule). */
export function SaveBar({
  pending,
  dirty,
  error,
  onReload,
}: {
  pending: boolean;
  dirty: boolean;
  error: unknown;
  onReload: () => void;
}) {
  const styles = useStyles();
  const fieldErrors = error instanceof ApiError ? error.problem.errors : [];
  return (
    <div className={styles.bar}>
      {error !== null && isStaleWrite(error) && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Not saved: someone else saved these settings first</MessageBarTitle>
            Another person changed the provider’s settings after you opened this page, so saving
            yours would overwrite theirs. Reload to see the current settings, then make your changes
            again.
          </MessageBarBody>
        </MessageBar>
      )}
      {error !== null && !isStaleWrite(error) && <ApiProblem error={error} title="Not saved" />}
      {fieldErrors.length > 0 && (
        <ul aria-label="What to correct">
          {fieldErrors.map((f) => (
            <li key={`${f.path}:${f.message}`}>{`${f.path}: ${f.message}`}</li>
          ))}
        </ul>
      )}
      <div className={styles.buttons}>
        <Button
          type="submit"
          appearance="primary"
          disabled={pending}
          icon={pending ? <Spinner size="tiny" /> : undefined}
        >
          {pending ? 'Saving…' : 'Save settings'}
        </Button>
        {error !== null && isStaleWrite(error) && (
          <Button onClick={onReload}>Reload the current settings</Button>
        )}
        <span role="status">{dirty ? 'Unsaved changes' : 'No unsaved changes'}</span>
      </div>
    </div>
  );
}

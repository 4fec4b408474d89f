import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import type { ReactNode, SyntheticEvent } from 'react';
import { ApiProblem } from '../components/ApiProblem';
import type { CommandSubmit } from './use-command';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM },
  footer: { display: 'grid', gap: tokens.spacingVerticalS },
  rules: { color: tokens.colorNeutralForeground3 },
});

/** Props of a command form's frame. */
export interface FormShellProps {
  readonly label: string;
  readonly rules: readonly string[];
  readonly submit: CommandSubmit;
  readonly onSubmit: () => void;
  readonly children: ReactNode;
  readonly extraButtons?: ReactNode;
}

/** The frame of every command form: fields, the submit button with progress, and the API's refusal (with its rule) beside it. */
export function FormShell({
  label,
  rules,
  submit,
  onSubmit,
  children,
  extraButtons,
}: FormShellProps) {
  const styles = useStyles();
  const handle = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!submit.pending) onSubmit();
  };
  return (
    <form className={styles.form} onSubmit={handle} aria-label={label} noValidate>
      {children}
      <div className={styles.footer}>
        {rules.length > 0 && (
          <small className={styles.rules}>{`Allowed under ${rules.join(', ')}`}</small>
        )}
        {submit.error !== null && <ApiProblem error={submit.error} title="Not saved" />}
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <Button
            type="submit"
            appearance="primary"
            disabled={submit.pending}
            icon={submit.pending ? <Spinner size="tiny" /> : undefined}
          >
            {submit.pending ? 'Saving…' : label}
          </Button>
          {extraButtons}
        </div>
      </div>
    </form>
  );
}

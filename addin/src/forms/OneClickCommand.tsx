import { Button, Spinner } from '@fluentui/react-components';
import type { AvailableCommand, CaseView } from '../api/schemas';
import { ApiProblem } from '../components/ApiProblem';
import { useCommand } from './use-command';

/**
 * A command with nothing to fill in, sent on one click of its button (no dialog): the API decides
 * whether it is allowed; its refusal, with the rule, is shown beside the button.
 */
export function OneClickCommand({
  view,
  command,
  text,
  confirmation,
  onDone,
}: {
  view: CaseView;
  command: AvailableCommand;
  text: string;
  confirmation: string;
  onDone: (message: string) => void;
}) {
  const submit = useCommand(view.caseId, command);
  const send = () => {
    if (submit.pending) return;
    submit.submit({}).then(
      () => {
        const rules = command.rules.length > 0 ? ` (${command.rules.join(', ')})` : '';
        onDone(`${confirmation}${rules}`);
      },
      () => undefined, // shown below
    );
  };
  return (
    <>
      <Button
        data-command={command.type}
        disabled={submit.pending}
        icon={submit.pending ? <Spinner size="tiny" /> : undefined}
        onClick={send}
      >
        {submit.pending ? 'Saving…' : text}
      </Button>
      {submit.error !== null && (
        <div style={{ flexBasis: '100%' }}>
          <ApiProblem error={submit.error} title="Not saved" />
        </div>
      )}
    </>
  );
}

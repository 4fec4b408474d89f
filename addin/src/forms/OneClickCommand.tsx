import { Button, Spinner } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import type { AvailableCommand, CaseView } from '../api/schemas';
import { keys } from '../hooks/case-queries';
import { useCommand } from './use-command';

/**
 * A command with nothing to fill in, sent on one click of its button (no dialog): the API decides
 * whether it is allowed. Its refusal goes to `onRefused` (the section shows it, with its rule)
 * and the case is read again, so the page shows what is now true (e.g. someone else acknowledged
 * the concern first, and the button goes).
 */
export function OneClickCommand({
  view,
  command,
  text,
  confirmation,
  onDone,
  onRefused,
}: {
  view: CaseView;
  command: AvailableCommand;
  text: string;
  confirmation: string;
  onDone: (message: string) => void;
  onRefused: (error: unknown) => void;
}) {
  const submit = useCommand(view.caseId, command);
  const queries = useQueryClient();
  const send = () => {
    if (submit.pending) return;
    submit.submit({}).then(
      () => {
        const rules = command.rules.length > 0 ? ` (${command.rules.join(', ')})` : '';
        onDone(`${confirmation}${rules}`);
      },
      (error: unknown) => {
        onRefused(error);
        void queries.invalidateQueries({ queryKey: keys.case(view.caseId) });
      },
    );
  };
  return (
    <Button
      data-command={command.type}
      disabled={submit.pending}
      icon={submit.pending ? <Spinner size="tiny" /> : undefined}
      onClick={send}
    >
      {submit.pending ? 'Saving…' : text}
    </Button>
  );
}

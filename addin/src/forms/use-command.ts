import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/api-error';
import type { AvailableCommand, CaseView } from '../api/schemas';
import { useApp } from '../app/api-context';
import { keys } from '../hooks/case-queries';
import { paramsFolded } from './specs';

/** Submits one available command: its fixed params plus the form's fields, under one idempotency key. */
export function useCommand(caseId: string, command: AvailableCommand) {
  const { api } = useApp();
  const queries = useQueryClient();
  // One key per opened form: a retry after a lost reply is the same command, never a second one.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const mutation = useMutation({
    mutationFn: (fields: Record<string, unknown>) =>
      api.command(
        caseId,
        command.type,
        paramsFolded.has(command.type) ? fields : { ...fields, ...command.params },
        key,
      ),
    onSuccess: async (view: CaseView | null) => {
      setKey(crypto.randomUUID());
      // A command's reply is the case view without the record's `stages`: keep the ones shown
      // until the refetch below brings the new ones.
      if (view !== null)
        queries.setQueryData(keys.case(caseId), (old: CaseView | undefined) => ({
          ...view,
          stages: view.stages.length > 0 ? view.stages : (old?.stages ?? []),
        }));
      await Promise.all([
        queries.invalidateQueries({ queryKey: keys.case(caseId) }),
        queries.invalidateQueries({ queryKey: keys.mine }),
        queries.invalidateQueries({ queryKey: keys.history(caseId) }),
      ]);
    },
  });
  const problem = mutation.error instanceof ApiError ? mutation.error.problem : undefined;
  return {
    submit: (fields: Record<string, unknown>) => mutation.mutateAsync(fields),
    pending: mutation.isPending,
    error: mutation.error,
    /** The API's message for one field (from a 400's `errors`), if any. */
    fieldError: (name: string) =>
      problem?.errors.find((e) => e.path === name || e.path.startsWith(`${name}.`))?.message,
    reset: () => {
      mutation.reset();
    },
  };
}

/** What a form's submit hook offers. */
export type CommandSubmit = ReturnType<typeof useCommand>;

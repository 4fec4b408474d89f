import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ApiError } from '../api/api-error';

/** A failed call as the user should read it: the API's message and the rules behind it. */
export function ApiProblem({ error, title }: { error: unknown; title?: string }) {
  const problem = error instanceof ApiError ? error.problem : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        {title !== undefined && <MessageBarTitle>{title}</MessageBarTitle>}
        {message}
        {problem !== undefined && problem.rules.length > 0 && (
          <>
            {' '}
            <strong data-rules>Rule {problem.rules.join(', ')}</strong>
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

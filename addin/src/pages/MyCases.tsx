import { Body1, MessageBar, MessageBarBody, Spinner, Subtitle2 } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { listMyCases, type CaseRow } from '../api/cases';

type Load =
  | { kind: 'loading' }
  | { kind: 'loaded'; cases: readonly CaseRow[] }
  | { kind: 'failed'; message: string };

/** Props of the "my cases" list. */
export interface MyCasesProps {
  readonly token: string;
}

/** Lists the signed-in user's cases (placeholder: the full tab comes later). */
export function MyCases({ token }: MyCasesProps) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  useEffect(() => {
    let current = true;
    setLoad({ kind: 'loading' });
    listMyCases(token).then(
      (cases) => {
        if (current) setLoad({ kind: 'loaded', cases });
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (current) setLoad({ kind: 'failed', message });
      },
    );
    return () => {
      current = false;
    };
  }, [token]);
  if (load.kind === 'loading') return <Spinner label="Loading your cases" />;
  if (load.kind === 'failed') {
    return (
      <MessageBar intent="error">
        <MessageBarBody>Could not load your cases: {load.message}</MessageBarBody>
      </MessageBar>
    );
  }
  if (load.cases.length === 0) return <Body1>You have no cases.</Body1>;
  return (
    <section aria-label="My cases">
      <Subtitle2>My cases</Subtitle2>
      <ul>
        {load.cases.map((row) => (
          <li key={row.caseId}>
            {row.traineeName}: {row.stageLabel ?? 'no stage'} ({row.status})
            {row.nextReviewDate === null ? '' : `, next review ${row.nextReviewDate}`}
          </li>
        ))}
      </ul>
    </section>
  );
}

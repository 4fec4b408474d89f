import { Caption1, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { Link } from 'react-router';
import type { WindowChange } from '../../api/provider-schemas';
import { dayConvention, ukDate } from '../../format/dates';
import { FigureTable } from '../../components/overview/FigureTable';

/** What a saved settings change did to live deadlines: each open case whose review window moved. */
export function WindowChanges({ changes }: { changes: readonly WindowChange[] }) {
  if (changes.length === 0)
    return <Caption1 as="p">No open case’s review window moved with this change.</Caption1>;
  const units = [...new Set(changes.map((c) => c.after.unit))];
  return (
    <>
      <FigureTable
        caption={`Review windows this change moved (${String(changes.length)} open case${changes.length === 1 ? '' : 's'})`}
        columns={[
          'Trainee',
          'Latest review before',
          'Latest review now',
          'Agreed date outside',
          'In the case history',
        ]}
        rows={changes.map((c) => [
          c.traineeName,
          ukDate(c.before.latest),
          ukDate(c.after.latest),
          c.agreedDateOutside ? 'Yes: agree a new date' : 'No',
          c.recorded ? 'Recorded' : 'Not recorded (the case was busy)',
        ])}
      />
      {units.map((u) => (
        <Caption1 key={u} as="p">
          {dayConvention(u)}
        </Caption1>
      ))}
      {changes.some((c) => c.agreedDateOutside) && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {'An agreed review date now falls outside its window: open '}
            {changes
              .filter((c) => c.agreedDateOutside)
              .map((c, i) => (
                <span key={c.caseId}>
                  {i > 0 && ', '}
                  <Link to={`/cases/${encodeURIComponent(c.caseId)}/plan`}>{c.traineeName}</Link>
                </span>
              ))}
            {` to agree a new one (${[...new Set(changes.flatMap((c) => c.rules))].join(', ')}).`}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

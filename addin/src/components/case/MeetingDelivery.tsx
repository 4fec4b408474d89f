import { Badge, Caption1, Link } from '@fluentui/react-components';
import type { StageView } from '../../api/schemas';
import { ukDateTime } from '../../format/dates';

type Meeting = StageView['meetings'][number];

/** The calendar side of a meeting: the Teams join link, or why the invitation failed. */
export function MeetingDelivery({ meeting: m, canRetry }: { meeting: Meeting; canRetry: boolean }) {
  const inv = m.invitation;
  if (m.status !== 'scheduled') return null;
  if (inv === null)
    return <Caption1>Invitation not sent yet: the join link appears here once it is.</Caption1>;
  if (inv.status === 'failed')
    return (
      <div role="group" aria-label="Invitation failed">
        <Badge color="danger">Invitation not sent</Badge>{' '}
        <Caption1>{`${inv.failure ?? 'The calendar did not accept it'} (${ukDateTime(inv.at)}).`}</Caption1>{' '}
        <Caption1>
          {canRetry
            ? 'Use "Retry the meeting invitation" below.'
            : 'A member of staff on the case can retry it.'}
        </Caption1>
      </div>
    );
  return (
    <div>
      <Badge color="success" appearance="outline">
        {`Invitation sent ${ukDateTime(inv.at)}`}
      </Badge>{' '}
      {inv.joinUrl !== null && (
        <Link href={inv.joinUrl} target="_blank" rel="noreferrer">
          Join the Teams meeting
        </Link>
      )}
    </div>
  );
}

import { Badge, Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { Link } from 'react-router';
import type { CaseSummary } from '../api/schemas';
import { daysLeftText, dayConvention, ukDate } from '../format/dates';
import { needsYouLabel, roleWords } from '../format/labels';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  name: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForegroundLink },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

/** One case in "my cases": stage, next review with days left, and role-aware badges. */
export function CaseRow({ row }: { row: CaseSummary }) {
  const styles = useStyles();
  const countdown = row.reviewCountdown;
  return (
    <li className={styles.row} data-case-id={row.caseId}>
      <Link to={`/cases/${encodeURIComponent(row.caseId)}`} className={styles.name}>
        {row.traineeName}
      </Link>
      <Body1>
        {row.stageLabel ?? 'No stage started'}
        {row.school === null ? '' : ` · ${row.school}`}
        {row.status === 'closed' ? ' · Closed' : ''}
      </Body1>
      {row.nextReviewDate !== null && (
        <Caption1 title={countdown === null ? undefined : dayConvention(countdown.unit)}>
          Next review {ukDate(row.nextReviewDate)}
          {countdown === null ? '' : ` (${daysLeftText(countdown.daysLeft, countdown.unit)})`}
        </Caption1>
      )}
      <div className={styles.badges}>
        {row.viewerRoles.map((role) => (
          <Badge key={role} appearance="outline" color="informative">
            {`You: ${roleWords(role)}`}
          </Badge>
        ))}
        {row.reviewOverdue && (
          <Badge appearance="filled" color="danger">
            Review overdue
          </Badge>
        )}
        {row.needsYou.length > 0 && (
          <Badge appearance="filled" color="brand">
            {`Needs you: ${row.needsYou.map(needsYouLabel).join(', ')}`}
          </Badge>
        )}
        {row.signaturesMissing !== null && row.signaturesMissing > 0 && (
          <Badge appearance="tint" color="warning">
            {`${row.signaturesMissing} signature${row.signaturesMissing === 1 ? '' : 's'} missing`}
          </Badge>
        )}
      </div>
    </li>
  );
}

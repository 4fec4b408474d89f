import {
  Badge,
  Caption1,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { StageView } from '../../api/schemas';
import { dayConvention, daysLeftText, ukDate, ukDateTime } from '../../format/dates';
import { PaperMark } from './PaperRecords';

const useStyles = makeStyles({
  targets: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  tableWrap: { overflowX: 'auto' },
});

/** The current plan: version, targets with actions and indicators, the review window with its day count, and who signed. */
export function Plan({ stage }: { stage: StageView }) {
  const styles = useStyles();
  const { plan } = stage;
  const w = stage.reviewWindow;
  const c = stage.reviewCountdown;
  return (
    <>
      <div className={styles.meta}>
        <Badge appearance="outline">{`Version ${plan.version}`}</Badge>
        {plan.targetStyle !== null && (
          <Badge appearance="outline">{`${plan.targetStyle} targets`}</Badge>
        )}
        {plan.maxTargets !== null && (
          <Caption1>{`${plan.targets.length} of at most ${plan.maxTargets} targets`}</Caption1>
        )}
        <Badge color={stage.fullySigned ? 'success' : 'warning'}>
          {stage.fullySigned ? 'Fully signed' : 'Not yet fully signed'}
        </Badge>
      </div>
      {plan.overview !== '' && <p style={{ margin: 0 }}>{plan.overview}</p>}
      {plan.supportMeasures !== '' && <Caption1>{`Support: ${plan.supportMeasures}`}</Caption1>}
      {plan.targets.length === 0 ? (
        <Caption1>No targets yet.</Caption1>
      ) : (
        <ol className={styles.targets} aria-label="Targets">
          {plan.targets.map((t) => (
            <li key={t.targetId}>
              <strong>{t.text}</strong>
              {t.actions.length > 0 && (
                <ul>
                  {t.actions.map((a) => (
                    <li key={a}>{a}</li>
                  ))}
                </ul>
              )}
              {t.indicators.length > 0 && (
                <Caption1 block>{`Indicators: ${t.indicators.join(', ')}`}</Caption1>
              )}
              {t.monitoring !== '' && <Caption1 block>{`Monitoring: ${t.monitoring}`}</Caption1>}
              {t.successCriteria !== '' && (
                <Caption1 block>{`Success criteria: ${t.successCriteria}`}</Caption1>
              )}
            </li>
          ))}
        </ol>
      )}
      <p style={{ margin: 0 }}>
        {`Review date: ${ukDate(plan.reviewDate ?? w?.latest)}`}
        {c !== null ? ` (${daysLeftText(c.daysLeft, c.unit)})` : ''}
        {stage.reviewOverdue ? ' — overdue' : ''}
      </p>
      {w !== null && (
        <Caption1 block>
          {`Window: ${ukDate(w.earliest)} to ${ukDate(w.latest)}${w.indicative === null ? '' : `, usually ${ukDate(w.indicative)}`} (${[...w.rules, ...w.settings].join(', ')}). ${dayConvention(w.unit)}`}
        </Caption1>
      )}
      {stage.signers.length > 0 && (
        <div className={styles.tableWrap}>
          <Table size="small" aria-label="Signatures">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Signer</TableHeaderCell>
                <TableHeaderCell>Signed</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {stage.signers.map((s) => (
                <TableRow key={`${s.role}:${s.participantId ?? ''}`}>
                  <TableCell>{`${s.name ?? 'Not named yet'} (${s.roleLabel})`}</TableCell>
                  <TableCell>
                    {s.signed === null
                      ? 'Not signed'
                      : `Version ${s.signed.planVersion} as “${s.signed.typedFullName}”, ${ukDateTime(s.signed.signedAt)}`}
                    {s.signed !== null && (
                      <>
                        {' '}
                        <PaperMark stage={stage} entry="signature" id={s.signed.participantId} />
                      </>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}

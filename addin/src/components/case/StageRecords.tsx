import { Badge, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { CaseView, StageRecord } from '../../api/schemas';
import { useApp } from '../../app/api-context';
import { ukDate, ukDateTime } from '../../format/dates';
import { ApiProblem } from '../ApiProblem';

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'grid',
    gap: tokens.spacingVerticalM,
  },
  versions: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  line: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/** Downloads a stage's PDF (the call carries the token, so it cannot be a plain link). */
function PdfButton({
  caseId,
  stage,
  version,
}: {
  caseId: string;
  stage: StageRecord;
  version: number;
}) {
  const { api } = useApp();
  const [state, setState] = useState<{ busy: boolean; error: unknown }>({
    busy: false,
    error: null,
  });
  const download = () => {
    setState({ busy: true, error: null });
    api.stagePdf(caseId, stage.position, version).then(
      (blob) => {
        const url = URL.createObjectURL(blob);
        const a = document.createElement('a');
        a.href = url;
        a.download = `${String(stage.position).padStart(2, '0')}-${stage.stageId}-v${String(version)}.pdf`;
        a.click();
        setTimeout(() => {
          URL.revokeObjectURL(url);
        }, 60_000);
        setState({ busy: false, error: null });
      },
      (error: unknown) => {
        setState({ busy: false, error });
      },
    );
  };
  return (
    <>
      <Button size="small" onClick={download} disabled={state.busy}>
        {state.busy
          ? 'Preparing the PDF…'
          : `Download PDF (${stage.label}, plan version ${String(version)})`}
      </Button>
      {state.error !== null && <ApiProblem error={state.error} title="Could not make the PDF" />}
    </>
  );
}

function Versions({ stage, view }: { stage: StageRecord; view: CaseView }) {
  const styles = useStyles();
  const name = (id: string) => view.participants.find((p) => p.participantId === id)?.name ?? id;
  if (stage.planVersions.length === 0) return <Caption1>No plan in this stage.</Caption1>;
  return (
    <ul className={styles.versions} aria-label={`Plan versions of ${stage.label}`}>
      {stage.planVersions.map((v) => (
        <li key={v.version}>
          <div className={styles.line}>
            <span>{`Version ${String(v.version)}: ${String(v.targets.length)} target(s)`}</span>
            {v.fullySigned && <Badge color="success">Fully signed</Badge>}
            <PdfButton caseId={view.caseId} stage={stage} version={v.version} />
          </div>
          {v.signatures.length > 0 && (
            <Caption1>
              {v.signatures
                .map(
                  (s) =>
                    `${s.typedFullName || name(s.participantId)} (${s.role}) ${ukDateTime(s.signedAt)}${s.voided ? ', voided by a later change' : ''}`,
                )
                .join('; ')}
            </Caption1>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Every stage run, oldest first, with each plan version, who signed which, and its PDF. */
export function StageRecords({ view }: { view: CaseView }) {
  const styles = useStyles();
  if (view.stages.length === 0) return <Caption1>No stage has started yet.</Caption1>;
  return (
    <ol className={styles.list}>
      {view.stages.map((s) => (
        <li key={s.instanceId}>
          <div className={styles.line}>
            <strong>{s.label}</strong>
            <Badge appearance="outline" color={s.current ? 'brand' : 'informative'}>
              {s.current ? 'Current' : 'Ended'}
            </Badge>
            <Caption1>
              {`Started ${ukDate(s.startedOn)}${s.endedAt === null ? '' : `, ended ${ukDateTime(s.endedAt)}`}`}
            </Caption1>
          </div>
          {s.reason !== '' && <Caption1>{`Reason: ${s.reason}`}</Caption1>}
          <Versions stage={s} view={view} />
          {s.corrections.length > 0 && (
            <Caption1>{`${String(s.corrections.length)} correction(s): ${s.corrections.map((c) => `${c.kind} (${c.reason})`).join('; ')}`}</Caption1>
          )}
        </li>
      ))}
    </ol>
  );
}

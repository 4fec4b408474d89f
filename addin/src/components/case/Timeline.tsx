import { Badge, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { CaseView, Outline } from '../../api/schemas';
import { ukDate } from '../../format/dates';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  item: {
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
    paddingInlineStart: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  current: { borderLeftColor: tokens.colorBrandStroke1 },
  head: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/** The procedure's stages in the definition's order: done, current, possible next (with the rule), later. */
export function Timeline({ view, outline }: { view: CaseView; outline: Outline | undefined }) {
  const styles = useStyles();
  if (outline === undefined) return <Caption1>Loading the procedure…</Caption1>;
  const current = view.stage?.stageId ?? 'none';
  const done = new Map(view.completedStages.map((s) => [s.stageId, s]));
  return (
    <ol className={styles.list} aria-label="Stages of the procedure">
      {outline.stages.map((s) => {
        const isCurrent = s.id === view.stage?.stageId;
        const entries = s.entries.filter((e) => e.from.includes(current));
        const past = done.get(s.id);
        const state = isCurrent
          ? 'Current stage'
          : past !== undefined
            ? 'Done'
            : entries.length > 0
              ? 'Can come next'
              : null;
        return (
          <li
            key={s.id}
            className={isCurrent ? `${styles.item} ${styles.current}` : styles.item}
            aria-current={isCurrent ? 'step' : undefined}
          >
            <div className={styles.head}>
              <strong>{s.label}</strong>
              {state !== null && (
                <Badge
                  appearance={isCurrent ? 'filled' : 'outline'}
                  color={isCurrent ? 'brand' : 'informative'}
                >
                  {state}
                </Badge>
              )}
              {s.formal === true && (
                <Badge appearance="tint" color="warning">
                  Formal
                </Badge>
              )}
            </div>
            <Caption1>{s.summary}</Caption1>
            {isCurrent && view.stage !== null && (
              <Caption1>{`Started ${ukDate(view.stage.startedOn)}: ${view.stage.reason}`}</Caption1>
            )}
            {past !== undefined && (
              <Caption1>{`Started ${ukDate(past.startedOn)}${past.endedAt === null ? '' : `, ended ${ukDate(past.endedAt)}`}`}</Caption1>
            )}
            {entries.map((e) => (
              <Caption1 key={e.id}>{`From here: ${e.label} (${e.rules.join(', ')})`}</Caption1>
            ))}
          </li>
        );
      })}
    </ol>
  );
}

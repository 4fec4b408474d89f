import { Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  item: {
    display: 'grid',
    alignContent: 'start',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  value: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

/** The headline numbers, as a description list (term, value, a line of explanation). */
export function KeyFigures({
  figures,
}: {
  figures: readonly { label: string; value: number; note: string }[];
}) {
  const styles = useStyles();
  return (
    <dl className={styles.list}>
      {figures.map((f) => (
        <div key={f.label} className={styles.item}>
          <dt>
            <Text weight="semibold">{f.label}</Text>
          </dt>
          <dd className={styles.value}>{f.value}</dd>
          <dd style={{ margin: 0 }}>
            <Caption1>{f.note}</Caption1>
          </dd>
        </div>
      ))}
    </dl>
  );
}

import { makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  frame: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
    // Entra ids are long unbroken strings: let them wrap at 320 px.
    overflowWrap: 'anywhere',
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'end',
    minWidth: 0,
    '& > *': { minWidth: 0, maxWidth: '100%' },
  },
});

/** A titled part of the settings form. */
export function EditorFrame({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <section className={styles.frame} aria-labelledby={`settings-${id}`}>
      <Subtitle2 as="h2" id={`settings-${id}`}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

/** One editable row of a list (fields side by side, wrapping on narrow screens). */
export function EditorRow({ label, children }: { label: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div role="group" aria-label={label} className={styles.row}>
      {children}
    </div>
  );
}

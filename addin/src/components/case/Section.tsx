import { Button, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { AvailableCommand, CaseView } from '../../api/schemas';
import { OneClickCommand } from '../../forms/OneClickCommand';
import { oneClick } from '../../forms/registry';
import { buttonLabel } from './button-label';

const useStyles = makeStyles({
  section: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    scrollMarginTop: '8px',
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  heading: { outlineOffset: '2px' },
});

/** What a section needs to offer its commands. */
export interface SectionCommands {
  readonly view: CaseView;
  readonly commands: readonly AvailableCommand[];
  readonly onOpen: (command: AvailableCommand, title: string) => void;
  /** A one-click command was accepted: the page announces `message`. */
  readonly onDone: (message: string) => void;
}

/** A titled part of the case view with the available commands that belong to it. */
export function Section({
  id,
  title,
  children,
  actions,
}: {
  id: string;
  title: string;
  children: ReactNode;
  actions?: SectionCommands;
}) {
  const styles = useStyles();
  return (
    <section id={`section-${id}`} className={styles.section} aria-labelledby={`heading-${id}`}>
      <Subtitle2 as="h2" id={`heading-${id}`} tabIndex={-1} className={styles.heading}>
        {title}
      </Subtitle2>
      {children}
      {actions !== undefined && actions.commands.length > 0 && (
        <div className={styles.actions} aria-label={`${title}: what you can do`} role="group">
          {actions.commands.map((c) => {
            const text = buttonLabel(actions.view, c, actions.commands);
            const confirmation = oneClick[c.type];
            if (confirmation !== undefined)
              return (
                <OneClickCommand
                  key={`${c.type}:${JSON.stringify(c.params)}`}
                  view={actions.view}
                  command={c}
                  text={text}
                  confirmation={confirmation}
                  onDone={actions.onDone}
                />
              );
            return (
              <Button
                key={`${c.type}:${JSON.stringify(c.params)}`}
                data-command={c.type}
                onClick={() => {
                  actions.onOpen(c, text);
                }}
              >
                {text}
              </Button>
            );
          })}
        </div>
      )}
    </section>
  );
}

import { Button, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { AvailableCommand, CaseView } from '../../api/schemas';
import { ApiProblem } from '../ApiProblem';
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
  // The last refusal of a one-click command: kept here, as its button may go once the case is
  // read again (the command no longer offered).
  const [refused, setRefused] = useState<{ text: string; error: unknown } | null>(null);
  const refusal = useRef<HTMLDivElement>(null);
  // The button clicked may be gone: focus goes to the refusal, not to the page's start.
  useEffect(() => {
    if (refused !== null) refusal.current?.focus();
  }, [refused]);
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
                  onDone={(message) => {
                    setRefused(null);
                    actions.onDone(message);
                  }}
                  onRefused={(error) => {
                    setRefused({ text, error });
                  }}
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
      {refused !== null && (
        <div ref={refusal} tabIndex={-1}>
          <ApiProblem error={refused.error} title={`${refused.text}: not saved`} />
        </div>
      )}
    </section>
  );
}

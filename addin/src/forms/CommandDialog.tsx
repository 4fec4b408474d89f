import {
  Button,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { AvailableCommand, CaseView, Outline } from '../api/schemas';
import { formFor } from './registry';

/** Props of one available command's button. */
export interface CommandDialogProps {
  readonly command: AvailableCommand;
  readonly view: CaseView;
  readonly outline: Outline | undefined;
  readonly onDone: (message: string) => void;
  readonly primary?: boolean;
  /** The button's text when it differs from the command's label (several options of one command). */
  readonly buttonText?: string;
}

/** A button for an available command that opens its form; Fluent's dialog traps and restores focus. */
export function CommandDialog({
  command,
  view,
  outline,
  onDone,
  primary,
  buttonText,
}: CommandDialogProps) {
  const [open, setOpen] = useState(false);
  const Form = formFor(command.type);
  return (
    <Dialog
      open={open}
      onOpenChange={(_e, d) => {
        setOpen(d.open);
      }}
      modalType="modal"
    >
      <DialogTrigger disableButtonEnhancement>
        <Button appearance={primary === true ? 'primary' : 'secondary'} data-command={command.type}>
          {buttonText ?? command.label}
        </Button>
      </DialogTrigger>
      <DialogSurface
        aria-describedby={undefined}
        style={{ maxWidth: 'min(640px, calc(100vw - 24px))', boxSizing: 'border-box' }}
      >
        <DialogBody>
          <DialogTitle
            action={
              <DialogTrigger action="close">
                <Button appearance="subtle" aria-label="Close">
                  ✕
                </Button>
              </DialogTrigger>
            }
          >
            {buttonText ?? command.label}
          </DialogTitle>
          <DialogContent>
            <Form
              command={command}
              view={view}
              outline={outline}
              onDone={(message) => {
                setOpen(false);
                onDone(message);
              }}
            />
          </DialogContent>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

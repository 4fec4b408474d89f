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

/** Props of the case page's one command dialog. */
export interface CommandDialogProps {
  /** The command being filled in; null when no form is open. */
  readonly open: { command: AvailableCommand; title: string } | null;
  readonly view: CaseView;
  readonly outline: Outline | undefined;
  readonly onClose: () => void;
  readonly onDone: (message: string) => void;
}

/**
 * The form of the command the user chose, in a modal dialog (Fluent traps focus in it). It is owned
 * by the page, not by the button: a form stays open when its command stops being available
 * (e.g. the plan reached its target limit), so a further submit is answered by the API's refusal.
 */
export function CommandDialog({ open, view, outline, onClose, onDone }: CommandDialogProps) {
  // The last form stays rendered while the dialog animates closed; the Dialog itself stays
  // mounted so Fluent can undo what it did to the rest of the page (aria-hidden, focus trap).
  const [last, setLast] = useState(open);
  if (open !== null && open !== last) setLast(open);
  const shown = open ?? last;
  const Form = shown === null ? null : formFor(shown.command.type);
  return (
    <Dialog
      open={open !== null}
      modalType="modal"
      onOpenChange={(_e, d) => {
        if (!d.open) onClose();
      }}
    >
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
            {shown?.title}
          </DialogTitle>
          <DialogContent>
            {shown !== null && Form !== null && (
              <Form
                key={`${shown.command.type}:${JSON.stringify(shown.command.params)}`}
                command={shown.command}
                view={view}
                outline={outline}
                onDone={onDone}
              />
            )}
          </DialogContent>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

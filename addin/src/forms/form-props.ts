import type { AvailableCommand, CaseView, Outline } from '../api/schemas';

/** What every command form gets. `onDone` receives the case as it now is and a message to announce. */
export interface FormProps {
  readonly command: AvailableCommand;
  readonly view: CaseView;
  readonly outline: Outline | undefined;
  readonly onDone: (message: string) => void;
}

import type { CaseCommand } from '../domain/commands';
import type { DecisionContext } from '../domain/context';
import type { CaseState } from '../domain/state';

/** What a guard may look at. `command` is absent when listing available commands. */
export interface GuardContext {
  readonly ctx: DecisionContext;
  readonly state: CaseState;
  readonly command: CaseCommand | undefined;
}

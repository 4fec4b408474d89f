import type { CaseCommandType } from '../domain/commands';
import type { AvailableCommand } from '../domain/view';
import type { ActionData, ExecuteAction } from './card-types';
import { execute } from './elements';
import { neutralise, truncate } from './safe-text';
import { verbs } from './verbs';

type Params = AvailableCommand['params'];
type DataFor = (caseId: string, params: Params) => ActionData | null;

// The commands a card can start; everything else is done in the tab. Data holds ids only: the
// signing role is not sent back, the service works it out from the actor (Z1).
const dataFor: Partial<Record<CaseCommandType, DataFor>> = {
  signPlan: (caseId, p) =>
    typeof p.planVersion === 'number'
      ? { verb: verbs.openSignPlan, caseId, planVersion: p.planVersion }
      : null,
  scheduleMeeting: (caseId, p) =>
    typeof p.meetingDefinitionId === 'string'
      ? { verb: verbs.openScheduleMeeting, caseId, meetingDefinitionId: p.meetingDefinitionId }
      : null,
  recordReview: (caseId) => ({ verb: verbs.openReview, caseId }),
  raiseConcern: (caseId) => ({ verb: verbs.openRaiseConcern, caseId }),
  retryDelivery: (caseId, p) =>
    typeof p.effectId === 'string'
      ? { verb: verbs.retryDelivery, caseId, effectId: p.effectId }
      : null,
  // One click for the course tutor: the school asked her to get in touch (ME-05).
  acknowledgeConcern: (caseId, p) =>
    typeof p.concernId === 'string'
      ? { verb: verbs.acknowledgeConcern, caseId, concernId: p.concernId }
      : null,
};

/** Buttons for exactly the commands the viewer may issue now (`view.available`), one per distinct action. */
export function caseButtons(
  caseId: string,
  available: readonly AvailableCommand[],
): ExecuteAction[] {
  const buttons = new Map<string, ExecuteAction>();
  for (const command of available) {
    const data = dataFor[command.type]?.(caseId, command.params) ?? null;
    const key = JSON.stringify(data);
    if (data === null || buttons.has(key)) continue;
    const style = command.type === 'signPlan' ? 'positive' : undefined;
    buttons.set(key, execute(truncate(neutralise(command.label), 60), data, style));
  }
  return [...buttons.values()];
}

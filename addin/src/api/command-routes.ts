/** How a case command is sent: method and path under `cases/{caseId}/`; `{field}` comes from the command. */
export interface CommandRoute {
  readonly method: 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
}

/**
 * Every case command's route (the same table the API's `commandRoute`s declare; a unit test checks
 * this against the OpenAPI document so the two cannot drift).
 */
export const commandRoutes: Readonly<Record<string, CommandRoute>> = {
  addParticipant: { method: 'POST', path: 'participants' },
  removeParticipant: { method: 'DELETE', path: 'participants/{participantId}' },
  raiseConcern: { method: 'POST', path: 'concerns' },
  acknowledgeConcern: { method: 'POST', path: 'concerns/{concernId}/acknowledgement' },
  startStage: { method: 'POST', path: 'stages' },
  setPlanDetails: { method: 'PUT', path: 'plan' },
  addTarget: { method: 'POST', path: 'targets' },
  updateTarget: { method: 'PUT', path: 'targets/{targetId}' },
  removeTarget: { method: 'DELETE', path: 'targets/{targetId}' },
  setReviewDate: { method: 'PUT', path: 'review-date' },
  signPlan: { method: 'POST', path: 'signatures' },
  scheduleMeeting: { method: 'POST', path: 'meetings' },
  recordMeetingHeld: { method: 'POST', path: 'meetings/{meetingId}/held' },
  cancelMeeting: { method: 'POST', path: 'meetings/{meetingId}/cancellation' },
  recordObservation: { method: 'POST', path: 'observations' },
  recordReview: { method: 'POST', path: 'reviews' },
  recordFinalOutcome: { method: 'POST', path: 'final-outcome' },
  completeDuty: { method: 'POST', path: 'duties/{dutyId}' },
  recordAppealDecision: { method: 'POST', path: 'appeal/decision' },
  recordAppealOutcome: { method: 'POST', path: 'appeal/outcome' },
  addComment: { method: 'POST', path: 'comments' },
  recordImp: { method: 'POST', path: 'imp' },
  correctEntry: { method: 'POST', path: 'corrections' },
  retryDelivery: { method: 'POST', path: 'deliveries/{effectId}/retry' },
  recordDfeHandoff: { method: 'POST', path: 'dfe-handoff' },
  closeCase: { method: 'POST', path: 'closure' },
};

/** A command ready to send: method, the full path and the body without the path's fields. */
export interface CommandRequest {
  readonly method: string;
  readonly path: string;
  readonly body: Record<string, unknown> | undefined;
}

/** Builds the request for `type` on `caseId` from the command's fields; undefined for an unknown type. */
export function commandRequest(
  caseId: string,
  type: string,
  fields: Readonly<Record<string, unknown>>,
): CommandRequest | undefined {
  const route = commandRoutes[type];
  if (route === undefined) return undefined;
  const inPath = new Set<string>();
  const path = route.path.replace(/\{([A-Za-z]+)\}/g, (_all, name: string) => {
    inPath.add(name);
    return encodeURIComponent(String(fields[name]));
  });
  const body = Object.fromEntries(Object.entries(fields).filter(([name]) => !inPath.has(name)));
  const empty = Object.keys(body).length === 0;
  return {
    method: route.method,
    path: `cases/${encodeURIComponent(caseId)}/${path}`,
    body: route.method === 'DELETE' && empty ? undefined : body,
  };
}

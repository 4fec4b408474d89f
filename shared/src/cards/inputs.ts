/** The ids of card inputs; Teams merges their values into the action's `data` by these names. */
export const inputIds = {
  typedFullName: 'typedFullName',
  caseId: 'caseId',
  category: 'category',
  description: 'description',
  seriousIncident: 'seriousIncident',
  date: 'date',
  time: 'time',
  durationMinutes: 'durationMinutes',
  attendees: 'attendees',
  online: 'online',
  heldOn: 'heldOn',
  notes: 'notes',
} as const;

/** The input holding whether one target was met at a review. */
export function metInputId(targetId: string): string {
  return `met-${targetId}`;
}

/** The input holding the evidence for one target at a review. */
export function evidenceInputId(targetId: string): string {
  return `evidence-${targetId}`;
}
